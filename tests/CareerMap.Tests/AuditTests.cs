using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class AuditTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task Every_change_is_recorded_with_who_when_before_and_after(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var me = await hr.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);
        var hrEmail = me.GetProperty("email").GetString();
        var before = await hr.GetFromJsonAsync<JsonElement>("/api/requirements/PS-TECH-1/PHARM", Ct);
        var level = before.GetProperty("level").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PutIfMatchAsync("/api/requirements/PS-TECH-1/PHARM",
            new { role = "PS-TECH-1", competency = "PHARM", level = level + 1, weight = 2, critical = true }, Ct)).StatusCode);

        var trail = await hr.GetFromJsonAsync<JsonElement>("/api/audit?entity=RoleRequirement", Ct);
        var change = trail.GetProperty("items")[0];
        Assert.Equal(("modified", hrEmail), (change.GetProperty("action").GetString(), change.GetProperty("actor").GetString()));
        Assert.Equal(level, JsonDocument.Parse(change.GetProperty("before").GetString()!).RootElement.GetProperty("Level").GetInt32());
        Assert.Equal(level + 1, JsonDocument.Parse(change.GetProperty("after").GetString()!).RootElement.GetProperty("Level").GetInt32());

        var cast = await Cast.LoadAsync(app);
        var employee = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        await employee.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 4, evidence = "Ran the huddle" }, Ct);
        var rated = (await hr.GetFromJsonAsync<JsonElement>("/api/audit?entity=Assessment", Ct)).GetProperty("items")[0];
        Assert.Equal("added", rated.GetProperty("action").GetString());
        Assert.Contains("Ran the huddle", rated.GetProperty("after").GetString());
        // An added row is recorded with the id the database gave it, never EF's temporary negative one.
        var ratingId = await app.WithDbAsync(db => db.Assessments.OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync(Ct));
        Assert.Equal(ratingId, JsonDocument.Parse(rated.GetProperty("after").GetString()!).RootElement.GetProperty("Id").GetInt64());
        Assert.Equal(HttpStatusCode.Created, (await employee.PostAsJsonAsync($"/api/employees/{cast.Employee}/plan", new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);
        var planId = await app.WithDbAsync(db => db.Plans.Where(p => p.Employee.EmployeeNumber == cast.Employee).Select(p => p.Id).SingleAsync(Ct));
        // The plan's actions are recorded, and every action ever added (the sample's plans' too) with its real id.
        var actions = (await hr.GetFromJsonAsync<JsonElement>("/api/audit?entity=PlanAction&pageSize=500", Ct)).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(actions, a => JsonDocument.Parse(a.GetProperty("after").GetString()!).RootElement.GetProperty("PlanId").GetInt32() == planId);
        Assert.All(actions, a =>
        {
            var after = JsonDocument.Parse(a.GetProperty("after").GetString()!).RootElement;
            Assert.True(after.GetProperty("PlanId").GetInt32() > 0, a.ToString());
            Assert.True(after.GetProperty("Id").GetInt32() > 0, a.ToString());
            Assert.DoesNotContain("-", a.GetProperty("key").GetString(), StringComparison.Ordinal);
        });

        var accounts = await hr.GetFromJsonAsync<JsonElement>("/api/audit?entity=AppUser&pageSize=500", Ct);
        Assert.NotEqual(0, accounts.GetProperty("total").GetInt32());
        Assert.All(accounts.GetProperty("items").EnumerateArray(), a =>
        {
            var after = a.GetProperty("after").GetString() ?? "";
            Assert.DoesNotContain("AQAAAA", after, StringComparison.Ordinal);
            if (after.Contains("PasswordHash", StringComparison.Ordinal)) Assert.Contains("(hidden)", after);
        });

        var csv = await hr.GetStringAsync("/api/audit/export.csv?entity=RoleRequirement", Ct);
        Assert.StartsWith("at,actor,entity,key,action,before,after\n", csv);
        Assert.Contains($",{hrEmail},RoleRequirement,", csv);
        Assert.Contains("\"{\"\"Level\"\":", csv);

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(followRedirects: false).GetAsync("/api/audit", Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task The_trail_reads_in_words_and_is_found_by_role_code_competency_or_person(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var level = (await hr.GetFromJsonAsync<JsonElement>("/api/requirements/PS-TECH-1/PHARM", Ct)).GetProperty("level").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PutIfMatchAsync("/api/requirements/PS-TECH-1/PHARM",
            new { role = "PS-TECH-1", competency = "PHARM", level = level + 1, weight = 1, critical = false }, Ct)).StatusCode);
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 4, evidence = "Calm on escalations" }, Ct)).StatusCode);
        var pharmacy = (await app.ExportAsync()).Competencies.Single(c => c.Code == "PHARM").Name;

        var browser = await app.BrowserAsync(AppRoles.HrAdmin);
        var page = await browser.GetStringAsync("/admin/audit?q=PS-TECH-1", Ct);
        Assert.Contains($"<strong>Requirement changed:</strong> PS-TECH-1 · {pharmacy}", page);
        Assert.Contains($"<dt>Level</dt>", page);
        Assert.Contains($"<del>{level}</del>", page);
        Assert.Contains($"<ins>{level + 1}</ins>", page);
        Assert.DoesNotContain("RoleId", page);
        Assert.DoesNotContain("{&quot;", page);

        // The rating is found by the person's number and by the competency's name, and names the person in words.
        var rating = await browser.GetStringAsync($"/admin/audit?q={cast.Employee}&entity=Assessment", Ct);
        Assert.Contains("<strong>Rating added:</strong>", rating);
        Assert.Contains($"({cast.Employee}) · Communication", rating);
        Assert.Contains("Calm on escalations", rating);
        var byCompetency = await hr.GetFromJsonAsync<JsonElement>($"/api/audit?q={Uri.EscapeDataString(pharmacy)}&entity=RoleRequirement", Ct);
        Assert.NotEqual(0, byCompetency.GetProperty("total").GetInt32());

        var spanish = await (await app.BrowserAsync(AppRoles.HrAdmin, language: "es")).GetStringAsync("/admin/audit?q=PS-TECH-1", Ct);
        Assert.Contains($"<strong>Requisito cambiado:</strong> PS-TECH-1 · {pharmacy}", spanish);
    }

    [Theory, ProviderApps]
    public async Task The_csv_export_hands_out_no_cell_a_spreadsheet_would_run_as_a_formula(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        string[] names = ["=2+3", "+SUM(1,2)", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "plain"];
        foreach (var name in names)
            Assert.Equal(HttpStatusCode.Created, (await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name }, Ct)).StatusCode);

        var csv = await hr.GetStringAsync("/api/audit/export.csv?entity=ScimToken", Ct);
        Assert.Contains(",\"'=2+3\",", csv);
        Assert.Contains(",\"'+SUM(1,2)\",", csv);
        Assert.Contains(",\"'-2+3\",", csv);
        Assert.Contains(",\"'@SUM(1+1)*cmd|' /C calc'!A0\",", csv);
        Assert.Contains(",plain,", csv);
    }
}
