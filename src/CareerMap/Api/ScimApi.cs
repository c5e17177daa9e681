using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Infrastructure;
using CareerMap.Provisioning;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerMap.Api;

/// <summary>
/// SCIM 2.0 provisioning at /scim/v2 (RFC 7644): Users, filters and paging, PUT/PATCH/DELETE, and the discovery
/// endpoints. Requests carry a provisioning token an HR admin issued; answers and errors are application/scim+json.
/// </summary>
public static class ScimApi
{
    public const string Scheme = "ScimToken";
    public const string TokenClaim = "scim_token";
    const string ContentType = "application/scim+json";

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2").RequireAuthorization(Policies.Scim).DisableAntiforgery().WithTags("SCIM provisioning");
        scim.MapGet("/Users", (HttpContext http, ScimProvisioning users, string? filter, string? startIndex, string? count, string? attributes, string? excludedAttributes, CancellationToken ct) =>
            Run(async () => Reply(Project(await users.ListAsync(filter, Number("startIndex", startIndex), Number("count", count), ct), attributes, excludedAttributes))))
            .WithSummary("Users, filtered (userName eq, externalId eq, emails co, meta.lastModified gt…) and paged (startIndex, count)");
        scim.MapPost("/Users/.search", (HttpContext http, ScimProvisioning users, CancellationToken ct) => Run(async () =>
        {
            var search = await BodyAsync(http, ct);
            string? Text(string name) => Json.Text(Json.Get(search, name));
            string? List(string name) => Json.Get(search, name) is JsonArray a ? string.Join(",", a.Select(Json.Text).OfType<string>()) : Text(name);
            return Reply(Project(await users.ListAsync(Text("filter"), Number("startIndex", Text("startIndex")), Number("count", Text("count")), ct), List("attributes"), List("excludedAttributes")));
        })).WithSummary("The same search as GET /Users, with the query in the body");
        scim.MapPost("/Users", (HttpContext http, ScimProvisioning users, CancellationToken ct) => Run(async () =>
        {
            return Answer(await users.CreateAsync(await BodyAsync(http, ct), ct), StatusCodes.Status201Created);
        })).WithSummary("Provisions a user; linked to an employee once their role and email are known");
        scim.MapGet("/Users/{id}", (HttpContext http, ScimProvisioning users, string id, string? attributes, string? excludedAttributes, CancellationToken ct) =>
            Run(async () =>
            {
                var answer = await users.GetAsync(id, ct);
                return answer.Resource is { } user ? Reply(Project(user, attributes, excludedAttributes)) : Answer(answer);
            }));
        scim.MapPut("/Users/{id}", (HttpContext http, ScimProvisioning users, string id, CancellationToken ct) => Run(async () =>
            Answer(await users.ReplaceAsync(id, await BodyAsync(http, ct), http.Request.Headers.IfMatch, ct)))).WithSummary("Replaces a user; If-Match guards against lost updates");
        scim.MapPatch("/Users/{id}", (HttpContext http, ScimProvisioning users, string id, CancellationToken ct) => Run(async () =>
            Answer(await users.PatchAsync(id, await BodyAsync(http, ct), http.Request.Headers.IfMatch, ct)))).WithSummary("add / replace / remove, including the enterprise manager");
        scim.MapDelete("/Users/{id}", (HttpContext http, ScimProvisioning users, string id, CancellationToken ct) => Run(async () =>
        {
            return await users.DeleteAsync(id, ct) is { } refusal ? Error(refusal.Status, refusal.ScimType, refusal.Detail) : Results.NoContent();
        })).WithSummary("Deactivates the employee (history kept); the user answers 404 afterwards");

        var discovery = app.MapGroup("/scim/v2").AllowAnonymous().WithTags("SCIM provisioning");
        discovery.MapGet("/ServiceProviderConfig", () => Reply(ScimSchemas.ServiceProviderConfig()));
        discovery.MapGet("/ResourceTypes", () => Reply(ScimSchemas.List([ScimSchemas.UserResourceType()], 1, 1)));
        discovery.MapGet("/ResourceTypes/{id}", (string id) => string.Equals(id, "User", StringComparison.OrdinalIgnoreCase)
            ? Reply(ScimSchemas.UserResourceType()) : Error(404, null, $"no resource type '{Json.Describe(id)}': CareerMap provisions Users"));
        discovery.MapGet("/Schemas", () => Reply(ScimSchemas.List([.. ScimSchemas.All().OfType<JsonObject>()], ScimSchemas.All().Count, 1)));
        discovery.MapGet("/Schemas/{id}", (string id) => ScimSchemas.All().OfType<JsonObject>().FirstOrDefault(s => string.Equals(Json.Text(s["id"]), id, StringComparison.OrdinalIgnoreCase)) is { } schema
            ? Reply(schema) : Error(404, null, $"no schema '{Json.Describe(id)}'"));
        // Discovery documents are read-only (RFC 7644 §4): any other method is 405, naming the one allowed.
        foreach (var readOnly in new[] { "/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/{id}", "/Schemas", "/Schemas/{id}" })
            discovery.MapMethods(readOnly, [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], (HttpContext http) =>
            {
                http.Response.Headers.Allow = HttpMethods.Get;
                return Error(StatusCodes.Status405MethodNotAllowed, null, $"{http.Request.Path} is read-only: only GET is allowed");
            }).ExcludeFromDescription();
        scim.MapGet("/", () => Error(400, "invalidValue", "CareerMap does not search across resource types at the server root: query /scim/v2/Users"))
            .ExcludeFromDescription();
        scim.Map("/{**rest}", (string rest) => Error(404, null, $"no endpoint /scim/v2/{Json.Describe(rest)}: CareerMap provisions Users only (no Groups, no Bulk)"))
            .ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ScimException e)
        {
            return Error(e.Status, e.ScimType, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error(412, null, "the user was changed by another request at the same time; read it again and retry");
        }
        catch (DbUpdateException)
        {
            // The unique indexes catch what two simultaneous requests could both have passed.
            return Error(409, "uniqueness", "another request provisioned the same userName or employee at the same time; read it and retry");
        }
    }

    /// <summary>startIndex and count of RFC 7644 §3.4.2.4: integers, else a SCIM 400.</summary>
    static int? Number(string name, string? text) => text is null ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw ScimException.BadRequest("invalidValue", $"{name}: '{Json.Describe(text)}' is not a whole number");

    static async Task<JsonObject> BodyAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = ScimSchemas.MaxPayloadBytes;
        if (http.Request.ContentLength > ScimSchemas.MaxPayloadBytes) throw TooLarge();
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct) as JsonObject
                ?? throw ScimException.BadRequest("invalidSyntax", "the body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw ScimException.BadRequest("invalidSyntax", $"the body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge();
        }
    }

    static ScimException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, null, $"the body is larger than {ScimSchemas.MaxPayloadBytes / 1024} KB");

    /// <summary>
    /// Whatever happens under /scim answers a SCIM error document: an unexpected exception is a SCIM 500 (logged as
    /// every failed request is), and a status without a body (from routing or authorization) gets one.
    /// </summary>
    public static IApplicationBuilder UseScimErrors(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/scim", StringComparison.OrdinalIgnoreCase), scim => scim.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                http.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = e, Path = http.Request.Path });
                http.RequestServices.GetRequiredService<ILogger<ScimProvisioning>>().ScimRequestFailed(e, http.Request.Method);
                http.Response.Clear();
                await WriteErrorAsync(http.Response, StatusCodes.Status500InternalServerError, "CareerMap could not answer this request; the failure is logged");
                return;
            }
            if (http.Response.StatusCode >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
                await WriteErrorAsync(http.Response, http.Response.StatusCode, ReasonPhrases.GetReasonPhrase(http.Response.StatusCode));
        }));

    static JsonObject Project(JsonObject body, string? attributes, string? excluded)
    {
        if (Json.Get(body, "Resources") is JsonArray resources)
        {
            foreach (var r in resources.OfType<JsonObject>()) ScimProjection.Apply(r, attributes, excluded);
            return body;
        }
        ScimProjection.Apply(body, attributes, excluded);
        return body;
    }

    static IResult Reply(JsonObject body, int status = StatusCodes.Status200OK) => new ScimResult(body, status);

    static IResult Answer(ScimAnswer answer, int status = StatusCodes.Status200OK) =>
        answer.Refusal is { } refusal ? Error(refusal.Status, refusal.ScimType, refusal.Detail) : Reply(answer.Resource!, status);

    static IResult Error(int status, string? scimType, string detail) => new ScimResult(ScimSchemas.ErrorOf(status, scimType, detail), status);

    internal static Task WriteErrorAsync(HttpResponse response, int status, string detail) =>
        new ScimResult(ScimSchemas.ErrorOf(status, null, detail), status).ExecuteAsync(response.HttpContext);

    /// <summary>A SCIM answer: application/scim+json, with Location and ETag for a resource.</summary>
    sealed class ScimResult(JsonObject body, int status) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (Json.Get(body, "meta") is JsonObject meta && Json.Text(Json.Get(meta, "resourceType")) == "User")
            {
                if (Json.Text(meta["version"]) is { } version) http.Response.Headers.ETag = version;
                if (status == StatusCodes.Status201Created && Json.Text(meta["location"]) is { } location) http.Response.Headers.Location = location;
            }
            http.Response.ContentType = ContentType;
            return http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
        }
    }
}

static partial class ScimLog
{
    [LoggerMessage(4007, LogLevel.Error, "SCIM {Method} failed unexpectedly; answered a SCIM 500")]
    public static partial void ScimRequestFailed(this ILogger logger, Exception exception, string method);
}

/// <summary>
/// Authenticates a system by the hash of a bearer token HR issued it for one scope; the identity names the token and carries
/// its id in <paramref name="claim"/>. How a refusal is answered is the door's own (SCIM error, CASE status).
/// </summary>
public abstract class IssuedTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ScimTokens tokens, string scope, string claim)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? secret;
        try
        {
            secret = Secret(Request.Headers.Authorization.ToString());
        }
        catch (FormatException e)
        {
            return AuthenticateResult.Fail(e.Message);
        }
        if (secret is null) return AuthenticateResult.NoResult();
        var token = await tokens.VerifyAsync(secret, scope, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail($"unknown or revoked {scope} token");
        var identity = new ClaimsIdentity([new(ClaimTypes.Name, $"{scope}:{token.Name}"), new(claim, token.Id.ToString(CultureInfo.InvariantCulture))], Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>The token the Authorization header carries, or null when it carries none this scheme reads.</summary>
    /// <exception cref="FormatException">The header names a scheme this handler reads but its value cannot be decoded.</exception>
    protected virtual string? Secret(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
}

/// <summary>Authenticates provisioning clients by the hash of their bearer token; challenges answer with a SCIM error.</summary>
public sealed class ScimTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ScimTokens tokens)
    : IssuedTokenHandler(options, logger, encoder, tokens, TokenScopes.Scim, ScimApi.TokenClaim)
{

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"CareerMap provisioning\"";
        return ScimApi.WriteErrorAsync(Response, StatusCodes.Status401Unauthorized,
            "a valid provisioning token is required (Authorization: Bearer <token>); HR admins issue and revoke them under Admin → Provisioning");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimApi.WriteErrorAsync(Response, StatusCodes.Status403Forbidden, "this credential may not provision users");
}
