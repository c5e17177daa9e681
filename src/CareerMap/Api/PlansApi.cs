using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Api;

public sealed record PlanActionView(string Competency, string? Strategy, string Description, DateOnly? DueOn, ActionStatus Status, string? Evidence, string? Activity);

public sealed record PlanEventView(DateTime At, string? By, PlanEventKind Kind, PlanStatus? From, PlanStatus? To, string? Text);

public sealed record PlanView(string Employee, string Cycle, PlanStatus Status, string? Education, string? Experience,
    string? ShortTermProfessional, string? ShortTermPersonal, string? MidTermProfessional, string? MidTermPersonal, string? LongTermProfessional, string? LongTermPersonal,
    IReadOnlyList<string> TargetRoles, IReadOnlyList<string> Strengths, IReadOnlyList<string> Opportunities, IReadOnlyList<string> Needs,
    IReadOnlyList<Reflection> Reflections, IReadOnlyList<PlanActionView> Actions, DateOnly? SubmittedOn, IReadOnlyList<PlanStatus> NextSteps, IReadOnlyList<PlanEventView> History);

public sealed record StartPlan(string? TargetRole);

public sealed record PlanTransition(string? To, string? Comment);

public sealed record PlanNote(string? Kind, string? Text);

/// <summary>The Individual Development Plan: its owner edits and submits, the managers above review, every step is recorded.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Development plans");
        api.MapGet("/plans/overdue", Overdue).WithSummary("Plans submitted over 14 days ago and not reviewed, for their manager's manager (all of them for HR)");

        // Who may see the person in the route is checked before these run (PersonAccess.UsePersonAccess).
        var plan = api.MapGroup("/employees/{number}/plan");
        plan.MapGet("", Get);
        plan.MapPost("", Start).ForRelations(Relation.Self).WithSummary("Starts this cycle's plan (its owner only), proposed from the ratings toward a target role");
        plan.MapPut("", Edit).ForRelations(Relation.Self).WithSummary("Edits a draft, or a plan sent back for changes (its owner only)");
        plan.MapPost("/status", Transition).ForRelations(Relation.Self, Relation.Leader).WithSummary("Draft → Submitted → Approved / Changes requested → In progress → Completed");
        plan.MapPost("/notes", Note).ForRelations(Relation.Self, Relation.Leader).WithSummary("A comment or a dated check-in");
        return app;
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>>> Get(PersonInRoute who, PeopleAccess access, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await plans.CurrentAsync(who.Id, ct) is not { } plan) return NoPlan(who);
        return TypedResults.Ok(await ViewAsync(who, plan, PlanService.Actor(access.Account, who.Relation), plans, L, ct));
    }

    static async Task<Results<Created<PlanView>, Conflict<ProblemDetails>, ValidationProblem>> Start(StartPlan body, PersonInRoute who, PeopleAccess access,
        PeopleDirectory people, CareerPaths paths, PlanService plans, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var today = clock.Today();
        var current = await plans.CurrentAsync(who.Id, ct);
        if (current is not null && current.Cycle == PlanService.Cycle(today))
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Already started", Detail = $"{who.EmployeeNumber} already has a plan for {current.Cycle}" });
        var graph = await paths.GraphAsync(ct);
        var person = (await people.PersonAsync(who.Id, today, ct)).State;
        var target = body.TargetRole ?? Recommendations.DefaultTarget(graph, person, L);
        if (graph.Role(target) is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["targetRole"] = [$"unknown role '{target}'"] });
        var actor = PlanService.Actor(access.Account, who.Relation);
        var plan = await plans.StartAsync(who.Id, person, graph, target, actor, today, ct);
        return TypedResults.Created($"/api/employees/{Uri.EscapeDataString(who.EmployeeNumber)}/plan", await ViewAsync(who, plan, actor, plans, L, ct));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ValidationProblem>> Edit(PlanEdit body, PersonInRoute who, PeopleAccess access,
        CareerPaths paths, PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (await plans.CurrentAsync(who.Id, ct) is not { } plan) return NoPlan(who);
        var errors = await plans.UpdateAsync(plan, body, await paths.GraphAsync(ct), ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await ViewAsync(who, plan, PlanService.Actor(access.Account, who.Relation), plans, L, ct));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> Transition(PlanTransition body, PersonInRoute who,
        PeopleAccess access, PlanService plans, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (WireNames.Parse<PlanStatus>(body.To) is not { } to)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be submitted, approved, changes-requested, in-progress or completed"] });
        if (await plans.CurrentAsync(who.Id, ct) is not { } plan) return NoPlan(who);
        var actor = PlanService.Actor(access.Account, who.Relation);
        var refused = await plans.TransitionAsync(plan, to, actor, body.Comment, clock.Today(), ct);
        if (refused is not null) return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Not allowed now", Detail = refused });
        return TypedResults.Ok(await ViewAsync(who, plan, actor, plans, L, ct));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ValidationProblem>> Note(PlanNote body, PersonInRoute who, PeopleAccess access,
        PlanService plans, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var kind = WireNames.Parse<PlanEventKind>(body.Kind) is { } k && k != PlanEventKind.Status ? k : (PlanEventKind?)null;
        var errors = new Dictionary<string, string[]>();
        if (kind is null) errors["kind"] = ["kind must be comment or check-in"];
        if (string.IsNullOrWhiteSpace(body.Text)) errors["text"] = ["text is required"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await plans.CurrentAsync(who.Id, ct) is not { } plan) return NoPlan(who);
        var actor = PlanService.Actor(access.Account, who.Relation);
        await plans.AddNoteAsync(plan, kind!.Value, actor, body.Text!, ct);
        return TypedResults.Ok(await ViewAsync(who, plan, actor, plans, L, ct));
    }

    static async Task<Ok<IReadOnlyList<OverduePlan>>> Overdue(PeopleAccess access, PlanService plans, TimeProvider clock, CancellationToken ct)
    {
        if (access.Account.IsHrAdmin) return TypedResults.Ok(await plans.OverdueAsync(null, clock.Today(), ct));
        return TypedResults.Ok(access.Account.EmployeeId is int me ? await plans.OverdueAsync(me, clock.Today(), ct) : []);
    }

    static NotFound<ProblemDetails> NoPlan(PersonInRoute who) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"{who.EmployeeNumber} has no development plan yet" });

    /// <summary>The plan as stored, with the app's own words in it (reflection questions, "Plan started") in the reader's language.</summary>
    static async Task<PlanView> ViewAsync(PersonInRoute who, DevelopmentPlan p, PlanActor actor, PlanService plans, IStringLocalizer L, CancellationToken ct)
    {
        var events = await plans.EventsAsync(p.Id, ct);
        return new(who.EmployeeNumber, p.Cycle, p.Status, p.Education, p.Experience, p.ShortTermProfessional, p.ShortTermPersonal, p.MidTermProfessional, p.MidTermPersonal,
            p.LongTermProfessional, p.LongTermPersonal, p.TargetRoles, p.Strengths, p.Opportunities, p.Needs,
            [.. p.Reflections.Select(r => r with { Question = PlanService.Question(r.Question, L) })],
            [.. p.Actions.Select(a => new PlanActionView(a.Competency, a.Strategy, a.Description, a.DueOn, a.Status, a.Evidence, a.Activity))],
            p.SubmittedOn, PlanService.Allowed(p.Status, actor),
            [.. events.Select(e => new PlanEventView(e.At, e.By, e.Kind, e.From, e.To, PlanService.Note(e, L)))]);
    }
}
