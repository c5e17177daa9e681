using CareerMap.Data;
using CareerMap.Paths;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.People;

public sealed record Candidate(string EmployeeNumber, string Name, string CurrentRole, string Unit, string Grade, string? Location, int MonthsInRole,
    double Readiness, bool ReadyNow, int EstimatedMonths, string Bench, IReadOnlyList<string> BiggestGaps);

public sealed record Bench(int ReadyNow, int WithinAYear, int Later);

public sealed record Candidates(string Role, int Considered, Bench Bench, IReadOnlyList<Candidate> Top);

/// <summary>Who to look at for a role: people now in other roles, narrowed by where they work, their grade, time in role and a language they speak.</summary>
public sealed record CandidateFilter(string? Unit = null, string? Location = null, string? Grade = null, int? MinTenure = null, string? Language = null);

/// <summary>
/// Internal candidates for a role, best first, and the bench (ready now, within a year, later) among everyone the viewer
/// may see: the rating index ranks everyone on competencies, then the shortlist is checked in full, prerequisites included.
/// </summary>
public sealed class CandidateSearch(CareerMapDb db, PeopleDirectory people, RatingIndexCache ratings, TimeProvider clock)
{
    public const string ReadyNow = "ready now", WithinAYear = "within a year", Later = "later";

    /// <param name="visible">The people the viewer may see; null for everyone (HR).</param>
    public async Task<Candidates> FindAsync(CareerGraph graph, string role, CandidateFilter filter, IReadOnlySet<int>? visible, int take, CancellationToken ct = default)
    {
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var allowed = index.RoleCodes.Select(code => graph.Role(code) is { } r && !string.Equals(r.Code, role, StringComparison.OrdinalIgnoreCase)
            && (filter.Unit is null || string.Equals(r.Unit, filter.Unit, StringComparison.OrdinalIgnoreCase))
            && (filter.Grade is null || string.Equals(r.Grade, filter.Grade, StringComparison.OrdinalIgnoreCase))).ToArray();
        int? startedBy = filter.MinTenure is > 0 ? PeopleDirectory.StartedByForMonths(today, filter.MinTenure.Value).DayNumber : null;
        var speakers = filter.Language is { } language ? await SpeakersAsync(language, ct) : null;
        bool Include(int row) => allowed[index.RoleSlot(row)]
            && (filter.Location is null || string.Equals(index.LocationOf(row), filter.Location, StringComparison.OrdinalIgnoreCase))
            && (startedBy is null || index.RoleStartDay(row) <= startedBy)
            && (speakers is null || speakers.Contains(index.EmployeeId(row)));

        var ranking = index.RankAll(graph.Needs(role), take * 3, Include, visible);
        // The bench counts prerequisites too, person by person, as the succession report does.
        var facts = await ratings.FactsAsync(db, index, today, ct);
        var considered = visible is null ? Enumerable.Range(0, index.Count).Where(Include).ToArray() : [.. index.RowsOf(visible).Where(Include)];
        var bench = new BenchJudge(graph, index, facts).Classify(graph.Role(role)!, graph.Needs(role), considered).Counts;
        var shortlist = await people.LoadAsync([.. ranking.Top.Select(t => index.EmployeeId(t.Row))], today, ct);
        var ranked = shortlist.Select(p =>
        {
            var step = PathFinder.Direct(graph, role, p.State);
            var r = Readiness.Of(graph, role, p.State, step.Prerequisites);
            var bench = r.ReadyNow ? ReadyNow : step.Months <= 12 ? WithinAYear : Later;
            return new Candidate(p.EmployeeNumber, p.Name, p.Role, graph.Role(p.Role)!.Unit, graph.Role(p.Role)!.Grade, p.Location, p.State.MonthsInRole,
                Math.Round(r.Percent, 4), r.ReadyNow, step.Months, bench, [.. r.Competencies.Where(c => c.Gap > 0).Take(3).Select(c => $"{c.Name} ({c.Effective}/{c.Required})")]);
        }).OrderByDescending(c => c.ReadyNow).ThenByDescending(c => c.Readiness).ThenBy(c => c.EstimatedMonths).ThenBy(c => c.EmployeeNumber, StringComparer.Ordinal).ToList();
        return new Candidates(graph.Role(role)?.Code ?? role, ranking.Considered, bench, [.. ranked.Take(take)]);
    }

    /// <summary>The locations people work at, for a filter's choices.</summary>
    public async Task<IReadOnlyList<string>> LocationsAsync(CancellationToken ct = default) =>
        (await ratings.GetAsync(db, clock.Today(), ct)).Locations;

    /// <summary>Everyone who speaks the language: languages live on the person, not in the rating index, so they are read once per search.</summary>
    async Task<HashSet<int>> SpeakersAsync(string language, CancellationToken ct)
    {
        // The list is stored as JSON text: a quoted, lower-cased match finds "Spanish" whole, never inside another name.
        var quoted = $"%\"{language.Trim().ToLowerInvariant().Replace("\"", "", StringComparison.Ordinal)}\"%";
        var ids = await db.Database.SqlQuery<int>($"""SELECT "Id" AS "Value" FROM employees WHERE lower("Languages") LIKE {quoted}""").ToListAsync(ct);
        return [.. ids];
    }
}
