using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>
/// HR drafts a requirement change on the role's edit page, sees what adopting it would do, adopts it, and reads the role
/// as it stood the day before; on a laptop and a phone.
/// </summary>
public sealed class FrameworkVersionsBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 780)]
    public async Task HR_drafts_a_requirement_change_previews_it_adopts_it_and_reads_the_role_as_of_the_day_before(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin", width, height);
        await using var _ = page.Context;

        await page.GotoAsync("/admin/roles/CC-REP-2/edit");
        var competency = await page.Locator("select[name='Input.Requirements[0].Competency']").InputValueAsync();
        var level = page.Locator("select[name='Input.Requirements[0].Level']");
        var before = int.Parse(await level.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var after = before == 5 ? 4 : before + 1;
        await level.SelectOptionAsync($"{after}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to a new draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("#versions-done")).ToContainTextAsync("CC-REP-2 is saved in draft");
        var change = page.Locator("#requirement-changes tbody tr");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync(competency);
        await Assertions.Expect(change.Locator("td").Nth(2)).ToContainTextAsync($"Level {before}");
        await Assertions.Expect(change.Locator("td").Nth(3)).ToContainTextAsync($"Level {after}");
        await Assertions.Expect(page.Locator("#bench-changes tr[data-role='CC-REP-2']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#plans-affected")).ToContainTextAsync("open development plan(s) aim at a role whose requirements change");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the versions page scrolls sideways at {width} px");

        // Back on the edit page, the form shows the draft's level and saves only to the draft; nothing is live yet.
        await page.GotoAsync("/admin/roles/CC-REP-2/edit");
        await Assertions.Expect(page.Locator("#from-draft")).ToBeVisibleAsync();
        await Assertions.Expect(level).ToHaveValueAsync($"{after}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToHaveCountAsync(0);
        await page.GotoAsync("/roles/CC-REP-2/as-of?day=2026-11-02");
        await Assertions.Expect(page.Locator($"#requirements-as-of tr[data-competency='{competency}'] td.level")).ToHaveTextAsync($"{before}");

        await page.GotoAsync("/admin/framework/versions");
        await page.Locator("#adopt-form").GetByRole(AriaRole.Button, new() { Name = "Adopt the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#versions-done")).ToContainTextAsync("is adopted and in effect from today");
        await Assertions.Expect(page.Locator("#versions tbody tr").First).ToContainTextAsync("Adopted");

        await page.GotoAsync("/roles/CC-REP-2/as-of?day=2026-11-02");
        await Assertions.Expect(page.Locator($"#requirements-as-of tr[data-competency='{competency}'] td.level")).ToHaveTextAsync($"{after}");
        await page.GotoAsync("/roles/CC-REP-2");
        await page.Locator("#as-of-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("November 1, 2026");
        await Assertions.Expect(page.Locator($"#requirements-as-of tr[data-competency='{competency}'] td.level")).ToHaveTextAsync($"{before}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the role's earlier day scrolls sideways at {width} px");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 780)]
    public async Task HR_drafts_a_competency_level_adopts_it_and_nobody_sees_it_before(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin", width, height);
        await using var _ = page.Context;
        const string drafted = "Talks a caller down from a crisis and leaves them a next step (drafted)";

        await page.GotoAsync("/admin/competencies/DEESC/edit");
        var level3 = page.Locator("#level-3");
        var before = await level3.InputValueAsync();
        // A refused draft save keeps what was typed and says where: a level left empty.
        await level3.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to a new draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#level-3 ~ .field-error")).ToContainTextAsync("level 3");
        await Assertions.Expect(page.Locator("#Input_Definition")).Not.ToBeEmptyAsync();
        await level3.FillAsync(drafted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to draft", Exact = false }).ClickAsync();
        await Assertions.Expect(page.Locator("#versions-done")).ToContainTextAsync("DEESC is saved in draft");
        await Assertions.Expect(page.Locator("#draft-changes")).ToContainTextAsync("DEESC");

        // Nothing is live yet; the edit page shows the draft's text and saves only to the draft.
        await page.GotoAsync("/competencies/DEESC");
        await Assertions.Expect(page.Locator("ol.levels")).Not.ToContainTextAsync(drafted);
        await Assertions.Expect(page.Locator("ol.levels")).ToContainTextAsync(before);
        await page.GotoAsync("/admin/competencies/DEESC/edit");
        await Assertions.Expect(page.Locator("#from-draft")).ToBeVisibleAsync();
        await Assertions.Expect(level3).ToHaveValueAsync(drafted);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the competency's edit page scrolls sideways at {width} px");

        await page.GotoAsync("/admin/framework/versions");
        await page.Locator("#adopt-form").GetByRole(AriaRole.Button, new() { Name = "Adopt the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#versions-done")).ToContainTextAsync("is adopted and in effect from today");
        await page.GotoAsync("/competencies/DEESC");
        await Assertions.Expect(page.Locator("ol.levels")).ToContainTextAsync(drafted);
        await page.GotoAsync("/admin/competencies/DEESC/edit");
        await Assertions.Expect(page.Locator("#from-draft")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToBeVisibleAsync();
    }
}
