using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Api;
using CareerMap.Infrastructure;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

/// <summary>Sign-in, sign-out and sessions as an attacker would probe them (issue 14), through the real app.</summary>
public sealed partial class SignInSecurityTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;


    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string url, Dictionary<string, string> fields, Action<HttpRequestMessage>? headers = null)
    {
        var form = await client.GetStringAsync(page, Ct);
        fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        headers?.Invoke(request);
        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5001", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://10.1.2.3:80", false)]
    public void A_bound_address_counts_as_loopback_only_when_it_is(string address, bool loopback) =>
        Assert.Equal(loopback, DemoMode.IsLoopback(address));

    [Fact]
    public async Task Demo_sign_in_is_off_when_Kestrel_configuration_binds_every_interface_whatever_the_urls_say()
    {
        // The --urls string still says loopback; Kestrel's own configuration wins and binds 0.0.0.0.
        await using var app = await TestApp.StartAsync(Providers.Sqlite, settings: new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:0" });
        Assert.All(app.BoundAddresses, a => Assert.StartsWith("http://0.0.0.0:", a));
        var client = app.Client(followRedirects: false);
        Assert.DoesNotContain("Try it as someone", await client.GetStringAsync("/account/login", Ct));
        var post = await PostFormAsync(client, "/account/login", "/account/login?handler=Demo", new() { ["persona"] = "admin", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/roles", Ct)).StatusCode);
    }

    [Fact]
    public async Task Demo_sign_in_is_never_offered_to_a_request_a_proxy_forwarded()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var local = app.Client(followRedirects: false);
        Assert.Contains("Try it as someone", await local.GetStringAsync("/account/login", Ct));

        var proxied = app.Client(followRedirects: false);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        Assert.DoesNotContain("Try it as someone", await proxied.GetStringAsync("/account/login", Ct));
        var post = await PostFormAsync(proxied, "/account/login", "/account/login?handler=Demo", new() { ["persona"] = "admin", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    static async Task<string> AccountAsync(TestApp app, string role = AppRoles.Manager)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await using var scope = app.App.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, role, null, TestApp.Password);
        Assert.True(created.Ok, string.Join("; ", created.Errors));
        return email;
    }

    sealed record Tokens(string AccessToken, string RefreshToken);

    static async Task<Tokens> LoginAsync(TestApp app, string email)
    {
        var login = await app.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<Tokens>(Ct))!;
    }

    static HttpClient Bearer(TestApp app, string token)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    static async Task<HttpStatusCode> MeAsync(TestApp app, string token) => (await Bearer(app, token).GetAsync("/api/auth/me", Ct)).StatusCode;

    static Task<HttpResponseMessage> RefreshAsync(TestApp app, string refreshToken) =>
        app.Client().PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, Ct);

    [Theory, ProviderApps]
    public async Task Signing_out_through_the_api_kills_that_tokens_pair_and_no_other(TestApp app)
    {
        var email = await AccountAsync(app);
        var laptop = await LoginAsync(app, email);
        var phone = await LoginAsync(app, email);

        var refreshed = await RefreshAsync(app, laptop.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = (await refreshed.Content.ReadFromJsonAsync<Tokens>(Ct))!;
        Assert.Equal(HttpStatusCode.OK, await MeAsync(app, renewed.AccessToken));

        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(app, laptop.AccessToken).PostAsync("/api/auth/logout", null, Ct)).StatusCode);
        // Replayed after sign-out: the token, its renewed pair and the refresh token are all refused.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(app, laptop.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(app, renewed.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, laptop.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, renewed.RefreshToken)).StatusCode);
        // The other device is untouched, until the person asks to sign out everywhere.
        Assert.Equal(HttpStatusCode.OK, await MeAsync(app, phone.AccessToken));
        var other = await LoginAsync(app, email);
        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(app, other.AccessToken).PostAsync("/api/auth/logout?everywhere=true", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(app, phone.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, phone.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(app, "not-a-token")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_in_a_page_ends_that_cookie_even_when_it_is_replayed()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var email = await AccountAsync(app);
        var browser = app.Client(followRedirects: false);
        var signedIn = await PostFormAsync(browser, "/account/login", "/account/login?handler=Password", new() { ["email"] = email, ["password"] = TestApp.Password, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("careermap=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/people", Ct)).StatusCode);

        // The layout's sign-out form carries its antiforgery token, and signing out works.
        var home = await browser.GetStringAsync("/people", Ct);
        var token = Forms.AntiforgeryToken(home[home.IndexOf("class=\"signout\"", StringComparison.Ordinal)..]);
        Assert.NotEmpty(token);
        var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/people", Ct)).StatusCode);

        var replay = app.Client(followRedirects: false);
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        var replayed = await replay.GetAsync("/people", Ct);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/login", replayed.Headers.Location!.PathAndQuery);
    }

    [Theory, ProviderApps]
    public async Task Five_wrong_passwords_lock_new_sign_ins_but_never_end_the_owners_live_sessions(TestApp app)
    {
        var email = await AccountAsync(app);
        var owner = await LoginAsync(app, email);
        var attacker = app.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password-" + i }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.Password }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await MeAsync(app, owner.AccessToken));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(app, owner.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Unknown_emails_wrong_passwords_and_locked_accounts_get_the_same_answer_in_about_the_same_time()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var email = await AccountAsync(app);
        var client = app.Client();

        async Task<(string Detail, double Ms)> TryAsync(string who, string password)
        {
            var watch = Stopwatch.StartNew();
            var answer = await client.PostAsJsonAsync("/api/auth/login", new { email = who, password }, Ct);
            watch.Stop();
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            return ((await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!, watch.Elapsed.TotalMilliseconds);
        }
        var unknown = new List<(string Detail, double Ms)>();
        var known = new List<(string Detail, double Ms)>();
        for (var i = 0; i < 4; i++)
        {
            unknown.Add(await TryAsync($"nobody-{i}@test.example", "wrong-password"));
            known.Add(await TryAsync(email, "wrong-password"));
        }
        var locking = await TryAsync(email, "wrong-password"); // the fifth failure locks
        var locked = new List<(string Detail, double Ms)>();
        for (var i = 0; i < 3; i++) locked.Add(await TryAsync(email, TestApp.Password));

        Assert.All(unknown.Concat(known).Append(locking).Concat(locked), a => Assert.Equal(AuthApi.Failed, a.Detail));
        // The fastest of each kind is the least disturbed by whatever else the machine is doing. Before: 3.8 ms for an
        // unknown email against 737 ms for a real one; now every answer pays one password check (a wrong password also
        // records the failure, a write the others do not make), so none is a small fraction of another.
        static double Fastest(IEnumerable<(string Detail, double Ms)> xs) => xs.Min(x => x.Ms);
        Assert.True(Fastest(unknown) > 0.25 * Fastest(known), $"unknown {string.Join(", ", unknown.Select(u => u.Ms))} ms; known {string.Join(", ", known.Select(k => k.Ms))} ms");
        Assert.True(Fastest(locked) > 0.25 * Fastest(known), $"locked {string.Join(", ", locked.Select(u => u.Ms))} ms; known {string.Join(", ", known.Select(k => k.Ms))} ms");
    }

    [Fact]
    public async Task Reading_the_sign_in_page_is_never_counted_but_attempts_are_per_address_and_per_account()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client(followRedirects: false);
        for (var i = 0; i < SignInLimits.PerAddressPerMinute + 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login", Ct)).StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= SignInLimits.PerAccountPerMinute; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "target@test.example", password = "guess-" + i }, Ct)).StatusCode);
        Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Another account from the same address is still tried.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "someone-else@test.example", password = "guess" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Behind_a_tls_terminating_proxy_cookies_are_secure_and_hsts_is_sent_but_not_over_plain_http()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var email = await AccountAsync(app);
        static void ViaProxy(HttpRequestMessage r)
        {
            r.Headers.Add("X-Forwarded-Proto", "https");
            r.Headers.Add("X-Forwarded-For", "198.51.100.20");
            r.Headers.Host = "careermap.example";
        }
        var proxied = app.Client(followRedirects: false);
        var signedIn = await PostFormAsync(proxied, "/account/login", "/account/login?handler=Password", new() { ["email"] = email, ["password"] = TestApp.Password, ["returnUrl"] = "/" }, ViaProxy);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("careermap=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", signedIn.Headers.GetValues("Strict-Transport-Security").Single());

        var direct = app.Client(followRedirects: false);
        var plain = await PostFormAsync(direct, "/account/login", "/account/login?handler=Password", new() { ["email"] = email, ["password"] = TestApp.Password, ["returnUrl"] = "/" });
        Assert.DoesNotContain("secure", plain.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("careermap=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Behind_a_proxy_each_client_address_has_its_own_sign_in_limit_and_strangers_cannot_claim_one()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        HttpClient From(string address)
        {
            var client = app.Client();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }
        var first = From("203.0.113.1");
        for (var i = 0; i < SignInLimits.PerAddressPerMinute; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.PostAsJsonAsync("/api/auth/login", new { email = $"a{i}@test.example", password = "guess-it" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsJsonAsync("/api/auth/login", new { email = "a-last@test.example", password = "guess-it" }, Ct)).StatusCode);
        // Another person behind the same proxy is not turned away with them.
        Assert.Equal(HttpStatusCode.Unauthorized, (await From("203.0.113.2").PostAsJsonAsync("/api/auth/login", new { email = "b@test.example", password = "guess-it" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Personal_pages_and_api_answers_are_never_cached_and_the_stylesheet_is()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        foreach (var url in new[] { "/api/employees?pageSize=1", "/api/auth/me", "/people", "/account/login" })
        {
            var answer = await hr.GetAsync(url, Ct);
            Assert.True(answer.IsSuccessStatusCode, url);
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {answer.Headers.CacheControl}");
        }
        var css = await hr.GetAsync("/css/site.css", Ct);
        Assert.Equal(TimeSpan.FromHours(1), css.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task A_write_to_the_api_carried_by_the_page_cookie_alone_is_refused_as_cross_site_forgery()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var email = await AccountAsync(app, AppRoles.HrAdmin);
        var browser = app.Client(followRedirects: false);
        await PostFormAsync(browser, "/account/login", "/account/login?handler=Password", new() { ["email"] = email, ["password"] = TestApp.Password, ["returnUrl"] = "/" });
        var before = await app.WithDbAsync(db => db.Employees.CountAsync(Ct));
        static MultipartFormDataContent Roster() => new()
        {
            { new ByteArrayContent("EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths\nX1,Eve Forger,eve@x.example,CC-REP-1,,2026-01-05,2026-01-05,,,,0\n"u8.ToArray()), "file", "roster.csv" },
        };

        // What another site's form could make the browser send: the cookie rides along, no token.
        var forged = await browser.PostAsync("/api/employees/import", Roster(), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("RequestVerificationToken", await forged.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsync("/api/job-descriptions/parse", new MultipartFormDataContent { { new StringContent("Care Representative I"), "file", "jd.txt" } }, Ct)).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));

        // A page of ours hands out the token; with it the same write goes through.
        var page = await browser.GetStringAsync("/people", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/employees/import") { Content = Roster() };
        request.Headers.Add("RequestVerificationToken", Forms.AntiforgeryToken(page));
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request, Ct)).StatusCode);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
    }

    [Fact]
    public async Task Submitting_the_sign_in_form_empty_asks_for_both_and_counts_no_attempt()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client(followRedirects: false);
        for (var i = 0; i <= SignInLimits.PerAccountPerMinute; i++)
        {
            var empty = await PostFormAsync(client, "/account/login", "/account/login?handler=Password", new() { ["email"] = "", ["password"] = "", ["returnUrl"] = "/" });
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("Enter your email and your password.", await empty.Content.ReadAsStringAsync(Ct));
        }
    }
}
