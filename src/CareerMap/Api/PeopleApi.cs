using System.Security.Claims;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

public sealed record EmployeeView(string EmployeeNumber, string Name, string Email, string Role, string RoleTitle, string Unit, string Grade, string? Location,
    string? Manager, DateOnly HireDate, DateOnly RoleStartDate, int MonthsInRole);

public sealed record AssessmentRequest(string? Competency, int? Level, string? Evidence);

public sealed record ReadinessLine(string Competency, string Name, int Required, int Effective, string? RatedBy, DateOnly? RatedOn, bool SelfReported, int Gap, bool Critical, decimal Weight);

public sealed record PrerequisiteLine(string Kind, string Text, bool Met, int MonthsToMeet, DateOnly? MetBy);

public sealed record ReadinessView(string Employee, string Role, string RoleTitle, double Percent, bool ReadyNow, int EstimatedMonths, string Summary,
    IReadOnlyList<ReadinessLine> Competencies, IReadOnlyList<PrerequisiteLine> Prerequisites);

public sealed record Recommendation(string Role, string Title, string Kind, string Direction, string Scope, double Readiness, bool ReadyNow, int EstimatedMonths, int Moves, string Reason);

public sealed record Candidate(string EmployeeNumber, string Name, string CurrentRole, string Unit, string Grade, string? Location, int MonthsInRole,
    double Readiness, bool ReadyNow, int EstimatedMonths, string Bench, IReadOnlyList<string> BiggestGaps);

public sealed record Bench(int ReadyNow, int WithinAYear, int Later);

public sealed record Candidates(string Role, int Considered, Bench Bench, IReadOnlyList<Candidate> Top);

/// <summary>People, their append-only assessments, readiness for any role, recommendations and internal candidates.</summary>
public static class PeopleApi
{
    public const int MaxTop = 100;

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("People");
        api.MapGet("/employees", List).WithSummary("The people you may see (yourself; everyone below you; everyone for HR admin), a page at a time");
        api.MapGet("/employees/{number}", Get);
        api.MapGet("/employees/{number}/assessments", History).WithSummary("Every rating, newest first; nothing is ever overwritten");
        api.MapPost("/employees/{number}/assessments", Assess).WithSummary("Adds a self rating (for yourself) or a manager rating (for someone below you)");
        api.MapGet("/employees/{number}/readiness", GetReadiness).WithSummary("Readiness for a role, with every competency and prerequisite explained");
        api.MapGet("/employees/{number}/recommendations", Recommend).WithSummary("The roles worth aiming at next, ranked by readiness and kind of move");
        api.MapGet("/roles/{code}/candidates", FindCandidates).WithSummary("Internal candidates for a role ranked by readiness, and the bench");
        api.MapPost("/employees/import", Import).RequireAuthorization(Policies.HrAdmin).DisableAntiforgery()
            .WithSummary("Imports a roster (.csv or .xlsx, as multipart form field 'file'), all or nothing; ?dryRun=true changes nothing (HR admin)");
        return app;
    }

    static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    static async Task<Results<Ok<Paged<EmployeeView>>, ValidationProblem>> List(string? q, int? page, int? pageSize, ClaimsPrincipal user,
        PeopleAccess access, PeopleDirectory people, CareerPaths paths, CancellationToken ct)
    {
        if (page is < 1 || pageSize is < 1 or > FrameworkApi.MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [page is < 1 ? "page" : "pageSize"] = [$"page must be 1 or more and pageSize 1 to {FrameworkApi.MaxPageSize}"] });
        var graph = await paths.GraphAsync(ct);
        var size = pageSize ?? FrameworkApi.DefaultPageSize;
        var (found, total) = await people.SearchAsync(await access.VisibleAsync(user, ct), q, page ?? 1, size, Today, ct);
        var managers = found.Where(p => p.ManagerId is not null).Select(p => p.ManagerId!.Value).Distinct().ToList();
        var numbers = (await people.LoadAsync(managers, Today, ct)).ToDictionary(p => p.Id, p => p.EmployeeNumber);
        return TypedResults.Ok(new Paged<EmployeeView>([.. found.Select(p => View(graph, p, numbers))], page ?? 1, size, total));
    }

    static async Task<Results<Ok<EmployeeView>, NotFound<ProblemDetails>, ForbidHttpResult>> Get(string number, ClaimsPrincipal user, PeopleAccess access,
        PeopleDirectory people, CareerPaths paths, CancellationToken ct)
    {
        var (person, exists) = await FindAsync(number, user, access, people, ct);
        if (!exists) return NotFoundEmployee(number);
        if (person is null) return TypedResults.Forbid();
        var manager = person.ManagerId is int m ? (await people.LoadAsync([m], Today, ct)) is [var found, ..] ? found : null : null;
        return TypedResults.Ok(View(await paths.GraphAsync(ct), person, manager is null ? [] : new() { [manager.Id] = manager.EmployeeNumber }));
    }

    static async Task<Results<Ok<IReadOnlyList<AssessmentView>>, NotFound<ProblemDetails>, ForbidHttpResult>> History(string number, ClaimsPrincipal user,
        PeopleAccess access, PeopleDirectory people, CancellationToken ct)
    {
        var (person, exists) = await FindAsync(number, user, access, people, ct);
        if (!exists) return NotFoundEmployee(number);
        if (person is null) return TypedResults.Forbid();
        return TypedResults.Ok(await people.HistoryAsync(person.Id, ct));
    }

    static async Task<Results<Created<AssessmentView>, ValidationProblem, NotFound<ProblemDetails>, ForbidHttpResult>> Assess(string number, AssessmentRequest request,
        ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people, CancellationToken ct)
    {
        var id = await people.IdOfAsync(number, ct);
        if (id is null) return NotFoundEmployee(number);
        var relation = await access.RelationAsync(user, id.Value, ct);
        if (relation is not (Relation.Self or Relation.Leader)) return TypedResults.Forbid();
        var source = relation == Relation.Self ? AssessmentSource.Self : AssessmentSource.Manager;
        var (saved, errors) = await people.RecordAsync(id.Value, request.Competency, request.Level, source, await access.MeAsync(user), request.Evidence, Today, ct);
        if (saved is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Created($"/api/employees/{number}/assessments", saved);
    }

    static async Task<Results<Ok<ReadinessView>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> GetReadiness(string number, string? role,
        ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people, CareerPaths paths, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(role)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is required: the code of the role to measure against"] });
        var (person, exists) = await FindAsync(number, user, access, people, ct);
        if (!exists) return NotFoundEmployee(number);
        if (person is null) return TypedResults.Forbid();
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(role) is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"role {role} does not exist" });
        return TypedResults.Ok(ReadinessOf(graph, person, role));
    }

    public static ReadinessView ReadinessOf(CareerGraph graph, PersonRecord person, string role)
    {
        var code = graph.Role(role)!.Code;
        var step = PathFinder.Direct(graph, code, person.State);
        var readiness = Readiness.Of(graph, code, person.State, step.Prerequisites);
        return new ReadinessView(person.EmployeeNumber, code, graph.Title(code), Math.Round(readiness.Percent, 4), readiness.ReadyNow, step.Months, readiness.Summary(),
            [.. readiness.Competencies.Select(c =>
            {
                var rating = person.State.Ratings.GetValueOrDefault(c.Competency);
                return new ReadinessLine(c.Competency, c.Name, c.Required, c.Effective, rating?.Source, rating?.On, rating?.SelfReported ?? false, c.Gap, c.Critical, c.Weight);
            })],
            [.. readiness.Prerequisites.Select(p => new PrerequisiteLine(p.Prerequisite.Kind, p.Text, p.Met, p.MonthsToMeet, p.Met ? null : Today.AddMonths(p.MonthsToMeet)))]);
    }

    static async Task<Results<Ok<IReadOnlyList<Recommendation>>, NotFound<ProblemDetails>, ForbidHttpResult>> Recommend(string number, ClaimsPrincipal user,
        PeopleAccess access, PeopleDirectory people, CareerPaths paths, CancellationToken ct)
    {
        var (person, exists) = await FindAsync(number, user, access, people, ct);
        if (!exists) return NotFoundEmployee(number);
        if (person is null) return TypedResults.Forbid();
        return TypedResults.Ok(Recommendations(await paths.GraphAsync(ct), person.State));
    }

    /// <summary>One move away, and promotions two moves away; ranked by readiness, then promotions before laterals, then time.</summary>
    public static IReadOnlyList<Recommendation> Recommendations(CareerGraph graph, PersonState person)
    {
        var here = person.CurrentRole;
        var options = graph.OutOf(here).Select(e => (Target: e.Target, Route: (IReadOnlyList<CareerEdge>)[e]))
            .Concat(graph.OutOf(here).SelectMany(e => graph.OutOf(e.Target)
                .Where(f => f.Target != here && graph.Rank(f.Target) > graph.Rank(here))
                .Select(f => (Target: f.Target, Route: (IReadOnlyList<CareerEdge>)[e, f]))))
            .GroupBy(o => o.Target).Select(g => g.First());
        return [.. options.Select(o =>
            {
                var path = PathFinder.Score(graph, o.Route, person);
                var readiness = Readiness.Of(graph, o.Target, person, PathFinder.Direct(graph, o.Target, person).Prerequisites);
                var kind = MoveKind.Of(graph.Rank(here), graph.Role(here)!.Unit, graph.Role(here)!.Family, graph.Rank(o.Target), graph.Role(o.Target)!.Unit,
                    graph.Role(o.Target)!.Family, graph.Role(here)!.Level, graph.Role(o.Target)!.Level);
                return new Recommendation(o.Target, graph.Title(o.Target), kind.ToString(), kind.DirectionName, kind.ScopeName, Math.Round(readiness.Percent, 4),
                    readiness.ReadyNow, path.EstimatedMonths, o.Route.Count, readiness.Summary());
            })
            .OrderByDescending(r => r.ReadyNow).ThenByDescending(r => r.Readiness).ThenBy(r => r.Direction == "promotion" ? 0 : r.Direction == "lateral" ? 1 : 2)
            .ThenBy(r => r.EstimatedMonths).ThenBy(r => r.Title, StringComparer.Ordinal)
            .Take(12)];
    }

    static async Task<Results<Ok<Candidates>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> FindCandidates(string code, int? top, string? unit, string? location,
        string? grade, int? minTenure, ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people, CareerPaths paths, CareerMap.Data.CareerMapDb db, CancellationToken ct)
    {
        if (top is < 1 or > MaxTop) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"top must be between 1 and {MaxTop}"] });
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(code) is not { } role) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"role {code} does not exist" });
        var visible = await access.VisibleAsync(user, ct);
        // An employee sees only themselves, which is no candidate list at all.
        if (visible is { Count: <= 1 }) return TypedResults.Forbid();
        var index = await RatingIndexCache.GetAsync(db, Today, ct);
        var allowed = index.RoleCodes.Select(code => graph.Role(code) is { } r && r.Code != role.Code
            && (unit is null || string.Equals(r.Unit, unit, StringComparison.OrdinalIgnoreCase))
            && (grade is null || string.Equals(r.Grade, grade, StringComparison.OrdinalIgnoreCase))).ToArray();
        bool Include(int row) => allowed[index.RoleSlot(row)]
            && (visible is null || visible.Contains(index.EmployeeId(row)))
            && (location is null || string.Equals(index.LocationOf(row), location, StringComparison.OrdinalIgnoreCase))
            && (minTenure is null || index.MonthsInRole(row, Today) >= minTenure);

        // The index ranks everyone on their competencies; the shortlist is then checked in full, prerequisites included.
        var take = top ?? 10;
        var ranking = index.RankAll(graph.Needs(role.Code), take * 3, Include);
        var shortlist = await people.LoadAsync([.. ranking.Top.Select(t => index.EmployeeId(t.Row))], Today, ct);
        var ranked = shortlist.Select(p =>
        {
            var step = PathFinder.Direct(graph, role.Code, p.State);
            var r = Readiness.Of(graph, role.Code, p.State, step.Prerequisites);
            var bench = r.ReadyNow ? "ready now" : step.Months <= 12 ? "within a year" : "later";
            return new Candidate(p.EmployeeNumber, p.Name, p.Role, graph.Role(p.Role)!.Unit, graph.Role(p.Role)!.Grade, p.Location, p.State.MonthsInRole,
                Math.Round(r.Percent, 4), r.ReadyNow, step.Months, bench, [.. r.Competencies.Where(c => c.Gap > 0).Take(3).Select(c => $"{c.Name} ({c.Effective}/{c.Required})")]);
        }).OrderByDescending(c => c.ReadyNow).ThenByDescending(c => c.Readiness).ThenBy(c => c.EstimatedMonths).ThenBy(c => c.EmployeeNumber, StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new Candidates(role.Code, ranking.Considered, new Bench(ranking.ReadyNow, ranking.WithinAYear, ranking.Later), [.. ranked.Take(take)]));
    }

    /// <summary>The person if this account may see them; otherwise whether they exist at all (404) or not for you (403).</summary>
    static async Task<(PersonRecord? Person, bool Exists)> FindAsync(string number, ClaimsPrincipal user, PeopleAccess access, PeopleDirectory people, CancellationToken ct)
    {
        var id = await people.IdOfAsync(number, ct);
        if (id is null) return (null, false);
        if (await access.RelationAsync(user, id.Value, ct) == Relation.None) return (null, true);
        return ((await people.LoadAsync([id.Value], Today, ct))[0], true);
    }

    static async Task<Results<Ok<RosterReport>, UnprocessableEntity<RosterReport>, ValidationProblem>> Import(IFormFile? file, bool? dryRun, CareerMap.Data.CareerMapDb db, ILoggerFactory loggers, CancellationToken ct)
    {
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["attach the roster as the form field 'file'"] });
        await using var stream = file.OpenReadStream();
        var (rows, problems) = Roster.Read(stream, file.FileName);
        var report = await Roster.ImportAsync(db, rows, problems, dryRun ?? false, loggers.CreateLogger(typeof(Roster)), ct);
        return report.Ok ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    static NotFound<ProblemDetails> NotFoundEmployee(string number) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"employee {number} does not exist" });

    static EmployeeView View(CareerGraph graph, PersonRecord p, Dictionary<int, string> numbers) =>
        new(p.EmployeeNumber, p.Name, p.Email, p.Role, graph.Title(p.Role), graph.Role(p.Role)?.Unit ?? "", graph.Role(p.Role)?.Grade ?? "", p.Location,
            p.ManagerId is int m ? numbers.GetValueOrDefault(m) : null, p.HireDate, p.RoleStartDate, p.State.MonthsInRole);
}
