using CareerMap.Data;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Reports;

public sealed record PlanStatusCount(PlanStatus Status, int Plans);

public sealed record StrategyActions(string? Strategy, int NotStarted, int InProgress, int Done);

/// <summary>Whose ratings stand on what: a manager's rating from the last 12 months on any competency, only their own ratings, or none.</summary>
public sealed record AssessmentCoverage(int People, int ManagerRated, int SelfRatedOnly, int NotAssessed);

/// <summary>
/// Whether development is happening, among the people the viewer may see: this cycle's plans by status, plans waiting
/// for review past the 14 days, actions by strategy and status, how long a submitted plan waits for approval, and
/// whose ratings are current.
/// </summary>
/// <remarks>Gaps are those of people with a plan this cycle, toward the plan's first target role (else their own role):
/// GapsWithAction of them have an action on that competency.</remarks>
public sealed record DevelopmentHealthView(string Cycle, string? Unit, int People, int WithPlan, IReadOnlyList<PlanStatusCount> Plans, int Overdue,
    IReadOnlyList<StrategyActions> Actions, int Gaps, int GapsWithAction, int Approvals, double? MedianDaysToApproval, AssessmentCoverage Coverage);

public sealed class DevelopmentHealth(CareerMapDb db, RatingIndexCache ratings, PlanFactsCache plans, TimeProvider clock)
{
    /// <param name="visible">The people the viewer may see (employee ids, <c>PeopleAccess.VisibleIdsAsync</c>); null for everyone.</param>
    /// <param name="visibleKey">Names that set of people (<c>PeopleAccess.VisibleKey</c>), so what is worked out for it can be kept for it.</param>
    /// <param name="unit">Only people in roles of this unit (a unit code); null for every unit.</param>
    /// <remarks>
    /// Counted in memory from the rating index (who is active, their role and ratings) and the cycle's plans as
    /// <see cref="PlanFactsCache"/> keeps them. Who is counted and whose ratings stand are kept until the next rating or
    /// change of the people; the whole answer until the next change of a plan too: after a plan changes, only that plan
    /// is read again and only the plans are counted again.
    /// </remarks>
    public async Task<DevelopmentHealthView> OfAsync(CareerGraph graph, IReadOnlyCollection<int>? visible, string visibleKey, string? unit = null, CancellationToken ct = default)
    {
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var cycle = await plans.GetAsync(db, PlanService.Cycle(today), ct);
        var people = $"{visibleKey}:{unit?.ToUpperInvariant()}";
        return index.Remember(graph, $"development:{cycle.Cycle}:{cycle.Stamp}:{today.DayNumber}:{people}",
            () => Tally(graph, index, cycle, index.Remember(graph, $"development-people:{people}", () => Counted.Of(graph, index, visible, unit)), unit, today));
    }

    /// <summary>The rows counted (active people the viewer may see, in roles of the unit), and how their ratings stand.</summary>
    sealed record Counted(bool[] Rows, int Headcount, AssessmentCoverage Coverage)
    {
        public static Counted Of(CareerGraph graph, RatingIndex index, IReadOnlyCollection<int>? visible, string? unit)
        {
            var inUnit = index.RoleCodes.Select(code => unit is null || string.Equals(graph.Role(code)?.Unit, unit, StringComparison.OrdinalIgnoreCase)).ToArray();
            var rows = new bool[index.Count];
            var ids = visible is null && unit is null ? null : new List<int>();
            if (visible is null)
            {
                for (var row = 0; row < index.Count; row++)
                    if (inUnit[index.RoleSlot(row)]) { rows[row] = true; ids?.Add(index.EmployeeId(row)); }
            }
            else foreach (var id in visible)
                if (index.RowOf(id) is >= 0 and var row && !rows[row] && inUnit[index.RoleSlot(row)]) { rows[row] = true; ids!.Add(id); }
            var (managerRated, selfOnly, none) = index.Coverage(ids);
            return new(rows, ids?.Count ?? index.Count, new AssessmentCoverage(managerRated + selfOnly + none, managerRated, selfOnly, none));
        }
    }

    static DevelopmentHealthView Tally(CareerGraph graph, RatingIndex index, PlanFactsCache.Snapshot cycle, Counted counted, string? unit, DateOnly today)
    {
        var statuses = Enum.GetValues<PlanStatus>();
        var byStatus = new int[statuses.Length];
        // Actions by strategy (null for none) and status, counted by number rather than by a text key per action.
        var strategies = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var unnamed = new int[3];
        var withPlan = new bool[index.Count];
        var people = 0;
        var waits = new List<double>();
        var cutoff = today.AddDays(-PlanService.ReviewDays);
        int overdue = 0, gaps = 0, gapsWithAction = 0;
        var shortOn = new List<string>();
        foreach (var p in cycle.Plans)
        {
            if (index.RowOf(p.EmployeeId) is not (>= 0 and var row) || !counted.Rows[row]) continue;
            byStatus[(int)p.Status]++;
            if (!withPlan[row]) { withPlan[row] = true; people++; }
            if (p.Status == PlanStatus.Submitted && p.SubmittedOn < cutoff) overdue++;
            foreach (var a in p.Actions)
            {
                var counts = a.Strategy is null ? unnamed : strategies.TryGetValue(a.Strategy, out var known) ? known : strategies[a.Strategy] = new int[3];
                counts[(int)a.Status]++;
            }
            waits.AddRange(p.ApprovalWaits);

            // Gaps toward the plan's first target role (else the person's own role), and whether an action takes one on.
            var target = p.TargetRoles.FirstOrDefault(t => graph.Role(t) is not null) ?? index.Role(row);
            index.Shortfalls(graph, row, target, shortOn);
            gaps += shortOn.Count;
            foreach (var competency in shortOn)
                if (p.Actions.Any(a => string.Equals(a.Competency, competency, StringComparison.OrdinalIgnoreCase))) gapsWithAction++;
        }
        waits.Sort();

        var actions = strategies.Select(s => new StrategyActions(s.Key, s.Value[0], s.Value[1], s.Value[2]));
        if (unnamed.Sum() > 0) actions = actions.Append(new StrategyActions(null, unnamed[0], unnamed[1], unnamed[2]));
        return new(cycle.Cycle, unit, counted.Headcount, people,
            [.. statuses.Select(s => new PlanStatusCount(s, byStatus[(int)s]))], overdue,
            [.. actions.OrderByDescending(s => s.NotStarted + s.InProgress + s.Done).ThenBy(s => s.Strategy, StringComparer.Ordinal)],
            gaps, gapsWithAction, waits.Count, waits.Count == 0 ? null : Math.Round(Median(waits), 1), counted.Coverage);
    }

    static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
