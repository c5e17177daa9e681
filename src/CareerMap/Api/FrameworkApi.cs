using System.Globalization;
using System.Text.Json;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using CareerMap.Infrastructure;

namespace CareerMap.Api;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed record MoveView(string Code, string From, string To, string? Note, IReadOnlyList<PrerequisiteDto> Prerequisites, string? Kind, MoveDirection? Direction, MoveScope? Scope);

/// <summary>
/// CRUD for every framework collection, addressed by code. All collections share one shape, so one generic
/// mapping serves them; every write goes through <see cref="FrameworkService"/> and its whole-framework rules.
/// </summary>
public static class FrameworkApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapFrameworkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/organization", GetOrganization).WithTags("Organization");
        Map(api, FrameworkCollections.Units, "Business units");
        Map(api, FrameworkCollections.Grades, "Grades");
        Map(api, FrameworkCollections.Families, "Job families");
        Map(api, FrameworkCollections.Roles, "Roles");
        Map(api, FrameworkCollections.Competencies, "Competencies");
        Map(api, FrameworkCollections.Requirements, "Requirements", "/{role}/{competency}", r => FrameworkCollections.RequirementKey($"{r.RouteValues["role"]}", $"{r.RouteValues["competency"]}"));
        Map(api, FrameworkCollections.Duties, "Duties");
        Map(api, FrameworkCollections.Strategies, "Development strategies");
        Map(api, FrameworkCollections.Moves, "Moves", view: (d, m) => ViewOf(d, m));
        return app;
    }

    static async Task<Ok<OrganizationDto>> GetOrganization(FrameworkService framework, CancellationToken ct) =>
        TypedResults.Ok((await framework.ExportAsync(ct)).Organization);

    static MoveView ViewOf(FrameworkDocument d, MoveDto m)
    {
        var kind = d.KindOf(m.From, m.To);
        return new(m.Code, m.From, m.To, m.Note, m.Prerequisites ?? [], kind?.ToString(), kind?.Direction, kind?.Scope);
    }

    static void Map<T>(RouteGroupBuilder api, FrameworkCollection<T> c, string tag, string keyRoute = "/{code}", Func<HttpRequest, string>? keyOf = null,
        Func<FrameworkDocument, T, object>? view = null) where T : class
    {
        keyOf ??= r => $"{r.RouteValues["code"]}";
        view ??= (_, item) => item;
        var g = api.MapGroup($"/{c.Name}").WithTags(tag);
        g.MapGet("/", (int? page, int? pageSize, FrameworkService svc, CancellationToken ct) => List(c, view, page, pageSize, svc, ct))
            .WithSummary($"Lists {c.Name}, a page at a time");
        g.MapGet(keyRoute, (HttpContext http, FrameworkService svc, CancellationToken ct) => Get(c, view, keyOf(http.Request), http, svc, ct))
            .WithSummary($"Gets one {c.Singular}; the ETag header carries its version");
        g.MapPost("/", ([FromBody] JsonElement body, HttpContext http, FrameworkService svc, CancellationToken ct) => Create(c, view, body, http, svc, ct))
            .RequireAuthorization(Policies.HrAdmin).Accepts<T>("application/json").WithSummary($"Creates a {c.Singular} (HR admin)");
        g.MapPut(keyRoute, ([FromBody] JsonElement body, HttpContext http, FrameworkService svc, CancellationToken ct) => Update(c, view, keyOf(http.Request), body, http, svc, ct))
            .RequireAuthorization(Policies.HrAdmin).Accepts<T>("application/json").WithSummary($"Replaces a {c.Singular} (HR admin); send If-Match to refuse stale writes");
        g.MapDelete(keyRoute, (HttpContext http, FrameworkService svc, CancellationToken ct) => Delete(c, keyOf(http.Request), http, svc, ct))
            .RequireAuthorization(Policies.HrAdmin).WithSummary($"Deletes a {c.Singular} (HR admin); refused while other items refer to it");
    }

    static async Task<Results<Ok<Paged<object>>, ValidationProblem>> List<T>(FrameworkCollection<T> c, Func<FrameworkDocument, T, object> view,
        int? page, int? pageSize, FrameworkService svc, CancellationToken ct) where T : class
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["page must be 1 or more"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var d = await svc.ExportAsync(ct);
        var items = c.Items(d);
        return TypedResults.Ok(new Paged<object>([.. items.Skip((p - 1) * size).Take(size).Select(i => view(d, i))], p, size, items.Count));
    }

    static async Task<Results<Ok<object>, NotFound<ProblemDetails>>> Get<T>(FrameworkCollection<T> c, Func<FrameworkDocument, T, object> view, string key,
        HttpContext http, FrameworkService svc, CancellationToken ct) where T : class
    {
        var snapshot = await svc.SnapshotAsync(ct);
        var index = c.IndexOf(snapshot.Document, key);
        if (index < 0) return NotFound(c, key);
        var item = c.Items(snapshot.Document)[index];
        SetETag(http, snapshot.VersionOf(c, c.Key(item)));
        return TypedResults.Ok(view(snapshot.Document, item));
    }

    static async Task<Results<Created<object>, ValidationProblem, Conflict<ProblemDetails>>> Create<T>(FrameworkCollection<T> c, Func<FrameworkDocument, T, object> view,
        JsonElement body, HttpContext http, FrameworkService svc, CancellationToken ct) where T : class
    {
        var (item, problems) = JsonFrameworkFormat.ReadItem<T>(body);
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

    static async Task<Results<Ok<object>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> Update<T>(FrameworkCollection<T> c, Func<FrameworkDocument, T, object> view,
        string key, JsonElement body, HttpContext http, FrameworkService svc, CancellationToken ct) where T : class
    {
        if (!TryIfMatch(http, out var expected)) return PreconditionFailed("If-Match must be an ETag this API issued, such as \"3\"");
        var (item, problems) = JsonFrameworkFormat.ReadItem<T>(body);
        if (problems.Count > 0) return Invalid(problems);
        var outcome = await svc.UpdateAsync(c, key, item, expected, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                SetETag(http, outcome.Version);
                return TypedResults.Ok(view(await svc.ExportAsync(ct), item));
            case WriteStatus.NotFound: return NotFound(c, key);
            case WriteStatus.Stale: return PreconditionFailed(outcome.Message);
            default: return TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>());
        }
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> Delete<T>(FrameworkCollection<T> c, string key, HttpContext http,
        FrameworkService svc, CancellationToken ct) where T : class
    {
        if (!TryIfMatch(http, out var expected)) return PreconditionFailed("If-Match must be an ETag this API issued, such as \"3\"");
        var outcome = await svc.DeleteAsync(c, key, expected, ct);
        return outcome.Status switch
        {
            WriteStatus.Saved => TypedResults.NoContent(),
            WriteStatus.NotFound => NotFound(c, key),
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

    static ValidationProblem Invalid(IReadOnlyList<FrameworkProblem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    static NotFound<ProblemDetails> NotFound<T>(FrameworkCollection<T> c, string key) where T : class =>
        TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, "Not found", $"{c.Singular} {key} does not exist"));

    static ProblemHttpResult PreconditionFailed(string? detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status412PreconditionFailed, title: "Stale write");

    static ProblemDetails Problem(int status, string title, string? detail) => new() { Status = status, Title = title, Detail = detail };

    static void SetETag(HttpContext http, int? version)
    {
        if (version is int v) http.Response.Headers.ETag = $"\"{v.ToString(CultureInfo.InvariantCulture)}\"";
    }

    /// <summary>No If-Match means an unconditional write; a present one must be an ETag we issued.</summary>
    static bool TryIfMatch(HttpContext http, out int? version)
    {
        version = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return true;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        if (int.TryParse(header.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) { version = v; return true; }
        return false;
    }
}
