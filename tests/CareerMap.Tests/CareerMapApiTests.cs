using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class CareerMapApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task The_map_labels_every_move_of_the_sample_organization_by_its_grades_units_and_families(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.Employee);
        var map = await client.GetFromJsonAsync<JsonElement>("/api/career-map", Ct);
        var d = await app.ExportAsync();
        Assert.Equal(d.Roles.Count, map.GetProperty("nodes").GetArrayLength());
        var edges = map.GetProperty("edges").EnumerateArray().ToList();
        Assert.True(edges.Count > d.Moves.Count);
        foreach (var e in edges)
        {
            var expected = d.KindOf(e.GetProperty("from").GetString()!, e.GetProperty("to").GetString()!)!.Value;
            Assert.Equal(WireNames.Of(expected.Direction), e.GetProperty("direction").GetString());
            Assert.Equal(WireNames.Of(expected.Scope), e.GetProperty("scope").GetString());
        }
        var origins = edges.Select(e => e.GetProperty("origin").GetString()).ToHashSet();
        Assert.Equal(["explicit", "leadership-step", "next-level", "similar-lateral"], origins.Order());
        var lateral = edges.First(e => e.GetProperty("origin").GetString() == "similar-lateral");
        Assert.Equal(("lateral", "cross-functional"), (lateral.GetProperty("direction").GetString(), lateral.GetProperty("scope").GetString()));
        Assert.All(edges.Where(e => e.GetProperty("to").GetString()!.StartsWith("PS-TECH", StringComparison.Ordinal)),
            e => Assert.Contains(e.GetProperty("prerequisites").EnumerateArray(), p => p.GetProperty("value").GetString() == "Certified Pharmacy Technician"));
    }

    [Theory, ProviderApps]
    public async Task Care_representative_i_reaches_care_manager_by_promotions_through_senior_and_supervisor(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.Employee);
        var result = await client.GetFromJsonAsync<JsonElement>("/api/paths?from=CC-REP-1&to=CC-MGR", Ct);
        var paths = result.GetProperty("paths").EnumerateArray().ToList();
        Assert.Equal(3, paths.Count);
        var best = paths[0].GetProperty("moves").EnumerateArray().ToList();
        Assert.Equal(["CC-REP-SR", "CC-SUP", "CC-MGR"], best.Select(m => m.GetProperty("to").GetString()));
        Assert.All(best, m => Assert.Equal("promotion", m.GetProperty("direction").GetString()));
        Assert.Contains(best[0].GetProperty("prerequisites").EnumerateArray(), p => p.GetProperty("text").GetString()!.StartsWith("At least 6 months as Care Representative I", StringComparison.Ordinal));
        Assert.True(best[1].GetProperty("gaps").GetArrayLength() > 0);
        var months = paths.Select(p => p.GetProperty("estimatedMonths").GetInt32()).ToList();
        Assert.Equal(months.Order(), months);
        Assert.StartsWith("About ", paths[0].GetProperty("explanation").GetString());
    }

    [Theory, ProviderApps]
    public async Task Unknown_codes_unreachable_targets_and_k_bounds_are_answered_plainly(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var unknown = await client.GetAsync("/api/paths?from=CC-REP-1&to=ASTRONAUT", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("role ASTRONAUT does not exist", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/roles/ASTRONAUT/moves", Ct)).StatusCode);
        foreach (var k in new[] { 0, 11 })
        {
            var bad = await client.GetAsync($"/api/paths?from=CC-REP-1&to=CC-MGR&k={k}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("k must be between 1 and 10", await bad.Content.ReadAsStringAsync(Ct));
        }
        var one = await client.GetFromJsonAsync<JsonElement>("/api/paths?from=CC-REP-1&to=CC-MGR&k=1", Ct);
        Assert.Equal(1, one.GetProperty("paths").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/paths?to=CC-MGR", Ct)).StatusCode);

        await client.PostAsJsonAsync("/api/units", new { code = "ISLAND", name = "Island" }, Ct);
        await client.PostAsJsonAsync("/api/families", new { code = "ISLAND-F", name = "Islanders", unit = "ISLAND", track = "individual-contributor" }, Ct);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/roles", new { code = "ISLAND-1", title = "Islander", unit = "ISLAND", family = "ISLAND-F", grade = "104", level = 1 }, Ct)).StatusCode);
        var none = await client.GetFromJsonAsync<JsonElement>("/api/paths?from=CC-REP-1&to=ISLAND-1", Ct);
        Assert.Equal(0, none.GetProperty("paths").GetArrayLength());
        Assert.Equal("No sequence of moves leads from Care Representative I to Islander.", none.GetProperty("reason").GetString());
    }

    [Theory, ProviderApps]
    public async Task Hr_switches_a_rule_made_move_off_and_adds_one_by_hand(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var before = await client.GetFromJsonAsync<JsonElement>("/api/roles/CC-REP-2/moves", Ct);
        Assert.Contains(before.GetProperty("out").EnumerateArray(), e => e.GetProperty("to").GetString() == "CC-REP-3" && e.GetProperty("origin").GetString() == "next-level");

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/moves", new { code = "NO-REP-3", from = "CC-REP-2", to = "CC-REP-3", off = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/moves", new { code = "REP-2-TO-QA", from = "CC-REP-2", to = "MX-QA-SR",
            prerequisites = new[] { new { kind = "months-in-role", months = 12 } } }, Ct)).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/roles/CC-REP-2/moves", Ct);
        var outs = after.GetProperty("out").EnumerateArray().ToList();
        Assert.DoesNotContain(outs, e => e.GetProperty("to").GetString() == "CC-REP-3");
        var added = outs.Single(e => e.GetProperty("to").GetString() == "MX-QA-SR");
        Assert.Equal(("explicit", "cross-functional promotion"), (added.GetProperty("origin").GetString(), added.GetProperty("kind").GetString()));
        Assert.Contains(added.GetProperty("delta").EnumerateArray(), x => x.GetProperty("competency").GetString() == "QUALITY" && x.GetProperty("rise").GetInt32() > 0);
    }

    [Theory, ProviderApps]
    public async Task A_persons_route_uses_their_ratings_and_only_they_their_managers_and_hr_may_ask(TestApp app)
    {
        var (self, skipLevel, other) = await app.WithDbAsync(async db =>
        {
            var e = await db.Employees.Where(x => x.Role.Code == "CC-REP-2" && x.Manager != null && x.Manager.Manager != null).OrderBy(x => x.Id)
                .Select(x => new { x.EmployeeNumber, Manager = x.Manager!.EmployeeNumber, Skip = x.Manager.Manager!.EmployeeNumber, x.ManagerId }).FirstAsync(Ct);
            var stranger = await db.Employees.Where(x => x.Role.Code == "CC-SUP" && x.Id != e.ManagerId).Select(x => x.EmployeeNumber).FirstAsync(Ct);
            return (e.EmployeeNumber, e.Skip, stranger);
        });
        var url = $"/api/paths?from=CC-REP-2&to=CC-REP-SR&employee={self}";
        var mine = await (await app.SignedInAsync(AppRoles.Employee, self)).GetFromJsonAsync<JsonElement>(url, Ct);
        Assert.Equal(self, mine.GetProperty("employee").GetString());
        Assert.Contains("ratings and time served", mine.GetProperty("paths")[0].GetProperty("explanation").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(AppRoles.Manager, skipLevel)).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Manager, other)).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(AppRoles.HrAdmin)).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(AppRoles.HrAdmin)).GetAsync("/api/paths?from=CC-REP-2&to=CC-REP-SR&employee=E999999", Ct)).StatusCode);
    }
}
