using System.Net.Http.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

/// <summary>The home starts from the person: an employee's next moves and plan, a manager's team, HR's organization.</summary>
public sealed class HomeTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task Each_person_starts_from_what_is_theirs(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var employee = await app.BrowserAsync(AppRoles.Employee, cast.Employee);
        var home = await employee.GetStringAsync("/", Ct);
        Assert.Contains("Your next moves", home);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(home, "<article class=\"card move-next\">"));
        Assert.Contains($"href=\"/people/{cast.Employee}/readiness?role=", home);
        Assert.Contains("You have no development plan yet.", home);
        Assert.DoesNotContain("Your team", home);
        Assert.DoesNotContain("The organization", home);

        // The employee starts a plan; their manager's home shows them in the team with the plan's status.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await (await app.SignedInAsync(AppRoles.Employee, cast.Employee))
            .PostAsJsonAsync($"/api/employees/{cast.Employee}/plan", new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);
        Assert.Contains("aiming at Senior Care Representative", await employee.GetStringAsync("/", Ct));
        var team = await (await app.BrowserAsync(AppRoles.Manager, cast.Manager)).GetStringAsync("/", Ct);
        Assert.Contains("Your team", team);
        Assert.Matches($"<a href=\"/people/{cast.Employee}\">[^<]+</a></td>\\s*<td data-label=\"Role\">Care Representative II</td>", team);
        Assert.Contains("<td data-label=\"Plan\">Draft</td>", team);
        Assert.Matches("<td data-label=\"Ratings to refresh\">(none|\\d+ of \\d+)</td>", team);
        // Who is ready now: exactly the team rows whose next step carries the ready-now tag, each linked to that readiness.
        var readyRows = System.Text.RegularExpressions.Regex.Matches(team, "<td data-label=\"Next step\">\\s*<a href=\"(/people/[^\"]+/readiness\\?role=[^\"]+)\">[^<]*</a>[^<]*<span class=\"tag ready\">")
            .Select(m => m.Groups[1].Value).ToList();
        if (readyRows.Count == 0) Assert.Contains("Nobody on your team is ready now for their next step.", team);
        else
        {
            var listed = team[team.IndexOf("Ready now for their next step", StringComparison.Ordinal)..team.IndexOf("<table", StringComparison.Ordinal)];
            Assert.Equal(readyRows.Order(), System.Text.RegularExpressions.Regex.Matches(listed, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Order());
        }

        var hr = await (await app.BrowserAsync(AppRoles.HrAdmin, language: "es")).GetStringAsync("/", Ct);
        Assert.Contains("La organización", hr);
        // The roles nobody is ready for are the bench report's, prerequisites included.
        var bench = await (await app.SignedInAsync(AppRoles.HrAdmin)).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/reports/succession", Ct);
        var nobody = bench.GetProperty("nobodyReadyNow").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains($"Puestos para los que nadie de fuera está listo ahora ({nobody.Count} de {bench.GetProperty("roles").GetArrayLength()})", hr);
        foreach (var role in nobody.Take(12)) Assert.Contains($"href=\"/roles/{role}\"", hr);
        Assert.Contains("href=\"/reports/succession\"", hr);
        Assert.DoesNotContain("Sus próximos movimientos", hr);
        Assert.Contains("Unidades de negocio", hr);
    }

    [Fact]
    public async Task A_profile_marks_its_moves_with_the_same_kinds_as_every_other_page()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var profile = await (await app.BrowserAsync(AppRoles.Employee, cast.Employee)).GetStringAsync($"/people/{cast.Employee}", Ct);
        Assert.Matches("<span class=\"kind (promotion|lateral|step-back)\">", profile);
        Assert.DoesNotMatch("<span class=\"kind (Promotion|Lateral|StepBack)\">", profile);
    }
}
