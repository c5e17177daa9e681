using System.Globalization;
using System.Text.RegularExpressions;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Sample;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>One headless Debian Chromium for the run; every test gets its own app, database and browser context.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string Path = "/usr/bin/chromium";
    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"Chromium is required under CI=true and {Path} is missing");
            return;
        }
        // Playwright's 5 s default for an expectation is short when the three test projects share two cores
        // (a CI run where this project took 20 min instead of 16 failed one browser test). A longer wait only
        // slows a test that fails anyway.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            // Without these Chromium keeps calling out to a network this machine does not have.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context on the app, signed in as a demo persona when one is named.</summary>
    public async Task<IPage> PageAsync(TestApp app, string? persona = null, int width = 1280, int height = 900, bool javaScript = true)
    {
        if (Browser is null) Assert.Skip($"Chromium is not installed at {Path}");
        var context = await ContextAsync(new() { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = javaScript, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        if (persona is not null)
        {
            await page.GotoAsync("/account/login");
            await page.GetByRole(AriaRole.Button, new() { Name = persona }).ClickAsync();
            // The first sign-in of a freshly started app can take a while on a loaded machine: wait for the redirect itself.
            Assert.True(await LeftSignInAsync(page, TimeSpan.FromSeconds(90)), $"signing in as {persona} left the page on {page.Url}");
        }
        return page;
    }

    /// <summary>
    /// Whether the page left the sign-in form within the time given, by the address the browser last reported: WaitForURLAsync waiting for
    /// "commit" on an address that had already changed timed out in loaded CI runs (2026-12-07), the page long since signed in.
    /// </summary>
    public static async Task<bool> LeftSignInAsync(IPage page, TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (page.Url.Contains("/account/login", StringComparison.Ordinal) && waited.Elapsed < limit)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        return !page.Url.Contains("/account/login", StringComparison.Ordinal);
    }

    /// <summary>A browser context whose actions and page loads wait as long as a loaded CI machine needs (Playwright's default is 30 s).</summary>
    public async Task<IBrowserContext> ContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

public sealed class BrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    async Task<(TestApp App, IPage Page, IBrowserContext Context)> OpenAsync(bool javaScript = true, ViewportSize? viewport = null)
    {
        var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, null, viewport?.Width ?? 1280, viewport?.Height ?? 900, javaScript);
        return (app, page, page.Context);
    }

    static async Task SignInAsAsync(IPage page, string persona)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.GetByRole(AriaRole.Button, new() { Name = persona }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Riverbend Health" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_employee_signs_in_with_a_demo_persona_and_sees_their_role()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "Employee");
        await Assertions.Expect(page.Locator(".you")).ToContainTextAsync("You are Care Representative II");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Business units" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article.unit")).ToHaveCountAsync(11);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_its_cookie_replayed_afterwards_is_refused()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "Manager");
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "careermap");
        // A second device of the same person stays signed in when the first signs out.
        var other = await chromium.ContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        await using var ___ = other;
        var otherPage = await other.NewPageAsync();
        await SignInAsAsync(otherPage, "Manager");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "You are signed out" })).ToBeVisibleAsync();
        await page.GotoAsync("/people");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        var replay = await chromium.ContextAsync(new() { BaseURL = app.BaseAddress.ToString() });
        await using var ____ = replay;
        await replay.AddCookiesAsync([new() { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path }]);
        var replayed = await replay.NewPageAsync();
        await replayed.GotoAsync("/people");
        await Assertions.Expect(replayed).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));

        await otherPage.GotoAsync("/people");
        await Assertions.Expect(otherPage.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "People" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_competency_shows_its_five_levels_and_indicators_side_by_side()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "Employee");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Competencies" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Problem Solving" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Problem Solving");
        await Assertions.Expect(page.Locator("li.level")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("li.level").Nth(3)).ToContainTextAsync("root cause");
        var boxes = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => page.Locator("li.level").Nth(i).BoundingBoxAsync()));
        Assert.Equal(boxes[0]!.Y, boxes[2]!.Y, 1.0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Behavioral indicators" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_hr_admin_edits_a_role_and_sees_it_saved()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "HR admin");
        await page.GotoAsync("/roles/CC-REP-1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit role" }).ClickAsync();
        await page.GetByLabel("Title").FillAsync("Care Representative I (Tier 1)");
        await page.GetByLabel("Summary").FillAsync("First line of member support on prescription benefits.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Care Representative I (Tier 1)");
        var stored = (await app.ExportAsync()).Roles.Single(r => r.Code == "CC-REP-1");
        Assert.Equal(("Care Representative I (Tier 1)", "First line of member support on prescription benefits."), (stored.Title, stored.Summary));
    }

    [Fact]
    public async Task An_hr_admin_previews_what_a_requirement_change_does_to_the_bench_then_saves_it_as_typed()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "HR admin");
        await page.GotoAsync("/reports/succession");
        int ReadyNow(string text) => int.Parse(Regex.Match(text, @"\d+").Value, CultureInfo.InvariantCulture);
        var before = ReadyNow(await page.Locator("tr[data-role=CC-REP-2] td.num").Nth(1).InnerTextAsync());

        await page.GotoAsync("/admin/roles/CC-REP-2/edit");
        await page.GetByLabel("Title").FillAsync("Care Representative II (queues)");
        await page.GetByLabel("Required level for Customer Focus").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the effect on the bench" }).ClickAsync();
        var effect = page.Locator("[data-what-if=CC-REP-2]");
        await Assertions.Expect(effect).ToContainTextAsync($"ready now {before} → ");
        var after = int.Parse(Regex.Match(await effect.InnerTextAsync(), $@"ready now {before} → (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(after < before, $"raising Customer Focus to 4 should thin the bench of {before}");
        await Assertions.Expect(effect).ToContainTextAsync($"{before - after} would drop out of ready now");
        // Nothing saved yet, and nothing typed lost.
        Assert.Equal(3, (await app.ExportAsync()).Requirements.Single(q => q.Role == "CC-REP-2" && q.Competency == "CUSTOMER").Level);
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync("Care Representative II (queues)");
        await Assertions.Expect(page.GetByLabel("Required level for Customer Focus")).ToHaveValueAsync("4");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        var stored = await app.ExportAsync();
        Assert.Equal(("Care Representative II (queues)", 4), (stored.Roles.Single(r => r.Code == "CC-REP-2").Title, stored.Requirements.Single(q => q.Role == "CC-REP-2" && q.Competency == "CUSTOMER").Level));
        await page.GotoAsync("/reports/succession");
        Assert.Equal(after, ReadyNow(await page.Locator("tr[data-role=CC-REP-2] td.num").Nth(1).InnerTextAsync()));
    }

    [Fact]
    public async Task An_invalid_edit_shows_the_message_beside_the_field_and_saves_nothing()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "HR admin");
        await page.GotoAsync("/admin/roles/CC-REP-1/edit");
        await page.GetByLabel("Title").FillAsync("");
        await page.GetByLabel("Job family").SelectOptionAsync("PS-TECH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Title']")).ToHaveTextAsync("Title is required.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Family']")).ToHaveTextAsync("Family PS-TECH belongs to unit PART, not CARE.");
        Assert.Equal("Care Representative I", (await app.ExportAsync()).Roles.Single(r => r.Code == "CC-REP-1").Title);
    }

    [Fact]
    public async Task An_hr_admin_rewrites_a_level_descriptor_an_empty_one_is_refused_beside_it_and_its_Spanish_is_flagged_until_checked()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "HR admin");
        await page.GotoAsync("/competencies/COMMS");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit competency" }).ClickAsync();
        await page.GetByLabel("Level 3", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("The descriptor of level 3 is empty.")).ToBeVisibleAsync();
        Assert.Equal("Speaks and writes to colleagues clearly and concisely.", (await app.ExportAsync()).Competencies.Single(c => c.Code == "COMMS").Levels[2]);

        await page.GetByLabel("Level 3", new() { Exact = true }).FillAsync("Writes and speaks plainly to any audience.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await Assertions.Expect(page.Locator("li.level").Nth(2)).ToContainTextAsync("Writes and speaks plainly to any audience.");

        // The Spanish of level 3 was made from the old English: HR is told, checks it on a phone and keeps it.
        await page.SetViewportSizeAsync(360, 800);
        await page.GotoAsync("/admin/competencies/COMMS/edit");
        await Assertions.Expect(page.GetByText("Changed since translated into Español: Level 3.")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/translations");
        var row = page.Locator("tr", new() { HasText = "COMMS" });
        await Assertions.Expect(row).ToContainTextAsync("Level 3");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByText("Changed in English since this was translated.")).ToHaveCountAsync(1);
        await page.GetByLabel("Still right as it is").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.GetByText("Changed in English since this was translated.")).ToHaveCountAsync(0);
        await page.GotoAsync("/admin/translations");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "COMMS" })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
    }

    [Fact]
    public async Task An_employee_cannot_open_the_admin_forms()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "Employee");
        await page.GotoAsync("/admin/roles/CC-REP-1/edit");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You can't open that page");
        await page.GotoAsync("/roles/CC-REP-1");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit role" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Roles_and_competencies_are_found_by_words_in_either_language_without_accents()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using var _ = page.Context;
        await page.GotoAsync("/roles");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search roles" }).FillAsync("bilingual representative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var found = page.Locator("table tbody tr td:first-child a");
        await Assertions.Expect(found.Filter(new() { HasText = "Bilingual Care Representative" })).ToHaveCountAsync(1);
        await Assertions.Expect(found.Filter(new() { HasTextRegex = new Regex("^Care Representative I$") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"matches for “bilingual representative”");
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search roles" })).ToHaveValueAsync("bilingual representative");

        // In Spanish the Spanish words find it, accents or not, and so do the framework's own English words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await page.GotoAsync("/competencies?q=desescalamiento");
        await Assertions.Expect(page.Locator(".card.competency h3")).ToHaveTextAsync(["Desescalamiento de conflictos"]);
        await page.GotoAsync("/competencies?q=de-escalation");
        await Assertions.Expect(page.Locator(".card.competency h3")).ToHaveTextAsync(["Desescalamiento de conflictos"]);
        await page.GotoAsync("/roles?q=tecnico%20farmacia");
        await Assertions.Expect(page.Locator("table tbody tr td:first-child a").First).ToContainTextAsync("Técnico");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Buscar puestos" }).FillAsync("zzzz");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nada coincide con «zzzz».");
        await Assertions.Expect(page.Locator("table")).ToHaveCountAsync(0);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the search scrolls sideways at 360 px");
    }

    [Fact]
    public async Task Reading_works_without_javascript_and_fits_a_phone()
    {
        var (app, page, context) = await OpenAsync(javaScript: false, viewport: new() { Width = 390, Height = 844 });
        await using var _ = app;
        await using var __ = context;
        await SignInAsAsync(page, "Manager");
        await page.GotoAsync("/roles/CC-REP-SR");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Senior Care Representative");
        await Assertions.Expect(page.Locator(".requirements li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("At least 6 months as Care Representative I or Care Representative II or Care Representative III or Bilingual Care Representative")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".moves").First).ToContainTextAsync("cross-functional promotion");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the role page scrolls sideways on a 390px phone");

        // The header folds into a menu on a phone (without script): the links are there once it is opened.
        var people = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "People" });
        await Assertions.Expect(people).Not.ToBeVisibleAsync();
        var header = await page.Locator("header.topbar").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the header takes {header.Height} px of a phone's height");
        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await people.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people$"));
    }
}

public sealed class MapBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    async Task<(TestApp App, IPage Page, IBrowserContext Context)> OpenAsync(int width = 1400, int height = 1000)
    {
        var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "Employee", width, height);
        return (app, page, page.Context);
    }

    [Fact]
    public async Task The_map_draws_every_role_of_the_sample_organization()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Map" }).ClickAsync();
        var roles = (await app.ExportAsync()).Roles;
        await Assertions.Expect(page.Locator("svg.map a.card")).ToHaveCountAsync(roles.Count);
        foreach (var role in roles)
            await Assertions.Expect(page.Locator($"svg.map a.card[data-role='{role.Code}']")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("svg.map path.edge.promotion").CountAsync() > 20);
        await Assertions.Expect(page.Locator("svg.map desc")).ToContainTextAsync($"{roles.Count} roles in 11 business units");
        await page.Locator("svg.map a.card[data-role='CC-REP-SR']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Senior Care Representative");
    }

    [Fact]
    public async Task A_route_from_one_role_to_another_is_drawn_and_listed_step_by_step()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await page.GotoAsync("/map");
        await page.GetByLabel("From", new() { Exact = true }).SelectOptionAsync("CC-REP-1");
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync("CC-MGR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the map" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routes from Care Representative I to Care Manager" })).ToBeVisibleAsync();
        var first = page.Locator(".route-card").First;
        await Assertions.Expect(first.Locator(".steps > li")).ToHaveCountAsync(3);
        await Assertions.Expect(first.Locator(".steps > li").Nth(0)).ToContainTextAsync("Care Representative I → Senior Care Representative");
        await Assertions.Expect(first.Locator(".steps > li").Nth(0)).ToContainTextAsync("At least 6 months as Care Representative I");
        await Assertions.Expect(page.Locator("svg.map path.edge.route")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("svg.map path.edge.route").Nth(1)).ToHaveAttributeAsync("data-to", "CC-SUP");
        await Assertions.Expect(page.Locator("svg.map a.card.from")).ToHaveAttributeAsync("data-role", "CC-REP-1");

        await page.Locator(".route-card").Nth(1).GetByRole(AriaRole.Link, new() { Name = "Draw this route" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg.map path.edge.route")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("svg.map path.edge.route").First).ToHaveAttributeAsync("data-to", "CC-REP-2");
    }

    [Fact]
    public async Task Filters_narrow_the_map_to_units_and_kinds_of_move()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await page.GotoAsync("/map");
        var allEdges = await page.Locator("svg.map path.edge").CountAsync();
        await page.GetByLabel("Customer Care").CheckAsync();
        await page.GetByLabel("Participant Services").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the map" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("unit=PART"));
        var d = await app.ExportAsync();
        await Assertions.Expect(page.Locator("svg.map a.card")).ToHaveCountAsync(d.Roles.Count(r => r.Unit is "CARE" or "PART"));
        await Assertions.Expect(page.Locator("svg.map a.card[data-role='MR-OUT-1']")).ToHaveCountAsync(0);

        await page.GetByLabel("Promotion").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the map" }).ClickAsync();
        // Counts below are read once, so wait for the filtered page itself rather than the one being replaced.
        await page.WaitForURLAsync(new Regex("kind=promotion"));
        await Assertions.Expect(page.Locator("svg.map path.edge.promotion").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("svg.map path.edge.lateral")).ToHaveCountAsync(0);
        Assert.True(await page.Locator("svg.map path.edge").CountAsync() < allEdges);
        await Assertions.Expect(page.GetByLabel("Customer Care")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task On_a_phone_the_map_is_a_list_and_routes_still_work()
    {
        var (app, page, context) = await OpenAsync(390, 844);
        await using var _ = app;
        await using var __ = context;
        await page.GotoAsync("/map");
        await Assertions.Expect(page.Locator(".map-scroll")).ToBeHiddenAsync();
        // The route pickers use the phone's width, not the few pixels left beside each other.
        Assert.True((await page.GetByLabel("From").BoundingBoxAsync())!.Width > 300, "the From picker is too narrow to read on a phone");
        var list = page.Locator(".map-list");
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(list.Locator("li.list-role")).ToHaveCountAsync((await app.ExportAsync()).Roles.Count);
        await list.Locator("li.list-role[data-role='CC-REP-3'] .moves").GetByRole(AriaRole.Link, new() { Name = "Analyst, Project Management" }).ClickAsync();
        await Assertions.Expect(page.Locator(".route-card").First).ToContainTextAsync("cross-functional promotion");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the map page scrolls sideways on a 390px phone");

        // "See the full route on the map" from a phone: the route is on the first screen, not below the filters.
        await page.GotoAsync("/map?from=CC-REP-2&to=CC-REP-SR#route-from");
        await Assertions.Expect(page.Locator(".route-card").First).ToBeInViewportAsync();
    }

    [Fact]
    public async Task My_next_moves_groups_the_moves_by_kind_with_readiness()
    {
        var (app, page, context) = await OpenAsync();
        await using var _ = app;
        await using var __ = context;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My moves" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("You are Care Representative II");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Promotions" })).ToBeVisibleAsync();
        var senior = page.Locator("article.move-card[data-role='CC-REP-SR']");
        await Assertions.Expect(senior).ToContainTextAsync("promotion within family");
        await senior.GetByRole(AriaRole.Link, new() { Name = "See the full route on the map" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routes from Care Representative II to Senior Care Representative for you" })).ToBeVisibleAsync();
        // The link lands on the map itself, scrolled to where the route starts: the person's own role is on screen.
        await Assertions.Expect(page.Locator("svg.map a.card.from[data-role='CC-REP-2']")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("svg.map path.edge.route").First).ToBeInViewportAsync();
    }
}

public sealed class PeopleBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    async Task<(TestApp App, IPage Page, IBrowserContext Context)> OpenAsync(string persona)
    {
        var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, persona);
        return (app, page, page.Context);
    }

    static Task<(string Employee, string Name, string Peer)> EmployeePersonaAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var id = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == CareerMap.Sample.SampleOrganization.EmployeeEmail).Select(u => u.EmployeeId));
        var e = db.Employees.Where(x => x.Id == id).Select(x => new { x.EmployeeNumber, x.Name, x.ManagerId }).Single();
        var peer = db.Employees.Where(x => x.ManagerId == e.ManagerId && x.Id != id).Select(x => x.EmployeeNumber).First();
        return (e.EmployeeNumber, e.Name, peer);
    });

    [Fact]
    public async Task Hr_finds_the_candidates_for_a_role_from_its_page_narrows_them_by_language_and_opens_ones_readiness()
    {
        var (app, page, context) = await OpenAsync("HR admin");
        await using var _ = app;
        await using var __ = context;
        await page.GotoAsync("/roles/CC-REP-SR");
        await page.GetByRole(AriaRole.Link, new() { Name = "Candidates and bench" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Candidates for Senior Care Representative");
        var status = page.GetByRole(AriaRole.Status);
        static int Among(string text) => int.Parse(Regex.Match(text, @"Among (\d+) people").Groups[1].Value, CultureInfo.InvariantCulture);
        var everyone = Among(await status.InnerTextAsync());

        await page.GetByLabel("Speaks").FillAsync("Spanish");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("language=Spanish"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        var speakers = Among(await status.InnerTextAsync());
        Assert.InRange(speakers, 1, everyone - 1);
        var names = await page.Locator("table tbody tr td:first-child a").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        var languages = await app.WithDbAsync(db => Task.FromResult(db.Employees.Where(e => names.Contains(e.Name)).Select(e => e.Languages).ToList()));
        Assert.All(languages, spoken => Assert.Contains(spoken, l => l.Contains("Spanish", StringComparison.OrdinalIgnoreCase)));

        // A tenure below zero is refused beside the field, and what was typed stays.
        await page.GetByLabel("At least this many months in their role").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#minTenure-error")).ToHaveTextAsync("Write a whole number of months, 0 or more.");
        await Assertions.Expect(page.GetByLabel("Speaks")).ToHaveValueAsync("Spanish");

        await page.GetByLabel("At least this many months in their role").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        // Talent search: a level with no competency is refused beside it; then Spanish speakers at De-escalation 3 or above.
        await page.GetByLabel("Condition 2: lowest level").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#competency-1-error")).ToHaveTextAsync("choose the competency this level is for");
        await Assertions.Expect(page.GetByLabel("Condition 2: lowest level")).ToHaveValueAsync("2");
        await page.GetByLabel("Condition 2: lowest level").SelectOptionAsync("");
        await page.GetByLabel("Condition 1: competency").SelectOptionAsync("DEESC");
        await page.GetByLabel("Condition 1: lowest level").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("competency=DEESC&level=3"));
        var skilled = Among(await status.InnerTextAsync());
        Assert.InRange(skilled, 1, speakers);
        await Assertions.Expect(page.GetByLabel("Speaks")).ToHaveValueAsync("Spanish");
        await page.GoBackAsync();
        await page.GoForwardAsync();

        // Saved under a name (none refused beside the field), listed, run again from the role's page with every condition, then forgotten.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#search-name-error")).ToHaveTextAsync("give the search a name");
        await page.GetByLabel("Save this search as").FillAsync("Spanish de-escalators");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved as “Spanish de-escalators”");
        await page.GotoAsync("/roles/CC-REP-SR/candidates");
        await page.GetByRole(AriaRole.Link, new() { Name = "Spanish de-escalators" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Speaks")).ToHaveValueAsync("Spanish");
        await Assertions.Expect(page.GetByLabel("Condition 1: competency")).ToHaveValueAsync("DEESC");
        await Assertions.Expect(page.GetByLabel("Condition 1: lowest level")).ToHaveValueAsync("3");
        Assert.Equal(skilled, Among(await status.InnerTextAsync()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Forget the saved search Spanish de-escalators" }).ClickAsync();
        await Assertions.Expect(page.GetByText("None yet. Save a search to run it again later with its conditions.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Condition 1: competency")).ToHaveValueAsync("DEESC");
        await Assertions.Expect(page.GetByLabel("Condition 1: competency")).ToHaveValueAsync("DEESC");
        await page.Locator("table tbody tr td:first-child a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/people/[^/]+/readiness\\?role=CC-REP-SR"));

        // An employee's role page offers no candidate list: they would only be refused.
        var employee = await chromium.PageAsync(app, "Employee");
        await using var ___ = employee.Context;
        await employee.GotoAsync("/roles/CC-REP-SR");
        await Assertions.Expect(employee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Senior Care Representative");
        await Assertions.Expect(employee.GetByRole(AriaRole.Link, new() { Name = "Candidates and bench" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_profile_links_to_the_manager_only_for_those_who_may_open_their_page()
    {
        var (app, page, context) = await OpenAsync("Employee");
        await using var _ = app;
        await using var __ = context;
        var (employee, _, _) = await EmployeePersonaAsync(app);
        var manager = await app.WithDbAsync(db => Task.FromResult(db.Employees.Where(e => e.EmployeeNumber == employee).Select(e => e.Manager!.Name).Single()));
        await page.GotoAsync($"/people/{employee}");
        var managerCell = page.Locator("dt:text-is('Manager') + dd");
        await Assertions.Expect(managerCell).ToHaveTextAsync(manager);
        await Assertions.Expect(managerCell.Locator("a")).ToHaveCountAsync(0);

        var hr = await chromium.PageAsync(app, "HR admin");
        await using var ___ = hr.Context;
        await hr.GotoAsync($"/people/{employee}");
        await hr.Locator("dt:text-is('Manager') + dd a").ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(manager);
    }

    [Fact]
    public async Task Saving_the_assessment_form_with_nothing_chosen_says_so_in_words()
    {
        var (app, page, context) = await OpenAsync("Manager");
        await using var _ = app;
        await using var __ = context;
        var (employee, name, _) = await EmployeePersonaAsync(app);
        await page.GotoAsync($"/people/{employee}/assess");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Assess {name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save ratings" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("Choose a level for at least one competency");
        await Assertions.Expect(alert).Not.ToContainTextAsync("CfDJ8");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("is not valid for");
    }

    [Fact]
    public async Task A_manager_assesses_a_report_seeing_their_self_rating_beside_each_level()
    {
        var (app, page, context) = await OpenAsync("Manager");
        await using var _ = app;
        await using var __ = context;
        var (employee, name, _) = await EmployeePersonaAsync(app);
        await page.GetByRole(AriaRole.Link, new() { Name = "People" }).ClickAsync();
        await page.GetByLabel("Search by name, number, role or location").FillAsync(employee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Assess" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Assess {name}");
        var problem = page.Locator("fieldset[data-competency='PROBLEM']");
        await Assertions.Expect(problem.Locator(".level-option")).ToHaveCountAsync(5);
        await Assertions.Expect(problem).ToContainTextAsync("Finds and fixes the root cause");
        await problem.GetByLabel("Level 4").CheckAsync();
        await problem.GetByLabel("Evidence (optional)").FillAsync("Ran the root-cause review of repeat calls");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save ratings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved 1 rating.");
        var row = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Problem Solving" }) });
        await Assertions.Expect(row).ToContainTextAsync("4 /");
        await Assertions.Expect(row).ToContainTextAsync("manager");
        // The evidence typed with the rating is kept with it, on the person's page.
        var latest = page.GetByRole(AriaRole.Region, new() { Name = "Every rating, newest first" }).Locator("tbody tr").First;
        await Assertions.Expect(latest).ToContainTextAsync("Problem Solving");
        await Assertions.Expect(latest).ToContainTextAsync("Ran the root-cause review of repeat calls");
    }

    [Fact]
    public async Task An_employee_reads_their_readiness_in_plain_words_and_cannot_open_a_teammate()
    {
        var (app, page, context) = await OpenAsync("Employee");
        await using var _ = app;
        await using var __ = context;
        var (employee, _, peer) = await EmployeePersonaAsync(app);
        await page.GotoAsync($"/people/{employee}");
        await page.GetByLabel("Readiness for any role").SelectOptionAsync("CC-REP-SR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("You meet ");
        await Assertions.Expect(page.Locator(".readiness-big")).ToContainTextAsync("% ready");
        await Assertions.Expect(page.Locator("table.table tbody tr")).ToHaveCountAsync((await app.ExportAsync()).Requirements.Count(q => q.Role == "CC-REP-SR"));
        await page.GotoAsync($"/people/{peer}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You can't open that page");
        await page.GotoAsync($"/people/{peer}/assess");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You can't open that page");
    }
}

public sealed class PlanBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Submitting_a_plan_keeps_what_was_typed_and_not_saved()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var me = await chromium.PageAsync(app, "Employee");
        await using var _ = me.Context;
        await me.GetByRole(AriaRole.Link, new() { Name = "My plan" }).ClickAsync();
        await me.GetByLabel("The role you are aiming for").SelectOptionAsync("CC-REP-SR");
        await me.GetByRole(AriaRole.Button, new() { Name = "Start my plan" }).ClickAsync();
        // Typed, never saved, then straight to review: the newcomer's path that lost the goal.
        await me.GetByLabel("Short term, professional").FillAsync("Lead the Tuesday huddle by spring");
        await me.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(me.Locator(".status")).ToHaveAttributeAsync("data-status", "submitted");
        await me.ReloadAsync();
        await Assertions.Expect(me.Locator(".plan-body")).ToContainTextAsync("Lead the Tuesday huddle by spring");
    }

    [Fact]
    public async Task Target_roles_are_picked_by_title_grouped_by_unit_and_kept_after_saving()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var me = await chromium.PageAsync(app, "Employee", width: 360, height: 740);
        await using var _ = me.Context;
        await me.GotoAsync("/me/plan");
        await me.GetByLabel("The role you are aiming for").SelectOptionAsync("CC-REP-SR");
        await me.GetByRole(AriaRole.Button, new() { Name = "Start my plan" }).ClickAsync();
        var d = await app.ExportAsync();
        var analyst = d.Roles.First(r => r.Unit != "CARE");
        await Assertions.Expect(me.GetByLabel("First choice")).ToHaveValueAsync("CC-REP-SR");
        // Options read as titles under their unit, never as codes to type.
        var unitName = d.Units.Single(u => u.Code == analyst.Unit).Name;
        Assert.Equal(analyst.Title, (await me.Locator($"#target-1 optgroup[label='{unitName}'] option[value='{analyst.Code}']").TextContentAsync())?.Trim());
        await me.GetByLabel("Choice 2").SelectOptionAsync(new SelectOptionValue { Label = analyst.Title });
        await me.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(me.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await me.ReloadAsync();
        await Assertions.Expect(me.GetByLabel("First choice")).ToHaveValueAsync("CC-REP-SR");
        await Assertions.Expect(me.GetByLabel("Choice 2")).ToHaveValueAsync(analyst.Code);
        await Assertions.Expect(me.GetByLabel("Choice 3")).ToHaveValueAsync("");
        Assert.True(await me.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [Fact]
    public async Task A_plan_goes_from_draft_to_completed_with_its_manager_and_prints()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        async Task<(IBrowserContext, IPage)> As(string persona)
        {
            var page = await chromium.PageAsync(app, persona);
            return (page.Context, page);
        }
        var (employeeContext, me) = await As("Employee");
        await using var _ = employeeContext;
        await me.GetByRole(AriaRole.Link, new() { Name = "My plan" }).ClickAsync();
        await me.GetByLabel("The role you are aiming for").SelectOptionAsync("CC-REP-SR");
        await me.GetByRole(AriaRole.Button, new() { Name = "Start my plan" }).ClickAsync();
        await Assertions.Expect(me.Locator(".status")).ToHaveAttributeAsync("data-status", "draft");

        // Proposed actions build exactly the competencies named as areas of opportunity.
        var opportunities = (await me.GetByLabel("Areas of opportunity").InputValueAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var d = await app.ExportAsync();
        await Assertions.Expect(me.Locator(".action-row[data-competency]:not([data-competency=''])")).Not.ToHaveCountAsync(0);
        var proposed = await me.Locator(".action-row[data-competency]:not([data-competency=''])").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.competency)");
        Assert.NotEmpty(proposed);
        Assert.All(proposed, code => Assert.Contains(d.Competencies.Single(c => c.Code == code).Name, opportunities));

        await me.GetByLabel("Short term, professional").FillAsync("Join the Senior Team within a year");
        await me.GetByLabel("Which parts of your job do you enjoy most, and which least?").FillAsync("Solving a tricky claim; least, repeat password resets");
        await me.GetByRole(AriaRole.Button, new() { Name = "Save plan" }).ClickAsync();
        await Assertions.Expect(me.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await me.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(me.Locator(".status")).ToHaveAttributeAsync("data-status", "submitted");
        var url = me.Url;

        var (managerContext, manager) = await As("Manager");
        await using var __ = managerContext;
        await manager.GotoAsync(url);
        await Assertions.Expect(manager.Locator(".plan-body")).ToContainTextAsync("Join the Senior Team within a year");
        await manager.GetByLabel("Comment for").FillAsync("Good plan; start with the shadowing.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".status")).ToHaveAttributeAsync("data-status", "approved");

        await me.ReloadAsync();
        await me.GetByRole(AriaRole.Button, new() { Name = "Start working on it" }).ClickAsync();
        await Assertions.Expect(me.Locator(".status")).ToHaveAttributeAsync("data-status", "in-progress");
        await me.GetByLabel("Add a note").FillAsync("Shadowed a Senior Rep for two shifts");
        await me.GetByRole(AriaRole.Button, new() { Name = "Record check-in" }).ClickAsync();
        await Assertions.Expect(me.Locator(".timeline")).ToContainTextAsync("Check-in");
        await me.GetByRole(AriaRole.Button, new() { Name = "Mark completed" }).ClickAsync();
        await Assertions.Expect(me.Locator(".status")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(me.Locator(".timeline")).ToContainTextAsync("Good plan; start with the shadowing.");
        await Assertions.Expect(me.Locator(".timeline")).ToContainTextAsync("Check-in");

        await me.GetByRole(AriaRole.Link, new() { Name = "Printable view" }).ClickAsync();
        await Assertions.Expect(me.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Individual Development Plan");
        await Assertions.Expect(me.Locator(".plan-body")).ToContainTextAsync("Solving a tricky claim");
        var pdf = await me.PdfAsync();
        Assert.True(pdf.Length > 10_000);
        var docx = await me.APIRequest.GetAsync(url + "?handler=Docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Headers["content-type"]);
        var bytes = await docx.BodyAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }
}

public sealed class AuditBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_audit_page_shows_a_change_with_its_before_and_after()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin");
        await using var _ = page.Context;
        await page.GotoAsync("/admin/roles/CC-REP-3/edit");
        await page.GetByLabel("Title").FillAsync("Care Representative III (Lead)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await page.GetByLabel("Words").FillAsync("CC-REP-3");
        await page.GetByLabel("What").SelectOptionAsync("Role");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var entry = page.Locator(".audit-entry").First;
        await Assertions.Expect(entry.Locator(".audit-what")).ToHaveTextAsync("Role changed: CC-REP-3");
        await Assertions.Expect(entry).ToContainTextAsync("hr.admin@demo.riverbend.example");
        await Assertions.Expect(entry.Locator("dt").First).ToHaveTextAsync("Title");
        await Assertions.Expect(entry.Locator("dd del").First).ToHaveTextAsync("Care Representative III");
        await Assertions.Expect(entry.Locator("dd ins").First).ToHaveTextAsync("Care Representative III (Lead)");
        // Read on a phone, the change fits the screen.
        await page.SetViewportSizeAsync(360, 800);
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the audit page scrolls sideways at 360 px");
    }
}

public sealed class ProvisioningBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Hr_issues_a_token_maps_a_waiting_title_and_revokes_the_token()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin");
        await using var _ = page.Context;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Provisioning" }).ClickAsync();
        await page.GetByLabel("New token for").FillAsync("Workday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue token" }).ClickAsync();
        var token = await page.GetByLabel("Token", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith("cmscim_", token);

        using var hris = new HttpClient { BaseAddress = app.BaseAddress };
        hris.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var created = await hris.PostAsync("/scim/v2/Users", new StringContent("""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"kim.lee@riverbend.example", "title":"Patient Concierge", "displayName":"Kim Lee" }
            """, System.Text.Encoding.UTF8, "application/scim+json"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);

        await page.GotoAsync("/admin/provisioning");
        var waiting = page.GetByRole(AriaRole.Region, new() { Name = "Waiting for a role" });
        await Assertions.Expect(waiting).ToContainTextAsync("kim.lee@riverbend.example");
        await Assertions.Expect(waiting).ToContainTextAsync("no role for title 'Patient Concierge'");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Patient Concierge");
        await page.GetByLabel("Role code").FillAsync("CC-REP-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save alias" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 waiting user linked");
        await Assertions.Expect(waiting).ToContainTextAsync("Every provisioned user is linked");
        await page.GotoAsync("/people?q=Kim+Lee");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Care Representative I");

        await page.GotoAsync("/admin/provisioning");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke token Workday" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Tokens" })).ToContainTextAsync("revoked");
        var refused = await hris.GetAsync("/scim/v2/Users", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}

public sealed class JobDescriptionBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    const string Description = """
        Care Representative I
        Reports To: Supervisor, Customer Care

        Summary
        Answers members' prescription-benefit calls.

        Responsibilities
        - Answer inbound member calls about prescriptions and claims.
        - Resolve payment disputes and explain copay and billing questions.
        - Document every call accurately.
        """;

    static FilePayload File(string text) => new() { Name = "care-rep.txt", MimeType = "text/plain", Buffer = System.Text.Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task Hr_uploads_a_description_confirms_its_links_and_sees_the_history_and_diff()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var before = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Requirements.Where(r => r.Role.Code == "CC-REP-1" && r.Competency.Code == "CLAIMS").Select(r => r.Level)));
        var target = before == 4 ? 3 : 4;
        var page = await chromium.PageAsync(app, "HR admin");
        await using var _ = page.Context;
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Job descriptions" }).ClickAsync();
        await page.GetByLabel("Description file").SetInputFilesAsync(File(Description));
        await page.GetByLabel("Role it describes").SelectOptionAsync("CC-REP-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Care Representative I");
        var claims = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Claims and Billing" });
        await Assertions.Expect(claims).ToContainTextAsync("Matched");
        // Every suggestion says why: the words it matched in a line of the description, or the line it is close to in meaning
        // (JobDescriptionsApiTests shows the second), never an empty list of matched words.
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Matched “”" })).ToHaveCountAsync(0);
        var why = await page.Locator("td[data-label='Why']").AllInnerTextsAsync();
        Assert.NotEmpty(why);
        Assert.All(why, w => Assert.Matches(@"^(Matched “[^”]+” in: |Close in meaning to: )(Answers members|Answer inbound|Resolve payment|Document every call)", w));
        await page.GetByLabel("Level for Claims and Billing").SelectOptionAsync(target.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm links" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Links confirmed");
        await Assertions.Expect(claims.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync(target.ToString(CultureInfo.InvariantCulture));

        await page.GotoAsync("/roles/CC-REP-1");
        var requirement = page.GetByRole(AriaRole.Region, new() { Name = "What the role requires" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Claims and Billing" });
        await Assertions.Expect(requirement).ToContainTextAsync($"Level {target}");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Job description" })).ToContainTextAsync("Resolve payment disputes");

        await page.GotoAsync("/admin/job-descriptions");
        await page.GetByLabel("Description file").SetInputFilesAsync(File(Description.Replace("- Document every call accurately.", "- Document every call accurately.\n- Coach newer representatives.", StringComparison.Ordinal)));
        await page.GetByLabel("Role it describes").SelectOptionAsync("CC-REP-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Version history" }).ClickAsync();
        var diff = page.GetByRole(AriaRole.Table, new() { Name = "Differences between the two versions" });
        await Assertions.Expect(diff.Locator("tr.added")).ToHaveCountAsync(1);
        await Assertions.Expect(diff.Locator("tr.added ins")).ToHaveTextAsync("- Coach newer representatives.");
        await Assertions.Expect(page.GetByLabel("Compare version").Locator("option")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Hr_uploads_a_position_exported_as_xml_and_reads_it_as_a_description_on_a_phone()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin", width: 360, height: 800);
        await using var _ = page.Context;
        await page.GotoAsync("/admin/job-descriptions");
        const string export = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Position id="P-311">
              <PositionTitle>Appeals Intake Coordinator</PositionTitle>
              <Department>Appeals and Grievances</Department>
              <ReportsTo>Appeals Supervisor</ReportsTo>
              <Summary>Logs every appeal the day it arrives and makes sure its clock starts on time.</Summary>
              <Duties>
                <Duty>Log appeals and grievances from mail, fax and the portal.</Duty>
                <Duty>Send acknowledgment letters to members within five days.</Duty>
              </Duties>
            </Position>
            """;
        await page.GetByLabel("Description file").SetInputFilesAsync(new FilePayload { Name = "position.xml", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(export) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Appeals Intake Coordinator");
        var description = page.GetByRole(AriaRole.Region, new() { Name = "The description" });
        await Assertions.Expect(description.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Log appeals and grievances from mail, fax and the portal.", "Send acknowledgment letters to members within five days."]);
        await Assertions.Expect(description).ToContainTextAsync("Logs every appeal the day it arrives");
        await Assertions.Expect(description).Not.ToContainTextAsync("<");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the description page scrolls sideways at 360 px");
    }
}

public sealed class LanguageBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_person_switches_to_Spanish_meets_errors_in_it_and_keeps_it_after_signing_out_on_a_phone()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using var _ = page.Context;
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sus próximos movimientos" })).ToBeVisibleAsync();

        // A missing page is a page, in Spanish, that fits the phone and leads back home.
        var missing = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No encontramos esa página");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "the error page scrolls sideways at 360 px");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ir a su página de inicio" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sus próximos movimientos" })).ToBeVisibleAsync();

        // Signing out from the phone's menu: the sign-in page on this browser still speaks Spanish.
        await page.GetByText("Menú", new() { Exact = true }).ClickAsync();
        await page.Locator(".menu-panel").GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ha cerrado la sesión");
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inicie sesión en CareerMap");
        // An empty sign-in says what is missing, in Spanish.
        await page.GetByRole(AriaRole.Button, new() { Name = "Iniciar sesión", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Escriba su correo electrónico y su contraseña.");
    }
}

public sealed class ReportsBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Manager")]
    [InlineData("HR admin")]
    public async Task The_capability_heatmap_filters_drills_to_the_people_behind_a_cell_and_exports_the_same_figures(string persona)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, persona);
        await using var _ = page.Context;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).First.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Capability");

        await page.GetByLabel("Rows", new() { Exact = true }).SelectOptionAsync("role");
        await page.GetByLabel("Unit", new() { Exact = true }).SelectOptionAsync("CARE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("by=role.*unit=CARE"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(new Regex("^Capability by role"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        var rows = await page.Locator("table.heatmap tbody th").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        var titles = (await app.ExportAsync()).Roles.Where(r => r.Unit == "CARE").Select(r => r.Title).ToHashSet();
        Assert.All(rows, row => Assert.Contains(row, titles));

        // The first De-escalation cell: its figure, and how many people it counts, as the cell says them.
        var cell = page.Locator("table.heatmap tbody td[data-competency=DEESC] a").First;
        var figure = int.Parse(Regex.Match(await cell.InnerTextAsync(), @"^(\d+)%").Groups[1].Value, CultureInfo.InvariantCulture);
        var counted = Regex.Match(await cell.InnerTextAsync(), @"(\d+) of (\d+) meet");
        var (meeting, asked) = (int.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(counted.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal((int)Math.Round(100.0 * meeting / asked, MidpointRounding.AwayFromZero), figure);
        var group = await cell.Locator("xpath=ancestor::tr/th").InnerTextAsync();
        await cell.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"De-escalation in {group}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(asked == 1 ? "1 person whose role" : $"{asked} people whose role");
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(asked);
        await page.GoBackAsync();

        // The CSV holds the same figures as the page for the same view.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), Ct);
        var line = csv.Select(l => l.Split(',')).Single(f => f.Length == 11 && f[1] == group && f[3] == "DEESC");
        Assert.Equal((asked, meeting), (int.Parse(line[5], CultureInfo.InvariantCulture), int.Parse(line[6], CultureInfo.InvariantCulture)));
        var download2 = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Excel" }).ClickAsync());
        Assert.Equal(("careermap-capability.csv", "careermap-capability.xlsx"), (download.SuggestedFilename, download2.SuggestedFilename));
        await using var file = File.OpenRead(await download2.PathAsync());
        using var workbook = new ClosedXML.Excel.XLWorkbook(file);
        var row = workbook.Worksheet("Capability").RowsUsed().Single(r => r.Cell(2).GetString() == group && r.Cell(4).GetString() == "DEESC");
        Assert.Equal((asked, meeting), ((int)row.Cell(6).GetDouble(), (int)row.Cell(7).GetDouble()));
    }

    [Theory]
    [InlineData("Manager", 1366)]
    [InlineData("HR admin", 360)]
    public async Task The_heatmap_by_team_goes_down_a_line_counts_the_same_people_and_comes_back_up(string persona, int width)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, persona, width: width, height: 800);
        await using var _ = page.Context;
        await page.GotoAsync("/reports/capability");
        await page.GetByLabel("Rows", new() { Exact = true }).SelectOptionAsync("team");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(new Regex("^Capability by team"));
        var where = page.Locator("p.breadcrumb-line");
        await Assertions.Expect(where.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        if (width < 400) Assert.Equal(width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        var cast = await Cast.LoadAsync(app);
        int Number(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        async Task<int> CellPeopleAsync(ILocator cell) =>
            int.Parse(Regex.Match(await cell.InnerTextAsync(), @"of (\d+) meet").Groups[1].Value, CultureInfo.InvariantCulture);
        if (persona == "Manager")
        {
            // A manager starts at their own direct reports, with no way above themselves.
            var (name, reports) = await app.WithDbAsync(async db => (
                await db.Employees.Where(e => e.EmployeeNumber == cast.Manager).Select(e => e.Name).SingleAsync(Ct),
                await db.Employees.Where(e => e.Manager!.EmployeeNumber == cast.Manager && e.DeactivatedOn == null).Select(e => e.Name).ToListAsync(Ct)));
            await Assertions.Expect(where).ToHaveTextAsync($"Each row is one of {name}'s direct reports with everyone who reports to them.");
            await Assertions.Expect(page.Locator("table.heatmap tbody th")).ToHaveCountAsync(reports.Count);
            Assert.Equal(reports.Order(StringComparer.Ordinal), (await page.Locator("table.heatmap tbody th").AllInnerTextsAsync()).Order(StringComparer.Ordinal));
            var mine = page.Locator("table.heatmap tbody td[data-competency] a").First;
            var counted = await CellPeopleAsync(mine);
            await mine.ClickAsync();
            await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(counted);
            return;
        }
        // HR starts at the top; down a level, the rows under a person count everyone in their line but the person.
        await Assertions.Expect(where).ToContainTextAsync("Each row is a line at the top of the organization");
        var first = page.Locator("table.heatmap tbody tr:has(th a)").First;
        var (head, people) = (await first.Locator("th").InnerTextAsync(), Number(await first.Locator("td.num").InnerTextAsync()));
        await first.Locator("th a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("leader="));
        await Assertions.Expect(where).ToContainTextAsync($"Each row is one of {head}'s direct reports");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(people - 1, (await page.Locator("table.heatmap tbody td.num").AllInnerTextsAsync()).Sum(Number));
        // A cell leads to its people and back; then up to where we started.
        var cell = page.Locator("table.heatmap tbody td[data-competency] a").First;
        var asked = await CellPeopleAsync(cell);
        await cell.ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr")).ToHaveCountAsync(asked);
        await page.GoBackAsync();
        await where.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("leader="));
        await Assertions.Expect(page.Locator("table.heatmap tbody tr:has(th a)").First.Locator("th")).ToHaveTextAsync(head);
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("HR admin")]
    public async Task Development_health_is_a_tab_away_and_its_chart_matches_its_table(string persona)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, persona, width: 360, height: 800);
        await using var _ = page.Context;
        await page.GotoAsync("/reports/capability");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Reports" }).GetByRole(AriaRole.Link, new() { Name = "Development" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Development");
        await Assertions.Expect(page.Locator("nav.tabs a[aria-current=page]")).ToHaveTextAsync("Development");
        await page.WaitForLoadStateAsync(LoadState.Load);
        // The bars are a picture of the table: the same figures, in the same order.
        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Whose ratings count" });
        var drawn = await chart.Locator("text").AllTextContentsAsync();
        var counted = await page.Locator("section[aria-labelledby=ratings-h] tbody td:nth-child(2)").AllInnerTextsAsync();
        Assert.Equal(counted, [.. drawn.Where((_, i) => i % 2 == 1)]);
        var people = int.Parse((await page.Locator("dl.figures dd").First.InnerTextAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.Equal(people, counted.Sum(c => int.Parse(c.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)));
        Assert.Equal(360, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        // One unit's people: fewer or as many, and the export of that view holds the page's figures.
        await page.GetByLabel("People in roles of").SelectOptionAsync("CARE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("unit=CARE"));
        await page.WaitForLoadStateAsync(LoadState.Load);
        var inCare = int.Parse((await page.Locator("dl.figures dd").First.InnerTextAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.InRange(inCare, 1, people);
        var submitted = await page.Locator("tr[data-status=submitted] td.num").InnerTextAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        Assert.Equal("careermap-development.csv", download.SuggestedFilename);
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), Ct);
        Assert.Contains("unit,,CARE", csv);
        Assert.Contains($"people,,{inCare}", csv);
        Assert.Contains($"plans,submitted,{submitted.Replace(",", "", StringComparison.Ordinal)}", csv);
    }

    [Theory]
    [InlineData("Manager", 1366)]
    [InlineData("HR admin", 360)]
    public async Task The_bench_filters_by_unit_drills_to_a_roles_candidates_tries_a_requirement_change_and_exports_the_same_figures(string persona, int width)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, persona, width: width, height: 800);
        await using var _ = page.Context;
        await page.GotoAsync("/reports/capability");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Reports" }).GetByRole(AriaRole.Link, new() { Name = "Bench and succession" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bench and succession");

        await page.GetByLabel("Roles of").SelectOptionAsync("CARE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("unit=CARE"));
        var care = (await app.ExportAsync()).Roles.Where(r => r.Unit == "CARE").Select(r => r.Code).ToHashSet();
        await Assertions.Expect(page.Locator("section[aria-labelledby=roles-h] tbody tr")).ToHaveCountAsync(care.Count);
        var shown = await page.Locator("section[aria-labelledby=roles-h] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.role)");
        Assert.Equal(care.Order(), shown.Order());
        if (width < 400) Assert.Equal(width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        // A role's ready-now figure leads to its candidates, where the bench reads the same.
        var row = page.Locator("section[aria-labelledby=roles-h] tbody tr[data-role=CC-REP-SR]");
        var cells = await row.Locator("td.num").AllInnerTextsAsync();
        int Figure(string text) => int.Parse(Regex.Match(text, @"\d[\d,]*").Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var (ready, within, later) = (Figure(cells[1]), Figure(cells[2]), Figure(cells[3]));
        await row.Locator("td.num a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Candidates for Senior Care Representative");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{ready} ready now, {within} within a year, {later} later.");
        await page.GoBackAsync();

        // What if the senior role asked Customer Focus at the top level: the bench shrinks, and nothing is saved.
        await page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("CC-REP-SR");
        await page.GetByLabel("Competency", new() { Exact = true }).SelectOptionAsync("CUSTOMER");
        await page.GetByLabel("Level asked").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the effect" }).ClickAsync();
        var effect = page.Locator("[data-what-if=CC-REP-SR]");
        await Assertions.Expect(effect).ToContainTextAsync($"At level 5: ready now {ready} → ");
        var after = Figure(Regex.Match(await effect.InnerTextAsync(), @"ready now \d[\d,]* → (\d[\d,]*)").Groups[1].Value);
        Assert.True(after <= ready);
        if (after < ready) await Assertions.Expect(effect).ToContainTextAsync($"{ready - after} would drop out of ready now");
        Assert.DoesNotContain((await app.ExportAsync()).Requirements, q => q.Role == "CC-REP-SR" && q.Competency == "CUSTOMER" && q.Level == 5);

        // The CSV holds the page's figures.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        Assert.Equal("careermap-succession.csv", download.SuggestedFilename);
        var line = (await File.ReadAllLinesAsync(await download.PathAsync(), Ct)).Select(l => l.Split(',')).Single(f => f.Length >= 10 && f[2] == "CC-REP-SR");
        Assert.Equal((ready, within, later), (int.Parse(line[6], CultureInfo.InvariantCulture), int.Parse(line[7], CultureInfo.InvariantCulture), int.Parse(line[8], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Manager", 1366)]
    [InlineData("HR admin", 360)]
    public async Task Mobility_narrows_to_a_period_shows_the_routes_people_took_and_exports_the_same_figures(string persona, int width)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, persona, width: width, height: 800);
        await using var _ = page.Context;
        await page.GotoAsync("/reports/capability");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Reports" }).GetByRole(AriaRole.Link, new() { Name = "Mobility" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mobility");
        await page.WaitForLoadStateAsync(LoadState.Load);
        int Figure(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var moves = Figure(await page.Locator("[data-figure=moves]").InnerTextAsync());
        Assert.True(moves > 0, "the sample's generated history has moves in the last eight quarters");

        // The chart is a picture of the table, and the table adds up to the figure.
        var rows = page.Locator("section[aria-labelledby=quarters-h] tbody tr");
        var perQuarter = new List<int>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td.num").AllInnerTextsAsync();
            perQuarter.Add(Figure(cells[0]) + Figure(cells[1]) + Figure(cells[2]));
        }
        Assert.Equal(moves, perQuarter.Sum());
        var drawn = await page.GetByRole(AriaRole.Img, new() { Name = "Moves per quarter" }).Locator("text").AllTextContentsAsync();
        Assert.Equal(perQuarter, [.. drawn.Where((_, i) => i % 2 == 1).Select(Figure)]);

        // A later start keeps only the quarters from it; a period that runs backwards is refused and says so.
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2026-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("from=2026-04-01"));
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        Assert.Equal(["2026-Q2", "2026-Q3", "2026-Q4"], await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.quarter)"));
        var since = Figure(await page.Locator("[data-figure=moves]").InnerTextAsync());
        Assert.True(since <= moves);
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2026-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("the last eight quarters are shown");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(moves, Figure(await page.Locator("[data-figure=moves]").InnerTextAsync()));

        // Routes people took up the representatives' ladder, beside the map's.
        await page.GetByLabel("Started in").SelectOptionAsync("CC-REP-1");
        await page.GetByLabel("Reached").SelectOptionAsync("CC-REP-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the routes" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-routes]")).ToContainTextAsync(new Regex(@"went from Care Representative I to Care Representative III\."));
        await Assertions.Expect(page.Locator("ol.routes-suggested li").First).ToHaveTextAsync(new Regex("^Care Representative I → .+ → Care Representative III — about \\d+ months$"));
        if (width < 400) Assert.Equal(width, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        // The CSV holds the roles' fills as the page shows them.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        Assert.Equal("careermap-mobility.csv", download.SuggestedFilename);
        var first = page.Locator("section[aria-labelledby=fills-h] tbody tr").First;
        var (role, filled) = (await first.GetAttributeAsync("data-role"), Figure(await first.Locator("td.num").First.InnerTextAsync()));
        var line = (await File.ReadAllLinesAsync(await download.PathAsync(), Ct)).Select(l => l.Split(',')).Single(f => f[0] == role);
        Assert.Equal(filled, int.Parse(line[^6], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_employee_finds_no_report_and_is_refused_one()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "Employee");
        await using var _ = page.Context;
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reports" })).ToHaveCountAsync(0);
        var refused = await page.GotoAsync("/reports/capability");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports/capability$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You can't open that page");
    }
}
