using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareerMap.Audit;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Spreadsheets;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareerMap.People;

/// <summary>One person of a roster file, with where each field came from.</summary>
public sealed record RosterRow(string Number, string Name, string Email, string Role, string? Manager, DateOnly HireDate, DateOnly RoleStartDate,
    string? Location, IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications, int ContactCenterMonths, Func<string, string> Place);

public sealed record RosterReport(bool Applied, bool DryRun, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Added, IReadOnlyList<string> Changed, int Unchanged)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports people from CSV or Excel, all or nothing: every problem is reported with its line or cell and
/// nothing is written unless the whole file is sound. People already stored and absent from the file are kept.
/// </summary>
public static partial class Roster
{
    public static readonly string[] Columns = ["EmployeeNumber", "Name", "Email", "Role", "Manager", "HireDate", "RoleStartDate", "Location", "Languages", "Certifications", "ContactCenterMonths"];
    static readonly string[] Required = ["EmployeeNumber", "Name", "Email", "Role", "HireDate", "RoleStartDate"];

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static (List<RosterRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(Stream input, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var problems = new ImportProblems();
        List<(Dictionary<string, string?> Cells, Func<string, string> Place)> records;
        try
        {
            records = ext switch
            {
                ".csv" => ReadCsv(input, problems),
                ".xlsx" => ReadXlsx(input, fileName, problems),
                _ => throw new FormatException("unknown file type: expected a .csv or .xlsx roster"),
            };
        }
        catch (SpreadsheetRefusedException e)
        {
            return ([], new ImportProblems([new(e.Place, e.Message)]));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException or CsvFormatException or ArgumentException)
        {
            return ([], new ImportProblems([new(fileName, e is FormatException ? e.Message : $"the file can't be read as a roster ({e.GetType().Name})")]));
        }
        var rows = new List<RosterRow>();
        foreach (var (cells, place) in records)
        {
            var ok = true;
            string? Text(string column) => cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            foreach (var column in Required)
                if (Text(column) is null) { problems.Add(new(place(column), $"{column} is required")); ok = false; }
            if (Text("EmployeeNumber") is { } number && EmployeeNumbers.Problem(number) is { } why) { problems.Add(new(place("EmployeeNumber"), why)); ok = false; }
            DateOnly Date(string column)
            {
                var text = Text(column);
                if (text is null) return default;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt) && text.Contains(':', StringComparison.Ordinal)) return DateOnly.FromDateTime(dt);
                problems.Add(new(place(column), $"'{text}' is not a date in the form yyyy-MM-dd"));
                ok = false;
                return default;
            }
            var hire = Date("HireDate");
            var start = Date("RoleStartDate");
            if (ok && start < hire) { problems.Add(new(place("RoleStartDate"), $"the role start date {start:yyyy-MM-dd} is before the hire date {hire:yyyy-MM-dd}")); ok = false; }
            if (Text("Email") is { } email && !EmailPattern().IsMatch(email)) { problems.Add(new(place("Email"), $"'{email}' is not an email address")); ok = false; }
            var months = 0;
            if (Text("ContactCenterMonths") is { } m && (!int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out months) || months < 0))
            {
                problems.Add(new(place("ContactCenterMonths"), $"expected a whole number of months, found '{m}'"));
                ok = false;
            }
            static List<string> List(string? text) => [.. (text ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            if (ok)
                rows.Add(new(Text("EmployeeNumber")!, Text("Name")!, Text("Email")!, Text("Role")!, Text("Manager"), hire, start, Text("Location"),
                    List(Text("Languages")), List(Text("Certifications")), months, place));
        }
        return (rows, problems);
    }

    static List<(Dictionary<string, string?>, Func<string, string>)> ReadCsv(Stream input, ImportProblems problems)
    {
        var records = new List<(Dictionary<string, string?>, Func<string, string>)>();
        var limits = SpreadsheetLimits.Default;
        if (input.CanSeek && input.Length - input.Position > limits.FileBytes) throw new FormatException($"the file is larger than {limits.FileBytes >> 20} MB; split it");
        using var csv = CsvReader.Create(input, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true }, true);
        try
        {
            var headers = csv.Headers.Select(h => h.Trim()).ToArray();
            if (headers.Length == 0 || headers.All(h => h.Length == 0)) throw new FormatException("the file is empty: expected a header line naming the columns");
            if (headers.Length > limits.Columns) throw new FormatException($"line 1 has {headers.Length:N0} columns; a roster has at most {limits.Columns:N0}");
            CheckHeaders(headers, _ => "line 1", problems);
            while (csv.Read())
            {
                var line = csv.LineNumber;
                if (records.Count >= limits.Rows - 1)
                {
                    problems.Add(new($"line {line}", $"the roster has more than {limits.Rows - 1:N0} people; split the file"));
                    break;
                }
                var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Length; i++) cells[headers[i]] = i < csv.FieldCount ? csv.GetString(i) : null;
                if (cells.FirstOrDefault(c => c.Value?.Length > limits.CellLength) is { Key: { } tooLong })
                {
                    problems.Add(new($"line {line}, {tooLong}", $"the cell holds more than {limits.CellLength:N0} characters, the most a cell may hold"));
                    continue;
                }
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                records.Add((cells, column => $"line {line}, {column}"));
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(new("csv", $"malformed CSV: {e.Message}"));
        }
        return records;
    }

    static List<(Dictionary<string, string?>, Func<string, string>)> ReadXlsx(Stream input, string fileName, ImportProblems problems)
    {
        var sheets = Spreadsheet.Read(input, fileName);
        var ws = sheets.FirstOrDefault(w => string.Equals(w.Name, "People", StringComparison.OrdinalIgnoreCase)) ?? sheets[0];
        var headers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, cell) in ws.Used(1)) headers.TryAdd(cell.Text.Trim(), column);
        CheckHeaders([.. headers.Keys], c => $"{ws.Name}!1", problems);
        var records = new List<(Dictionary<string, string?>, Func<string, string>)>();
        for (var row = 2; row <= ws.LastRow; row++)
        {
            if (ws.IsEmpty(row)) continue;
            var r = row;
            var cells = headers.ToDictionary(h => h.Key, string? (h) => ws.Text(r, h.Value), StringComparer.OrdinalIgnoreCase);
            records.Add((cells, column => headers.TryGetValue(column, out var c) ? ws.Address(r, c) : $"{ws.Name}!{r}"));
        }
        return records;
    }

    static void CheckHeaders(IReadOnlyCollection<string> headers, Func<string, string> place, ImportProblems problems)
    {
        foreach (var missing in Required.Where(r => !headers.Contains(r, StringComparer.OrdinalIgnoreCase)))
            problems.Add(new(place(missing), $"column '{missing}' is missing; the columns are {string.Join(", ", Columns)}"));
        foreach (var unknown in headers.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)))
            problems.Add(new(place(unknown), $"unknown column '{unknown}'; the columns are {string.Join(", ", Columns)}"));
    }

    /// <summary>Checks the rows against each other and the database, then writes them in one transaction unless it is a dry run.</summary>
    public static async Task<RosterReport> ImportAsync(CareerMapDb db, IReadOnlyList<RosterRow> rows, IReadOnlyList<ImportProblem> readProblems, bool dryRun, ILogger logger, CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("roster import");
        var problems = new ImportProblems(readProblems);
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

        var added = rows.Where(r => !stored.ContainsKey(r.Number)).Select(r => r.Number).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var changed = rows.Where(r => stored.TryGetValue(r.Number, out var e) && Differs(e, r, roles, numberOf)).Select(r => r.Number).ToList();
        var unchanged = stored.Count - changed.Count;
        if (problems.Count > 0 || dryRun)
        {
            if (!dryRun) logger.RosterImportRefused(problems.Total, problems[0].Place);
            CareerMapTelemetry.CountImport("roster", dryRun ? "dry-run" : "refused");
            return new(false, dryRun, problems, added, changed, unchanged);
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
        await RoleHistory.AddAsync(db, [.. RoleChanges(rows, stored, roles, codes, ids)], ct);
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
        return new(true, false, [], added, changed, unchanged);
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
