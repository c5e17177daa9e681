using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Accounts;
using CareerMap.Framework.Versions;
using CareerMap.Plans;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

public sealed class FrameworkVersionsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>The employee's role and its first requirement, with the level it asks today.</summary>
    static async Task<(string Role, string Competency, int Level)> RequirementAsync(TestApp app, string employee) => await app.WithDbAsync(async db =>
    {
        var role = await db.Employees.Where(e => e.EmployeeNumber == employee).Select(e => e.Role.Code).SingleAsync(Ct);
        var first = await db.Requirements.Where(r => r.Role.Code == role).OrderBy(r => r.Competency.Code).Select(r => new { r.Competency.Code, r.Level }).FirstAsync(Ct);
        return (role, first.Code, first.Level);
    });

    static Task<int> LevelAsync(TestApp app, string role, string competency) =>
        app.WithDbAsync(db => db.Requirements.Where(r => r.Role.Code == role && r.Competency.Code == competency).Select(r => r.Level).SingleAsync(Ct));

    /// <summary>The draft's framework with one requirement's level changed, sent back as the draft's whole framework.</summary>
    static async Task<HttpResponseMessage> SetLevelInDraftAsync(HttpClient hr, int draft, string etag, string role, string competency, int level)
    {
        var export = await hr.GetAsync($"/api/framework/versions/{draft}/export?format=json", Ct);
        Assert.True(export.IsSuccessStatusCode, $"{export.StatusCode}: {await export.Content.ReadAsStringAsync(Ct)}");
        var document = JsonNode.Parse(await export.Content.ReadAsStringAsync(Ct))!;
        var requirement = document["requirements"]!.AsArray().Single(r => (string)r!["role"]! == role && (string)r!["competency"]! == competency)!;
        requirement["level"] = level;
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/framework/drafts/{draft}") { Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        return await hr.SendAsync(put, Ct);
    }

    static async Task<(int Number, string ETag)> StartAsync(HttpClient hr, string name)
    {
        var started = await hr.PostAsJsonAsync("/api/framework/drafts", new { name }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return ((await BodyAsync(started)).GetProperty("number").GetInt32(), started.Headers.ETag!.Tag);
    }

    static async Task<HttpResponseMessage> AdoptAsync(HttpClient hr, int draft, string etag, DateOnly? effectiveOn, string? note = null)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/framework/drafts/{draft}/adopt") { Content = JsonContent.Create(new { effectiveOn, note }) };
        post.Headers.TryAddWithoutValidation("If-Match", etag);
        return await hr.SendAsync(post, Ct);
    }

    [Theory, ProviderApps]
    public async Task HR_drafts_a_requirement_change_previews_who_it_moves_adopts_it_and_the_day_before_still_reads_the_old_level(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var employee = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var (role, competency, level) = await RequirementAsync(app, cast.Employee);
        var raised = Math.Min(5, level + 2);
        var today = TestClock.Today;

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/framework/drafts", new { name = "mine" }, Ct)).StatusCode);
        var (draft, etag) = await StartAsync(hr, "Raise the bar");
        var again = await hr.PostAsJsonAsync("/api/framework/drafts", new { name = "second" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"Draft {draft} is already open", (await BodyAsync(again)).GetProperty("detail").GetString());

        // A draft that breaks a rule is refused at the place, and the draft keeps what it had.
        var broken = await SetLevelInDraftAsync(hr, draft, etag, role, competency, 9);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains((await BodyAsync(broken)).GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("requirements[", StringComparison.Ordinal) && e.Name.EndsWith("].level", StringComparison.Ordinal));

        var saved = await SetLevelInDraftAsync(hr, draft, etag, role, competency, raised);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await SetLevelInDraftAsync(hr, draft, etag, role, competency, raised);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        etag = saved.Headers.ETag!.Tag;
        Assert.Equal(level, await LevelAsync(app, role, competency));

        // Meanwhile someone edits another item directly: adopting the draft must not undo it.
        var strategy = await app.WithDbAsync(db => db.Strategies.OrderBy(s => s.Code).Select(s => new { s.Code, s.Name }).FirstAsync(Ct));
        var strategyBody = JsonNode.Parse(await hr.GetStringAsync($"/api/strategies/{strategy.Code}", Ct))!;
        strategyBody["description"] = "Edited directly while the draft was open.";
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/strategies/{strategy.Code}") { Content = new StringContent(strategyBody.ToJsonString(), Encoding.UTF8, "application/json") })
        {
            put.Headers.TryAddWithoutValidation("If-Match", "*");
            Assert.Equal(HttpStatusCode.OK, (await hr.SendAsync(put, Ct)).StatusCode);
        }

        // The employee's plan aims at the role: the preview counts their gaps toward it now and after.
        await app.WithDbAsync(async db =>
        {
            var person = await db.Employees.SingleAsync(e => e.EmployeeNumber == cast.Employee, Ct);
            var cycle = PlanService.Cycle(today);
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.EmployeeId == person.Id && p.Cycle == cycle, Ct);
            if (plan is null) db.Plans.Add(plan = new DevelopmentPlan { EmployeeId = person.Id, Cycle = cycle, CreatedOn = today });
            plan.Status = PlanStatus.Draft;
            plan.TargetRoles = [role];
            return await db.SaveChangesAsync(Ct);
        });
        var readiness = await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role={role}", Ct);
        var lines = readiness.GetProperty("competencies").EnumerateArray().ToList();
        var gapsNow = lines.Count(l => l.GetProperty("effective").GetInt32() < l.GetProperty("required").GetInt32());
        var held = lines.Single(l => l.GetProperty("competency").GetString() == competency).GetProperty("effective").GetInt32();
        var gapsAfter = gapsNow + (held >= level && held < raised ? 1 : 0);

        // The preview names the change, the role's bench before and after, and the open plans aiming at the role.
        var preview = await hr.GetFromJsonAsync<JsonElement>($"/api/framework/drafts/{draft}/preview", Ct);
        var change = Assert.Single(preview.GetProperty("requirements").EnumerateArray());
        Assert.Equal((role, competency, level, raised), (change.GetProperty("role").GetString(), change.GetProperty("competency").GetString(),
            change.GetProperty("before").GetInt32(), change.GetProperty("after").GetInt32()));
        var bench = Assert.Single(preview.GetProperty("benches").EnumerateArray());
        var (readyBefore, readyAfter) = (bench.GetProperty("before").GetProperty("readyNow").GetInt32(), bench.GetProperty("after").GetProperty("readyNow").GetInt32());
        Assert.True(readyAfter <= readyBefore, $"raising a level cannot add people ready now ({readyBefore} → {readyAfter})");
        Assert.Equal(readyBefore - readyAfter + bench.GetProperty("joinReadyNow").GetInt32(), bench.GetProperty("leaveReadyNow").GetInt32());
        var plans = await app.WithDbAsync(async db => (await db.Plans.Where(p => p.Status != PlanStatus.Completed).Select(p => p.TargetRoles).ToListAsync(Ct))
            .Count(t => t.Contains(role, StringComparer.OrdinalIgnoreCase)));
        Assert.Equal(plans, preview.GetProperty("plansAffected").GetInt32());
        var mine = Assert.Single(preview.GetProperty("plans").EnumerateArray(), p => p.GetProperty("employeeNumber").GetString() == cast.Employee);
        Assert.Equal((role, gapsNow, gapsAfter), (mine.GetProperty("role").GetString(), mine.GetProperty("gapsNow").GetInt32(), mine.GetProperty("gapsAfter").GetInt32()));
        Assert.Empty(preview.GetProperty("conflicts").EnumerateArray());

        var past = await AdoptAsync(hr, draft, etag, today.AddDays(-1));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await BodyAsync(past)).GetProperty("errors").TryGetProperty("effectiveOn", out _));
        var adopted = await AdoptAsync(hr, draft, etag, today, "Raised after the quality review");
        Assert.Equal(HttpStatusCode.OK, adopted.StatusCode);
        var adoptedBody = await BodyAsync(adopted);
        Assert.Equal(("adopted", Day(today)), (adoptedBody.GetProperty("state").GetString(), adoptedBody.GetProperty("effectiveOn").GetString()));

        Assert.Equal(raised, await LevelAsync(app, role, competency));
        Assert.Equal("Edited directly while the draft was open.", await app.WithDbAsync(db => db.Strategies.Where(s => s.Code == strategy.Code).Select(s => s.Description).SingleAsync(Ct)));

        // Anyone signed in reads the role as it stood: the day before, the old level; today, the new one.
        var yesterday = await employee.GetFromJsonAsync<JsonElement>($"/api/roles/{role}/as-of/{Day(today.AddDays(-1))}", Ct);
        Assert.Equal(level, yesterday.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competency").GetString() == competency).GetProperty("level").GetInt32());
        var now = await employee.GetFromJsonAsync<JsonElement>($"/api/roles/{role}/as-of/{Day(today)}", Ct);
        Assert.Equal(raised, now.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competency").GetString() == competency).GetProperty("level").GetInt32());
        Assert.Equal(draft, now.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await employee.GetAsync($"/api/roles/{role}/as-of/yesterday", Ct)).StatusCode);

        // Every adopted version downloads whole, in each format; the one before the draft holds the old level.
        var history = await hr.GetFromJsonAsync<JsonElement>("/api/framework/versions", Ct);
        var before = history.EnumerateArray().First(v => v.GetProperty("state").GetString() == "adopted" && v.GetProperty("number").GetInt32() < draft).GetProperty("number").GetInt32();
        var old = JsonNode.Parse(await hr.GetStringAsync($"/api/framework/versions/{before}/export?format=json", Ct))!;
        Assert.Equal(level, (int)old["requirements"]!.AsArray().Single(r => (string)r!["role"]! == role && (string)r!["competency"]! == competency)!["level"]!);
        var xlsx = await hr.GetByteArrayAsync($"/api/framework/versions/{before}/export?format=xlsx", Ct);
        Assert.Equal("PK"u8.ToArray(), xlsx[..2]);
        var cfPackage = JsonNode.Parse(await hr.GetStringAsync($"/api/framework/versions/{before}/export?format=case", Ct))!;
        Assert.NotNull(cfPackage["CFDocument"]);
        Assert.NotEmpty(cfPackage["CFItems"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync($"/api/framework/versions/{before}/export?format=pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/framework/versions", Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task A_draft_that_clashes_with_a_direct_edit_is_refused_by_item_and_a_scheduled_one_takes_effect_on_its_day(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var (role, competency, level) = await RequirementAsync(app, cast.Employee);
        var other = level == 1 ? 2 : level - 1;
        var today = TestClock.Today;

        var (draft, etag) = await StartAsync(hr, "Clashing");
        var saved = await SetLevelInDraftAsync(hr, draft, etag, role, competency, 5);
        etag = saved.Headers.ETag!.Tag;
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/requirements/{role}/{competency}") { Content = JsonContent.Create(new { role, competency, level = other, weight = 1, critical = false }) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", "*");
            Assert.Equal(HttpStatusCode.OK, (await hr.SendAsync(put, Ct)).StatusCode);
        }
        var clash = await AdoptAsync(hr, draft, etag, today);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var problem = await BodyAsync(clash);
        Assert.Contains($"requirement {role}/{competency}", problem.GetProperty("detail").GetString());
        Assert.Equal($"{role}/{competency}", Assert.Single(problem.GetProperty("conflicts").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(other, await LevelAsync(app, role, competency));

        var discarded = await hr.DeleteAsync($"/api/framework/drafts/{draft}", Ct);
        Assert.Equal("discarded", (await BodyAsync(discarded)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await AdoptAsync(hr, draft, "*", today)).StatusCode);

        // A draft adopted from a later day changes nothing until that day; then the periodic round adopts it.
        (draft, etag) = await StartAsync(hr, "Next week");
        etag = (await SetLevelInDraftAsync(hr, draft, etag, role, competency, 5)).Headers.ETag!.Tag;
        var scheduled = await AdoptAsync(hr, draft, etag, today.AddDays(3));
        Assert.Equal("scheduled", (await BodyAsync(scheduled)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await hr.PostAsJsonAsync("/api/framework/drafts", new { name = "while scheduled" }, Ct)).StatusCode);

        async Task<int?> RoundAsync()
        {
            await using var scope = app.App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FrameworkVersions>().AdoptDueAsync(Ct);
        }
        Assert.Null(await RoundAsync());
        Assert.Equal(other, await LevelAsync(app, role, competency));
        ((TestClock)app.App.Services.GetRequiredService<TimeProvider>()).Ahead = TimeSpan.FromDays(3);
        Assert.Equal(draft, await RoundAsync());
        Assert.Null(await RoundAsync());
        Assert.Equal(5, await LevelAsync(app, role, competency));

        hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var dayBefore = await hr.GetFromJsonAsync<JsonElement>($"/api/roles/{role}/as-of/{Day(today.AddDays(2))}", Ct);
        Assert.Equal(other, dayBefore.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competency").GetString() == competency).GetProperty("level").GetInt32());
        var onTheDay = await hr.GetFromJsonAsync<JsonElement>($"/api/roles/{role}/as-of/{Day(today.AddDays(3))}", Ct);
        Assert.Equal(5, onTheDay.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("competency").GetString() == competency).GetProperty("level").GetInt32());
    }
}
