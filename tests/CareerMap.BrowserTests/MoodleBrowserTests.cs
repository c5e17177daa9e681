using System.Text.RegularExpressions;
using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>HR exchanges the competencies as Moodle's competency framework CSV on the exchange page: downloads it, checks it and imports it back, on a laptop and a phone.</summary>
public sealed class MoodleBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 780)]
    public async Task HR_downloads_the_Moodle_CSV_and_uploads_it_back(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var page = await chromium.PageAsync(app, "HR admin", width, height);
        await using var _ = page.Context;
        await page.GotoAsync("/admin/framework");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Moodle competency framework CSV", Level = 2 })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the 23 competencies as Moodle CSV (.csv)" }).ClickAsync());
        Assert.Equal("riverbend-competencies-moodle.csv", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"moodle-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(file);
        try
        {
            Assert.StartsWith("Parent ID number,ID number,Short name,", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var form = page.Locator("#moodle-form");
            await page.GetByLabel("Moodle competency framework CSV (.csv)").SetInputFilesAsync(file);
            await form.GetByRole(AriaRole.Button, new() { Name = "Check only" }).ClickAsync();
            var result = page.Locator("#moodle-result");
            await Assertions.Expect(result).ToContainTextAsync($"{Path.GetFileName(file)} can be imported.");

            await page.GetByLabel("Moodle competency framework CSV (.csv)").SetInputFilesAsync(file);
            await page.Locator("#moodle-form").GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Assertions.Expect(result).ToContainTextAsync($"{Path.GetFileName(file)} matches the competencies as they are.");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the exchange page scrolls sideways at {width} px");

            await page.GetByLabel("Moodle competency framework CSV (.csv)").SetInputFilesAsync(new FilePayload
            {
                Name = "broken-moodle.csv",
                MimeType = "text/csv",
                Buffer = "parentidnumber,idnumber\n"u8.ToArray(),
            });
            await page.Locator("#moodle-form").GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
            await Assertions.Expect(result).ToContainTextAsync("broken-moodle.csv: 2 problem(s); nothing was imported.");
            await Assertions.Expect(result).ToContainTextAsync(new Regex("row 1: the header row has 2 columns"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
