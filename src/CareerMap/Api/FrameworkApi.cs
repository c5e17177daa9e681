using System.Globalization;
using System.Text.Json;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Api;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record MoveView(string Code, string From, string To, string? Note, IReadOnlyList<PrerequisiteDto> Prerequisites, string? Kind, MoveDirection? Direction, MoveScope? Scope);

/// <summary>
/// CRUD for every framework collection, addressed by code. All collections share one shape, so one generic
/// mapping serves them; every write goes through <see cref="FrameworkService"/> and its whole-framework rules.
/// </summary>
public static class FrameworkApi
{

    public static IEndpointRouteBuilder MapFrameworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/organization", GetOrganization).WithTags("Organization");
        Map(api, FrameworkCollections.Units, "Business units", AsIs);
        Map(api, FrameworkCollections.Grades, "Grades", AsIs);
        Map(api, FrameworkCollections.Families, "Job families", AsIs);
        Map(api, FrameworkCollections.Roles, "Roles", AsIs);
        Map(api, FrameworkCollections.Competencies, "Competencies", AsIs);
        Map(api, FrameworkCollections.Requirements, "Requirements", AsIs, "/{role}/{competency}",
            r => FrameworkCollections.RequirementKey($"{r.RouteValues["role"]}", $"{r.RouteValues["competency"]}"));
        Map(api, FrameworkCollections.Duties, "Duties", AsIs);
        Map(api, FrameworkCollections.Strategies, "Development strategies", AsIs);
        Map(api, FrameworkCollections.Moves, "Moves", ViewOf);
        return app;
    }

    static async Task<Ok<OrganizationDto>> GetOrganization(FrameworkService framework, CancellationToken ct) =>
        TypedResults.Ok((await framework.ExportAsync(ct)).Organization);

    static T AsIs<T>(FrameworkDocument d, T item) => item;

    static MoveView ViewOf(FrameworkDocument d, MoveDto m)
    {
        var kind = d.KindOf(m.From, m.To);
        return new(m.Code, m.From, m.To, m.Note, m.Prerequisites ?? [], kind?.ToString(), kind?.Direction, kind?.Scope);
    }

    /// <summary>Items of <typeparamref name="T"/> are stored and sent; they are answered as <typeparamref name="TView"/>.</summary>
    static void Map<T, TView>(RouteGroupBuilder api, FrameworkCollection<T> c, string tag, Func<FrameworkDocument, T, TView> view,
        string keyRoute = "/{code}", Func<HttpRequest, string>? keyOf = null) where T : class
    {
        keyOf ??= r => $"{r.RouteValues["code"]}";
        var g = api.MapGroup($"/{c.Name}").WithTags(tag);
        g.MapGet("/", (int? page, int? pageSize, FrameworkService svc, CancellationToken ct) => List(c, view, page, pageSize, svc, ct))
            .WithSummary($"Lists {c.Name}, a page at a time");
        g.MapGet(keyRoute, (HttpContext http, FrameworkService svc, IStringLocalizer<SharedResource> L, CancellationToken ct) => Get(c, view, keyOf(http.Request), http, svc, L, ct))
            .WithSummary($"Gets one {c.Singular}; the ETag header carries its version");
        // The body is read by the framework's own reader, which names unknown fields; Accepts<T> describes it.
        g.MapPost("/", (HttpContext http, FrameworkService svc, IStringLocalizer<SharedResource> L, CancellationToken ct) => Create(c, view, http, svc, L, ct))
            .RequireAuthorization(Policies.HrAdmin).Accepts<T>("application/json").WithSummary($"Creates a {c.Singular} (HR admin)");
        g.MapPut(keyRoute, (HttpContext http, FrameworkService svc, IStringLocalizer<SharedResource> L, CancellationToken ct) => Update(c, view, keyOf(http.Request), http, svc, L, ct))
            .RequireAuthorization(Policies.HrAdmin).Accepts<T>("application/json").ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary($"Replaces a {c.Singular} (HR admin); If-Match with the ETag read (or *) is required");
        g.MapDelete(keyRoute, (HttpContext http, FrameworkService svc, IStringLocalizer<SharedResource> L, CancellationToken ct) => Delete(c, keyOf(http.Request), http, svc, L, ct))
            .RequireAuthorization(Policies.HrAdmin).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary($"Deletes a {c.Singular} (HR admin); refused while other items refer to it");
    }

    static async Task<Results<Ok<Paged<TView>>, ValidationProblem>> List<T, TView>(FrameworkCollection<T> c, Func<FrameworkDocument, T, TView> view,
        int? page, int? pageSize, FrameworkService svc, CancellationToken ct) where T : class
    {
        var (paging, problem) = Paging.Read(page, pageSize);
        if (problem is not null) return problem;
        var d = await svc.ExportAsync(ct);
        var items = c.Items(d);
        return TypedResults.Ok(new Paged<TView>([.. items.Skip(paging.Skip).Take(paging.Size).Select(i => view(d, i))], paging.Page, paging.Size, items.Count));
    }

    static async Task<Results<Ok<TView>, NotFound<ProblemDetails>>> Get<T, TView>(FrameworkCollection<T> c, Func<FrameworkDocument, T, TView> view, string key,
        HttpContext http, FrameworkService svc, IStringLocalizer L, CancellationToken ct) where T : class
    {
        var snapshot = await svc.SnapshotAsync(ct);
        var index = c.IndexOf(snapshot.Document, key);
        if (index < 0) return NotFound(c, key, L);
        var item = c.Items(snapshot.Document)[index];
        SetETag(http, snapshot.VersionOf(c, c.Key(item)));
        return TypedResults.Ok(view(snapshot.Document, item));
    }

    static async Task<Results<Created<TView>, ValidationProblem, Conflict<ProblemDetails>, StatusCodeHttpResult>> Create<T, TView>(FrameworkCollection<T> c,
        Func<FrameworkDocument, T, TView> view, HttpContext http, FrameworkService svc, IStringLocalizer L, CancellationToken ct) where T : class
    {
        var (body, refused) = await ReadJsonAsync(http.Request, ct);
        if (refused is not null) return refused;
        var (item, problems) = JsonFrameworkFormat.ReadItem<T>(body, L);
        if (problems.Count > 0) return Invalid(problems);
        var outcome = await svc.CreateAsync(c, item, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                SetETag(http, outcome.Version);
                var d = await svc.ExportAsync(ct);
                return TypedResults.Created($"/api/{c.Name}/{c.Key(item)}", view(d, item));
            case WriteStatus.Conflict:
                return TypedResults.Conflict(Problem(StatusCodes.Status409Conflict, "Already exists", outcome.Message));
            default:
                return TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>());
        }
    }

    static async Task<Results<Ok<TView>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult, StatusCodeHttpResult>> Update<T, TView>(FrameworkCollection<T> c,
        Func<FrameworkDocument, T, TView> view, string key, HttpContext http, FrameworkService svc, IStringLocalizer L, CancellationToken ct) where T : class
    {
        var (body, refused) = await ReadJsonAsync(http.Request, ct);
        if (refused is not null) return refused;
        if (IfMatchRefusal(http, L, out var expected) is { } precondition) return precondition;
        var (item, problems) = JsonFrameworkFormat.ReadItem<T>(body, L);
        if (problems.Count > 0) return Invalid(problems);
        var outcome = await svc.UpdateAsync(c, key, item, expected, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                SetETag(http, outcome.Version);
                return TypedResults.Ok(view(await svc.ExportAsync(ct), item));
            case WriteStatus.NotFound: return NotFound(c, key, L);
            case WriteStatus.Stale: return PreconditionFailed(outcome.Message);
            default: return TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>());
        }
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> Delete<T>(FrameworkCollection<T> c, string key, HttpContext http,
        FrameworkService svc, IStringLocalizer L, CancellationToken ct) where T : class
    {
        if (IfMatchRefusal(http, L, out var expected) is { } precondition) return precondition;
        var outcome = await svc.DeleteAsync(c, key, expected, ct);
        return outcome.Status switch
        {
            WriteStatus.Saved => TypedResults.NoContent(),
            WriteStatus.NotFound => NotFound(c, key, L),
            WriteStatus.Stale => PreconditionFailed(outcome.Message),
            _ => TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Still in use",
                Detail = outcome.Message,
                Extensions = { ["errors"] = outcome.Errors },
            }),
        };
    }

    /// <summary>
    /// Refuses a body as minimal APIs' own binding does (415 unless JSON, 400 when it does not parse; the status code
    /// pages write the problem document), so that any JSON value reaches the framework reader.
    /// </summary>
    internal static async Task<(JsonElement Body, StatusCodeHttpResult? Refused)> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) return (default, TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        try
        {
            return (await request.ReadFromJsonAsync<JsonElement>(ct), null);
        }
        catch (JsonException)
        {
            return (default, TypedResults.StatusCode(StatusCodes.Status400BadRequest));
        }
        catch (BadHttpRequestException e)
        {
            return (default, TypedResults.StatusCode(e.StatusCode));
        }
    }

    static ValidationProblem Invalid(IReadOnlyList<FrameworkProblem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    static NotFound<ProblemDetails> NotFound<T>(FrameworkCollection<T> c, string key, IStringLocalizer L) where T : class =>
        TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, "Not found", L["{0} does not exist", c.Item(key, L)]));

    internal static ProblemHttpResult PreconditionFailed(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale write");

    static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };

    internal static void SetETag(HttpContext http, int? version)
    {
        if (version is int v) http.Response.Headers.ETag = $"\"{v.ToString(CultureInfo.InvariantCulture)}\"";
    }

    /// <summary>
    /// A write must say which version it replaces (If-Match with the ETag it read), so two people editing at once cannot
    /// silently overwrite each other: none is 428, one we did not issue is 412. <c>*</c> asks explicitly for an
    /// unconditional write.
    /// </summary>
    internal static ProblemHttpResult? IfMatchRefusal(HttpContext http, IStringLocalizer L, out int? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
            return TypedResults.Problem(L["send If-Match with the ETag of the version you read (GET answers it), or * to overwrite whatever is there"],
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required");
        if (header == "*") return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) { version = v; return null; }
        return PreconditionFailed(L["If-Match must be an ETag this API issued, such as \"3\""]);
    }
}
