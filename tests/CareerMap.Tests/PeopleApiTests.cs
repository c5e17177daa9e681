using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class PeopleApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task Readiness_matches_a_hand_computation_with_every_reason(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var requirements = (await app.ExportAsync()).Requirements.Where(q => q.Role == "CC-REP-SR").ToList();
        // The manager rates today: the critical competency one level short, everything else exactly as required.
        foreach (var q in requirements)
        {
            var rated = await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments",
                new { competency = q.Competency, level = q.Critical ? q.Level - 1 : q.Level, evidence = "Calibrated side-by-side" }, Ct);
            Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        }
        var expected = (double)(requirements.Sum(q => q.Weight * q.Level) - requirements.Where(q => q.Critical).Sum(q => q.Weight)) / (double)requirements.Sum(q => q.Weight * q.Level);

        var employee = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var readiness = await employee.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        Assert.Equal(Math.Round(expected, 4), readiness.GetProperty("percent").GetDouble(), 4);
        Assert.False(readiness.GetProperty("readyNow").GetBoolean());
        var lines = readiness.GetProperty("competencies").EnumerateArray().ToList();
        Assert.Equal(requirements.Count, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal("manager", l.GetProperty("ratedBy").GetString());
            Assert.Equal(TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), l.GetProperty("ratedOn").GetString());
        });
        var critical = lines.Single(l => l.GetProperty("critical").GetBoolean());
        Assert.Equal(1, critical.GetProperty("gap").GetInt32());
        Assert.StartsWith($"You meet {requirements.Count - 1} of {requirements.Count}. Biggest gaps: Claims and Billing (you ", readiness.GetProperty("summary").GetString());
    }

    [Theory, ProviderApps]
    public async Task Ready_now_is_never_shown_beside_a_wait_that_contradicts_it(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var requirements = (await app.ExportAsync()).Requirements.Where(q => q.Role == "CC-REP-SR").ToList();
        // Every requirement met but one non-critical one, a level short: ready now (90 % or more), with a gap still open.
        var shortOf = requirements.Where(q => !q.Critical).OrderByDescending(q => q.Level).First();
        foreach (var q in requirements)
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments",
                new { competency = q.Competency, level = q == shortOf ? q.Level - 1 : q.Level }, Ct)).StatusCode);
        var readiness = await manager.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        Assert.True(readiness.GetProperty("readyNow").GetBoolean(), "one level short on one of many competencies is still ready now");

        var page = await (await app.BrowserAsync(AppRoles.Manager, cast.Manager)).GetStringAsync($"/people/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        Assert.Contains("ready now; closing the remaining gaps would take about 4 months (an estimate)", page);
        Assert.DoesNotContain("to meet every requirement", page);
        Assert.DoesNotContain("no wait", page);
    }

    [Theory, ProviderApps]
    public async Task People_see_only_themselves_and_leaders_only_their_reporting_line(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/assessments";
        async Task<HttpStatusCode> Status(string role, string? number, string path) =>
            (await (await app.SignedInAsync(role, number)).GetAsync(path, Ct)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, await Status(AppRoles.Employee, cast.Employee, url));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(AppRoles.Employee, cast.Peer, url));
        Assert.Equal(HttpStatusCode.OK, await Status(AppRoles.Manager, cast.Manager, url));
        Assert.Equal(HttpStatusCode.OK, await Status(AppRoles.Manager, cast.SkipLevel, url));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(AppRoles.Manager, cast.OtherManager, url));
        Assert.Equal(HttpStatusCode.OK, await Status(AppRoles.HrAdmin, null, url));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(AppRoles.Employee, cast.Peer, $"/api/employees/{cast.Employee}/readiness?role=CC-SUP"));
        Assert.Equal(HttpStatusCode.Forbidden, await Status(AppRoles.Manager, cast.OtherManager, $"/api/employees/{cast.Employee}"));
        Assert.Equal(HttpStatusCode.NotFound, await Status(AppRoles.HrAdmin, null, "/api/employees/E999999"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(followRedirects: false).GetAsync(url, Ct)).StatusCode);

        var mine = await (await app.SignedInAsync(AppRoles.Employee, cast.Employee)).GetFromJsonAsync<JsonElement>("/api/employees", Ct);
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        var team = await (await app.SignedInAsync(AppRoles.Manager, cast.Manager)).GetFromJsonAsync<JsonElement>("/api/employees?pageSize=100", Ct);
        Assert.InRange(team.GetProperty("total").GetInt32(), 2, 16);
        Assert.Contains(team.GetProperty("items").EnumerateArray(), p => p.GetProperty("employeeNumber").GetString() == cast.Employee);
    }

    [Theory, ProviderApps]
    public async Task Ratings_are_appended_as_self_or_manager_and_never_overwritten(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/assessments";
        var self = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var before = (await self.GetFromJsonAsync<JsonElement>(url, Ct)).GetArrayLength();
        var first = await (await self.PostAsJsonAsync(url, new { competency = "PROBLEM", level = 3 }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("self", first.GetProperty("source").GetString());
        await self.PostAsJsonAsync(url, new { competency = "PROBLEM", level = 4, evidence = "Led the root-cause review" }, Ct);
        var byManager = await (await (await app.SignedInAsync(AppRoles.Manager, cast.Manager)).PostAsJsonAsync(url, new { competency = "PROBLEM", level = 2 }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("manager", byManager.GetProperty("source").GetString());
        Assert.False(string.IsNullOrEmpty(byManager.GetProperty("assessedBy").GetString()));
        var history = await self.GetFromJsonAsync<JsonElement>(url, Ct);
        Assert.Equal(before + 3, history.GetArrayLength());

        var peer = await app.SignedInAsync(AppRoles.Employee, cast.Peer);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.PostAsJsonAsync(url, new { competency = "PROBLEM", level = 5 }, Ct)).StatusCode);
        var bad = await self.PostAsJsonAsync(url, new { competency = "PROBLEM", level = 6 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("level 6 is outside 1..5", await bad.Content.ReadAsStringAsync(Ct));
        var unknown = await self.PostAsJsonAsync(url, new { competency = "TELEPATHY", level = 2 }, Ct);
        Assert.Contains("unknown competency 'TELEPATHY'", await unknown.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 3, (await self.GetFromJsonAsync<JsonElement>(url, Ct)).GetArrayLength());
    }

    [Theory, ProviderApps]
    public async Task Candidates_are_ranked_by_readiness_with_a_bench_and_filters(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var all = await hr.GetFromJsonAsync<JsonElement>("/api/roles/CC-REP-SR/candidates?top=20", Ct);
        var top = all.GetProperty("top").EnumerateArray().ToList();
        Assert.Equal(20, top.Count);
        var scores = top.Select(c => (c.GetProperty("readyNow").GetBoolean(), c.GetProperty("readiness").GetDouble())).ToList();
        Assert.Equal(scores.OrderByDescending(s => s.Item1).ThenByDescending(s => s.Item2), scores);
        Assert.DoesNotContain(top, c => c.GetProperty("currentRole").GetString() == "CC-REP-SR");
        var bench = all.GetProperty("bench");
        Assert.Equal(all.GetProperty("considered").GetInt32(), bench.GetProperty("readyNow").GetInt32() + bench.GetProperty("withinAYear").GetInt32() + bench.GetProperty("later").GetInt32());

        var care = await hr.GetFromJsonAsync<JsonElement>("/api/roles/CC-REP-SR/candidates?unit=CARE&grade=105&minTenure=6&top=100", Ct);
        Assert.All(care.GetProperty("top").EnumerateArray(), c =>
        {
            Assert.Equal("CARE", c.GetProperty("unit").GetString());
            Assert.Equal("105", c.GetProperty("grade").GetString());
            Assert.True(c.GetProperty("monthsInRole").GetInt32() >= 6);
        });
        Assert.True(care.GetProperty("considered").GetInt32() < all.GetProperty("considered").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/api/roles/CC-REP-SR/candidates?top=0", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/roles/NOPE/candidates", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Employee, cast.Employee)).GetAsync("/api/roles/CC-REP-SR/candidates", Ct)).StatusCode);
        var team = await (await app.SignedInAsync(AppRoles.Manager, cast.Manager)).GetFromJsonAsync<JsonElement>("/api/roles/CC-REP-SR/candidates?top=100", Ct);
        Assert.InRange(team.GetProperty("considered").GetInt32(), 1, 15);
    }

    [Theory, ProviderApps]
    public async Task A_talent_search_finds_people_at_every_or_any_competency_level_asked_and_refuses_a_wrong_condition_by_its_place(TestApp app)
    {
        var holders = await app.WithDbAsync(async db =>
        {
            var two = await db.Employees.Where(e => e.Role.Code != "CC-REP-SR").OrderBy(e => e.Id).Take(2).ToListAsync(Ct);
            foreach (var e in two) e.Certifications = ["CPhT"];
            await db.SaveChangesAsync(Ct);
            return two.Select(e => e.EmployeeNumber).Order().ToList();
        });
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var asked = (await app.ExportAsync()).Requirements.Where(q => q.Role == "CC-REP-SR").OrderByDescending(q => q.Level).Take(2).ToList();
        const string Url = "/api/roles/CC-REP-SR/candidates?top=100";
        async Task<JsonElement> FindAsync(string query) => await hr.GetFromJsonAsync<JsonElement>(Url + query, Ct);
        string A = $"&competency={asked[0].Competency}&level={asked[0].Level}", B = $"&competency={asked[1].Competency}&level={asked[1].Level}";
        int Considered(JsonElement found) => found.GetProperty("considered").GetInt32();
        var everyone = await FindAsync("");
        var a = await FindAsync(A);
        var b = await FindAsync(B);
        var both = await FindAsync(A + B);
        var either = await FindAsync(A + B + "&match=any");
        Assert.InRange(Considered(a), 1, Considered(everyone) - 1);
        Assert.InRange(Considered(both), 0, Math.Min(Considered(a), Considered(b)));
        Assert.Equal(Considered(a) + Considered(b), Considered(both) + Considered(either));   // inclusion–exclusion

        // Every person found with both is rated at both levels, as their readiness for the role says.
        foreach (var c in both.GetProperty("top").EnumerateArray().Take(10))
        {
            var readiness = await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{c.GetProperty("employeeNumber").GetString()}/readiness?role=CC-REP-SR", Ct);
            var levels = readiness.GetProperty("competencies").EnumerateArray().ToDictionary(l => l.GetProperty("competency").GetString()!, l => l.GetProperty("effective").GetInt32());
            Assert.All(asked, q => Assert.True(levels[q.Competency] >= q.Level, $"{c} is below {q.Competency} {q.Level}"));
        }
        // The bench counts only the people who match.
        var bench = both.GetProperty("bench");
        Assert.Equal(Considered(both), bench.GetProperty("readyNow").GetInt32() + bench.GetProperty("withinAYear").GetInt32() + bench.GetProperty("later").GetInt32());

        // A credential, named without regard to case.
        var certified = await FindAsync("&credential=cpht");
        Assert.Equal(holders, certified.GetProperty("top").EnumerateArray().Select(c => c.GetProperty("employeeNumber").GetString()!).Order());
        Assert.Equal(2, Considered(certified));

        var wrong = await hr.GetAsync(Url + $"&competency=TELEPATHY&level=2&competency={asked[0].Competency}&level=9&level=3&match=some", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("TELEPATHY", errors.GetProperty("competency[0]")[0].GetString());
        Assert.Contains("1", errors.GetProperty("level[1]")[0].GetString());
        Assert.True(errors.TryGetProperty("competency[2]", out _));   // a level with no competency
        Assert.True(errors.TryGetProperty("match", out _));
    }

    [Theory, ProviderApps]
    public async Task A_saved_search_is_its_owners_alone_and_a_name_used_again_replaces_it(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        const string Url = "/roles/CC-REP-SR/candidates?language=Spanish&competency=DEESC&level=3";
        async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, string name, string? query = null)
        {
            var page = await client.GetStringAsync(Url, Ct);
            return await client.PostAsync($"{query ?? Url}&handler={handler}", new FormUrlEncodedContent(
                [new("__RequestVerificationToken", Forms.AntiforgeryToken(page)), new("SearchName", name)]), Ct);
        }
        var hr = await app.BrowserAsync(AppRoles.HrAdmin);
        Assert.True((await PostAsync(hr, "Save", "Spanish de-escalators")).IsSuccessStatusCode);
        Assert.True((await PostAsync(hr, "Save", "Spanish de-escalators", "/roles/CC-REP-SR/candidates?language=Hmong")).IsSuccessStatusCode);
        var kept = await app.WithDbAsync(db => db.Set<CareerMap.Accounts.SavedSearch>().ToListAsync(Ct));
        Assert.Equal("language=Hmong", Assert.Single(kept).Query);   // the same name: replaced, not doubled

        // A manager sees none of it and cannot forget it.
        var manager = await app.BrowserAsync(AppRoles.Manager, cast.Manager);
        Assert.DoesNotContain("Spanish de-escalators", await manager.GetStringAsync(Url, Ct));
        await PostAsync(manager, $"Forget&id={kept[0].Id}", "");
        Assert.Single(await app.WithDbAsync(db => db.Set<CareerMap.Accounts.SavedSearch>().ToListAsync(Ct)));
        Assert.Contains("Spanish de-escalators", await hr.GetStringAsync(Url, Ct));
    }

    [Theory, ProviderApps]
    public async Task People_are_found_by_any_part_of_name_number_location_or_role_and_a_renamed_person_by_the_new_name(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        async Task<List<string>> Found(string q) => [.. (await hr.GetFromJsonAsync<JsonElement>($"/api/employees?q={Uri.EscapeDataString(q)}&pageSize=500", Ct))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("employeeNumber").GetString()!)];
        async Task Roster(string name, string location) => Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/employees/import", new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
            $"EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths\nQ-7731,{name},quinn@x.example,CC-REP-1,{cast.Manager},2026-01-05,2026-01-05,{location},,,0\n")), "file", "roster.csv" } }, Ct)).StatusCode);

        async Task<int> Total(string q) => (await hr.GetFromJsonAsync<JsonElement>($"/api/employees?q={Uri.EscapeDataString(q)}", Ct)).GetProperty("total").GetInt32();
        var everyone = await Total("");
        Assert.Equal(0, await Total("konkwo"));

        await Roster("Quinn Okonkwo-Vale", "Tulsa_100%");
        // Counts are kept between requests, and counted again once people change.
        Assert.Equal(1, await Total("konkwo"));
        Assert.Equal(everyone + 1, await Total(""));
        Assert.Equal(["Q-7731"], await Found("konkwo-v"));
        Assert.Equal(["Q-7731"], await Found("OKONKWO"));
        Assert.Equal(["Q-7731"], await Found("q-7731"));
        Assert.Equal(["Q-7731"], await Found("sa_100%"));
        Assert.Empty(await Found("sa_1000"));
        Assert.Empty(await Found("\"okonkwo\""));
        Assert.Contains("Q-7731", await Found("ok"));
        var byRole = await Found("care representative i");
        Assert.Contains("Q-7731", byRole);

        await Roster("Quinn Adebayo-Lindqvist", "Tulsa");
        Assert.Empty(await Found("okonkwo"));
        Assert.Equal(["Q-7731"], await Found("bayo-lind"));
        Assert.Empty(await Found("100%"));
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.OtherManager);
        Assert.Empty((await manager.GetFromJsonAsync<JsonElement>("/api/employees?q=bayo-lind", Ct)).GetProperty("items").EnumerateArray());
    }

    [Theory, ProviderApps]
    public async Task Recommendations_rank_the_next_roles_with_reasons(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var list = await (await app.SignedInAsync(AppRoles.Employee, cast.Employee)).GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/recommendations", Ct);
        var items = list.EnumerateArray().ToList();
        Assert.Contains(items, r => r.GetProperty("role").GetString() == "CC-REP-SR" && r.GetProperty("direction").GetString() == "promotion");
        Assert.All(items, r => Assert.StartsWith("You meet ", r.GetProperty("reason").GetString()));
        var order = items.Select(r => (r.GetProperty("readyNow").GetBoolean(), r.GetProperty("readiness").GetDouble())).ToList();
        Assert.Equal(order.OrderByDescending(o => o.Item1).ThenByDescending(o => o.Item2), order);
    }
}
