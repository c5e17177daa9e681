using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class PlanTemplatesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static MultipartFormDataContent Roster(params string[] rows) => new()
    {
        {
            new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n",
                ["EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths", .. rows]) + "\n")),
            "file", "roster.csv"
        },
    };

    static string Day(int days) => TestClock.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, ProviderApps]
    public async Task A_care_representative_hired_through_the_roster_finds_a_30_60_90_draft_dated_from_the_start(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var lead = await app.WithDbAsync(db => db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct));

        // Riverbend ships templates for its entry roles, and each passes the same checks HR's own would.
        var shipped = await hr.GetFromJsonAsync<JsonElement>("/api/plan-templates", Ct);
        var rep = shipped.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "CC-REP-1");
        Assert.Equal(("role", 6), (rep.GetProperty("appliesTo").GetString(), rep.GetProperty("items").GetArrayLength()));
        foreach (var t in shipped.EnumerateArray())
            Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync($"/api/plan-templates/{t.GetProperty("code").GetString()}",
                new { name = t.GetProperty("name").GetString(), goal = t.GetProperty("goal").GetString(), items = t.GetProperty("items") }, Ct)).StatusCode);

        // HR keeps one for a whole family; bad items are refused by place, and only HR may write.
        var bad = await hr.PutAsJsonAsync("/api/plan-templates/MX-ADV", new { name = "Advocates", items = new[] { new { days = 0, competency = "NOPE", strategy = "MENTOR", description = "x" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[0].days", out _) && errors.TryGetProperty("items[0].competency", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PutAsJsonAsync("/api/plan-templates/NOPE", new { name = "x", items = Array.Empty<object>() }, Ct)).StatusCode);
        var manager = await app.SignedInAsync(AppRoles.Manager, lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/plan-templates/MX-ADV", new { name = "x", items = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync("/api/plan-templates/mx-adv", new
        {
            name = "Member Advocate: first 60 days", goal = "Own my first cases.",
            items = new[] { new { days = 45, competency = "CUSTOMER", strategy = (string?)null, description = "Close ten cases on my own." } },
        }, Ct)).StatusCode);

        // The roster hires a Care Representative I starting next week, a Member Advocate I starting today, and someone
        // whose start two years ago is history brought in, not a start.
        var imported = await hr.PostAsync("/api/employees/import", Roster(
            $"N1,Ana New,n1@x.example,CC-REP-1,{lead},{Day(7)},{Day(7)},Remote,English,,0",
            $"N2,Bo Old,n2@x.example,CC-REP-1,{lead},2024-11-04,2024-11-04,Remote,English,,24",
            $"N3,Cy Advocate,n3@x.example,MX-ADV-1,,{Day(0)},{Day(0)},Remote,English,,0"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(["N1", "N2", "N3"], (await imported.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("entrants").EnumerateArray()
            .Select(e => e.GetProperty("employeeNumber").GetString()).Order(StringComparer.Ordinal));

        var plan = await hr.GetFromJsonAsync<JsonElement>("/api/employees/N1/plan", Ct);
        Assert.Equal(("draft", "2026", "Take calls on my own with confidence and meet the 30-60-90 day call metrics."),
            (plan.GetProperty("status").GetString(), plan.GetProperty("cycle").GetString(), plan.GetProperty("shortTermProfessional").GetString()));
        var due = plan.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("dueOn").GetString(), a.GetProperty("competency").GetString())).ToList();
        Assert.Equal(6, due.Count);
        Assert.Equal([Day(37), Day(67), Day(97)], due.Select(d => d.Item1).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains((Day(97), "DEESC"), due);
        var advocate = await hr.GetFromJsonAsync<JsonElement>("/api/employees/N3/plan", Ct);
        Assert.Equal([(Day(45), "CUSTOMER", "Close ten cases on my own.")], [.. advocate.GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("dueOn").GetString(), a.GetProperty("competency").GetString(), a.GetProperty("description").GetString()))]);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/employees/N2/plan", Ct)).StatusCode);

        // Moved into another role the same year, the person keeps the plan they have: nothing is overwritten.
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/employees/import", Roster($"N1,Ana New,n1@x.example,CC-BIL-1,{lead},{Day(7)},{Day(20)},Remote,English;Spanish,,0"), Ct)).StatusCode);
        Assert.Equal(6, (await hr.GetFromJsonAsync<JsonElement>("/api/employees/N1/plan", Ct)).GetProperty("actions").GetArrayLength());
        Assert.Equal(1, await app.WithDbAsync(db => db.Plans.CountAsync(p => p.Employee.EmployeeNumber == "N1", Ct)));
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync("/api/plan-templates/MX-ADV", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.DeleteAsync("/api/plan-templates/MX-ADV", Ct)).StatusCode);
    }
}
