using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Sample;

/// <summary>
/// This cycle's development plans for part of a generated workforce, so the development report has something real to
/// show: about three people in ten have a plan, spread over every status, with actions on their target role's
/// competencies and the submissions and approvals a real cycle leaves behind. Deterministic for a seed.
/// </summary>
public static class SamplePlans
{
    /// <summary>The embedded default's and `seed`'s ceiling: written through the change tracker, each plan audited.</summary>
    public const int MaxPlans = 3000;

    const int Batch = 2000;

    static readonly (PlanStatus Status, double Odds)[] Statuses =
    [
        (PlanStatus.Draft, 0.25), (PlanStatus.Submitted, 0.12), (PlanStatus.ChangesRequested, 0.05), (PlanStatus.Approved, 0.23),
        (PlanStatus.InProgress, 0.30), (PlanStatus.Completed, 0.05),
    ];

    /// <param name="exclude">People who get no plan (the demo personas' line, which starts without plans).</param>
    /// <param name="max">At most this many plans.</param>
    /// <returns>How many plans were added.</returns>
    public static async Task<int> AddAsync(CareerMapDb db, FrameworkDocument framework, DateOnly today, int seed, IReadOnlyCollection<int> exclude, int max = MaxPlans,
        CancellationToken ct = default)
    {
        var rng = new Random(seed);
        var cycle = PlanService.Cycle(today);
        var cycleStart = new DateOnly(today.Year, 1, 1);
        var grades = framework.Grades.ToDictionary(g => g.Code, g => g.Rank, StringComparer.OrdinalIgnoreCase);
        var roles = framework.Roles.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        var needs = framework.Requirements.ToLookup(q => q.Role, StringComparer.OrdinalIgnoreCase);
        var names = framework.Competencies.ToDictionary(c => c.Code, c => c.Name, StringComparer.OrdinalIgnoreCase);
        var excluded = exclude.ToHashSet();
        var people = await db.Employees.AsNoTracking().Where(e => e.DeactivatedOn == null && !db.Plans.Any(p => p.EmployeeId == e.Id && p.Cycle == cycle))
            .OrderBy(e => e.Id).Select(e => new { e.Id, Role = e.Role.Code, e.ManagerId, e.RoleStartDate }).ToListAsync(ct);
        // Every batch in one transaction: the sample's plans land whole or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var plans = new List<(DevelopmentPlan Plan, List<PlanEvent> Events)>();
        var added = 0;
        foreach (var person in people)
        {
            if (rng.NextDouble() >= 0.3 || excluded.Contains(person.Id)) continue;
            if (added + plans.Count == max) break;
            if (plans.Count == Batch) { added += await SaveAsync(db, plans, ct); plans.Clear(); }
            var role = roles[person.Role];
            // Half aim at the next step up their family; the rest grow in the role they hold.
            var next = rng.NextDouble() < 0.5
                ? framework.Roles.Where(r => r.Family == role.Family && grades[r.Grade] > grades[role.Grade]).OrderBy(r => grades[r.Grade]).ThenBy(r => r.Code, StringComparer.Ordinal).FirstOrDefault()
                : null;
            var toward = needs[(next ?? role).Code].ToList();
            if (toward.Count == 0) continue;
            var status = Pick(rng);
            var created = Later(cycleStart, person.RoleStartDate).AddDays(rng.Next(0, 120));
            if (created > today) created = today;
            DateOnly? submitted = status == PlanStatus.Draft ? null
                : status == PlanStatus.Submitted ? Later(created, today.AddDays(-rng.Next(0, 30)))
                : Earlier(today, created.AddDays(rng.Next(1, 30)));
            var plan = new DevelopmentPlan
            {
                EmployeeId = person.Id, Cycle = cycle, Status = status, CreatedOn = created, SubmittedOn = submitted,
                TargetRoles = next is null ? [] : [next.Code],
                ShortTermProfessional = next is null ? $"Grow as {role.Title}" : $"Get ready for {next.Title}",
            };
            foreach (var need in toward.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)))
            {
                var strategies = framework.Strategies.Where(s => s.Competencies.Contains(need.Competency, StringComparer.OrdinalIgnoreCase)).ToList();
                var strategy = (strategies.Count > 0 ? strategies : framework.Strategies).ElementAtOrDefault(rng.Next(Math.Max(1, (strategies.Count > 0 ? strategies : framework.Strategies).Count)));
                plan.Actions.Add(new PlanAction
                {
                    Competency = need.Competency, Strategy = strategy?.Code,
                    Description = strategy is null ? $"Build {names[need.Competency]}" : $"{strategy.Name}: {names[need.Competency]}",
                    DueOn = created.AddDays(rng.Next(60, 180)), Status = ActionStatusFor(status, rng),
                });
            }
            plans.Add((plan, Events(plan, person.ManagerId, today, rng)));
        }
        added += await SaveAsync(db, plans, ct);
        await tx.CommitAsync(ct);
        return added;
    }

    /// <summary>Plans first (their ids come from the database), then their events; the tracker emptied for the next batch.</summary>
    static async Task<int> SaveAsync(CareerMapDb db, List<(DevelopmentPlan Plan, List<PlanEvent> Events)> plans, CancellationToken ct)
    {
        if (plans.Count == 0) return 0;
        db.Plans.AddRange(plans.Select(p => p.Plan));
        await db.SaveChangesAsync(ct);
        foreach (var (plan, events) in plans)
            foreach (var e in events) { e.PlanId = plan.Id; db.PlanEvents.Add(e); }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return plans.Count;
    }

    /// <summary>The status changes that led to the plan's status: submitted, then sent back or approved, then under way and done.</summary>
    static List<PlanEvent> Events(DevelopmentPlan plan, int? manager, DateOnly today, Random rng)
    {
        var events = new List<PlanEvent>();
        if (plan.SubmittedOn is not { } submitted) return events;
        var at = submitted.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        // Nothing happened after today began: the sample never shows a change still to come.
        var limit = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        void Add(PlanStatus from, PlanStatus to, int? by) =>
            events.Add(new PlanEvent { At = at < limit ? at : limit, ByEmployeeId = by, Kind = PlanEventKind.Status, From = from, To = to });
        Add(PlanStatus.Draft, PlanStatus.Submitted, plan.EmployeeId);
        if (plan.Status == PlanStatus.Submitted) return events;
        var answered = Earlier(today, submitted.AddDays(rng.Next(1, 22)));
        at = answered.ToDateTime(new TimeOnly(15, 30), DateTimeKind.Utc);
        if (plan.Status == PlanStatus.ChangesRequested) { Add(PlanStatus.Submitted, PlanStatus.ChangesRequested, manager); return events; }
        Add(PlanStatus.Submitted, PlanStatus.Approved, manager);
        if (plan.Status == PlanStatus.Approved) return events;
        at = at.AddDays(1);
        Add(PlanStatus.Approved, PlanStatus.InProgress, plan.EmployeeId);
        if (plan.Status == PlanStatus.Completed) { at = at.AddDays(rng.Next(1, 60)); Add(PlanStatus.InProgress, PlanStatus.Completed, manager); }
        return events;
    }

    static ActionStatus ActionStatusFor(PlanStatus status, Random rng) => status switch
    {
        PlanStatus.Completed => ActionStatus.Done,
        PlanStatus.InProgress => rng.NextDouble() switch { < 0.3 => ActionStatus.NotStarted, < 0.8 => ActionStatus.InProgress, _ => ActionStatus.Done },
        PlanStatus.Approved => rng.NextDouble() < 0.3 ? ActionStatus.InProgress : ActionStatus.NotStarted,
        _ => ActionStatus.NotStarted,
    };

    static PlanStatus Pick(Random rng)
    {
        var roll = rng.NextDouble();
        foreach (var (status, odds) in Statuses)
        {
            if (roll < odds) return status;
            roll -= odds;
        }
        return PlanStatus.InProgress;
    }

    static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
