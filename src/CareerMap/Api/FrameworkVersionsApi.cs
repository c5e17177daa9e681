using System.Globalization;
using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Framework.Formats;
using CareerMap.Framework.Versions;
using CareerMap.Infrastructure;
using CareerMap.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Api;

/// <summary>A role as the framework in effect on a day had it: the version that was in effect, the role and its requirements.</summary>
public sealed record RoleAsOfView(DateOnly Day, FrameworkVersionView Version, bool BeforeFirstKept, RoleDto Role, IReadOnlyList<RequirementDto> Requirements);

/// <summary>A new draft's name, optional.</summary>
public sealed record DraftRequest(string? Name);

/// <summary>The day a draft takes effect (today when left out; a later day schedules it) and a note for the history.</summary>
public sealed record AdoptRequest(DateOnly? EffectiveOn, string? Note);

/// <summary>Framework versions: drafts HR edits, previews and adopts with an effective date, and the history of adopted versions.</summary>
public static class FrameworkVersionsApi
{
    public static IEndpointRouteBuilder MapFrameworkVersionsApi(this IEndpointRouteBuilder app)
    {
        var versions = app.MapGroup("/api/framework/versions").RequireAuthorization(Policies.HrAdmin).WithTags("Framework versions");
        versions.MapGet("/", List).WithSummary("Every version, newest first: adopted ones with their effective day, the open draft, scheduled and discarded drafts (HR admin)");
        versions.MapGet("/{id:int}", Get).WithSummary("One version, without its document (HR admin)");
        versions.MapGet("/{id:int}/export", Export).Produces<string>(StatusCodes.Status200OK, "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("A version's whole framework as careermap/1 JSON (format=json, the default), the Excel workbook (format=xlsx) or a CASE 1.1 package (format=case) (HR admin)");

        app.MapGet("/api/roles/{code}/as-of/{day}", RoleAsOf).RequireAuthorization().WithTags("Framework versions")
            .WithSummary("A role and its requirements as the framework in effect on a day (yyyy-MM-dd) had them");

        var drafts = app.MapGroup("/api/framework/drafts").RequireAuthorization(Policies.HrAdmin).WithTags("Framework versions").DisableAntiforgery();
        drafts.MapPost("/", Start).WithSummary("Starts a draft holding the framework as it is; 409 while another draft is open (HR admin)");
        drafts.MapPut("/{id:int}", Replace)
            .WithSummary("Replaces the draft's whole framework with a careermap/1 JSON body, checked by the import rules; If-Match with the draft's ETag (HR admin)");
        drafts.MapGet("/{id:int}/preview", Preview)
            .WithSummary("What adopting the draft would change: items, requirement levels, each changed role's bench, the open plans aiming at those roles (HR admin)");
        drafts.MapPost("/{id:int}/adopt", Adopt)
            .WithSummary("Adopts the draft from effectiveOn (today when left out; a later day schedules it); 409 naming the items changed differently since it started (HR admin)");
        drafts.MapDelete("/{id:int}", Discard).WithSummary("Discards the open draft or calls off a scheduled one; it stays in the history, never applied (HR admin)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<FrameworkVersionView>>> List(FrameworkVersions versions, CancellationToken ct) =>
        TypedResults.Ok(await versions.ListAsync(ct: ct));

    static async Task<Results<Ok<FrameworkVersionView>, NotFound<ProblemDetails>>> Get(int id, FrameworkVersions versions, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await versions.GetAsync(id, ct) is { } v ? TypedResults.Ok(v.View) : NoVersion(id, L);

    static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>, ValidationProblem>> Export(int id, string? format, HttpContext http,
        FrameworkVersions versions, CaseExchange cases, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!FrameworkVersions.Formats.Contains((format ?? "json").ToLowerInvariant()))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [L["format is json, xlsx or case"]] });
        var file = await versions.FileAsync(id, format ?? "json", cases, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", ct);
        return file is null ? NoVersion(id, L) : TypedResults.File(file.Content, file.ContentType, file.Name);
    }

    static async Task<Results<Ok<RoleAsOfView>, NotFound<ProblemDetails>, ValidationProblem>> RoleAsOf(string code, string day, FrameworkVersions versions,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = [L["a day is written yyyy-MM-dd, such as 2026-11-30"]] });
        if (await versions.AsOfAsync(on, ct) is not { } asOf || asOf.Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase)) is not { } role)
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = L["{0} was not in the framework on {1}", FrameworkCollections.Roles.Item(code, L), day] });
        var requirements = asOf.Document.Requirements.Where(r => string.Equals(r.Role, role.Code, StringComparison.OrdinalIgnoreCase)).ToList();
        return TypedResults.Ok(new RoleAsOfView(on, asOf.Version, asOf.BeforeFirstKept, role, requirements));
    }

    static async Task<Results<Created<FrameworkVersionView>, Conflict<ProblemDetails>, ValidationProblem>> Start(DraftRequest? request, HttpContext http,
        FrameworkVersions versions, CancellationToken ct)
    {
        var outcome = await versions.StartAsync(request?.Name, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                FrameworkApi.SetETag(http, outcome.Draft!.Version);
                return TypedResults.Created($"/api/framework/versions/{outcome.Draft.Number}", outcome.Draft);
            case WriteStatus.Conflict: return TypedResults.Conflict(Problem(409, "Draft already open", outcome.Message));
            default: return Invalid(outcome);
        }
    }

    static async Task<Results<Ok<FrameworkVersionView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult, StatusCodeHttpResult>> Replace(
        int id, HttpContext http, FrameworkVersions versions, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType()) return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        if (FrameworkApi.IfMatchRefusal(http, L, out var expected) is { } precondition) return precondition;
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        var read = JsonFrameworkFormat.Read(body, L);
        if (read.Document is null) return Invalid(new DraftOutcome(WriteStatus.Invalid, Problems: read.Problems));
        var outcome = await versions.ReplaceAsync(id, read.Document, read.Place, expected, read.Problems, ct);
        return Answer(outcome, http, id, L);
    }

    static async Task<Results<Ok<DraftPreview>, NotFound<ProblemDetails>>> Preview(int id, DraftEffect effect, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        await effect.PreviewAsync(id, ct) is { } preview ? TypedResults.Ok(preview) : NoVersion(id, L);

    static async Task<Results<Ok<FrameworkVersionView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult, StatusCodeHttpResult>> Adopt(
        int id, AdoptRequest? request, HttpContext http, FrameworkVersions versions, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (FrameworkApi.IfMatchRefusal(http, L, out var expected) is { } precondition) return precondition;
        var outcome = await versions.AdoptAsync(id, request?.EffectiveOn, request?.Note, expected, ct);
        return Answer(outcome, http, id, L);
    }

    static async Task<Results<Ok<FrameworkVersionView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult, StatusCodeHttpResult>> Discard(
        int id, HttpContext http, FrameworkVersions versions, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        Answer(await versions.DiscardAsync(id, ct), http, id, L);

    static Results<Ok<FrameworkVersionView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ProblemHttpResult, StatusCodeHttpResult> Answer(
        DraftOutcome outcome, HttpContext http, int id, IStringLocalizer L)
    {
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                FrameworkApi.SetETag(http, outcome.Draft!.Version);
                return TypedResults.Ok(outcome.Draft);
            case WriteStatus.NotFound: return NoVersion(id, L);
            case WriteStatus.Stale: return FrameworkApi.PreconditionFailed(outcome.Message);
            case WriteStatus.Conflict:
                var problem = Problem(409, "Conflict", outcome.Message);
                if (outcome.Conflicts is { Count: > 0 } conflicts) problem.Extensions["conflicts"] = conflicts;
                return TypedResults.Conflict(problem);
            default: return Invalid(outcome);
        }
    }

    static ValidationProblem Invalid(DraftOutcome outcome) =>
        TypedResults.ValidationProblem((outcome.Problems ?? []).GroupBy(p => p.Place).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: outcome.Message);

    static NotFound<ProblemDetails> NoVersion(int id, IStringLocalizer L) => TypedResults.NotFound(Problem(404, "Not found", L["There is no version {0}.", id]));

    static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };
}
