using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.Home;

/// <summary>What a person's plan asks of them now: its status, target and the actions due within a month or overdue.</summary>
public sealed record PlanGlance(PlanStatus Status, string? TargetRole, IReadOnlyList<DueAction> Due);

public sealed record DueAction(string Description, DateOnly DueOn, bool Overdue);

/// <summary>The employee's own start: the next moves worth aiming at (top three, with the reason) and their plan.</summary>
public sealed record EmployeeHome(IReadOnlyList<Recommendation> NextMoves, PlanGlance? Plan);

/// <summary>
/// One direct report as their manager's home shows them: the best next step and how ready they are for it, how many of
/// their own role's competencies have no manager rating from the last 12 months, their plan's status, and the roles they
/// have said they are interested in (codes, latest first).
/// </summary>
public sealed record TeamMember(string EmployeeNumber, string Name, string RoleTitle, Recommendation? Next, int UnratedCompetencies, int Competencies, PlanStatus? Plan,
    IReadOnlyList<string> InterestedIn);

/// <summary>The organization at a glance for HR: people, plans waiting and overdue, and roles nobody is ready for now.</summary>
public sealed record OrganizationHealth(int People, int PlansWaiting, int PlansOverdue, IReadOnlyList<Reports.RoleBench> RolesWithNobodyReady, int Roles);

/// <summary>Each person's home, built from the services the rest of the app uses; nothing here is stored.</summary>
public sealed class Homes(CareerMapDb db, PeopleDirectory people, PlanService plans, Reports.SuccessionReport succession, CareerInterests interests,
    IStringLocalizer<SharedResource> L)
{
    const int DueWithinDays = 30;

    public async Task<EmployeeHome> EmployeeAsync(CareerGraph graph, int employeeId, DateOnly today, CancellationToken ct = default)
    {
        var me = await people.PersonAsync(employeeId, today, ct);
        var next = Recommendations.For(graph, me.State, L).Take(3).ToList();
        var plan = await plans.CurrentAsync(employeeId, ct);
        return new(next, plan is null ? null : Glance(plan, today));
    }

    public async Task<IReadOnlyList<TeamMember>> TeamAsync(CareerGraph graph, int managerId, DateOnly today, CancellationToken ct = default)
    {
        var ids = await db.Employees.AsNoTracking().Where(e => e.ManagerId == managerId && e.DeactivatedOn == null).Select(e => e.Id).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var team = await people.LoadAsync(ids, today, ct);
        var statuses = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.EmployeeId))
            .OrderByDescending(p => p.Cycle).ThenByDescending(p => p.Id)
            .Select(p => new { p.EmployeeId, p.Status }).ToListAsync(ct);
        var planOf = statuses.GroupBy(p => p.EmployeeId).ToDictionary(g => g.Key, g => g.First().Status);
        var interestsOf = await interests.OfPeopleAsync(ids, ct);
        var recent = today.AddMonths(-EffectiveRatings.ManagerRatingMonths);
        return [.. team.Select(p =>
        {
            var needs = graph.Needs(p.Role);
            var unrated = needs.Count(n => !p.State.Ratings.TryGetValue(n.Competency, out var r) || r.SelfReported || r.On < recent);
            return new TeamMember(p.EmployeeNumber, p.Name, graph.Title(p.Role), Recommendations.For(graph, p.State, L, own: false) is [var best, ..] ? best : null,
                unrated, needs.Count, planOf.TryGetValue(p.Id, out var s) ? s : null, interestsOf.GetValueOrDefault(p.Id) ?? []);
        }).OrderBy(m => m.Name, StringComparer.CurrentCulture)];
    }

    public async Task<OrganizationHealth> OrganizationAsync(CareerGraph graph, int people, DateOnly today, CancellationToken ct = default)
    {
        var waiting = await db.Plans.CountAsync(p => p.Status == PlanStatus.Submitted, ct);
        var overdue = (await plans.OverdueAsync(null, today, ct)).Count;
        // The bench report's own figures (prerequisites included), kept between requests until ratings or people change.
        var bench = await succession.BenchAsync(graph, null, null, ct: ct);
        var benches = bench.Roles.Where(b => b.Bench.ReadyNow == 0)
            .OrderBy(b => b.Bench.WithinAYear).ThenBy(b => b.Role, StringComparer.Ordinal).ToList();
        return new(people, waiting, overdue, benches, bench.Roles.Count);
    }

    static PlanGlance Glance(DevelopmentPlan plan, DateOnly today) => new(plan.Status, plan.TargetRoles.FirstOrDefault(),
        [.. plan.Actions.Where(a => a.DueOn is { } due && a.Status != ActionStatus.Done && due <= today.AddDays(DueWithinDays))
            .OrderBy(a => a.DueOn).Take(3).Select(a => new DueAction(a.Description, a.DueOn!.Value, a.DueOn < today))]);
}
