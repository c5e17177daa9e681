using CareerMap.Access;
using CareerMap.Framework;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.Api;

public sealed record EmployeeView(string EmployeeNumber, string Name, string Email, string Role, string RoleTitle, string Unit, string Grade, string? Location,
    string? Manager, DateOnly HireDate, DateOnly RoleStartDate, int MonthsInRole);

public sealed record AssessmentRequest(string? Competency, int? Level, string? Evidence);

/// <summary>People, their append-only assessments, readiness for any role, recommendations and internal candidates.</summary>
public static class PeopleApi
{
    public const int MaxTop = 100;

    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("People");
        api.MapGet("/employees", List).WithSummary("The people you may see (yourself; everyone below you; everyone for HR admin), a page at a time");
        api.MapPost("/employees/import", Import).RequireAuthorization(Policies.HrAdmin).DisableAntiforgery()
            .WithSummary("Imports a roster (.csv or .xlsx, as multipart form field 'file'; dated credentials on the workbook's Credentials sheet, or beside a CSV as form field 'credentials'), all or nothing; ?dryRun=true changes nothing (HR admin). Whoever starts in a role with a plan template (hired or moved, starting within the last 60 days or later) gets a draft plan from it");
        api.MapPost("/employees/role-history/import", ImportHistory).RequireAuthorization(Policies.HrAdmin).DisableAntiforgery()
            .WithSummary("Imports the role changes people went through before the record of them begins (.csv or .xlsx with EmployeeNumber, Date, FromRole, ToRole, as multipart form field 'file'), all or nothing; rows already on record are skipped; ?dryRun=true changes nothing (HR admin)");
        api.MapGet("/roles/{code}/candidates", FindCandidates).WithSummary("Internal candidates for a role ranked by readiness, and the bench");

        // Who may see the person in the route is checked before these run (PersonAccess.UsePersonAccess).
        var person = api.MapGroup("/employees/{number}");
        person.MapGet("", Get);
        person.MapGet("/assessments", History).WithSummary("Every rating, newest first; nothing is ever overwritten");
        person.MapPost("/assessments", Assess).ForRelations(Relation.Self, Relation.Leader)
            .WithSummary("Adds a self rating (for yourself) or a manager rating (for someone below you)");
        person.MapGet("/role-history", RolesHeld).WithSummary("Every role change, newest first, with the kind of move in today's framework; the first role on record has no from");
        person.MapGet("/readiness", GetReadiness).WithSummary("Readiness for a role, with every competency and prerequisite explained");
        person.MapGet("/recommendations", Recommend).WithSummary("The roles worth aiming at next, ranked by readiness and kind of move");
        return app;
    }

    static async Task<Results<Ok<Paged<EmployeeView>>, ValidationProblem>> List(string? q, int? page, int? pageSize,
        PeopleAccess access, PeopleDirectory people, CareerPaths paths, TimeProvider clock, CancellationToken ct)
    {
        var (paging, problem) = Paging.Read(page, pageSize);
        if (problem is not null) return problem;
        var graph = await paths.GraphAsync(ct);
        var today = clock.Today();
        var (found, total) = await people.SearchAsync(access.Visible(), access.VisibleKey, q, paging.Page, paging.Size, today, ct);
        return TypedResults.Ok(new Paged<EmployeeView>([.. found.Select(p => View(graph, p))], paging.Page, paging.Size, total));
    }

    static async Task<Ok<EmployeeView>> Get(PersonInRoute who, PeopleDirectory people, CareerPaths paths, TimeProvider clock, CancellationToken ct)
    {
        var person = await people.PersonAsync(who.Id, clock.Today(), ct);
        var manager = person.ManagerId is int m ? await people.NumberOfAsync(m, ct) : null;
        return TypedResults.Ok(View(await paths.GraphAsync(ct), new PersonListing(person.EmployeeNumber, person.Name, person.Email, person.Role, person.Location,
            manager, person.HireDate, person.RoleStartDate, person.State.MonthsInRole)));
    }

    static async Task<Ok<IReadOnlyList<AssessmentView>>> History(PersonInRoute who, PeopleDirectory people, CancellationToken ct) =>
        TypedResults.Ok(await people.HistoryAsync(who.Id, ct));

    static async Task<Ok<IReadOnlyList<RoleChangeView>>> RolesHeld(PersonInRoute who, PeopleDirectory people, CancellationToken ct) =>
        TypedResults.Ok(await people.RolesHeldAsync(who.Id, ct));

    static async Task<Results<Created<AssessmentView>, ValidationProblem>> Assess(AssessmentRequest request, PersonInRoute who, PeopleAccess access,
        PeopleDirectory people, TimeProvider clock, CancellationToken ct)
    {
        var source = who.Relation == Relation.Self ? AssessmentSource.Self : AssessmentSource.Manager;
        var (saved, errors) = await people.RecordAsync(who.Id, request.Competency, request.Level, source, access.Account.EmployeeId, request.Evidence, clock.Today(), ct);
        if (saved is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Created($"/api/employees/{Uri.EscapeDataString(who.EmployeeNumber)}/assessments", saved);
    }

    static async Task<Results<Ok<ReadinessView>, NotFound<ProblemDetails>, ValidationProblem>> GetReadiness(string? role, PersonInRoute who,
        PeopleDirectory people, CareerPaths paths, TimeProvider clock, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(role)) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is required: the code of the role to measure against"] });
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(role) is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"role {role} does not exist" });
        return TypedResults.Ok(ReadinessReport.Of(graph, await people.PersonAsync(who.Id, clock.Today(), ct), role, clock.Today(), L, who.Relation == Relation.Self));
    }

    static async Task<Ok<IReadOnlyList<Recommendation>>> Recommend(PersonInRoute who, PeopleDirectory people, CareerPaths paths, TimeProvider clock,
        IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        TypedResults.Ok(Recommendations.For(await paths.GraphAsync(ct), (await people.PersonAsync(who.Id, clock.Today(), ct)).State, L, who.Relation == Relation.Self));

    /// <param name="competency">Competencies a candidate must be rated at, paired by position with <paramref name="level"/> (the lowest level).</param>
    /// <param name="match">all (the default): every competency condition; any: at least one.</param>
    /// <param name="credential">A certification, license or education the candidate holds.</param>
    static async Task<Results<Ok<Candidates>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> FindCandidates(string code, int? top, string? unit, string? location,
        string? grade, int? minTenure, string? language, string[]? competency, int[]? level, string? match, string? credential,
        PeopleAccess access, CandidateSearch candidates, CareerPaths paths, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (top is < 1 or > MaxTop) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"top must be between 1 and {MaxTop}"] });
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(code) is not { } role) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"role {code} does not exist" });
        var (skills, problems) = CandidateSearch.ReadSkills(graph, competency ?? [], [.. (level ?? []).Select(l => (int?)l)], L);
        if (match is not (null or "all" or "any")) problems["match"] = [L["match is all or any"]];
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems);
        var visible = access.Visible() is { } query ? (await query.ToListAsync(ct)).ToHashSet() : null;
        // An employee sees only themselves, which is no candidate list at all.
        if (visible is { Count: <= 1 }) return TypedResults.Forbid();
        return TypedResults.Ok(await candidates.FindAsync(graph, role.Code, new CandidateFilter(unit, location, grade, minTenure, language, skills, match == "any",
            string.IsNullOrWhiteSpace(credential) ? null : credential), visible, top ?? 10, ct));
    }

    /// <param name="credentials">Beside a CSV roster, its people's dated credentials as a second file with the columns EmployeeNumber, Name, Kind, Issuer, Number, IssuedOn, ExpiresOn (a workbook keeps them on its Credentials sheet instead).</param>
    static async Task<Results<Ok<RosterReport>, UnprocessableEntity<RosterReport>, ValidationProblem>> Import(IFormFile? file, IFormFile? credentials, bool? dryRun, CareerMap.Data.CareerMapDb db,
        CareerMap.Plans.PlanTemplates templates, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["attach the roster as the form field 'file'"] });
        await using var stream = file.OpenReadStream();
        await using var held = credentials?.OpenReadStream();
        var report = await Roster.ImportAsync(db, Roster.Read(stream, file.FileName, held, credentials?.FileName), dryRun ?? false, clock.Today(), loggers.CreateLogger(typeof(Roster)), ct);
        // Whoever starts in a role gets a draft plan from its template (People knows nothing of plans, so it is asked here).
        await templates.DraftForImportAsync(report, ct);
        return report.Ok ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    static async Task<Results<Ok<RoleHistoryReport>, UnprocessableEntity<RoleHistoryReport>, ValidationProblem>> ImportHistory(IFormFile? file, bool? dryRun,
        CareerMap.Data.CareerMapDb db, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["attach the role history as the form field 'file'"] });
        await using var stream = file.OpenReadStream();
        var (rows, problems) = RoleHistoryImport.Read(stream, file.FileName);
        var report = await RoleHistoryImport.ImportAsync(db, clock, rows, problems, dryRun ?? false, loggers.CreateLogger(typeof(RoleHistoryImport)), ct);
        return report.Ok ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

    static NotFound<ProblemDetails> NotFoundEmployee(string number) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"employee {number} does not exist" });

    static EmployeeView View(CareerGraph graph, PersonListing p) =>
        new(p.EmployeeNumber, p.Name, p.Email, p.Role, graph.Title(p.Role), graph.Role(p.Role)?.Unit ?? "", graph.Role(p.Role)?.Grade ?? "", p.Location,
            p.ManagerNumber, p.HireDate, p.RoleStartDate, p.MonthsInRole);
}
