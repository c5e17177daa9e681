using System.Security.Claims;
using CareerMap.Access;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Api;

public sealed record MapNode(string Code, string Title, string Unit, string Family, string Track, string Grade, int Level);

public sealed record PrerequisiteView(string Kind, int? Months, IReadOnlyList<string>? Roles, string? Value, string Text);

public sealed record DeltaView(string Competency, string Name, int From, int To, int Rise);

public sealed record MapEdge(string Code, string From, string To, string Kind, MoveDirection Direction, MoveScope Scope, MoveOrigin Origin, string? Note,
    IReadOnlyList<PrerequisiteView> Prerequisites, IReadOnlyList<DeltaView> Delta);

public sealed record CareerMapView(IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges);

public sealed record RoleMoves(string Role, IReadOnlyList<MapEdge> Out, IReadOnlyList<MapEdge> In);

public sealed record PrerequisiteStatusView(string Kind, string Text, bool Met, int MonthsToMeet);

public sealed record GapView(string Competency, string Name, int Required, int Current, int Gap);

public sealed record PathMove(string From, string To, string Kind, MoveDirection Direction, MoveScope Scope, MoveOrigin Origin,
    IReadOnlyList<PrerequisiteStatusView> Prerequisites, IReadOnlyList<GapView> Gaps, int EstimatedMonths);

public sealed record PathView(IReadOnlyList<PathMove> Moves, int EstimatedMonths, string Explanation);

public sealed record PathsView(string From, string To, string? Employee, int K, IReadOnlyList<PathView> Paths, string? Reason);

/// <summary>The map of roles and moves, each role's moves, and the routes between two roles.</summary>
public static class CareerMapApi
{
    public static IEndpointRouteBuilder MapCareerMapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Career map");
        api.MapGet("/career-map", GetMap).WithSummary("Every role as a node and every move, explicit or rule-made, as an edge with its derived kind");
        api.MapGet("/roles/{code}/moves", GetMoves).WithSummary("The moves out of and into a role");
        api.MapGet("/paths", GetPaths).WithSummary("The k best routes (at most 4 moves) from one role to another, optionally for an employee");
        return app;
    }

    static async Task<Ok<CareerMapView>> GetMap(CareerPaths paths, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var graph = await paths.GraphAsync(ct);
        return TypedResults.Ok(new CareerMapView([.. graph.Roles.Select(r => Node(graph, r))], [.. graph.Edges.Select(e => Edge(graph, e, L))]));
    }

    static async Task<Results<Ok<RoleMoves>, NotFound<ProblemDetails>>> GetMoves(string code, CareerPaths paths, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(code) is not { } role) return NotFoundRole(code);
        return TypedResults.Ok(new RoleMoves(role.Code, [.. graph.OutOf(role.Code).Select(e => Edge(graph, e, L))], [.. graph.Into(role.Code).Select(e => Edge(graph, e, L))]));
    }

    static async Task<Results<Ok<PathsView>, NotFound<ProblemDetails>, ValidationProblem, ForbidHttpResult>> GetPaths(
        string? from, string? to, string? employee, int? k, CareerPaths paths, PeopleAccess access, PeopleDirectory people, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(from)) errors["from"] = ["from is required: the code of the role to start from"];
        if (string.IsNullOrWhiteSpace(to)) errors["to"] = ["to is required: the code of the target role"];
        if (k is < 1 or > PathFinder.MaxK) errors["k"] = [$"k must be between 1 and {PathFinder.MaxK}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(from!) is null) return NotFoundRole(from!);
        if (graph.Role(to!) is null) return NotFoundRole(to!);
        PersonState? person = null;
        if (!string.IsNullOrWhiteSpace(employee))
        {
            if (await people.IdOfAsync(employee, ct) is not int id)
                return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"employee {employee} does not exist" });
            // The person is in the query, not the route, so this endpoint asks the one rule itself.
            if (await access.RelationAsync(id, ct) == Relation.None) return TypedResults.Forbid();
            person = await people.StateAsync(id, clock.Today(), ct);
        }
        var result = PathFinder.Find(graph, from!, to!, k ?? 3, person);
        return TypedResults.Ok(new PathsView(graph.Role(from!)!.Code, graph.Role(to!)!.Code, person?.EmployeeNumber, k ?? 3,
            [.. result.Paths.Select(p => View(graph, p, L))], PathFinder.Reason(graph, result, L)));
    }

    static NotFound<ProblemDetails> NotFoundRole(string code) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"role {code} does not exist" });

    public static MapNode Node(CareerGraph g, RoleDto r) =>
        new(r.Code, r.Title, r.Unit, r.Family, g.Document.Families.FirstOrDefault(f => f.Code == r.Family)?.Track ?? "", r.Grade, r.Level);

    /// <summary>An edge as the API answers it: kinds as wire names, prerequisites also in the reader's words.</summary>
    public static MapEdge Edge(CareerGraph g, CareerEdge e, IStringLocalizer L) =>
        new(e.Code, e.Source, e.Target, e.Kind.ToString(), e.Kind.Direction, e.Kind.Scope, e.Origin, e.Note,
            [.. e.Prerequisites.Select(p => new PrerequisiteView(p.Kind, p.Months, p.Roles, p.Value, p.Describe(g.Title, L)))],
            [.. e.Delta.Select(x => new DeltaView(x.Competency, g.CompetencyName(x.Competency), x.From, x.To, x.Rise))]);

    public static PathView View(CareerGraph g, CareerPath p, IStringLocalizer L) =>
        new([.. p.Steps.Select(s => new PathMove(s.Move.Source, s.Move.Target, s.Move.Kind.ToString(), s.Move.Kind.Direction, s.Move.Kind.Scope, s.Move.Origin,
                [.. s.Prerequisites.Select(x => new PrerequisiteStatusView(x.Prerequisite.Kind, x.Text(g, L), x.Met, x.MonthsToMeet))],
                [.. s.Gaps.Select(x => new GapView(x.Competency, x.Name, x.Required, x.Current, x.Gap))], s.Months))],
            p.EstimatedMonths, PathFinder.Explain(g, p, L));
}
