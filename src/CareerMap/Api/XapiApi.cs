using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.Learning;
using CareerMap.Provisioning;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CareerMap.Api;

/// <summary>The xAPI version this endpoint speaks, as GET /xapi/about answers it.</summary>
public sealed record XapiAbout(IReadOnlyList<string> Version);

/// <summary>
/// The statement resource of an xAPI 1.0.3 learning record store, for the organization's learning system: it posts what
/// people completed, passed or attempted, and CareerMap keeps it as evidence on the person (never as a rating). A system
/// signs in with a token HR issued for scope xapi, as Basic (any user name, the token as password: what most LMS plugins
/// send) or Bearer. Each request names the xAPI version in X-Experience-API-Version.
/// </summary>
public static class XapiApi
{
    public const string Scheme = "XapiToken";
    public const string TokenClaim = "xapi_token";
    public const string Root = "/xapi";
    const string VersionHeader = "X-Experience-API-Version";
    /// <summary>A megabyte holds a thousand ordinary statements.</summary>
    const int MaxBody = 1024 * 1024;

    public static IEndpointRouteBuilder MapXapiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Root).WithTags("xAPI").DisableAntiforgery();
        api.MapGet("/about", () => TypedResults.Ok(new XapiAbout([Xapi.Version]))).AllowAnonymous()
            .WithSummary("The xAPI versions this endpoint speaks");
        api.MapPost("/statements", Post).RequireAuthorization(Policies.Xapi)
            .WithSummary("Stores one statement or an array of them as evidence on the people they are about (a token of scope xapi, Basic or Bearer): all or nothing; 200 with the statement ids; 400 naming each refused statement's place and reason");
        api.MapPut("/statements", Put).RequireAuthorization(Policies.Xapi)
            .WithSummary("Stores one statement under ?statementId= (a token of scope xapi); 204; 409 when another statement has that id");
        app.MapGet("/api/employees/{number}/learning", Learning).RequireAuthorization().WithTags("People")
            .WithSummary("What the learning system reported of the person, newest first, with the plan action each activity is (the person, their leaders and HR)");
        return app;
    }

    static async Task<IReadOnlyList<LearningRecordView>> Learning(PersonInRoute who, LearningRecords records, CancellationToken ct) =>
        await records.OfAsync(who.Id, 200, ct);

    static async Task<Results<Ok<IReadOnlyList<Guid>>, ValidationProblem, Conflict<HttpValidationProblemDetails>>> Post(HttpContext http, LearningRecords records, CancellationToken ct)
    {
        var (body, refusal) = await BodyAsync(http, ct);
        if (refusal is not null) return refusal;
        var batch = body.ValueKind == JsonValueKind.Array;
        var statements = batch ? body.EnumerateArray().ToList() : [body];
        var stored = await records.StoreAsync(statements, Source(http.User), batch, ct);
        if (stored.Problems.Count == 0) return TypedResults.Ok(stored.Ids);
        if (IsConflict(stored.Problems)) return Conflict(stored.Problems);
        return TypedResults.ValidationProblem(Errors(stored.Problems));
    }

    static async Task<Results<NoContent, ValidationProblem, Conflict<HttpValidationProblemDetails>>> Put(string? statementId, HttpContext http, LearningRecords records, CancellationToken ct)
    {
        if (!Guid.TryParseExact(statementId, "D", out var id))
            return Problem("statementId", "PUT needs ?statementId= with the statement's UUID");
        var (body, refusal) = await BodyAsync(http, ct);
        if (refusal is not null) return refusal;
        if (body.ValueKind != JsonValueKind.Object) return Problem("statement", "PUT stores one statement, a JSON object");
        if (body.TryGetProperty("id", out var given) && !(given.ValueKind == JsonValueKind.String && Guid.TryParseExact(given.GetString(), "D", out var same) && same == id))
            return Problem("statement.id", "the statement's id differs from ?statementId=");
        var withId = body.TryGetProperty("id", out _) ? body : WithId(body, id);
        var stored = await records.StoreAsync([withId], Source(http.User), batch: false, ct);
        if (stored.Problems.Count == 0) return TypedResults.NoContent();
        if (IsConflict(stored.Problems)) return Conflict(stored.Problems);
        return TypedResults.ValidationProblem(Errors(stored.Problems));
    }

    static JsonElement WithId(JsonElement statement, Guid id)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(statement.GetRawText())!.AsObject();
        node["id"] = id.ToString();
        return JsonSerializer.SerializeToElement(node);
    }

    static string Source(ClaimsPrincipal user) => user.Identity?.Name is { } name && name.StartsWith(TokenScopes.Xapi + ":", StringComparison.Ordinal) ? name[(TokenScopes.Xapi.Length + 1)..] : "unknown";

    static async Task<(JsonElement Body, ValidationProblem? Refusal)> BodyAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.Headers[VersionHeader] = Xapi.Version;
        if (!Xapi.Speaks(http.Request.Headers[VersionHeader].ToString()))
            return (default, ProblemOf(VersionHeader, $"send the header {VersionHeader}: {Xapi.Version} (this endpoint speaks xAPI 1.0.x)"));
        if (http.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (default, ProblemOf("Content-Type", "statements come as application/json"));
        if (http.Request.ContentLength > MaxBody) return (default, ProblemOf("body", $"at most {MaxBody / 1024} KB a request"));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBody) return (default, ProblemOf("body", $"at most {MaxBody / 1024} KB a request"));
            await buffer.WriteAsync(chunk.AsMemory(0, n), ct);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            var body = document.RootElement.Clone();
            return body.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? (body, null) : (default, ProblemOf("body", "a statement (object) or an array of statements"));
        }
        catch (JsonException e)
        {
            return (default, ProblemOf("body", $"not JSON: {e.Message}"));
        }
    }

    static Results<NoContent, ValidationProblem, Conflict<HttpValidationProblemDetails>> Problem(string place, string reason) => ProblemOf(place, reason);

    static ValidationProblem ProblemOf(string place, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [place] = [reason] });

    static Dictionary<string, string[]> Errors(IReadOnlyList<XapiProblem> problems) =>
        problems.GroupBy(p => p.Place).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray());

    /// <summary>A conflict alone (an id already taken by another statement) is a 409, as xAPI asks; anything else a 400.</summary>
    static bool IsConflict(IReadOnlyList<XapiProblem> problems) => problems.All(p => p.Conflict);

    static Conflict<HttpValidationProblemDetails> Conflict(IReadOnlyList<XapiProblem> problems) =>
        TypedResults.Conflict(new HttpValidationProblemDetails(Errors(problems)) { Status = StatusCodes.Status409Conflict, Title = "A statement with this id is already stored" });
}

/// <summary>
/// Authenticates a learning system by the token HR issued it for scope xapi: Bearer, or Basic with the token as the
/// password (xAPI clients and LMS plugins send Basic). A failure is a 401 asking for Basic.
/// </summary>
public sealed class XapiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ScimTokens tokens)
    : IssuedTokenHandler(options, logger, encoder, tokens, TokenScopes.Xapi, XapiApi.TokenClaim)
{
    protected override string? Secret(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return base.Secret(header);
        string pair;
        try
        {
            pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            throw new FormatException("Basic credentials are not base64");
        }
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? pair : pair[(colon + 1)..];
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"CareerMap xAPI\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
