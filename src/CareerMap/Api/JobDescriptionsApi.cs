using System.Security.Claims;
using CareerMap.Infrastructure;
using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Api;

/// <summary>Job descriptions: structure one and tie it to the framework's competencies (a dry run that stores nothing).</summary>
public static class JobDescriptionsApi
{
    public static IEndpointRouteBuilder MapJobDescriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/job-descriptions").RequireAuthorization(Policies.HrAdmin).WithTags("Job descriptions");
        api.MapPost("/parse", Parse).DisableAntiforgery()
            .WithSummary("Structures a job description (.txt, .docx or .pdf as multipart field 'file', or pasted text as form field 'text'); stores nothing (HR admin)");
        api.MapPost("", Import).DisableAntiforgery()
            .WithSummary("Stores each description of the file (multipart 'file') as a new version of its role (?role=CODE, else the role with its title, else a proposal for a new role)");
        api.MapGet("", (string? role, JobDescriptionLibrary library, CancellationToken ct) => library.VersionsAsync(role, ct)).WithSummary("Every stored version, newest first per role");
        api.MapGet("/{id:int}", Get).WithSummary("One version: the structured description, suggested competency links and the role's current requirements");
        api.MapPost("/{id:int}/confirm", Confirm).WithSummary("HR confirms or corrects the competency links; the role's requirements change in one validated step");
        api.MapPost("/{id:int}/role", AddRole).WithSummary("Adds the role a proposal describes to the framework (HR chooses code, unit, family, grade, level) and files the description under it");
        api.MapGet("/diff", Diff).WithSummary("Side-by-side line diff of two versions (?from=ID&to=ID)");
        api.MapGet("/compare", Compare).WithSummary("What the senior role's current description adds over the junior one's (?junior=CODE&senior=CODE)");
        api.MapGet("/{id:int}/export.md", async (int id, JobDescriptionLibrary library, CancellationToken ct) => await library.GetAsync(id, ct) is { } v
            ? Results.Text(JobDescriptionExport.Markdown(v.Description, v.Title), "text/markdown; charset=utf-8") : NotFound(id));
        api.MapGet("/{id:int}/export.docx", async (int id, JobDescriptionLibrary library, CancellationToken ct) => await library.GetAsync(id, ct) is { } v
            ? Results.File(JobDescriptionExport.Docx(v.Description, v.Title), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{Slug(v.Title)}-v{v.Number}.docx")
            : NotFound(id));
        return app;
    }

    static string Slug(string title) => new([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    static NotFound<ProblemDetails> Missing(string detail) => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = detail });

    static NotFound<ProblemDetails> NotFound(int id) => Missing($"no job description version {id}");

    static async Task<Results<Created<IReadOnlyList<JdVersionSummary>>, ValidationProblem>> Import(HttpRequest request, string? role, JobDescriptionLibrary library, ClaimsPrincipal user,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        IFormFile? file = null;
        if (request.HasFormContentType)
        {
            try { file = (await request.ReadFormAsync(ct)).Files.GetFile("file"); }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException) { return Problem("file", $"the form can't be read: {e.Message}"); }
        }
        if (file is null) return Problem("file", "attach the description as the multipart form field 'file' (.txt, .docx, .pdf, .json, .xml, .html, .csv)");
        await using var stream = file.OpenReadStream();
        var (stored, problem) = await library.ImportAsync(stream, file.FileName, string.IsNullOrWhiteSpace(role) ? null : role, user.Identity?.Name ?? "unknown",
            L["send one file per role, or leave out role so that each description goes to the role with its title"], ct);
        if (problem is not null) return Problem(problem.Field, problem.Message);
        return TypedResults.Created($"/api/job-descriptions/{stored[0].Id}", stored);
    }

    static async Task<Results<Ok<JdVersionView>, NotFound<ProblemDetails>>> Get(int id, JobDescriptionLibrary library, CancellationToken ct) =>
        await library.GetAsync(id, ct) is { } v ? TypedResults.Ok(v) : NotFound(id);

    public sealed record ConfirmRequest(IReadOnlyList<LinkDecision>? Links);

    public sealed record NewRoleRequest(string? Code, string? Unit, string? Family, string? Grade, int? Level);

    static async Task<Results<Created<JdVersionView>, ValidationProblem, NotFound<ProblemDetails>>> AddRole(int id, NewRoleRequest request, JobDescriptionLibrary library, CancellationToken ct)
    {
        var errors = await library.AddRoleAsync(id, request.Code, request.Unit, request.Family, request.Grade, request.Level ?? 1, ct);
        if (errors.ContainsKey("id")) return NotFound(id);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var view = (await library.GetAsync(id, ct))!;
        return TypedResults.Created($"/api/roles/{view.Role}", view);
    }

    static async Task<Results<Ok<JdVersionView>, ValidationProblem, NotFound<ProblemDetails>>> Confirm(int id, ConfirmRequest request, JobDescriptionLibrary library, ClaimsPrincipal user, CancellationToken ct)
    {
        var problems = await library.ConfirmAsync(id, request.Links ?? [], user.Identity?.Name ?? "unknown", ct);
        if (problems.Any(p => p.Place == "id")) return NotFound(id);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems.GroupBy(p => p.Place).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        return TypedResults.Ok((await library.GetAsync(id, ct))!);
    }

    static async Task<Results<Ok<IReadOnlyList<DiffLine>>, NotFound<ProblemDetails>>> Diff(int from, int to, JobDescriptionLibrary library, CancellationToken ct) =>
        await library.DiffAsync(from, to, ct) is { } lines ? TypedResults.Ok(lines) : Missing($"version {from} or {to} does not exist");

    static async Task<Results<Ok<RoleComparison>, NotFound<ProblemDetails>>> Compare(string junior, string senior, JobDescriptionLibrary library, CancellationToken ct) =>
        await library.CompareAsync(junior, senior, ct) is { } c ? TypedResults.Ok(c)
            : Missing($"{junior} or {senior} has no job description yet");

    static async Task<Results<Ok<JdParseResult>, ValidationProblem>> Parse(HttpRequest request, JobDescriptionLibrary library, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problem("file", "send the description as multipart/form-data: a file in the field 'file', or pasted text in the field 'text'");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problem("file", $"the form can't be read: {e.Message}");
        }
        var matcher = await library.MatcherAsync(ct);
        try
        {
            if (form.Files.GetFile("file") is { } file)
            {
                await using var stream = file.OpenReadStream();
                return TypedResults.Ok(JobDescriptionFiles.Parse(stream, file.FileName, matcher, L));
            }
            if (form["text"].ToString() is { Length: > 0 } text)
                return TypedResults.Ok(JobDescriptionParser.Parse(text, matcher, L));
            return Problem("file", "attach the description as the form field 'file' (.txt, .docx, .pdf, .json, .xml, .html, .csv) or paste it into the field 'text'");
        }
        catch (JobDescriptionFormatException e)
        {
            var file = form.Files.GetFile("file");
            return Problem(file is null ? "text" : "file", (file is null ? "" : $"{file.FileName}: ") + e.Message);
        }
    }

    static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The job description can't be read");
}
