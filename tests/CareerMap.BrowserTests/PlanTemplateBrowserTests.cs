using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>HR writes a plan template for a job family, edits it, and is told beside each field what is wrong without losing what was typed, on a laptop and a phone.</summary>
public sealed class PlanTemplateBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 800)]
    public async Task Hr_creates_a_template_edits_it_and_a_refused_save_keeps_what_was_typed(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var hr = await chromium.PageAsync(app, "HR admin", width, height);
        await using var _ = hr.Context;
        async Task FitsAsync(string what) =>
            Assert.True(await hr.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways at {width} px");

        await hr.GotoAsync("/admin/plan-templates");
        await Assertions.Expect(hr.Locator("tr[data-template='CC-REP-1']")).ToContainTextAsync("a goal and 6 actions");
        await FitsAsync("the list");
        await hr.GetByRole(AriaRole.Link, new() { Name = "New template", Exact = true }).ClickAsync();
        await hr.GetByLabel("Role or job family").SelectOptionAsync("MX-ADV");
        await hr.GetByLabel("Name", new() { Exact = true }).FillAsync("Member Advocate: first 60 days");
        await hr.Locator("[name='Input.Goal']").FillAsync("Own my first cases.");
        await hr.Locator("[name='Input.Items[0].Days']").FillAsync("45");
        await hr.Locator("[name='Input.Items[0].Competency']").SelectOptionAsync("CUSTOMER");
        await hr.Locator("[name='Input.Items[0].Description']").FillAsync("Close ten cases on my own.");
        await FitsAsync("the new template form");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Save the template", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("The template for MX-ADV is saved.");
        var row = hr.Locator("tr[data-template='MX-ADV']");
        await Assertions.Expect(row).ToContainTextAsync("Member Advocate: first 60 days");
        await Assertions.Expect(row).ToContainTextAsync("a goal and 1 action");

        // Editing: an empty title and a day out of range are refused, each beside its field and in the summary; what was typed stays.
        await row.GetByRole(AriaRole.Link, new() { Name = "Edit the template for MX-ADV" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Heading, new() { Name = "Edit the template for MX-ADV" })).ToBeVisibleAsync();
        await hr.GetByLabel("Name", new() { Exact = true }).FillAsync("");
        await hr.Locator("[name='Input.Items[0].Days']").FillAsync("400");
        await hr.Locator("[name='Input.Items[0].Description']").FillAsync("Close twenty cases on my own.");
        await hr.Locator("[name='Input.Items[1].Days']").FillAsync("20");
        await hr.Locator("[name='Input.Items[1].Competency']").SelectOptionAsync("COMMS");
        await hr.Locator("[name='Input.Items[1].Strategy']").SelectOptionAsync("SHADOW");
        await hr.Locator("[name='Input.Items[1].Description']").FillAsync("Shadow a senior advocate.");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Save the template", Exact = true }).ClickAsync();
        var summary = hr.Locator("#error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Name is required.");
        await Assertions.Expect(summary).ToContainTextAsync("Days must be between 1 and 365.");
        await Assertions.Expect(hr.Locator("[data-valmsg-for='Input.Name']")).ToHaveTextAsync("Name is required.");
        await Assertions.Expect(hr.Locator("[data-valmsg-for='Input.Items[0].Days']")).ToHaveTextAsync("Days must be between 1 and 365.");
        await Assertions.Expect(hr.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("");
        await Assertions.Expect(hr.Locator("[name='Input.Items[0].Days']")).ToHaveValueAsync("400");
        await Assertions.Expect(hr.Locator("[name='Input.Items[0].Description']")).ToHaveValueAsync("Close twenty cases on my own.");
        await Assertions.Expect(hr.Locator("[name='Input.Items[1].Strategy']")).ToHaveValueAsync("SHADOW");
        await Assertions.Expect(hr.Locator("[name='Input.Items[1].Description']")).ToHaveValueAsync("Shadow a senior advocate.");
        await FitsAsync("the refused form");

        // Following the summary's link lands on the field; corrected, it is saved.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Days must be between 1 and 365." }).ClickAsync();
        await Assertions.Expect(hr).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#Input_Items_0__Days$"));
        await hr.GetByLabel("Name", new() { Exact = true }).FillAsync("Member Advocate: first 90 days");
        await hr.Locator("[name='Input.Items[0].Days']").FillAsync("60");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Save the template", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("The template for MX-ADV is saved.");
        await Assertions.Expect(row).ToContainTextAsync("Member Advocate: first 90 days");
        await Assertions.Expect(row).ToContainTextAsync("a goal and 2 actions");
        await FitsAsync("the list after saving");
    }
}
