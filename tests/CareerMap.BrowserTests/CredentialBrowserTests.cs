using CareerMap.Tests.Support;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

/// <summary>HR records a credential on a person's profile, is told beside the field what is wrong without losing what was typed, and removes it, on a laptop and a phone.</summary>
public sealed class CredentialBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    const string Cpht = "Certified Pharmacy Technician";

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(360, 800)]
    public async Task Hr_adds_a_credential_on_the_profile_keeps_what_was_typed_when_refused_and_removes_it(int width, int height)
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var hr = await chromium.PageAsync(app, "HR admin", width, height);
        await using var _ = hr.Context;
        await hr.GotoAsync($"/people/{cast.Employee}");
        var form = hr.Locator("form.credential-form");
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(Cpht);
        await form.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("certification");
        await form.GetByLabel("Issuer", new() { Exact = true }).FillAsync("PTCB");
        await form.GetByLabel("Number", new() { Exact = true }).FillAsync("PT-0042");
        await form.GetByLabel("Issued on", new() { Exact = true }).FillAsync("2026-01-10");
        await form.GetByLabel("Last valid day", new() { Exact = true }).FillAsync("2025-01-10");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save credential", Exact = true }).ClickAsync();

        // Refused: the reason beside the field, and everything typed still there.
        form = hr.Locator("form.credential-form");
        await Assertions.Expect(hr.Locator("#credential-ExpiresOn-error")).ToHaveTextAsync("a credential cannot expire before it was issued");
        await Assertions.Expect(form.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync(Cpht);
        await Assertions.Expect(form.GetByLabel("Issuer", new() { Exact = true })).ToHaveValueAsync("PTCB");
        await Assertions.Expect(form.GetByLabel("Number", new() { Exact = true })).ToHaveValueAsync("PT-0042");
        await Assertions.Expect(form.GetByLabel("Issued on", new() { Exact = true })).ToHaveValueAsync("2026-01-10");
        await Assertions.Expect(form.GetByLabel("Last valid day", new() { Exact = true })).ToHaveValueAsync("2025-01-10");
        Assert.True(await hr.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the refused form scrolls sideways at {width} px");

        await form.GetByLabel("Last valid day", new() { Exact = true }).FillAsync("2027-05-31");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save credential", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("The credential is saved.");
        var row = hr.Locator($"tr[data-credential='{Cpht}']");
        await Assertions.Expect(row).ToContainTextAsync("PT-0042");
        await Assertions.Expect(row).ToContainTextAsync("31 May 2027");
        await Assertions.Expect(hr.Locator("#credential-ExpiresOn-error")).ToHaveCountAsync(0);
        Assert.True(await hr.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the profile scrolls sideways at {width} px");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Remove {Cpht}", Exact = true }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("The credential is removed.");
        await Assertions.Expect(hr.Locator($"tr[data-credential='{Cpht}']")).ToHaveCountAsync(0);
        await Assertions.Expect(hr.GetByText("No certifications or licenses on record.")).ToBeVisibleAsync();
    }
}
