using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.People;

/// <summary>A person as the people features see them: who, where, and what is known for readiness.</summary>
public sealed record PersonRecord(int Id, string EmployeeNumber, string Name, string Email, string Role, string? Location, int? ManagerId,
    DateOnly HireDate, DateOnly RoleStartDate, PersonState State);

/// <summary>
/// How many people a list holds, per list (who is looking, what they searched) and per state of the people and the
/// framework (their change stamps): paging through a million people counts them once, and any change counts again.
/// </summary>
public sealed class PeopleCounts
{
    const int Kept = 4096;
    readonly System.Collections.Concurrent.ConcurrentDictionary<((long, long) Stamps, string Visible, string Text), int> known = new();
    (long, long) stamps;

    public async Task<int> GetAsync(((long, long) Stamps, string Visible, string Text) list, Func<Task<int>> count)
    {
        if (known.TryGetValue(list, out var total)) return total;
        total = await count();
        // Entries of older stamps are never asked again: start afresh rather than grow.
        if (known.Count >= Kept || stamps != list.Stamps) known.Clear();
        stamps = list.Stamps;
        known[list] = total;
        return total;
    }
}

/// <summary>A person as a list shows them: no ratings, read in the same query as the page of the list.</summary>
public sealed record PersonListing(string EmployeeNumber, string Name, string Email, string Role, string? Location, string? ManagerNumber,
    DateOnly HireDate, DateOnly RoleStartDate, int MonthsInRole);

public sealed record AssessmentView(long Id, string Competency, int Level, AssessmentSource Source, string? AssessedBy, DateOnly AssessedOn, string? Evidence);

public sealed class PeopleDirectory(CareerMapDb db, FrameworkService framework, PeopleCounts counts, ReviewCycles cycles, IStringLocalizer<SharedResource> L)
{
    /// <summary>One page of the people an account may see (a query of their ids; null: everyone), found by name, number, role title or location, in name order.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    /// <param name="visibleKey">Names the visible set (PeopleAccess.VisibleKey), so its count can be kept.</param>
    public async Task<(IReadOnlyList<PersonListing> Page, int Total)> SearchAsync(IQueryable<int>? visible, string visibleKey, string? q, int page, int size, DateOnly today, CancellationToken ct = default)
    {
        var query = db.Employees.AsNoTracking().Where(e => e.DeactivatedOn == null);
        if (visible is not null) query = query.Where(e => visible.Contains(e.Id));
        var text = string.IsNullOrWhiteSpace(q) ? "" : q.Trim();
        if (text.Length > 0) query = await MatchingAsync(query, text, ct);
        // Counting a million people costs more than the page itself; the count stands until people or the framework change.
        var stamps = await ChangeStamps.ReadAsync(db, ct);
        var total = await counts.GetAsync((stamps, visibleKey, text.ToLowerInvariant()), () => query.CountAsync(ct));
        var rows = await query.OrderBy(e => e.Name).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size)
            .Select(e => new { e.EmployeeNumber, e.Name, e.Email, Role = e.Role.Code, e.Location, Manager = e.Manager != null ? e.Manager.EmployeeNumber : null, e.HireDate, e.RoleStartDate })
            .ToListAsync(ct);
        return ([.. rows.Select(e => new PersonListing(e.EmployeeNumber, e.Name, e.Email, e.Role, e.Location, e.Manager, e.HireDate, e.RoleStartDate, MonthsBetween(e.RoleStartDate, today)))], total);
    }

    /// <summary>
    /// People whose name, number or location contains the text, or whose role's title does. A million people are not read
    /// to answer: the role titles (a few hundred) are matched here, and the rest through a trigram index (pg_trgm on
    /// PostgreSQL, the FTS5 table employees_search on SQLite, both from migration PeopleSearch).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    async Task<IQueryable<Employee>> MatchingAsync(IQueryable<Employee> people, string text, CancellationToken ct)
    {
        var key = text.ToLowerInvariant();
        // A role is found by its title as the organization writes it and as the reader reads it.
        var titles = (await framework.SnapshotAsync(ct)).Document.Roles.Concat((await framework.ReadingAsync(ct)).Document.Roles)
            .Where(r => r.Title.Contains(key, StringComparison.OrdinalIgnoreCase)).Select(r => r.Code).Distinct().ToList();
        // Text that names a role matches a good part of the organization: reading the table is the right plan then.
        if (titles.Count > 0)
        {
            var roles = db.Roles.Where(r => titles.Contains(r.Code)).Select(r => r.Id);
            return people.Where(e => e.Name.ToLower().Contains(key) || e.EmployeeNumber.ToLower().Contains(key)
                || (e.Location != null && e.Location.ToLower().Contains(key)) || roles.Contains(e.RoleId));
        }
        if (db.Database.IsNpgsql())
        {
            var pattern = "%" + key.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            return people.Where(e => EF.Functions.ILike(e.Name, pattern, @"\") || EF.Functions.ILike(e.EmployeeNumber, pattern, @"\")
                || (e.Location != null && EF.Functions.ILike(e.Location, pattern, @"\")));
        }
        var exact = people.Where(e => e.Name.ToLower().Contains(key) || e.EmployeeNumber.ToLower().Contains(key) || (e.Location != null && e.Location.ToLower().Contains(key)));
        // The trigram table answers three letters or more; a shorter text is rare and reads the table.
        if (key.Length < 3) return exact;
        var phrase = "\"" + key.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var found = db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM employees_search WHERE employees_search MATCH {phrase}""");
        return exact.Where(e => found.Contains(e.Id));
    }

    /// <summary>What is known of one person for readiness and routes.</summary>
    public async Task<PersonState?> StateAsync(int employeeId, DateOnly today, CancellationToken ct = default) =>
        (await LoadAsync([employeeId], today, ct)) is [var person, ..] ? person.State : null;

    /// <summary>One person known to exist (the person in a route, already resolved).</summary>
    public async Task<PersonRecord> PersonAsync(int employeeId, DateOnly today, CancellationToken ct = default) => (await LoadAsync([employeeId], today, ct))[0];

    public Task<string?> NameOfAsync(int employeeId, CancellationToken ct = default) =>
        db.Employees.Where(e => e.Id == employeeId).Select(e => e.Name).FirstOrDefaultAsync(ct);

    public Task<string?> NumberOfAsync(int employeeId, CancellationToken ct = default) =>
        db.Employees.Where(e => e.Id == employeeId).Select(e => e.EmployeeNumber).FirstOrDefaultAsync(ct);

    public async Task<int?> IdOfAsync(string employeeNumber, CancellationToken ct = default) =>
        await db.Employees.Where(e => e.EmployeeNumber == employeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);

    /// <summary>People with their effective ratings, in bulk; null ids means everyone.</summary>
    public async Task<IReadOnlyList<PersonRecord>> LoadAsync(IReadOnlyCollection<int>? ids, DateOnly today, CancellationToken ct = default)
    {
        var people = db.Employees.AsNoTracking();
        var ratings = db.Assessments.AsNoTracking();
        if (ids is not null)
        {
            people = people.Where(e => ids.Contains(e.Id));
            ratings = ratings.Where(a => ids.Contains(a.EmployeeId));
        }
        var rows = await people.Select(e => new { e.Id, e.EmployeeNumber, e.Name, e.Email, Role = e.Role.Code, e.Location, e.ManagerId, e.HireDate, e.RoleStartDate, e.ContactCenterMonths, e.Certifications, e.Languages })
            .OrderBy(e => e.Id).ToListAsync(ct);
        var history = (await ratings.Select(a => new { a.EmployeeId, Competency = a.Competency.Code, a.Level, a.Source, a.AssessedOn, a.Id }).ToListAsync(ct))
            .ToLookup(a => a.EmployeeId);
        var records = await Credentials.RecordsAsync(db, ids, ct);
        return [.. rows.Select(e =>
        {
            var effective = EffectiveRatings.From(history[e.Id].Select(a => (a.Competency, a.Level, a.Source, a.AssessedOn, a.Id)), today);
            var credentials = CredentialHolding.Of(e.Certifications, records[e.Id], today);
            var state = new PersonState(e.EmployeeNumber, e.Name, e.Role, MonthsBetween(e.RoleStartDate, today), e.ContactCenterMonths,
                effective.ToDictionary(x => x.Key, x => x.Value.Level, StringComparer.OrdinalIgnoreCase),
                credentials.Held, e.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase)) { Ratings = effective, Expired = credentials.Expired };
            return new PersonRecord(e.Id, e.EmployeeNumber, e.Name, e.Email, e.Role, e.Location, e.ManagerId, e.HireDate, e.RoleStartDate, state);
        })];
    }

    /// <summary>The person's role changes, newest first, each with its kind of move in today's framework.</summary>
    public async Task<IReadOnlyList<RoleChangeView>> RolesHeldAsync(int employeeId, CancellationToken ct = default) =>
        await RoleHistory.OfAsync(db, (await framework.SnapshotAsync(ct)).Document, employeeId, ct);

    public async Task<IReadOnlyList<AssessmentView>> HistoryAsync(int employeeId, CancellationToken ct = default)
    {
        var rows = await db.Assessments.AsNoTracking().Where(a => a.EmployeeId == employeeId)
            .Select(a => new { a.Id, Competency = a.Competency.Code, a.Level, a.Source, a.AssessorId, a.AssessedOn, a.Evidence })
            .ToListAsync(ct);
        var assessors = await db.Employees.AsNoTracking().Where(e => rows.Select(r => r.AssessorId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        return [.. rows.OrderByDescending(r => r.AssessedOn).ThenByDescending(r => r.Id)
            .Select(r => new AssessmentView(r.Id, r.Competency, r.Level, r.Source,
                r.AssessorId is int a && assessors.TryGetValue(a, out var name) ? name : null, r.AssessedOn, r.Evidence))];
    }

    /// <summary>Appends a rating; history is never overwritten. Returns the field errors, in the reader's language, when the rating is refused.</summary>
    public async Task<(AssessmentView? Saved, Dictionary<string, string[]> Errors)> RecordAsync(int employeeId, string? competency, int? level, AssessmentSource source,
        int? assessorId, string? evidence, DateOnly today, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var snapshot = await framework.SnapshotAsync(ct);
        var known = CheckCompetencyAndLevel(snapshot.Document, competency, level, L, errors);
        if (evidence is { Length: > 2000 }) errors["evidence"] = [L["evidence is limited to 2,000 characters"]];
        if (errors.Count > 0) return (null, errors);
        var competencyId = await db.Competencies.Where(c => c.Code == known!.Code).Select(c => c.Id).FirstAsync(ct);
        var row = new Assessment
        {
            EmployeeId = employeeId, CompetencyId = competencyId, Level = level!.Value, Source = source, AssessorId = assessorId,
            AssessedOn = today, Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim(), CycleId = await cycles.CycleOfAsync(employeeId, ct),
        };
        db.Assessments.Add(row);
        await db.SaveChangesAsync(ct);
        var assessor = assessorId is int id ? await db.Employees.Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct) : null;
        return (new AssessmentView(row.Id, known!.Code, row.Level, source, assessor, row.AssessedOn, row.Evidence), errors);
    }

    /// <summary>The competency a rating or a badge names, or null with the field errors (competency, level) added in the reader's language.</summary>
    public static CompetencyDto? CheckCompetencyAndLevel(FrameworkDocument document, string? competency, int? level, IStringLocalizer L, Dictionary<string, string[]> errors)
    {
        var top = document.Organization.TopLevel;
        var known = document.Competencies.FirstOrDefault(c => string.Equals(c.Code, competency, StringComparison.OrdinalIgnoreCase));
        if (string.IsNullOrWhiteSpace(competency)) errors["competency"] = [L["competency is required"]];
        else if (known is null) errors["competency"] = [L["unknown competency '{0}'", competency]];
        if (level is null) errors["level"] = [L["level is required"]];
        else if (level < 1 || level > top) errors["level"] = [L["level {0} is outside 1..{1}", level.Value, top]];
        return known;
    }

    /// <summary>
    /// The last day a role could have started for someone to have at least that many whole months in it today:
    /// MonthsBetween(start, today) ≥ months exactly when start ≤ this day (months ≥ 1). Filters compare a day number
    /// instead of working out months for each of a million people.
    /// </summary>
    public static DateOnly StartedByForMonths(DateOnly today, int months) => today.AddMonths(-months);

    public static int MonthsBetween(DateOnly from, DateOnly to) =>
        Math.Max(0, (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0));
}
