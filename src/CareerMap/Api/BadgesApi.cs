using System.Text;
using CareerMap.Badges;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerMap.Api;

/// <summary>The competency and level to issue a badge for.</summary>
public sealed record BadgeRequest(string? Competency, int? Level);

/// <summary>
/// Open Badges 3.0: a manager's rating that meets a level issued as an OpenBadgeCredential (VC-JWT, RS256), downloaded by the
/// person, verified by anyone against the organization's published keys.
/// </summary>
public static class BadgesApi
{
    /// <summary>A credential is a few kilobytes; a megabyte is anything but one.</summary>
    const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapBadgesApi(this IEndpointRouteBuilder app)
    {
        // Who may see the person in the route is checked before these run (PersonAccess.UsePersonAccess).
        var person = app.MapGroup("/api/employees/{number}/badges").RequireAuthorization().WithTags("Badges");
        person.MapGet("", List).WithSummary("The person's Open Badges, newest first (the person, their leaders and HR)");
        person.MapPost("", Issue)
            .WithSummary("Issues the Open Badge for a competency at a level from the person's manager rating that counts (last 12 months) when it meets the level; 201 the badge, 200 the one already issued; 400 naming competency or level (the person, their leaders and HR)");
        person.MapGet("/{id:guid}", Credential)
            .WithSummary("The OpenBadgeCredential as a JSON file, its JWT proof inside (the person, their leaders and HR)");
        person.MapGet("/{id:guid}/jwt", Jwt).WithSummary("The OpenBadgeCredential as its signed JWT (VC-JWT, RS256), a file (the person, their leaders and HR)");

        var badges = app.MapGroup("/badges").AllowAnonymous().WithTags("Badges");
        badges.MapGet("/issuer", Issuer).WithSummary("The issuer's Open Badges Profile, the issuer.id of every badge");
        badges.MapGet("/keys", Keys).WithSummary("The organization's badge-signing public keys as a JWK set");
        badges.MapGet("/keys/{keyId}", Key).WithSummary("One badge-signing public key as a JWK, by the thumbprint a badge's kid ends with; 404 when it is not the organization's");
        app.MapPost("/api/badges/verify", Verify).AllowAnonymous().WithTags("Badges").DisableAntiforgery()
            .Accepts<string>("application/vc+jwt", "text/plain", "application/json")
            .WithSummary("Verifies a badge, sent as its JWT or as the credential JSON with its JWT proof: verified, or the check that failed (malformed, not-an-open-badge-credential, unknown-key, bad-signature, tampered-payload) and where");
        return app;
    }

    static async Task<Ok<IReadOnlyList<BadgeView>>> List(PersonInRoute who, OpenBadges badges, CancellationToken ct) => TypedResults.Ok(await badges.OfAsync(who.Id, ct));

    static async Task<Results<Created<BadgeView>, Ok<BadgeView>, ValidationProblem>> Issue(BadgeRequest? request, PersonInRoute who, OpenBadges badges, CancellationToken ct)
    {
        var (badge, issued, errors) = await badges.IssueAsync(who.Id, request?.Competency, request?.Level, ct);
        if (badge is null) return TypedResults.ValidationProblem(errors);
        return issued ? TypedResults.Created($"/api/employees/{Uri.EscapeDataString(who.EmployeeNumber)}/badges/{badge.Id}", badge) : TypedResults.Ok(badge);
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Credential(Guid id, PersonInRoute who, OpenBadges badges, CancellationToken ct) =>
        await badges.JwtAsync(who.Id, id, ct) is { } jwt
            ? TypedResults.File(Encoding.UTF8.GetBytes(OpenBadges.Document(jwt).ToJsonString(Indented)), "application/json", $"badge-{id}.json")
            : TypedResults.NotFound();

    static async Task<Results<FileContentHttpResult, NotFound>> Jwt(Guid id, PersonInRoute who, OpenBadges badges, CancellationToken ct) =>
        await badges.JwtAsync(who.Id, id, ct) is { } jwt
            ? TypedResults.File(Encoding.ASCII.GetBytes(jwt), $"application/{BadgeProof.MediaType}", $"badge-{id}.jwt")
            : TypedResults.NotFound();

    static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    static async Task<Ok<IssuerProfile>> Issuer(OpenBadges badges, CancellationToken ct) => TypedResults.Ok(await badges.IssuerAsync(ct));

    static async Task<Ok<BadgeJwkSet>> Keys(BadgeKeys keys, CancellationToken ct) => TypedResults.Ok(await keys.PublishedAsync(ct));

    static async Task<Results<Ok<BadgeJwk>, NotFound>> Key(string keyId, BadgeKeys keys, CancellationToken ct) =>
        await keys.PublishedAsync(keyId, ct) is { } jwk ? TypedResults.Ok(jwk) : TypedResults.NotFound();

    static async Task<Results<Ok<BadgeVerification>, ValidationProblem>> Verify(HttpContext http, OpenBadges badges, CancellationToken ct)
    {
        if (http.Request.ContentLength > MaxBody) return TooLarge();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxBody + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBody) return TooLarge();
        var text = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(text))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["send the badge: its JWT, or the credential JSON with its proof"] });
        return TypedResults.Ok(await badges.VerifyAsync(text, ct));
    }

    static ValidationProblem TooLarge() => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"at most {MaxBody / 1024} KB: a badge is a few"] });
}
