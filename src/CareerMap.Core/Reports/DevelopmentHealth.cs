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
    /// <param name="visible">The people the viewer may see, as a query to compose; null for everyone.</param>
    /// <param name="visibleKey">Names that set of people (<c>PeopleAccess.VisibleKey</c>), so what is worked out for it can be kept for it.</param>
    /// <param name="unit">Only people in roles of this unit (a unit code); null for every unit.</param>
    /// <remarks>
    /// Counted in memory from the rating index (who is active, their role and ratings) and the cycle's plans as
    /// <see cref="PlanFactsCache"/> keeps them, and kept until the next change of a plan, a rating, the people or the
    /// framework: after a plan changes, only that plan is read again.
    /// </remarks>
    public async Task<DevelopmentHealthView> OfAsync(CareerGraph graph, IQueryable<int>? visible, string visibleKey, string? unit = null, CancellationToken ct = default)
    {
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var cycle = await plans.GetAsync(db, PlanService.Cycle(today), ct);
        return await index.RememberAsync(graph, $"development:{cycle.Cycle}:{cycle.Stamp}:{today.DayNumber}:{visibleKey}:{unit?.ToUpperInvariant()}",
            async () => Tally(graph, index, cycle, visible is null ? null : await visible.ToListAsync(ct), unit, today));
    }

    /// <param name="visible">Employee ids of the people the viewer may see; null for everyone.</param>
    static DevelopmentHealthView Tally(CareerGraph graph, RatingIndex index, PlanFactsCache.Snapshot cycle, IReadOnlyCollection<int>? visible, string? unit, DateOnly today)
    {
        // The rows counted: active people (the index holds only them) the viewer may see, in roles of the unit.
        var counted = new bool[index.Count];
        var unitOfSlot = new Dictionary<int, bool>();
        bool InUnit(int row)
        {
            if (unit is null) return true;
            var slot = index.RoleSlot(row);
            if (!unitOfSlot.TryGetValue(slot, out var inUnit))
                unitOfSlot[slot] = inUnit = string.Equals(graph.Role(index.Role(row))?.Unit, unit, StringComparison.OrdinalIgnoreCase);
            return inUnit;
        }
        var ids = visible is null && unit is null ? null : new List<int>();
        if (visible is null)
        {
            for (var row = 0; row < index.Count; row++)
                if (InUnit(row)) { counted[row] = true; ids?.Add(index.EmployeeId(row)); }
        }
        else foreach (var row in index.RowsOf(visible))
            if (InUnit(row)) { counted[row] = true; ids!.Add(index.EmployeeId(row)); }
        var headcount = ids?.Count ?? index.Count;

        var byStatus = new int[Enum.GetValues<PlanStatus>().Length];
        var actions = new Dictionary<(string? Strategy, ActionStatus Status), int>();
        var withPlan = new HashSet<int>();
        var waits = new List<double>();
        var cutoff = today.AddDays(-PlanService.ReviewDays);
        int overdue = 0, gaps = 0, gapsWithAction = 0;
        foreach (var p in cycle.Plans)
        {
            if (index.RowOf(p.EmployeeId) is not (>= 0 and var row) || !counted[row]) continue;
            byStatus[(int)p.Status]++;
            withPlan.Add(p.EmployeeId);
            if (p.Status == PlanStatus.Submitted && p.SubmittedOn < cutoff) overdue++;
            foreach (var a in p.Actions) actions[(a.Strategy, a.Status)] = actions.GetValueOrDefault((a.Strategy, a.Status)) + 1;
            waits.AddRange(p.ApprovalWaits);

            // Gaps toward the plan's first target role (else the person's own role), and whether an action takes one on.
            var target = p.TargetRoles.FirstOrDefault(t => graph.Role(t) is not null) ?? index.Role(row);
            foreach (var need in graph.Needs(target))
            {
                if (index.Level(row, need.Competency) >= need.Level) continue;
                gaps++;
                if (p.Actions.Any(a => string.Equals(a.Competency, need.Competency, StringComparison.OrdinalIgnoreCase))) gapsWithAction++;
            }
        }
        waits.Sort();
        var (managerRated, selfOnly, none) = index.Coverage(ids);

        return new(cycle.Cycle, unit, headcount, withPlan.Count,
            [.. Enum.GetValues<PlanStatus>().Select(s => new PlanStatusCount(s, byStatus[(int)s]))], overdue,
            [.. actions.GroupBy(a => a.Key.Strategy).Select(g => new StrategyActions(g.Key, Count(g, ActionStatus.NotStarted), Count(g, ActionStatus.InProgress), Count(g, ActionStatus.Done)))
                .OrderByDescending(s => s.NotStarted + s.InProgress + s.Done).ThenBy(s => s.Strategy, StringComparer.Ordinal)],
            gaps, gapsWithAction, waits.Count, waits.Count == 0 ? null : Math.Round(Median(waits), 1),
            new AssessmentCoverage(managerRated + selfOnly + none, managerRated, selfOnly, none));

        static int Count(IEnumerable<KeyValuePair<(string? Strategy, ActionStatus Status), int>> g, ActionStatus status) => g.Where(x => x.Key.Status == status).Sum(x => x.Value);
    }

    static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
