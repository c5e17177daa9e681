using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>A representative gets an Open Badge for a manager's rating from their profile and downloads it, on a laptop and a phone.</summary>
public sealed class BadgeBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 800)]
    public async Task The_employee_gets_a_badge_for_a_manager_rating_and_downloads_it(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 4, evidence = "Clear call notes" }, Ct))
            .EnsureSuccessStatusCode();

        var me = await chromium.PageAsync(app, "Employee", width, height);
        await using var _ = me.Context;
        await me.GotoAsync($"/people/{cast.Employee}");
        await me.Locator("[data-badge=COMMS]").GetByRole(AriaRole.Button, new() { Name = "Get the badge for", Exact = false }).ClickAsync();
        await Assertions.Expect(me.GetByRole(AriaRole.Status)).ToContainTextAsync("The badge is issued");
        var item = me.Locator("ul.badges li").First;
        await Assertions.Expect(item).ToContainTextAsync("level 4");

        var download = await me.RunAndWaitForDownloadAsync(() => item.GetByRole(AriaRole.Link, new() { Name = "Download", Exact = true }).ClickAsync());
        Assert.Matches("^badge-[0-9a-f-]{36}\\.json$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"badge-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        try
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file, Ct));
            Assert.Contains("OpenBadgeCredential", json.RootElement.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
            Assert.StartsWith("eyJ", json.RootElement.GetProperty("proof").GetProperty("jwt").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
        // The rating's row now offers the download instead of the button.
        await Assertions.Expect(me.Locator("[data-badge=COMMS]").GetByRole(AriaRole.Link, new() { Name = "Download" })).ToBeVisibleAsync();
        Assert.True(await me.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the profile scrolls sideways at {width} px");
    }
}
