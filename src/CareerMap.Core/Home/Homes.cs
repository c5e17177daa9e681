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
/// their own role's competencies have no manager rating from the last 12 months, and their plan's status.
/// </summary>
public sealed record TeamMember(string EmployeeNumber, string Name, string RoleTitle, Recommendation? Next, int UnratedCompetencies, int Competencies, PlanStatus? Plan);

/// <summary>The organization at a glance for HR: people, plans waiting and overdue, and roles nobody is ready for now.</summary>
public sealed record OrganizationHealth(int People, int PlansWaiting, int PlansOverdue, IReadOnlyList<RoleBench> RolesWithNobodyReady, int Roles);

/// <summary>A role's bench on competencies (the rating index; prerequisites are checked per person elsewhere).</summary>
public sealed record RoleBench(string Role, string Title, int ReadyNow, int WithinAYear);

/// <summary>Each person's home, built from the services the rest of the app uses; nothing here is stored.</summary>
public sealed class Homes(CareerMapDb db, PeopleDirectory people, PlanService plans, RatingIndexCache ratings, IStringLocalizer<SharedResource> L)
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
        var recent = today.AddMonths(-EffectiveRatings.ManagerRatingMonths);
        return [.. team.Select(p =>
        {
            var needs = graph.Needs(p.Role);
            var unrated = needs.Count(n => !p.State.Ratings.TryGetValue(n.Competency, out var r) || r.SelfReported || r.On < recent);
            return new TeamMember(p.EmployeeNumber, p.Name, graph.Title(p.Role), Recommendations.For(graph, p.State, L, own: false) is [var best, ..] ? best : null,
                unrated, needs.Count, planOf.TryGetValue(p.Id, out var s) ? s : null);
        }).OrderBy(m => m.Name, StringComparer.CurrentCulture)];
    }

    public async Task<OrganizationHealth> OrganizationAsync(CareerGraph graph, int people, DateOnly today, CancellationToken ct = default)
    {
        var waiting = await db.Plans.CountAsync(p => p.Status == PlanStatus.Submitted, ct);
        var overdue = (await plans.OverdueAsync(null, today, ct)).Count;
        var index = await ratings.GetAsync(db, today, ct);
        // Who holds each role now, so a role's bench counts the others: everyone ranked at vector speed, less the holders.
        var holders = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < index.Count; row++)
        {
            var role = index.Role(row);
            if (!holders.TryGetValue(role, out var list)) holders[role] = list = [];
            list.Add(index.EmployeeId(row));
        }
        var benches = graph.Roles.Where(r => graph.Needs(r.Code).Count > 0).Select(r =>
            {
                var all = index.RankAll(graph.Needs(r.Code), 0);
                var held = holders.TryGetValue(r.Code, out var ids) ? index.RankAll(graph.Needs(r.Code), 0, among: ids) : null;
                return new RoleBench(r.Code, r.Title, all.ReadyNow - (held?.ReadyNow ?? 0), all.WithinAYear - (held?.WithinAYear ?? 0));
            })
            .Where(b => b.ReadyNow == 0)
            .OrderBy(b => b.WithinAYear).ThenBy(b => b.Role, StringComparer.Ordinal).ToList();
        return new(people, waiting, overdue, benches, graph.Roles.Count());
    }

    static PlanGlance Glance(DevelopmentPlan plan, DateOnly today) => new(plan.Status, plan.TargetRoles.FirstOrDefault(),
        [.. plan.Actions.Where(a => a.DueOn is { } due && a.Status != ActionStatus.Done && due <= today.AddDays(DueWithinDays))
            .OrderBy(a => a.DueOn).Take(3).Select(a => new DueAction(a.Description, a.DueOn!.Value, a.DueOn < today))]);
}
