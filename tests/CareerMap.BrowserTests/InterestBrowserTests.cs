using System.Text.RegularExpressions;
using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>Career interests on a phone: the employee marks a move, sees it on their profile, their manager sees it in the team table.</summary>
public sealed class InterestBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task An_employee_marks_a_move_on_a_phone_sees_it_on_their_profile_their_manager_sees_it_and_it_is_unmarked()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var employee = await chromium.PageAsync(app, "Employee", 360, 780);
        await using var _ = employee.Context;
        await Assertions.Expect(employee).Not.ToHaveURLAsync(new Regex("/account/login"));

        await employee.GotoAsync("/me/moves");
        var card = employee.Locator("article.move-card").First;
        var role = (await card.GetAttributeAsync("data-role"))!;
        var title = (await card.Locator("h3").InnerTextAsync()).Trim();
        await card.GetByRole(AriaRole.Button, new() { Name = $"I'm interested in {title}" }).ClickAsync();

        // Back on the same move, now marked.
        await Assertions.Expect(employee).ToHaveURLAsync(new Regex($"/me/moves#move-{Regex.Escape(role)}$"));
        var marked = employee.Locator($"#move-{role}");
        await Assertions.Expect(marked.GetByRole(AriaRole.Button, new() { Name = $"Not interested any more in {title}" })).ToBeVisibleAsync();
        await Assertions.Expect(marked.Locator(".tag", new() { HasText = "you're interested" })).ToBeVisibleAsync();
        Assert.True(await employee.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the moves page scrolls sideways at 360 px");

        await employee.GotoAsync($"/people/{cast.Employee}");
        var interests = employee.Locator("section[aria-labelledby=interests-h]");
        await Assertions.Expect(interests.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

        var manager = await chromium.PageAsync(app, "Manager", 360, 780);
        await using var __ = manager.Context;
        await manager.GotoAsync("/");
        var row = manager.Locator("section[aria-labelledby=team-h] tbody tr", new() { Has = manager.Locator($"a[href='/people/{cast.Employee}']") });
        await Assertions.Expect(row.Locator("td.interested-in")).ToContainTextAsync(title);

        await employee.GotoAsync("/me/moves");
        await employee.Locator($"#move-{role}").GetByRole(AriaRole.Button, new() { Name = $"Not interested any more in {title}" }).ClickAsync();
        await Assertions.Expect(employee.Locator($"#move-{role}").GetByRole(AriaRole.Button, new() { Name = $"I'm interested in {title}" })).ToBeVisibleAsync();
        await employee.GotoAsync($"/people/{cast.Employee}");
        await Assertions.Expect(interests.GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(0);
        await manager.ReloadAsync();
        await Assertions.Expect(row.Locator("td.interested-in")).Not.ToContainTextAsync(title);
    }
}
