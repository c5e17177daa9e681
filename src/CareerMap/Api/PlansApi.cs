using System.Security.Claims;
using CareerMap.Accounts;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

public sealed record PlanActionView(string Competency, string? Strategy, string Description, DateOnly? DueOn, string Status, string? Evidence);

public sealed record PlanEventView(DateTime At, string? By, string Kind, string? From, string? To, string? Text);

public sealed record PlanView(string Employee, string Cycle, string Status, string? Education, string? Experience,
    string? ShortTermProfessional, string? ShortTermPersonal, string? MidTermProfessional, string? MidTermPersonal, string? LongTermProfessional, string? LongTermPersonal,
    IReadOnlyList<string> TargetRoles, IReadOnlyList<string> Strengths, IReadOnlyList<string> Opportunities, IReadOnlyList<string> Needs,
    IReadOnlyList<Reflection> Reflections, IReadOnlyList<PlanActionView> Actions, DateOnly? SubmittedOn, IReadOnlyList<string> NextSteps, IReadOnlyList<PlanEventView> History);

public sealed record StartPlan(string? TargetRole);

public sealed record PlanTransition(string? To, string? Comment);

public sealed record PlanNote(string? Kind, string? Text);

/// <summary>The Individual Development Plan: its owner edits and submits, the managers above review, every step is recorded.</summary>
public static class PlansApi
{
    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Development plans");
        api.MapGet("/employees/{number}/plan", Get);
        api.MapPost("/employees/{number}/plan", Start).WithSummary("Starts this cycle's plan (its owner only), proposed from the ratings toward a target role");
        api.MapPut("/employees/{number}/plan", Edit).WithSummary("Edits a draft, or a plan sent back for changes (its owner only)");
        api.MapPost("/employees/{number}/plan/status", Transition).WithSummary("Draft → Submitted → Approved / Changes requested → In progress → Completed");
        api.MapPost("/employees/{number}/plan/notes", Note).WithSummary("A comment or a dated check-in");
        api.MapGet("/plans/overdue", Overdue).WithSummary("Plans submitted over 14 days ago and not reviewed, for their manager's manager (all of them for HR)");
        return app;
    }

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static PlanStatus? ParseStatus(string? text) =>
        Enum.TryParse<PlanStatus>((text ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal), true, out var s) && Enum.IsDefined(s) ? s : null;

    public static string StatusName(PlanStatus s) => s switch
    {
        PlanStatus.ChangesRequested => "changes-requested",
        PlanStatus.InProgress => "in-progress",
        _ => s.ToString().ToLowerInvariant(),
    };

    /// <summary>The person, whether they exist, and who the caller is to them.</summary>
    public static async Task<(int? Id, Relation Relation, PlanActor Actor)> WhoAsync(string number, ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people,
        UserManager<AppUser> users, CancellationToken ct)
    {
        var id = await people.IdOfAsync(number, ct);
        var relation = id is null ? Relation.None : await access.RelationAsync(user, id.Value, ct);
        var me = await access.MeAsync(user);
        var name = (me is int m ? await people.NameOfAsync(m, ct) : null) ?? (await users.GetUserAsync(user))?.Email ?? "unknown";
        return (id, relation, new PlanActor(me, name, relation == Relation.Self, relation == Relation.Leader));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ForbidHttpResult>> Get(string number, ClaimsPrincipal user, PeopleAccess access,
        PeopleDirectory people, UserManager<AppUser> users, PlanService plans, CancellationToken ct)
    {
        var (id, relation, actor) = await WhoAsync(number, user, access, people, users, ct);
        if (id is null) return NotFound($"employee {number} does not exist");
        if (relation == Relation.None) return TypedResults.Forbid();
        var plan = await plans.CurrentAsync(id.Value, ct);
        if (plan is null) return NotFound($"{number} has no development plan yet");
        return TypedResults.Ok(View(number, plan, actor, await plans.EventsAsync(plan.Id, ct)));
    }

    static async Task<Results<Created<PlanView>, NotFound<ProblemDetails>, ForbidHttpResult, Conflict<ProblemDetails>, ValidationProblem>> Start(string number, StartPlan body,
        ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people, UserManager<AppUser> users, CareerPaths paths, PlanService plans, CancellationToken ct)
    {
        var (id, relation, actor) = await WhoAsync(number, user, access, people, users, ct);
        if (id is null) return NotFound($"employee {number} does not exist");
        if (relation != Relation.Self) return TypedResults.Forbid();
        var current = await plans.CurrentAsync(id.Value, ct);
        if (current is not null && current.Cycle == PlanService.Cycle(Today))
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Already started", Detail = $"{number} already has a plan for {current.Cycle}" });
        var graph = await paths.GraphAsync(ct);
        var person = (await people.LoadAsync([id.Value], Today, ct))[0].State;
        var target = body.TargetRole ?? PeopleApi.Recommendations(graph, person).FirstOrDefault(r => r.Direction == "promotion")?.Role ?? person.CurrentRole;
        if (graph.Role(target) is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["targetRole"] = [$"unknown role '{target}'"] });
        var plan = await plans.StartAsync(id.Value, person, graph, target, actor, Today, ct);
        return TypedResults.Created($"/api/employees/{number}/plan", View(number, plan, actor, await plans.EventsAsync(plan.Id, ct)));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> Edit(string number, PlanEdit body, ClaimsPrincipal user,
        PeopleAccess access, PeopleDirectory people, UserManager<AppUser> users, CareerPaths paths, PlanService plans, CancellationToken ct)
    {
        var (id, relation, actor) = await WhoAsync(number, user, access, people, users, ct);
        if (id is null) return NotFound($"employee {number} does not exist");
        if (relation != Relation.Self) return TypedResults.Forbid();
        if (await plans.CurrentAsync(id.Value, ct) is not { } plan) return NotFound($"{number} has no development plan yet");
        var errors = await plans.UpdateAsync(plan, body, await paths.GraphAsync(ct), ct);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(View(number, plan, actor, await plans.EventsAsync(plan.Id, ct)));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem, Conflict<ProblemDetails>>> Transition(string number, PlanTransition body,
        ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people, UserManager<AppUser> users, PlanService plans, CancellationToken ct)
    {
        var (id, relation, actor) = await WhoAsync(number, user, access, people, users, ct);
        if (id is null) return NotFound($"employee {number} does not exist");
        if (relation is not (Relation.Self or Relation.Leader)) return TypedResults.Forbid();
        if (ParseStatus(body.To) is not { } to)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be submitted, approved, changes-requested, in-progress or completed"] });
        if (await plans.CurrentAsync(id.Value, ct) is not { } plan) return NotFound($"{number} has no development plan yet");
        var refused = await plans.TransitionAsync(plan, to, actor, body.Comment, Today, ct);
        if (refused is not null) return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Not allowed now", Detail = refused });
        return TypedResults.Ok(View(number, plan, actor, await plans.EventsAsync(plan.Id, ct)));
    }

    static async Task<Results<Ok<PlanView>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> Note(string number, PlanNote body, ClaimsPrincipal user,
        PeopleAccess access, PeopleDirectory people, UserManager<AppUser> users, PlanService plans, CancellationToken ct)
    {
        var (id, relation, actor) = await WhoAsync(number, user, access, people, users, ct);
        if (id is null) return NotFound($"employee {number} does not exist");
        if (relation is not (Relation.Self or Relation.Leader)) return TypedResults.Forbid();
        var kind = body.Kind?.ToLowerInvariant() switch { "comment" => PlanEventKind.Comment, "check-in" or "checkin" => PlanEventKind.CheckIn, _ => (PlanEventKind?)null };
        var errors = new Dictionary<string, string[]>();
        if (kind is null) errors["kind"] = ["kind must be comment or check-in"];
        if (string.IsNullOrWhiteSpace(body.Text)) errors["text"] = ["text is required"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (await plans.CurrentAsync(id.Value, ct) is not { } plan) return NotFound($"{number} has no development plan yet");
        await plans.AddNoteAsync(plan, kind!.Value, actor, body.Text!, ct);
        return TypedResults.Ok(View(number, plan, actor, await plans.EventsAsync(plan.Id, ct)));
    }

    static async Task<Ok<IReadOnlyList<OverduePlan>>> Overdue(ClaimsPrincipal user, PeopleAccess access, PlanService plans, CancellationToken ct)
    {
        if (user.IsInRole(AppRoles.HrAdmin)) return TypedResults.Ok(await plans.OverdueAsync(null, Today, ct));
        return TypedResults.Ok(await access.MeAsync(user) is int me ? await plans.OverdueAsync(me, Today, ct) : []);
    }

    static NotFound<ProblemDetails> NotFound(string detail) => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = detail });

    public static PlanView View(string number, DevelopmentPlan p, PlanActor actor, IReadOnlyList<PlanEvent> events) =>
        new(number, p.Cycle, StatusName(p.Status), p.Education, p.Experience, p.ShortTermProfessional, p.ShortTermPersonal, p.MidTermProfessional, p.MidTermPersonal,
            p.LongTermProfessional, p.LongTermPersonal, p.TargetRoles, p.Strengths, p.Opportunities, p.Needs, p.Reflections,
            [.. p.Actions.Select(a => new PlanActionView(a.Competency, a.Strategy, a.Description, a.DueOn, a.Status switch { ActionStatus.InProgress => "in-progress", ActionStatus.Done => "done", _ => "not-started" }, a.Evidence))],
            p.SubmittedOn, [.. PlanService.Allowed(p.Status, actor).Select(StatusName)],
            [.. events.Select(e => new PlanEventView(e.At, e.By, e.Kind == PlanEventKind.CheckIn ? "check-in" : e.Kind.ToString().ToLowerInvariant(),
                e.From is { } f ? StatusName(f) : null, e.To is { } t ? StatusName(t) : null, e.Text))]);
}
