using System.Text.Json;
using System.Text.RegularExpressions;
using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>HR exchanges the competencies as CASE 1.1 on the exchange page: downloads the package, checks it and imports it back, on a laptop and a phone.</summary>
public sealed class CaseBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 780)]
    public async Task HR_downloads_the_CASE_package_and_uploads_it_back(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin", width, height);
        await using var _ = page.Context;
        await page.GotoAsync("/competencies");
        await page.GetByRole(AriaRole.Link, new() { Name = "Download or import the competencies as a CASE 1.1 package" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/framework$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Framework exchange", Level = 1 })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the 23 competencies as CASE 1.1 (.json)" }).ClickAsync());
        Assert.Equal("riverbend-competencies-case.json", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"case-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        try
        {
            using (var json = JsonDocument.Parse(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)))
                Assert.Equal("Riverbend Health", json.RootElement.GetProperty("CFDocument").GetProperty("creator").GetString());

            await page.GetByLabel("CASE package (.json)").SetInputFilesAsync(file);
            await page.Locator("#case-form").GetByRole(AriaRole.Button, new() { Name = "Check only" }).ClickAsync();
            var result = page.Locator("#case-result");
            await Assertions.Expect(result).ToContainTextAsync($"{Path.GetFileName(file)} can be imported.");
            await Assertions.Expect(result).ToContainTextAsync("CASE records would be kept for the next download");

            await page.GetByLabel("CASE package (.json)").SetInputFilesAsync(file);
            await page.Locator("#case-form").GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Assertions.Expect(result).ToContainTextAsync($"{Path.GetFileName(file)} matches the competencies as they are.");
            await Assertions.Expect(result).ToContainTextAsync("CASE records are kept for the next download");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the exchange page scrolls sideways at {width} px");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
