using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Infrastructure;
using CareerMap.Provisioning;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CareerMap.Api;

/// <summary>What a CASE import through the API did or would do; Changes says per framework collection what was added, changed and removed.</summary>
public sealed record CaseImportView(bool Applied, bool DryRun, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Changes, int Records, int OnlyKept, int ExactMatches);

/// <summary>
/// The competency framework over CASE 1.1 (1EdTech): the read service at /ims/case/v1p1 for anyone signed in and for systems
/// holding a CASE token HR issued, and the import for HR admins. Bodies follow the CASE JSON binding, not this API's
/// conventions: a failure is an imsx_StatusInfo document, as the specification asks.
/// </summary>
public static class CaseApi
{
    public const string Scheme = "CaseToken";
    public const string TokenClaim = "case_token";
    public const string Root = "/ims/case/v1p1";

    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Root).RequireAuthorization().WithTags("CASE 1.1");
        api.MapGet("/CFDocuments", Documents)
            .WithSummary("The framework's CFDocument as a CFDocumentSet (getAllCFDocuments); signed in, or with a CASE token HR issued");
        api.MapGet("/CFPackages/{sourcedId}", Package)
            .WithSummary("The whole framework as a CFPackage (getCFPackage): items, associations, definitions and rubrics; 404 imsx_StatusInfo for another identifier");
        api.MapGet("/CFItems/{sourcedId}", Item).WithSummary("One CFItem with its CFDocumentURI (getCFItem); 404 imsx_StatusInfo when unknown");
        api.MapGet("/CFAssociations/{sourcedId}", Association).WithSummary("One CFAssociation with its CFDocumentURI (getCFAssociation); 404 imsx_StatusInfo when unknown");

        app.MapPost("/api/framework/case", Import).RequireAuthorization(Policies.HrAdmin).DisableAntiforgery().WithTags("Framework exchange")
            .WithSummary("Imports a CASE 1.1 CFPackage (JSON, as multipart form field 'file'): the competencies change, every CASE record is kept for the next export; all or nothing, each problem at its place (CFItems[3].fullStatement); ?dryRun=true changes nothing (HR admin)");
        return app;
    }

    static string RequestBase(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    static async Task<IResult> Documents(HttpContext http, CaseExchange cases, CancellationToken ct)
    {
        var package = await cases.PackageAsync(RequestBase(http.Request), ct);
        var document = (JsonObject)package[CaseMapping.Document]!.DeepClone();
        var id = document["identifier"]!.GetValue<string>();
        document["CFPackageURI"] = new JsonObject
        {
            ["title"] = document["title"]?.DeepClone(),
            ["identifier"] = id,
            ["uri"] = $"{Base(http)}{Root}/CFPackages/{id}",
        };
        return new CaseResult(new JsonObject { ["CFDocuments"] = new JsonArray(document) });
    }

    static async Task<IResult> Package(string sourcedId, HttpContext http, CaseExchange cases, CancellationToken ct)
    {
        var package = await cases.PackageAsync(RequestBase(http.Request), ct);
        return package[CaseMapping.Document]?["identifier"]?.GetValue<string>() == sourcedId ? new CaseResult(package) : Unknown("CFPackage", sourcedId);
    }

    static Task<IResult> Item(string sourcedId, HttpContext http, CaseExchange cases, CancellationToken ct) => Member(CaseMapping.Items, "CFItem", sourcedId, http, cases, ct);

    static Task<IResult> Association(string sourcedId, HttpContext http, CaseExchange cases, CancellationToken ct) =>
        Member(CaseMapping.Associations, "CFAssociation", sourcedId, http, cases, ct);

    /// <summary>One record of the package, outside it: with the link to its document that CASE asks for then.</summary>
    static async Task<IResult> Member(string collection, string what, string sourcedId, HttpContext http, CaseExchange cases, CancellationToken ct)
    {
        var package = await cases.PackageAsync(RequestBase(http.Request), ct);
        if (package[collection]?.AsArray().OfType<JsonObject>().FirstOrDefault(x => x["identifier"]?.GetValue<string>() == sourcedId) is not { } found) return Unknown(what, sourcedId);
        var record = (JsonObject)found.DeepClone();
        var document = package[CaseMapping.Document]!;
        record["CFDocumentURI"] = new JsonObject
        {
            ["title"] = document["title"]?.DeepClone(),
            ["identifier"] = document["identifier"]?.DeepClone(),
            ["uri"] = document["uri"]?.DeepClone(),
        };
        return new CaseResult(record);
    }

    static string Base(HttpContext http) => (http.RequestServices.GetRequiredService<CaseSettings>().BaseUrl ?? RequestBase(http.Request)).TrimEnd('/');

    static IResult Unknown(string what, string sourcedId) => CaseIdentifiers.IsUuid(sourcedId)
        ? new CaseResult(Status("unknownobject", $"no {what} has the identifier {Shown(sourcedId)}"), StatusCodes.Status404NotFound)
        : new CaseResult(Status("invalid_uuid", $"'{Shown(sourcedId)}' is not a UUID: CASE identifies every {what} by one"), StatusCodes.Status404NotFound);

    static string Shown(string text) => text.Length <= 60 ? text : text[..60] + "…";

    static async Task<Results<Ok<CaseImportView>, UnprocessableEntity<CaseImportView>, ValidationProblem>> Import(IFormFile? file, bool? dryRun, HttpContext http,
        CaseExchange cases, CancellationToken ct)
    {
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["attach the CASE package (JSON) as the form field 'file'"] });
        await using var stream = file.OpenReadStream();
        var report = await cases.ImportAsync(stream, dryRun ?? false, RequestBase(http.Request), ct);
        var view = new CaseImportView(report.Framework.Applied, report.Framework.DryRun, report.Problems, [.. report.Framework.Diff?.Describe() ?? []], report.Records, report.OnlyKept,
            report.ExactMatches);
        return report.Ok ? TypedResults.Ok(view) : TypedResults.UnprocessableEntity(view);
    }

    /// <summary>CASE's failure document (imsx_StatusInfo): codeMajor failure, severity error, and the code minor that says why.</summary>
    public static JsonObject Status(string codeMinor, string description) => new()
    {
        ["imsx_codeMajor"] = "failure",
        ["imsx_severity"] = "error",
        ["imsx_description"] = description,
        ["imsx_codeMinor"] = new JsonObject
        {
            ["imsx_codeMinorField"] = new JsonArray(new JsonObject { ["imsx_codeMinorFieldName"] = "TargetEndSystem", ["imsx_codeMinorFieldValue"] = codeMinor }),
        },
    };

    /// <summary>
    /// Whatever fails under /ims/case without a body of its own (no credentials, routing, an unexpected exception) answers
    /// an imsx_StatusInfo document, so CASE clients always get the failure shape they expect.
    /// </summary>
    public static IApplicationBuilder UseCaseErrors(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/ims", StringComparison.OrdinalIgnoreCase), ims => ims.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CaseApi)).CaseRequestFailed(e, http.Request.Path);
                http.Response.Clear();
                await new CaseResult(Status("internal_server_error", "CareerMap could not answer this request; the failure is logged"), StatusCodes.Status500InternalServerError)
                    .ExecuteAsync(http);
                return;
            }
            if (http.Response.StatusCode >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null && string.IsNullOrEmpty(http.Response.ContentType))
                await new CaseResult(Status(CodeMinor(http.Response.StatusCode), ReasonPhrases.GetReasonPhrase(http.Response.StatusCode)), http.Response.StatusCode).ExecuteAsync(http);
        }));

    static string CodeMinor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "invalid_selection_field",
        StatusCodes.Status401Unauthorized => "unauthorised_request",
        StatusCodes.Status404NotFound => "unknownobject",
        StatusCodes.Status429TooManyRequests => "server_busy",
        >= 500 => "internal_server_error",
        _ => "forbidden",
    };

    sealed class CaseResult(JsonNode body, int status = StatusCodes.Status200OK) : IResult
    {
        static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(body.ToJsonString(Options), http.RequestAborted);
        }
    }
}

static partial class CaseApiLog
{
    [LoggerMessage(4008, LogLevel.Error, "CASE request {Path} failed unexpectedly; answered an imsx_StatusInfo 500")]
    public static partial void CaseRequestFailed(this ILogger logger, Exception exception, string path);
}

/// <summary>Authenticates systems reading the framework by the CASE token HR issued them (scope case); the challenge is a bare 401 that UseCaseErrors words as imsx_StatusInfo.</summary>
public sealed class CaseTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ScimTokens tokens)
    : IssuedTokenHandler(options, logger, encoder, tokens, TokenScopes.Case, CaseApi.TokenClaim)
{

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"CareerMap CASE\"";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
