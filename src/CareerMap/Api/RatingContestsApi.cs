using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

/// <summary>A person's say in their ratings: contest a manager's rating with a comment; someone above them answers.</summary>
public static class RatingContestsApi
{
    public sealed record ContestRequest(string? Comment);

    /// <param name="Outcome">kept or changed.</param>
    /// <param name="Level">The new level, when changed.</param>
    public sealed record AnswerRequest(string? Outcome, int? Level, string? Answer);

    public static IEndpointRouteBuilder MapRatingContestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("People");
        api.MapGet("/contests/waiting", Waiting)
            .WithSummary($"Open contests of ratings waiting on you: your direct reports', and anyone's further down your line open over {RatingContests.EscalationDays} days (HR admin: every open contest)");
        var person = api.MapGroup("/employees/{number}");
        person.MapGet("/contests", Of).WithSummary("Every contest of the person's ratings, newest first, with the answers");
        person.MapPost("/assessments/{id:long}/contest", Open).ForRelations(Relation.Self)
            .WithSummary("Contests one of your manager's ratings of you, with a comment (once per rating)");
        person.MapPost("/contests/{id:int}/answer", Answer).ForRelations(Relation.Leader)
            .WithSummary("Answers a contest of someone below you: outcome kept, or changed with a new level (recorded as your rating, the answer as its evidence)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<ContestView>>> Waiting(PeopleAccess access, RatingContests contests, CancellationToken ct) =>
        TypedResults.Ok(access.Account.IsHrAdmin ? await contests.WaitingAsync(null, ct)
            : access.Account.EmployeeId is int me ? await contests.WaitingAsync(me, ct) : []);

    static async Task<Ok<IReadOnlyList<ContestView>>> Of(PersonInRoute who, RatingContests contests, CancellationToken ct) =>
        TypedResults.Ok(await contests.OfAsync(who.Id, ct));

    static async Task<Results<Created<ContestView>, ValidationProblem>> Open(long id, ContestRequest request, PersonInRoute who, RatingContests contests, CancellationToken ct)
    {
        var (opened, errors) = await contests.OpenAsync(who.Id, id, request.Comment, ct);
        return opened is null ? TypedResults.ValidationProblem(errors)
            : TypedResults.Created($"/api/employees/{Uri.EscapeDataString(who.EmployeeNumber)}/contests", opened);
    }

    static async Task<Results<Ok<ContestView>, NotFound<ProblemDetails>, ValidationProblem>> Answer(int id, AnswerRequest request, PersonInRoute who, PeopleAccess access,
        RatingContests contests, CancellationToken ct)
    {
        var (answered, errors) = await contests.AnswerAsync(who.Id, id, access.Account.EmployeeId!.Value, request.Outcome, request.Level, request.Answer, ct);
        if (answered is not null) return TypedResults.Ok(answered);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no contest {id} of employee {who.EmployeeNumber}" });
    }
}
