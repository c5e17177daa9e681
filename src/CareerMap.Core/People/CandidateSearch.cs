using CareerMap.Data;
using CareerMap.Paths;

namespace CareerMap.People;

public sealed record Candidate(string EmployeeNumber, string Name, string CurrentRole, string Unit, string Grade, string? Location, int MonthsInRole,
    double Readiness, bool ReadyNow, int EstimatedMonths, string Bench, IReadOnlyList<string> BiggestGaps);

public sealed record Bench(int ReadyNow, int WithinAYear, int Later);

public sealed record Candidates(string Role, int Considered, Bench Bench, IReadOnlyList<Candidate> Top);

/// <summary>A talent search's condition: a competency at a level or above (the person's effective rating).</summary>
public sealed record SkillCondition(string Competency, int Level);

/// <summary>
/// Who to look at for a role: people now in other roles, narrowed by where they work, their grade, time in role, a
/// language they speak, a credential they hold, and competencies at a level or above: every one of them, or with
/// <see cref="AnySkill"/> at least one.
/// </summary>
public sealed record CandidateFilter(string? Unit = null, string? Location = null, string? Grade = null, int? MinTenure = null, string? Language = null,
    IReadOnlyList<SkillCondition>? Skills = null, bool AnySkill = false, string? Credential = null);

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
        var facts = await ratings.FactsAsync(db, index, today, ct);
        var allowed = index.RoleCodes.Select(code => graph.Role(code) is { } r && !string.Equals(r.Code, role, StringComparison.OrdinalIgnoreCase)
            && (filter.Unit is null || string.Equals(r.Unit, filter.Unit, StringComparison.OrdinalIgnoreCase))
            && (filter.Grade is null || string.Equals(r.Grade, filter.Grade, StringComparison.OrdinalIgnoreCase))).ToArray();
        int? startedBy = filter.MinTenure is > 0 ? PeopleDirectory.StartedByForMonths(today, filter.MinTenure.Value).DayNumber : null;
        // Languages and credentials are the prerequisite facts' rows (ascending), read once with the index.
        var speakers = filter.Language is { } language ? facts.Speakers(language.Trim()) : null;
        var holders = filter.Credential is { } credential ? facts.HoldersOf(credential.Trim()) : null;
        var skills = filter.Skills ?? [];
        bool Skilled(int row) => skills.Count == 0
            || (filter.AnySkill ? skills.Any(c => index.Level(row, c.Competency) >= c.Level) : skills.All(c => index.Level(row, c.Competency) >= c.Level));
        bool Include(int row) => allowed[index.RoleSlot(row)]
            && (filter.Location is null || string.Equals(index.LocationOf(row), filter.Location, StringComparison.OrdinalIgnoreCase))
            && (startedBy is null || index.RoleStartDay(row) <= startedBy)
            && (speakers is null || Array.BinarySearch(speakers, row) >= 0)
            && (holders is null || Array.BinarySearch(holders, row) >= 0)
            && Skilled(row);

        var ranking = index.RankAll(graph.Needs(role), take * 3, Include, visible);
        // The bench counts prerequisites too, person by person, as the succession report does.
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

    /// <summary>
    /// A talent search's competency conditions from a form or query, paired by position (competency[i] at level[i]; a
    /// pair left blank is no condition), or each wrong one placed ("competency[1]", "level[0]") with its reason.
    /// </summary>
    public static (IReadOnlyList<SkillCondition> Skills, Dictionary<string, string[]> Problems) ReadSkills(CareerGraph graph, IReadOnlyList<string?> competencies,
        IReadOnlyList<int?> levels, Microsoft.Extensions.Localization.IStringLocalizer L)
    {
        var skills = new List<SkillCondition>();
        var problems = new Dictionary<string, string[]>();
        var top = graph.Document.Organization.TopLevel;
        for (var i = 0; i < Math.Max(competencies.Count, levels.Count); i++)
        {
            var code = i < competencies.Count && !string.IsNullOrWhiteSpace(competencies[i]) ? competencies[i]!.Trim() : null;
            var level = i < levels.Count ? levels[i] : null;
            if (code is null && level is null) continue;
            var competency = code is null ? null : graph.Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
            if (code is null) problems[$"competency[{i}]"] = [L["choose the competency this level is for"]];
            else if (competency is null) problems[$"competency[{i}]"] = [L["no competency '{0}' in the framework", code]];
            if (level is null) problems[$"level[{i}]"] = [L["choose the lowest level to look for, 1 to {0}", top]];
            else if (level < 1 || level > top) problems[$"level[{i}]"] = [L["a level runs from 1 to {0}", top]];
            if (competency is not null && level is >= 1 && level <= top) skills.Add(new(competency.Code, level.Value));
        }
        return (skills, problems);
    }

    /// <summary>The locations people work at, for a filter's choices.</summary>
    public async Task<IReadOnlyList<string>> LocationsAsync(CancellationToken ct = default) =>
        (await ratings.GetAsync(db, clock.Today(), ct)).Locations;
}
