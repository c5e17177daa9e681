using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareerMap.Tests.Support;

/// <summary>
/// A tiny OpenID Connect provider on a real port: discovery, JWKS, an authorize endpoint that approves at once,
/// and a token endpoint that checks the client secret and PKCE and issues an RS256-signed ID token with the claims set here.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "careermap";
    public const string ClientSecret = "client-secret-for-tests";
    readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "provider-key" };
    readonly ConcurrentDictionary<string, (string? Nonce, string? Challenge, IReadOnlyDictionary<string, object> Claims)> codes = new();
    WebApplication app = null!;

    public string Issuer { get; private set; } = "";
    /// <summary>Who the next person to sign in is.</summary>
    public IReadOnlyDictionary<string, object> NextUser { get; set; } = new Dictionary<string, object>();
    /// <summary>Set to sign ID tokens with a key the provider does not publish (a forgery).</summary>
    public RsaSecurityKey? ForgeWith { get; set; }

    public IReadOnlyDictionary<string, string?> AppSettings(string? adminClaim = null, string? adminValue = null) => new Dictionary<string, string?>
    {
        ["Authentication:OpenIdConnect:Authority"] = Issuer,
        ["Authentication:OpenIdConnect:ClientId"] = ClientId,
        ["Authentication:OpenIdConnect:ClientSecret"] = ClientSecret,
        ["Authentication:OpenIdConnect:DisplayName"] = "Riverbend SSO",
        ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        ["Authentication:OpenIdConnect:AdminClaim"] = adminClaim,
        ["Authentication:OpenIdConnect:AdminValue"] = adminValue,
    };

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var provider = new TestOpenIdProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["authorization_endpoint"] = $"{provider.Issuer}/authorize",
            ["token_endpoint"] = $"{provider.Issuer}/token",
            ["jwks_uri"] = $"{provider.Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = provider.key.Rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = provider.key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code") return Results.BadRequest("unknown client or response type");
            var code = Guid.NewGuid().ToString("N");
            provider.codes[code] = (q["nonce"], q["code_challenge"], provider.NextUser);
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (!provider.codes.TryRemove(form["code"].ToString(), out var grant)) return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            var verifier = form["code_verifier"].ToString();
            if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge) return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
            var claims = new Dictionary<string, object>(grant.Claims);
            if (grant.Nonce is { } nonce) claims["nonce"] = nonce;
            var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = provider.Issuer, Audience = ClientId, Claims = claims, IssuedAt = DateTime.UtcNow, Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(provider.ForgeWith ?? provider.key, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = token });
        });
        await app.StartAsync();
        provider.app = app;
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    public static IReadOnlyDictionary<string, object> Person(string subject, string? employeeNumber, string email, params string[] groups)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["email"] = email, ["name"] = subject };
        if (employeeNumber is not null) claims["employee_number"] = employeeNumber;
        if (groups.Length > 0) claims["groups"] = groups;
        return claims;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
