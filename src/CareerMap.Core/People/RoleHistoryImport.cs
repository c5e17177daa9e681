using System.Text.Json;
using CareerMap.Audit;
using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareerMap.People;

/// <summary>One change of a history file: the person, the day, the role left (none for a first role) and the role entered, with where each came from.</summary>
public sealed record HistoryRow(string Number, DateOnly On, string? FromRole, string ToRole, Func<string, string> Place);

public sealed record RoleHistoryReport(bool Applied, bool DryRun, IReadOnlyList<ImportProblem> Problems, int Added, int AlreadyOnRecord, int People)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Brings an organization's past into the role history: the changes people went through before CareerMap's record of
/// them begins (the roster's role start date, SCIM, the upgrade that started the history). All or nothing, with every
/// problem at its line or cell; a row already on record is skipped, so the same file can be imported twice.
/// </summary>
public static class RoleHistoryImport
{
    public static readonly string[] Columns = ["EmployeeNumber", "Date", "FromRole", "ToRole"];
    static readonly PeopleFileShape Shape = new(Columns, ["EmployeeNumber", "Date", "ToRole"], "History", "role history", "changes");

    public static (List<HistoryRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(Stream input, string fileName)
    {
        var problems = new ImportProblems();
        var rows = new List<HistoryRow>();
        foreach (var record in PeopleFile.Read(input, fileName, Shape, problems))
        {
            var before = problems.Total;
            foreach (var column in Shape.Required)
                if (record.Text(column) is null) problems.Add(new(record.Place(column), $"{column} is required"));
            var on = PeopleFile.Date(record, "Date", problems);
            if (problems.Total == before)
                rows.Add(new(record.Text("EmployeeNumber")!, on!.Value, record.Text("FromRole"), record.Text("ToRole")!, record.Place));
        }
        return (rows, problems);
    }

    /// <summary>
    /// Checks each person's changes as one chain — each change leaves the role the one before it entered, and the last
    /// leads into where the record begins — then appends them in one transaction unless it is a dry run.
    /// </summary>
    public static async Task<RoleHistoryReport> ImportAsync(CareerMapDb db, TimeProvider clock, IReadOnlyList<HistoryRow> rows, IReadOnlyList<ImportProblem> readProblems,
        bool dryRun, ILogger logger, CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("role history import");
        var problems = new ImportProblems(readProblems);
        var today = clock.Today();
        var roles = await db.Roles.AsNoTracking().Select(r => r.Code).ToDictionaryAsync(c => c, StringComparer.OrdinalIgnoreCase, ct);
        var numbers = rows.Select(r => r.Number).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var people = new Dictionary<string, (int Id, string Role, DateOnly Since)>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in numbers.Chunk(1_000))
            foreach (var e in await db.Employees.AsNoTracking().Where(e => chunk.Contains(e.EmployeeNumber))
                .Select(e => new { e.Id, e.EmployeeNumber, Role = e.Role.Code, e.RoleStartDate }).ToListAsync(ct))
                people[e.EmployeeNumber] = (e.Id, e.Role, e.RoleStartDate);
        var ids = people.Values.Select(p => p.Id).ToList();
        var onRecord = new Dictionary<int, List<RoleChange>>();
        foreach (var chunk in ids.Chunk(1_000))
            foreach (var c in await db.RoleChanges.AsNoTracking().Where(c => chunk.Contains(c.EmployeeId)).OrderBy(c => c.On).ThenBy(c => c.Id).ToListAsync(ct))
                (onRecord.TryGetValue(c.EmployeeId, out var list) ? list : onRecord[c.EmployeeId] = []).Add(c);

        var added = new List<RoleChangeRow>();
        var already = 0;
        foreach (var row in rows)
        {
            if (!people.ContainsKey(row.Number)) problems.Add(new(row.Place("EmployeeNumber"), $"no person has employee number {row.Number}; import the roster first"));
            if (row.On > today) problems.Add(new(row.Place("Date"), $"{row.On:yyyy-MM-dd} is in the future"));
            foreach (var (column, code) in new[] { ("FromRole", row.FromRole), ("ToRole", row.ToRole) })
                if (code is not null && !roles.ContainsKey(code)) problems.Add(new(row.Place(column), $"unknown role '{code}'"));
            if (row.FromRole is not null && string.Equals(row.FromRole, row.ToRole, StringComparison.OrdinalIgnoreCase))
                problems.Add(new(row.Place("ToRole"), $"leaves and enters {row.ToRole}: not a change of role"));
        }
        if (problems.Count == 0)
            foreach (var chain in rows.GroupBy(r => r.Number, StringComparer.OrdinalIgnoreCase))
                already += Chain(chain.Key, [.. chain.OrderBy(r => r.On)]);

        if (problems.Count > 0 || dryRun)
        {
            if (!dryRun) logger.RoleHistoryImportRefused(problems.Total, problems[0].Place);
            CareerMapTelemetry.CountImport("role history", dryRun ? "dry-run" : "refused");
            return new(false, dryRun, problems, added.Count, already, added.Select(a => a.EmployeeId).Distinct().Count());
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RoleHistory.AddAsync(db, added, ct);
        var touched = added.Select(a => a.EmployeeId).Distinct().Count();
        if (added.Count > 0)
        {
            await ChangeStamps.BumpAsync(db, ChangeArea.People, ct);
            db.Audit.Add(new AuditEntry
            {
                Actor = AuditEntry.CurrentActor, Entity = nameof(RoleChange), Key = "(role history import)", Action = "imported",
                After = JsonSerializer.Serialize(new { added = added.Count, people = touched, alreadyOnRecord = already }),
            });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        logger.RoleHistoryImported(added.Count, touched, already);
        CareerMapTelemetry.CountImport("role history", "applied");
        return new(true, false, [], added.Count, already, touched);

        // One person's rows in date order against what is on record; returns how many were on record already.
        int Chain(string number, List<HistoryRow> chain)
        {
            var (id, role, since) = people[number];
            var stored = onRecord.GetValueOrDefault(id) ?? [];
            bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            // A blank FromRole is the role the change before it entered: none for the first, which is a hire.
            var left = new Dictionary<HistoryRow, string?>();
            for (var i = 0; i < chain.Count; i++) left[chain[i]] = chain[i].FromRole ?? (i > 0 ? chain[i - 1].ToRole : null);
            bool Duplicates(HistoryRow r, RoleChange c) => c.On == r.On && Same(c.ToRole, r.ToRole) && Same(c.FromRole, left[r]);
            // A row the record already holds (from the roster or SCIM) is skipped; one an earlier history file brought stays in the chain.
            var past = chain.Where(r => !stored.Any(c => c.Source != RoleChangeSource.Imported && Duplicates(r, c))).ToList();
            var known = chain.Count - past.Count + past.Count(r => stored.Any(c => Duplicates(r, c)));
            // Where the record begins: its first change not brought by a history file. The file tells what came before it.
            var begins = stored.FirstOrDefault(c => c.Source != RoleChangeSource.Imported);
            var ends = begins is null ? (On: since, Into: role, What: $"they hold {role} since {since:yyyy-MM-dd}")
                : begins.FromRole is null ? (On: begins.On, Into: begins.ToRole, What: $"the record begins with {begins.ToRole} on {begins.On:yyyy-MM-dd}")
                : (On: begins.On, Into: begins.FromRole, What: $"the record begins with a move out of {begins.FromRole} on {begins.On:yyyy-MM-dd}");
            string? previous = null;
            HistoryRow? last = null;
            foreach (var r in past)
            {
                if (last is not null && last.On == r.On)
                    problems.Add(new(r.Place("Date"), $"{number} has two changes on {r.On:yyyy-MM-dd}; {last.Place("Date")} is the other"));
                else if (r.On > ends.On || (r.On == ends.On && begins is { FromRole: not null }))
                    problems.Add(new(r.Place("Date"), $"{r.On:yyyy-MM-dd} is not before the history on record for {number}: {ends.What}; a history file brings what came before"));
                else if (previous is not null && r.FromRole is not null && !Same(previous, r.FromRole))
                    problems.Add(new(r.Place("FromRole"), $"{number} leaves {r.FromRole}, but the change before ({last!.Place("Date")}) moved them into {previous}"));
                if (!stored.Any(c => Duplicates(r, c))) added.Add(new(id, r.On, left[r] is { } from ? roles[from] : null, roles[r.ToRole], RoleChangeSource.Imported));
                previous = r.ToRole;
                last = r;
            }
            if (last is not null && !Same(last.ToRole, ends.Into))
                problems.Add(new(last.Place("ToRole"), $"{number}'s last change here enters {last.ToRole}, but {ends.What}; add the change that leads there"));
            return known;
        }
    }
}
