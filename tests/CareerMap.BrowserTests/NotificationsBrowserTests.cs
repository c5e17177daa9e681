using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CareerMap.Accounts;
using CareerMap.Notifications;
using CareerMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

public sealed class NotificationsBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task SweepAsync(TestApp app)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NoticeSweep>().RunAsync(Ct);
    }

    [Fact]
    public async Task A_representative_on_a_phone_sees_the_unread_count_opens_the_notification_and_chooses_a_weekly_digest()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        await SweepAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 2 }, Ct)).EnsureSuccessStatusCode();
        await SweepAsync(app);

        var me = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using (var _ = me.Context)
        {
            var inbox = me.Locator("header a.inbox");
            await Assertions.Expect(inbox).ToHaveAttributeAsync("aria-label", "Notifications: 1 unread");
            await Assertions.Expect(inbox.Locator(".count")).ToHaveTextAsync("1");
            await inbox.ClickAsync();
            await Assertions.Expect(me.GetByRole(AriaRole.Heading, new() { Name = "Inbox: 1 unread" })).ToBeVisibleAsync();
            var item = me.Locator("ul.notifications li.unread");
            await Assertions.Expect(item).ToContainTextAsync("rated your Communication at level 2.");
            Assert.Equal(360, await me.EvaluateAsync<int>("document.documentElement.scrollWidth"));
            // Opening it goes to the page it is about and marks it read.
            await item.GetByRole(AriaRole.Link).ClickAsync();
            await Assertions.Expect(me).ToHaveURLAsync(new Regex($"/people/{cast.Employee}$"));
            await Assertions.Expect(inbox).ToHaveAttributeAsync("aria-label", "Notifications: nothing unread");
            await Assertions.Expect(inbox.Locator(".count")).ToHaveCountAsync(0);
            await me.GoBackAsync();
            await me.ReloadAsync();
            await Assertions.Expect(me.Locator("ul.notifications li.read")).ToHaveCountAsync(1);

            // Ratings in a weekly digest: saved, and still chosen after a refresh.
            await me.GetByLabel("A manager rates one of my competencies").SelectOptionAsync("weekly-digest");
            await me.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
            await Assertions.Expect(me.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your notification settings are saved.");
            await me.ReloadAsync();
            await Assertions.Expect(me.GetByLabel("A manager rates one of my competencies")).ToHaveValueAsync("weekly-digest");
            await Assertions.Expect(me.GetByLabel("My development plan is approved")).ToHaveValueAsync("email");
        }

        // The manager, at a desk, has nothing waiting: the inbox says so, in Spanish once they switch.
        var boss = await chromium.PageAsync(app, "Manager", width: 1366);
        await using (var _ = boss.Context)
        {
            await boss.GotoAsync("/me/notifications");
            await Assertions.Expect(boss.GetByRole(AriaRole.Heading, new() { Name = "Inbox: nothing unread" })).ToBeVisibleAsync();
            await boss.Locator("form.language button").ClickAsync();
            await Assertions.Expect(boss.GetByRole(AriaRole.Heading, new() { Name = "Bandeja: nada sin leer" })).ToBeVisibleAsync();
        }
    }
}
