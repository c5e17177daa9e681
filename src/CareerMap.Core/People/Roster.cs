using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerMap.Audit;
using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareerMap.People;

/// <summary>One person of a roster file, with where each field came from.</summary>
public sealed record RosterRow(string Number, string Name, string Email, string Role, string? Manager, DateOnly HireDate, DateOnly RoleStartDate,
    string? Location, IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications, int ContactCenterMonths, Func<string, string> Place);

/// <summary>Someone the import starts in a role: a new hire, or a person moved into another role, from the file's role start date.</summary>
public sealed record RosterEntrant(string EmployeeNumber, string Role, DateOnly Start);

/// <summary>One dated credential of a roster's Credentials sheet (or credentials file), with where each field came from.</summary>
public sealed record RosterCredential(string Number, string Name, string? Kind, string? Issuer, string? CredentialNumber, DateOnly? IssuedOn, DateOnly? ExpiresOn,
    Func<string, string> Place);

/// <summary>What a roster file holds: its people, their dated credentials, and what could not be read.</summary>
public sealed record RosterFile(List<RosterRow> Rows, List<RosterCredential> Credentials, IReadOnlyList<ImportProblem> Problems);

/// <param name="Credentials">How many dated credentials an applied import added or changed (none when the file names them as stored).</param>
public sealed record RosterReport(bool Applied, bool DryRun, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, int Unchanged,
    IReadOnlyList<RosterEntrant> Entrants, int Credentials = 0)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports people from CSV or Excel, all or nothing: every problem is reported with its line or cell and
/// nothing is written unless the whole file is sound. People already stored and absent from the file are kept.
/// Dated credentials come on a workbook's Credentials sheet, or for a CSV roster in a second file of the same columns,
/// one row per credential; each is recorded or replaced by person and name, and credentials the file does not name are kept.
/// </summary>
public static partial class Roster
{
    public static readonly string[] Columns = ["EmployeeNumber", "Name", "Email", "Role", "Manager", "HireDate", "RoleStartDate", "Location", "Languages", "Certifications", "ContactCenterMonths"];
    static readonly string[] Required = ["EmployeeNumber", "Name", "Email", "Role", "HireDate", "RoleStartDate"];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    static readonly PeopleFileShape Shape = new(Columns, Required, "People", "roster", "people");

    /// <summary>The columns of the Credentials sheet (or credentials file): one row per credential a person holds.</summary>
    public static readonly string[] CredentialColumns = ["EmployeeNumber", "Name", "Kind", "Issuer", "Number", "IssuedOn", "ExpiresOn"];
    static readonly PeopleFileShape CredentialShape = new(CredentialColumns, ["EmployeeNumber", "Name", "Kind"], "Credentials", "credentials file", "credentials");

    /// <summary>Reads a roster, with the credentials on its workbook's Credentials sheet or in a credentials file beside a CSV roster.</summary>
    public static RosterFile Read(Stream input, string fileName, Stream? credentials = null, string? credentialsFileName = null)
    {
        var problems = new ImportProblems();
        var rows = new List<RosterRow>();
        var sheet = new List<PeopleFileRow>();
        var records = PeopleFile.Read(input, fileName, Shape, problems, (CredentialShape, sheet));
        if (credentials is not null)
        {
            var name = credentialsFileName ?? "credentials.csv";
            if (sheet.Count > 0) problems.Add(new(name, "the roster workbook has a Credentials sheet already: send the credentials one way"));
            else
            {
                // A second file's places name it, so they are not taken for the roster's own lines.
                var own = new ImportProblems();
                foreach (var record in PeopleFile.Read(credentials, name, CredentialShape, own))
                    sheet.Add(record with { Place = column => $"{name}: {record.Place(column)}" });
                foreach (var p in own) problems.Add(p.Place.StartsWith(name, StringComparison.Ordinal) ? p : new($"{name}: {p.Place}", p.Message));
            }
        }
        var held = new List<RosterCredential>();
        foreach (var record in sheet)
        {
            var before = problems.Total;
            foreach (var column in CredentialShape.Required)
                if (record.Text(column) is null) problems.Add(new(record.Place(column), $"{column} is required"));
            var issued = PeopleFile.Date(record, "IssuedOn", problems);
            var expires = PeopleFile.Date(record, "ExpiresOn", problems);
            if (problems.Total == before)
                held.Add(new(record.Text("EmployeeNumber")!, record.Text("Name")!, record.Text("Kind"), record.Text("Issuer"), record.Text("Number"), issued, expires, record.Place));
        }
        foreach (var record in records)
        {
            var place = record.Place;
            var before = problems.Total;
            var Text = record.Text;
            foreach (var column in Required)
                if (Text(column) is null) problems.Add(new(place(column), $"{column} is required"));
            if (Text("EmployeeNumber") is { } number && EmployeeNumbers.Problem(number) is { } why) problems.Add(new(place("EmployeeNumber"), why));
            var hire = PeopleFile.Date(record, "HireDate", problems) ?? default;
            var start = PeopleFile.Date(record, "RoleStartDate", problems) ?? default;
            if (problems.Total == before && start < hire) problems.Add(new(place("RoleStartDate"), $"the role start date {start:yyyy-MM-dd} is before the hire date {hire:yyyy-MM-dd}"));
            if (Text("Email") is { } email && !EmailPattern().IsMatch(email)) problems.Add(new(place("Email"), $"'{email}' is not an email address"));
            var months = 0;
            if (Text("ContactCenterMonths") is { } m && (!int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out months) || months < 0))
                problems.Add(new(place("ContactCenterMonths"), $"expected a whole number of months, found '{m}'"));
            static List<string> List(string? text) => [.. (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (problems.Total == before)
                rows.Add(new(Text("EmployeeNumber")!, Text("Name")!, Text("Email")!, Text("Role")!, Text("Manager"), hire, start, Text("Location"),
                    List(Text("Languages")), List(Text("Certifications")), months, place));
        }
        return new(rows, held, problems);
    }

    /// <summary>Checks the rows against each other and the database, then writes them in one transaction unless it is a dry run.</summary>
    /// <param name="today">The day of the import: a credential cannot be issued after it.</param>
    public static async Task<RosterReport> ImportAsync(CareerMapDb db, RosterFile file, bool dryRun, DateOnly today, ILogger logger, CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("roster import");
        var rows = file.Rows;
        var problems = new ImportProblems(file.Problems);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase, ct);
        var stored = await db.Employees.AsNoTracking().ToDictionaryAsync(e => e.EmployeeNumber, StringComparer.OrdinalIgnoreCase, ct);
        var numberOf = stored.Values.ToDictionary(e => e.Id, e => e.EmployeeNumber);
        var storedEmails = stored.Values.ToDictionary(e => e.Email, e => e.EmployeeNumber, StringComparer.OrdinalIgnoreCase);
        var inFile = rows.Select(r => r.Number).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, RosterRow>(StringComparer.OrdinalIgnoreCase);
        var emails = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (!seen.TryAdd(row.Number, row)) problems.Add(new(row.Place("EmployeeNumber"), $"duplicate employee number {row.Number}: {seen[row.Number].Place("EmployeeNumber")} has it too"));
            if (!emails.TryAdd(row.Email, row.Number)) problems.Add(new(row.Place("Email"), $"email {row.Email} is already given to {emails[row.Email]}"));
            else if (storedEmails.TryGetValue(row.Email, out var owner) && !string.Equals(owner, row.Number, StringComparison.OrdinalIgnoreCase))
                problems.Add(new(row.Place("Email"), $"email {row.Email} belongs to {owner} already"));
            if (!roles.ContainsKey(row.Role)) problems.Add(new(row.Place("Role"), $"unknown role '{row.Role}'"));
            if (row.Manager is { } m && !inFile.Contains(m) && !stored.ContainsKey(m))
                problems.Add(new(row.Place("Manager"), $"manager {m} is neither in the file nor already stored"));
            if (string.Equals(row.Manager, row.Number, StringComparison.OrdinalIgnoreCase)) problems.Add(new(row.Place("Manager"), $"{row.Number} cannot manage themselves"));
        }
        // Reporting lines after the import: the file's rows over what is stored.
        var managerOf = stored.Values.ToDictionary(e => e.EmployeeNumber, e => e.ManagerId is int id ? numberOf.GetValueOrDefault(id) : null, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows) managerOf[row.Number] = row.Manager;
        foreach (var (row, cycle) in Cycles(rows, managerOf)) problems.Add(new(row.Place("Manager"), $"manager cycle: {string.Join(" → ", cycle)} → {row.Number}"));
        var credentials = CheckCredentials(file.Credentials, inFile, stored, today, problems);

        var added = rows.Where(r => !stored.ContainsKey(r.Number)).Select(r => r.Number).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var changed = rows.Where(r => stored.TryGetValue(r.Number, out var e) && Differs(e, r, roles, numberOf)).Select(r => r.Number).ToList();
        var unchanged = stored.Count - changed.Count;
        if (problems.Count > 0 || dryRun)
        {
            if (!dryRun) logger.RosterImportRefused(problems.Total, problems[0].Place);
            CareerMapTelemetry.CountImport("roster", dryRun ? "dry-run" : "refused");
            return new(false, dryRun, problems, added, changed, unchanged, []);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = new Dictionary<string, int>(stored.Count + added.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var e in stored.Values) ids[e.EmployeeNumber] = e.Id;
        var newIds = await PeopleWriter.NewIdsAsync(db, added.Count, ct);
        for (var i = 0; i < added.Count; i++) ids[added[i]] = newIds[i];
        PersonRow Person(RosterRow r) => new(ids[r.Number], r.Number, r.Name, r.Email, roles[r.Role], r.Manager is null ? null : ids[r.Manager], r.HireDate, r.RoleStartDate,
            r.Location, r.Languages, r.Certifications, r.ContactCenterMonths);
        var changedSet = changed.ToHashSet(StringComparer.OrdinalIgnoreCase);
        await PeopleWriter.AddAsync(db, [.. rows.Where(r => !stored.ContainsKey(r.Number)).Select(Person)], ct: ct);
        await PeopleWriter.UpdateAsync(db, [.. rows.Where(r => changedSet.Contains(r.Number)).Select(Person)], ct);
        var codes = roles.ToDictionary(r => r.Value, r => r.Key);
        var moves = RoleChanges(rows, stored, roles, codes, ids).ToList();
        await RoleHistory.AddAsync(db, moves, ct);
        var credentialChanges = await RecordCredentialsAsync(db, credentials, ids, ct);
        await ChangeStamps.BumpAsync(db, ChangeArea.People, ct);
        // Written past the change tracker, so the import is recorded as one entry naming whom it added and changed.
        db.Audit.Add(new AuditEntry
        {
            Actor = AuditEntry.CurrentActor, Entity = nameof(Employee), Key = "(roster import)", Action = "imported",
            After = JsonSerializer.Serialize(new { added = added.Count, changed = changed.Count, unchanged, addedNumbers = Listed(added), changedNumbers = Listed(changed) }),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.RosterImported(added.Count, changed.Count, unchanged);
        CareerMapTelemetry.CountImport("roster", "applied");
        var numbers = ids.ToDictionary(x => x.Value, x => x.Key);
        return new(true, false, [], added, changed, unchanged, [.. moves.Select(m => new RosterEntrant(numbers[m.EmployeeId], m.ToRole, m.On))], credentialChanges);
    }

    /// <summary>Columns of the Credentials sheet by the field the credential rule names.</summary>
    static string ColumnOf(string field) => field switch
    {
        "name" => "Name", "kind" => "Kind", "issuer" => "Issuer", "number" => "Number", "issuedOn" => "IssuedOn", "expiresOn" => "ExpiresOn", _ => "Name",
    };

    /// <summary>Each credential row by the one credential rule, for a person in the file or on record, named once per person.</summary>
    static List<(string Number, CredentialInput Input)> CheckCredentials(List<RosterCredential> rows, HashSet<string> inFile,
        Dictionary<string, Employee> stored, DateOnly today, ImportProblems problems)
    {
        var checkedRows = new List<(string, CredentialInput)>();
        var seen = new Dictionary<(string, string), RosterCredential>();
        foreach (var row in rows)
        {
            if (!inFile.Contains(row.Number) && !stored.ContainsKey(row.Number))
                problems.Add(new(row.Place("EmployeeNumber"), $"no person has employee number {row.Number}: add them to the roster or import them first"));
            else if (!seen.TryAdd((row.Number.ToUpperInvariant(), row.Name.ToUpperInvariant()), row))
                problems.Add(new(row.Place("Name"), $"{row.Number}'s credential {row.Name} is listed twice: {seen[(row.Number.ToUpperInvariant(), row.Name.ToUpperInvariant())].Place("Name")} has it too"));
            var (input, problem) = CredentialInput.Of(row.Name, row.Kind, row.Issuer, row.CredentialNumber, row.IssuedOn, row.ExpiresOn, today);
            if (problem is not null) problems.Add(new(row.Place(ColumnOf(problem.Field)), problem.Reason));
            else checkedRows.Add((row.Number, input!));
        }
        return checkedRows;
    }

    /// <summary>Records or replaces the file's credentials through the change tracker (each one audited), saved with the import.</summary>
    static async Task<int> RecordCredentialsAsync(CareerMapDb db, List<(string Number, CredentialInput Input)> credentials, Dictionary<string, int> ids, CancellationToken ct)
    {
        if (credentials.Count == 0) return 0;
        var changes = 0;
        var byPerson = credentials.GroupBy(c => ids[c.Number]).ToList();
        foreach (var chunk in byPerson.Chunk(1_000))
        {
            var people = chunk.Select(g => g.Key).ToList();
            var stored = (await db.Set<Credential>().Where(c => people.Contains(c.EmployeeId)).ToListAsync(ct)).ToLookup(c => c.EmployeeId);
            foreach (var person in chunk)
                changes += Credentials.Apply(db, [.. stored[person.Key]], person.Select(p => p.Input), removeOthers: false,
                    name => new Credential { EmployeeId = person.Key, Name = name });
        }
        return changes;
    }

    /// <summary>
    /// Each new person's first role on record, from their role start date, and each stored person's move to another role
    /// on the file's role start date. The file's role codes are written as HR's framework spells them.
    /// </summary>
    static IEnumerable<RoleChangeRow> RoleChanges(IReadOnlyList<RosterRow> rows, Dictionary<string, Employee> stored, Dictionary<string, int> roles, Dictionary<int, string> codes,
        Dictionary<string, int> ids)
    {
        foreach (var r in rows)
        {
            var to = codes[roles[r.Role]];
            if (!stored.TryGetValue(r.Number, out var e)) yield return new(ids[r.Number], r.RoleStartDate, null, to, RoleChangeSource.Roster);
            else if (e.RoleId != roles[r.Role]) yield return new(e.Id, r.RoleStartDate, codes[e.RoleId], to, RoleChangeSource.Roster);
        }
    }

    const int AuditedNumbers = 1_000;

    static List<string> Listed(List<string> numbers) =>
        numbers.Count <= AuditedNumbers ? numbers : [.. numbers.Take(AuditedNumbers), $"… and {numbers.Count - AuditedNumbers:N0} more"];

    /// <summary>
    /// Every manager cycle once, at the first row on it, written from that row round: one walk per person, each person
    /// visited once, so a file of 100,000 rows is checked in linear time.
    /// </summary>
    static List<(RosterRow Row, List<string> Cycle)> Cycles(IReadOnlyList<RosterRow> rows, Dictionary<string, string?> managerOf)
    {
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: on the walk now; true: done
        var onCycle = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var walk = new List<string>();
            for (var at = row.Number; at is not null && !state.ContainsKey(at); at = managerOf.GetValueOrDefault(at))
            {
                state[at] = false;
                walk.Add(at);
                if (managerOf.GetValueOrDefault(at) is { } next && state.TryGetValue(next, out var done) && !done)
                {
                    var from = walk.FindIndex(n => string.Equals(n, next, StringComparison.OrdinalIgnoreCase));
                    if (walk.Count - from > 1) onCycle.UnionWith(walk.Skip(from));
                }
            }
            foreach (var n in walk) state[n] = true;
        }
        var found = new List<(RosterRow, List<string>)>();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => onCycle.Contains(r.Number) && !reported.Contains(r.Number)))
        {
            var cycle = new List<string> { row.Number };
            for (var at = managerOf[row.Number]!; !string.Equals(at, row.Number, StringComparison.OrdinalIgnoreCase); at = managerOf[at]!) cycle.Add(at);
            reported.UnionWith(cycle);
            found.Add((row, cycle));
        }
        return found;
    }

    static bool Differs(Employee e, RosterRow r, Dictionary<string, int> roles, Dictionary<int, string> numberOf)
    {
        var storedManager = e.ManagerId is int id ? numberOf.GetValueOrDefault(id) : null;
        return e.Name != r.Name || !string.Equals(e.Email, r.Email, StringComparison.OrdinalIgnoreCase) || e.RoleId != roles.GetValueOrDefault(r.Role)
            || e.HireDate != r.HireDate || e.RoleStartDate != r.RoleStartDate || e.Location != r.Location || e.ContactCenterMonths != r.ContactCenterMonths
            || !e.Languages.SequenceEqual(r.Languages) || !e.Certifications.SequenceEqual(r.Certifications)
            || !string.Equals(storedManager, r.Manager, StringComparison.OrdinalIgnoreCase);
    }
}
