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

public sealed class DevelopmentHealth(CareerMapDb db, RatingIndexCache ratings, TimeProvider clock)
{
    /// <param name="visible">The people the viewer may see, as a query to compose; null for everyone.</param>
    /// <param name="visibleKey">Names that set of people (<c>PeopleAccess.VisibleKey</c>), so what is worked out for it can be kept for it.</param>
    /// <param name="unit">Only people in roles of this unit (a unit code); null for every unit.</param>
    /// <remarks>
    /// Kept until the next change of a plan, a rating, the people or the framework (the rating index's state and the plans'
    /// stamp): at a million people the first answer reads every plan of the cycle, the next ones are the same answer.
    /// </remarks>
    public async Task<DevelopmentHealthView> OfAsync(CareerGraph graph, IQueryable<int>? visible, string visibleKey, string? unit = null, CancellationToken ct = default)
    {
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var plans = await ChangeStamps.PlansAsync(db, ct);
        return await index.RememberAsync(graph, $"development:{plans}:{today.DayNumber}:{visibleKey}:{unit?.ToUpperInvariant()}",
            () => TallyAsync(graph, index, visible, unit, today, ct));
    }

    async Task<DevelopmentHealthView> TallyAsync(CareerGraph graph, RatingIndex index, IQueryable<int>? visible, string? unit, DateOnly today, CancellationToken ct)
    {
        var cycle = PlanService.Cycle(today);
        var people = db.Employees.AsNoTracking().Where(e => e.DeactivatedOn == null);
        if (visible is not null) people = people.Where(e => visible.Contains(e.Id));
        if (unit is not null) people = people.Where(e => e.Role.Unit.Code == unit);
        // Everyone's plans join their people by key; a subset of the people is asked for by id.
        var plans = visible is null && unit is null ? db.Plans.AsNoTracking().Where(p => p.Cycle == cycle && p.Employee.DeactivatedOn == null)
            : db.Plans.AsNoTracking().Where(p => p.Cycle == cycle && people.Select(e => e.Id).Contains(p.EmployeeId));

        var headcount = await people.CountAsync(ct);
        // Each of the cycle's plans and actions read once, counted here: at a million people one pass over rows beats a
        // query per figure, each filtering the plans afresh.
        var planRows = await plans.Select(p => new { p.Id, p.EmployeeId, p.Status, p.SubmittedOn, p.TargetRoles }).ToListAsync(ct);
        var byStatus = planRows.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToList();
        var withPlan = planRows.Select(p => p.EmployeeId).Distinct().Count();
        var cutoff = today.AddDays(-PlanService.ReviewDays);
        var overdue = planRows.Count(p => p.Status == PlanStatus.Submitted && p.SubmittedOn != null && p.SubmittedOn < cutoff);
        var actionRows = await db.PlanActions.AsNoTracking().Where(a => plans.Select(p => p.Id).Contains(a.PlanId))
            .Select(a => new { a.PlanId, a.Competency, a.Strategy, a.Status }).ToListAsync(ct);
        var actions = actionRows.GroupBy(a => (a.Strategy, a.Status)).Select(g => new ActionCount(g.Key.Strategy, g.Key.Status, g.Count())).ToList();
        var actedOn = actionRows.ToLookup(a => a.PlanId, a => a.Competency);

        // Each approval, timed from the submission it answered (the latest one before it).
        var events = await db.PlanEvents.AsNoTracking()
            .Where(e => e.Kind == PlanEventKind.Status && (e.To == PlanStatus.Submitted || e.To == PlanStatus.Approved) && plans.Select(p => p.Id).Contains(e.PlanId))
            .Select(e => new { e.PlanId, e.At, e.To }).ToListAsync(ct);
        var waits = events.GroupBy(e => e.PlanId).SelectMany(g =>
        {
            var ordered = g.OrderBy(e => e.At).ToList();
            return ordered.Select((e, i) => (e, submitted: ordered.Take(i).LastOrDefault(x => x.To == PlanStatus.Submitted)))
                .Where(x => x.e.To == PlanStatus.Approved && x.submitted is not null)
                .Select(x => (x.e.At - x.submitted!.At).TotalDays);
        }).Order().ToList();

        var ids = visible is null && unit is null ? null : await people.Select(e => e.Id).ToListAsync(ct);
        var (managerRated, selfOnly, none) = index.Coverage(ids);

        int gaps = 0, gapsWithAction = 0;
        foreach (var p in planRows)
        {
            if (index.RowOf(p.EmployeeId) is not (>= 0 and var row)) continue;
            var target = p.TargetRoles.FirstOrDefault(t => graph.Role(t) is not null) ?? index.Role(row);
            var acted = actedOn[p.Id].ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var need in graph.Needs(target).Where(n => index.Level(row, n.Competency) < n.Level))
            {
                gaps++;
                if (acted.Contains(need.Competency)) gapsWithAction++;
            }
        }

        return new(cycle, unit, headcount, withPlan,
            [.. Enum.GetValues<PlanStatus>().Select(s => new PlanStatusCount(s, byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0))], overdue,
            [.. actions.GroupBy(a => a.Strategy).Select(g => new StrategyActions(g.Key, Count(g, ActionStatus.NotStarted), Count(g, ActionStatus.InProgress), Count(g, ActionStatus.Done)))
                .OrderByDescending(s => s.NotStarted + s.InProgress + s.Done).ThenBy(s => s.Strategy, StringComparer.Ordinal)],
            gaps, gapsWithAction, waits.Count, waits.Count == 0 ? null : Math.Round(Median(waits), 1),
            new AssessmentCoverage(managerRated + selfOnly + none, managerRated, selfOnly, none));

        static int Count(IEnumerable<ActionCount> g, ActionStatus status) => g.Where(x => x.Status == status).Sum(x => x.Count);
    }

    sealed record ActionCount(string? Strategy, ActionStatus Status, int Count);

    static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
