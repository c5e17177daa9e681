using System.Net;
using System.Net.Http.Json;
using CareerMap.Accounts;
using System.Text.RegularExpressions;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed partial class PagesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;


    static async Task<HttpResponseMessage> SignInAsPersonaAsync(HttpClient client, string persona)
    {
        var page = await client.GetStringAsync("/account/login", Ct);
        var token = Forms.AntiforgeryToken(page);
        return await client.PostAsync("/account/login?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["persona"] = persona, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }), Ct);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_need_sign_in_and_then_show_the_framework(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, demo: provider == Providers.Sqlite);
        var anonymous = app.Client(followRedirects: false);
        var redirect = await anonymous.GetAsync("/roles", Ct);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Froles", redirect.Headers.Location!.PathAndQuery);

        if (provider == Providers.Postgres)
        {
            var login = await anonymous.GetStringAsync("/account/login", Ct);
            Assert.DoesNotContain("Try it as someone", login);
            return;
        }
        var client = app.Client();
        await SignInAsPersonaAsync(client, "employee");
        var home = await client.GetStringAsync("/", Ct);
        Assert.Contains("You are <a href=\"/roles/CC-REP-2\">Care Representative II</a>", home);
        var competency = await client.GetStringAsync("/competencies/PROBLEM", Ct);
        Assert.Equal(5, Regex.Count(competency, "<li class=\"level\">"));
        var admin = await app.Client(followRedirects: false).GetAsync("/admin/roles/CC-REP-1/edit", Ct);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        // Not allowed: a 403 at the address asked for, with the page saying so (a client that asks for HTML is a browser).
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/admin/roles/CC-REP-1/edit");
        ask.Headers.Accept.ParseAdd("text/html");
        var denied = await client.SendAsync(ask, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("/admin/roles/CC-REP-1/edit", denied.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("You can&#x27;t open that page", await denied.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Demo_sign_in_is_refused_when_demo_mode_is_off()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite, demo: false);
        var client = app.Client(followRedirects: false);
        Assert.DoesNotContain("Try it as someone", await client.GetStringAsync("/account/login", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await SignInAsPersonaAsync(client, "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client(followRedirects: false);
        var post = await client.PostAsync("/account/login?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "admin" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Times_on_pages_are_the_organizations_wall_clock_and_an_unknown_zone_stops_the_start()
    {
        // The test clock stands at 2 Nov 2026 09:00 UTC: 04:00 in New York, which left daylight saving time the day before.
        await using var app = await TestApp.StartAsync(Providers.Sqlite, settings: new Dictionary<string, string?> { [OrganizationTime.Setting] = "America/New_York" });
        var cast = await Cast.LoadAsync(app);
        var owner = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        (await owner.PostAsJsonAsync($"/api/employees/{cast.Employee}/plan", new { targetRole = "CC-REP-3" }, Ct)).EnsureSuccessStatusCode();
        var plan = await (await app.BrowserAsync(AppRoles.Employee, cast.Employee)).GetStringAsync($"/plans/{cast.Employee}", Ct);
        // The clock runs on from 09:00 UTC while the suite runs; the page must show the same instant five hours earlier.
        var started = await app.WithDbAsync(db => db.PlanEvents.Where(e => db.Plans.Any(p => p.Id == e.PlanId && p.Employee.EmployeeNumber == cast.Employee))
            .OrderBy(e => e.Id).Select(e => e.At).FirstAsync(Ct));
        Assert.Contains($">{started.AddHours(-5).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en"))} UTC−05:00</time>", plan);
        var audit = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/admin/audit", Ct);
        Assert.Contains("UTC−05:00</time>", audit);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestApp.StartAsync(Providers.Sqlite, settings: new Dictionary<string, string?> { [OrganizationTime.Setting] = "Mars/Olympus_Mons" }));
        Assert.Contains("CareerMap:TimeZone: 'Mars/Olympus_Mons'", refused.Message);
    }
}
