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
    /// change of the people, and so is the count of the plans, moved plan by plan: when a plan changes, only that plan is
    /// read again, taken out of the count as it was and put back as it is.
    /// </remarks>
    public async Task<DevelopmentHealthView> OfAsync(CareerGraph graph, IReadOnlyCollection<int>? visible, string visibleKey, string? unit = null, CancellationToken ct = default)
    {
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var cycle = await plans.GetAsync(db, PlanService.Cycle(today), ct);
        var people = $"{visibleKey}:{unit?.ToUpperInvariant()}";
        var counted = index.Remember(graph, $"development-people:{people}", () => Counted.Of(graph, index, visible, unit));
        var count = index.Remember(graph, $"development:{cycle.Cycle}:{today.DayNumber}:{people}", () => new PlanCount(counted, today.AddDays(-PlanService.ReviewDays)));
        lock (count)
        {
            // A count already past this request's state (another request read a later one meanwhile) is only fresher.
            if (count.Sequence < cycle.Sequence)
            {
                if (plans.ChangesSince(count.Sequence, cycle.Sequence) is { } changes)
                    foreach (var change in changes)
                    {
                        foreach (var p in change.Removed) count.Add(graph, index, p, -1);
                        foreach (var p in change.Added) count.Add(graph, index, p, +1);
                    }
                else count.Recount(graph, index, cycle.Plans);
                count.Sequence = cycle.Sequence;
            }
            return count.View(cycle.Cycle, unit);
        }
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

    /// <summary>
    /// The plans of the people counted, as of one state of the cycle's plans (<see cref="Sequence"/>): each plan adds to
    /// the figures, and a plan read again takes its earlier self out. Gaps are worked out with the index's ratings, so a
    /// count lives no longer than they do (the index forgets what it keeps at the next rating).
    /// </summary>
    sealed class PlanCount(Counted counted, DateOnly overdueBefore)
    {
        static readonly PlanStatus[] Statuses = Enum.GetValues<PlanStatus>();
        readonly int[] byStatus = new int[Statuses.Length];
        // Actions by strategy (null for none) and status, counted by number rather than by a text key per action.
        readonly Dictionary<string, int[]> strategies = new(StringComparer.Ordinal);
        readonly int[] unnamed = new int[3];
        readonly Dictionary<int, int> plansOfRow = [];
        readonly List<double> waits = [];
        readonly List<string> shortOn = [];
        int overdue, gaps, gapsWithAction;

        /// <summary>The state of the cycle's plans counted; -1 before the first count.</summary>
        public long Sequence { get; set; } = -1;

        public void Recount(CareerGraph graph, RatingIndex index, IEnumerable<PlanFact> plans)
        {
            Array.Clear(byStatus);
            strategies.Clear();
            Array.Clear(unnamed);
            plansOfRow.Clear();
            waits.Clear();
            overdue = gaps = gapsWithAction = 0;
            foreach (var p in plans) Add(graph, index, p, +1, sorted: false);
            waits.Sort();
        }

        /// <param name="sign">+1 to count the plan, -1 to take it out as it was counted.</param>
        public void Add(CareerGraph graph, RatingIndex index, PlanFact p, int sign, bool sorted = true)
        {
            if (index.RowOf(p.EmployeeId) is not (>= 0 and var row) || !counted.Rows[row]) return;
            byStatus[(int)p.Status] += sign;
            var held = plansOfRow.GetValueOrDefault(row) + sign;
            if (held == 0) plansOfRow.Remove(row); else plansOfRow[row] = held;
            if (p.Status == PlanStatus.Submitted && p.SubmittedOn < overdueBefore) overdue += sign;
            foreach (var a in p.Actions)
            {
                var counts = a.Strategy is null ? unnamed : strategies.TryGetValue(a.Strategy, out var known) ? known : strategies[a.Strategy] = new int[3];
                counts[(int)a.Status] += sign;
            }
            foreach (var wait in p.ApprovalWaits)
            {
                if (!sorted) waits.Add(wait);
                else
                {
                    var at = waits.BinarySearch(wait);
                    if (sign > 0) waits.Insert(at >= 0 ? at : ~at, wait);
                    else if (at >= 0) waits.RemoveAt(at);
                }
            }

            // Gaps toward the plan's first target role (else the person's own role), and whether an action takes one on.
            var target = p.TargetRoles.FirstOrDefault(t => graph.Role(t) is not null) ?? index.Role(row);
            index.Shortfalls(graph, row, target, shortOn);
            gaps += sign * shortOn.Count;
            foreach (var competency in shortOn)
                if (p.Actions.Any(a => string.Equals(a.Competency, competency, StringComparison.OrdinalIgnoreCase))) gapsWithAction += sign;
        }

        public DevelopmentHealthView View(string cycle, string? unit)
        {
            var actions = strategies.Where(s => s.Value.Sum() > 0).Select(s => new StrategyActions(s.Key, s.Value[0], s.Value[1], s.Value[2]));
            if (unnamed.Sum() > 0) actions = actions.Append(new StrategyActions(null, unnamed[0], unnamed[1], unnamed[2]));
            return new(cycle, unit, counted.Headcount, plansOfRow.Count,
                [.. Statuses.Select(s => new PlanStatusCount(s, byStatus[(int)s]))], overdue,
                [.. actions.OrderByDescending(s => s.NotStarted + s.InProgress + s.Done).ThenBy(s => s.Strategy, StringComparer.Ordinal)],
                gaps, gapsWithAction, waits.Count, waits.Count == 0 ? null : Math.Round(Median(waits), 1), counted.Coverage);
        }
    }

    static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
