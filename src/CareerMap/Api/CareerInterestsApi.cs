using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

/// <summary>A short note beside an interest (at most 500 characters); none, or a blank one, leaves it without a note.</summary>
public sealed record CareerInterestRequest(string? Note);

/// <summary>The roles a person is interested in: read by them, their leaders and HR; marked and unmarked by the person alone.</summary>
public static class CareerInterestsApi
{
    public static IEndpointRouteBuilder MapCareerInterestsApi(this IEndpointRouteBuilder app)
    {
        // Who may see the person in the route is checked before these run (PersonAccess.UsePersonAccess).
        var interests = app.MapGroup("/api/employees/{number}/interests").RequireAuthorization().WithTags("People");
        interests.MapGet("", List).WithSummary("The roles the person has said they are interested in, latest first (the person, their leaders and HR)");
        // Only the person says what they want: a leader or HR marking it for them would put words in their mouth.
        interests.MapPut("/{roleCode}", Mark).ForRelations(Relation.Self)
            .WithSummary("Marks a role you are interested in, with an optional note; marking it again keeps the date and replaces the note (yourself only)");
        interests.MapDelete("/{roleCode}", Unmark).ForRelations(Relation.Self)
            .WithSummary("Says you are no longer interested in a role; a role not marked answers the same (yourself only)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<CareerInterestView>>> List(PersonInRoute who, CareerInterests interests, CareerPaths paths, CancellationToken ct) =>
        TypedResults.Ok(await interests.OfAsync(await paths.GraphAsync(ct), who.Id, ct));

    static async Task<Results<Ok<CareerInterestView>, NotFound<ProblemDetails>, ValidationProblem>> Mark(string roleCode, CareerInterestRequest? request,
        PersonInRoute who, CareerInterests interests, CareerPaths paths, CancellationToken ct)
    {
        var (marked, problem) = await interests.MarkAsync(await paths.GraphAsync(ct), who.Id, roleCode, request?.Note, ct);
        if (problem is { UnknownRole: true }) return RoleNotFound(roleCode);
        if (problem is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [problem.Reason] });
        return TypedResults.Ok(marked!);
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>>> Unmark(string roleCode, PersonInRoute who, CareerInterests interests, CareerPaths paths,
        CancellationToken ct) =>
        await interests.UnmarkAsync(await paths.GraphAsync(ct), who.Id, roleCode, ct) ? TypedResults.NoContent() : RoleNotFound(roleCode);

    static NotFound<ProblemDetails> RoleNotFound(string code) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"role {code} does not exist" });
}
