using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace CareerMap.Tests;

/// <summary>OpenID Connect sign-in against a real (tiny, in-process) provider: code flow with PKCE, signed ID tokens, claim → employee.</summary>
public sealed class SingleSignOnTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A browser-like client: follows redirects across the app and the provider, keeps cookies.</summary>
    static HttpClient Browser(TestApp app) => new(new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true, CookieContainer = new() }) { BaseAddress = app.BaseAddress };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_person_signs_in_through_the_provider_as_the_employee_their_claim_names(string provider)
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = await TestApp.StartAsync(provider, settings: idp.AppSettings("groups", "careermap-hr"));
        var cast = await Cast.LoadAsync(app);

        var browser = Browser(app);
        var login = await browser.GetStringAsync("/account/login", Ct);
        Assert.Contains("Sign in with Riverbend SSO", login);

        idp.NextUser = TestOpenIdProvider.Person("sub-123", cast.Employee, "someone@idp.example");
        var landed = await browser.GetAsync("/account/sso?returnUrl=%2Fme%2Fmoves", Ct);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/me/moves", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Equal(cast.Employee, me.GetProperty("employeeNumber").GetString());
        Assert.DoesNotContain(AppRoles.HrAdmin, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        // The second sign-in finds the same account; a group claim makes them HR admin.
        var again = Browser(app);
        idp.NextUser = TestOpenIdProvider.Person("sub-123", cast.Employee, "someone@idp.example", "careermap-hr");
        await again.GetAsync("/account/sso", Ct);
        var admin = await again.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        Assert.Contains(AppRoles.HrAdmin, admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var accounts = await app.WithDbAsync(db => db.Users.CountAsync(u => u.EmployeeId == db.Employees.Single(e => e.EmployeeNumber == cast.Employee).Id, Ct));
        Assert.Equal(1, accounts);
        Assert.True(await app.WithDbAsync(db => db.UserLogins.AnyAsync(l => l.LoginProvider == "oidc" && l.ProviderKey == "sub-123", Ct)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Unknown_people_and_forged_tokens_are_not_signed_in(string provider)
    {
        await using var idp = await TestOpenIdProvider.StartAsync();
        await using var app = await TestApp.StartAsync(provider, settings: idp.AppSettings());

        var stranger = Browser(app);
        idp.NextUser = TestOpenIdProvider.Person("sub-9", "NOBODY-1", "nobody@idp.example");
        var page = await (await stranger.GetAsync("/account/sso", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("no employee in CareerMap carries your employee number", page);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/auth/me", Ct)).StatusCode);

        var forger = Browser(app);
        var cast = await Cast.LoadAsync(app);
        idp.NextUser = TestOpenIdProvider.Person("sub-10", cast.Employee, "x@idp.example");
        idp.ForgeWith = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "provider-key" };
        var refused = await (await forger.GetAsync("/account/sso", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("did not complete", refused);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forger.GetAsync("/api/auth/me", Ct)).StatusCode);

        // Without the email claim matched… the email claim alone finds the employee by their email.
        idp.ForgeWith = null;
        var byEmail = Browser(app);
        var email = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Peer).Select(e => e.Email).SingleAsync(Ct));
        idp.NextUser = TestOpenIdProvider.Person("sub-11", null, email.ToUpperInvariant());
        await byEmail.GetAsync("/account/sso", Ct);
        Assert.Equal(cast.Peer, (await byEmail.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct)).GetProperty("employeeNumber").GetString());
    }

    [Fact]
    public async Task Without_configuration_there_is_no_single_sign_on()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var browser = Browser(app);
        Assert.DoesNotContain("Sign in with", await browser.GetStringAsync("/account/login", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/sso", Ct)).StatusCode);
    }
}
