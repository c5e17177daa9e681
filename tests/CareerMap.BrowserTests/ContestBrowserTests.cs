using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CareerMap.Accounts;
using CareerMap.Hosting;
using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

public sealed class ContestBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_representative_contests_a_rating_on_a_phone_and_the_manager_changes_it_from_the_home_page()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 2, evidence = "Two callbacks missed" }, Ct))
            .EnsureSuccessStatusCode();

        // The representative, on a phone: contest the manager's rating; an empty comment is refused and nothing is sent.
        var me = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using (var _ = me.Context)
        {
            await me.GotoAsync($"/people/{cast.Employee}");
            await me.GetByText("Contest this rating").ClickAsync();
            var form = me.Locator("details[open] form.contest-form");
            await form.EvaluateAsync("f => f.noValidate = true");
            await form.GetByRole(AriaRole.Button, new() { Name = "Send to my manager" }).ClickAsync();
            await Assertions.Expect(me.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write your comment");
            const string comment = "The member rescheduled both callbacks; it is in the notes.";
            await me.Locator("details[open] textarea").FillAsync(comment);
            await me.Locator("details[open]").GetByRole(AriaRole.Button, new() { Name = "Send to my manager" }).ClickAsync();
            await Assertions.Expect(me.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your contest is sent. Your manager will answer it here.");
            await Assertions.Expect(me.Locator("article.contest")).ToContainTextAsync(comment);
            await Assertions.Expect(me.Locator("article.contest")).ToContainTextAsync("Waiting for an answer since today.");
            Assert.Equal(360, await me.EvaluateAsync<int>("document.documentElement.scrollWidth"));
            // Coming back to the page, the rating is marked as contested and cannot be contested twice.
            await me.GotoAsync($"/people/{cast.Employee}");
            await Assertions.Expect(me.GetByText("Contest this rating")).ToHaveCountAsync(0);
            await Assertions.Expect(me.GetByText("contested, waiting for an answer")).ToHaveCountAsync(1);
            await Assertions.Expect(me.Locator("article.contest")).ToHaveCountAsync(1);
        }

        // The manager finds it on the home page and changes the rating to 3.
        var boss = await chromium.PageAsync(app, "Manager", width: 1366);
        await using (var _ = boss.Context)
        {
            var waiting = boss.Locator("section[aria-labelledby=contests-h]");
            await Assertions.Expect(waiting).ToContainTextAsync("Communication · contested today");
            await waiting.GetByRole(AriaRole.Link).First.ClickAsync();
            var contest = boss.Locator("article.contest");
            await contest.GetByLabel("Change it to").CheckAsync();
            await contest.GetByLabel("New level").SelectOptionAsync("3");
            await contest.GetByLabel("Why, in a sentence or two").FillAsync("Checked the notes: you are right.");
            await contest.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
            await Assertions.Expect(boss).ToHaveURLAsync(new Regex("answered=1"));
            await Assertions.Expect(boss.Locator("article.contest")).ToContainTextAsync("changed to level 3");
            await boss.GotoAsync("/");
            await Assertions.Expect(boss.Locator("section[aria-labelledby=contests-h]")).ToHaveCountAsync(0);
        }

        // The representative reads the answer, and the new rating counts.
        var again = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using (var _ = again.Context)
        {
            await again.GotoAsync($"/people/{cast.Employee}");
            await Assertions.Expect(again.Locator("article.contest")).ToContainTextAsync("Checked the notes: you are right.");
            var comms = again.Locator("section[aria-labelledby=ratings-h] tbody tr", new() { HasText = "Communication" });
            await Assertions.Expect(comms.Locator("td.num")).ToContainTextAsync("3 /");
        }
    }
}
