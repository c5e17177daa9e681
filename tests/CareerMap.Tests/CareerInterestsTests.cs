using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.People;
using CareerMap.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>Roles people are interested in: marked by the person alone, read by them, their leaders and HR, counted beside the bench.</summary>
public sealed class CareerInterestsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Interests(string number, string? role = null) => $"/api/employees/{number}/interests{(role is null ? "" : "/" + role)}";

    static async Task<List<JsonElement>> ListAsync(HttpClient client, string number) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(Interests(number), Ct)).EnumerateArray()];

    [Theory, ProviderApps]
    public async Task A_person_marks_a_role_again_and_again_to_the_same_effect_and_unmarks_it_and_each_write_is_audited(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var self = await app.SignedInAsync(AppRoles.Employee, c.Employee);

        var marked = await self.PutAsJsonAsync(Interests(c.Employee, "CC-REP-SR"), new { note = "  I like coaching new reps  " }, Ct);
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var body = await marked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("CC-REP-SR", body.GetProperty("role").GetString());
        Assert.Equal("Senior Care Representative", body.GetProperty("title").GetString());
        Assert.Equal("2026-11-02", body.GetProperty("markedOn").GetString());
        Assert.Equal("I like coaching new reps", body.GetProperty("note").GetString());

        // The same request again leaves the same state: one interest, its first date.
        Assert.Equal(HttpStatusCode.OK, (await self.PutAsJsonAsync(Interests(c.Employee, "cc-rep-sr"), new { note = "I like coaching new reps" }, Ct)).StatusCode);
        var list = await ListAsync(self, c.Employee);
        Assert.Equal(["CC-REP-SR"], list.Select(i => i.GetProperty("role").GetString()));
        // A body is optional; marking without a note clears it.
        Assert.Equal(HttpStatusCode.OK, (await self.PutAsync(Interests(c.Employee, "CC-REP-SR"), null, Ct)).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ListAsync(self, c.Employee)).Single().GetProperty("note").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await self.PutAsJsonAsync(Interests(c.Employee, "CC-SUP"), new { note = (string?)null }, Ct)).StatusCode);
        Assert.Equal(2, (await ListAsync(self, c.Employee)).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await self.DeleteAsync(Interests(c.Employee, "CC-REP-SR"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await self.DeleteAsync(Interests(c.Employee, "CC-REP-SR"), Ct)).StatusCode);
        Assert.Equal(["CC-SUP"], (await ListAsync(self, c.Employee)).Select(i => i.GetProperty("role").GetString()));

        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Entity == nameof(CareerInterest)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["added", "modified", "added", "deleted"], audit);
    }

    [Theory, ProviderApps]
    public async Task The_person_their_leaders_and_hr_see_the_interests_a_peer_and_another_manager_do_not_and_only_the_person_marks(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var self = await app.SignedInAsync(AppRoles.Employee, c.Employee);
        Assert.Equal(HttpStatusCode.OK, (await self.PutAsJsonAsync(Interests(c.Employee, "CC-REP-SR"), new { note = "ask me" }, Ct)).StatusCode);

        foreach (var (who, client) in new[]
        {
            ("self", self), ("manager", await app.SignedInAsync(AppRoles.Manager, c.Manager)),
            ("skip-level", await app.SignedInAsync(AppRoles.Manager, c.SkipLevel)), ("HR", await app.SignedInAsync(AppRoles.HrAdmin)),
        })
        {
            var response = await client.GetAsync(Interests(c.Employee), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, who);
            Assert.Contains("ask me", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        var peer = await app.SignedInAsync(AppRoles.Employee, c.Peer);
        var otherManager = await app.SignedInAsync(AppRoles.Manager, c.OtherManager);
        foreach (var client in new[] { peer, otherManager })
        {
            var response = await client.GetAsync(Interests(c.Employee), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("ask me", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Nobody marks or unmarks for someone else, the manager and HR included.
        foreach (var client in new[] { await app.SignedInAsync(AppRoles.Manager, c.Manager), await app.SignedInAsync(AppRoles.HrAdmin), peer })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(Interests(c.Employee, "CC-SUP"), new { }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(Interests(c.Employee, "CC-REP-SR"), Ct)).StatusCode);
        }
        Assert.Equal(["CC-REP-SR"], (await ListAsync(self, c.Employee)).Select(i => i.GetProperty("role").GetString()));
    }

    [Theory, ProviderApps]
    public async Task The_current_role_an_unknown_role_and_a_long_note_are_refused_with_problem_details(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var self = await app.SignedInAsync(AppRoles.Employee, c.Employee);
        var current = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == c.Employee).Select(e => e.Role.Code).SingleAsync(Ct));

        var own = await self.PutAsJsonAsync(Interests(c.Employee, current), new { }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal("application/problem+json", own.Content.Headers.ContentType?.MediaType);
        Assert.Contains(current, (await own.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("roleCode")[0].GetString(), StringComparison.Ordinal);

        foreach (var response in new[] { await self.PutAsJsonAsync(Interests(c.Employee, "NO-SUCH-ROLE"), new { }, Ct), await self.DeleteAsync(Interests(c.Employee, "NO-SUCH-ROLE"), Ct) })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("NO-SUCH-ROLE", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var tooLong = await self.PutAsJsonAsync(Interests(c.Employee, "CC-SUP"), new { note = new string('x', CareerInterests.NoteLength + 1) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.OK, (await self.PutAsJsonAsync(Interests(c.Employee, "CC-SUP"), new { note = new string('x', CareerInterests.NoteLength) }, Ct)).StatusCode);
        Assert.Single(await ListAsync(self, c.Employee));
    }

    [Theory, ProviderApps]
    public async Task The_succession_report_and_its_exports_count_interest_per_role_among_the_people_the_viewer_may_see(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        // Someone on another supervisor's team, and someone who will move into the role they marked.
        var (outsider, mover) = await app.WithDbAsync(async db =>
        {
            var other = await db.Employees.Where(e => e.EmployeeNumber == c.OtherManager).Select(e => e.Id).SingleAsync(Ct);
            var theirs = await db.Employees.Where(e => e.ManagerId == other && e.Role.Code != "CC-REP-SR" && e.Role.Code != "CC-SUP").OrderBy(e => e.Id)
                .Select(e => e.EmployeeNumber).Take(2).ToListAsync(Ct);
            return (theirs[0], theirs[1]);
        });
        async Task MarkAsync(string number, string role) =>
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(AppRoles.Employee, number)).PutAsJsonAsync(Interests(number, role), new { }, Ct)).StatusCode);
        await MarkAsync(c.Employee, "CC-REP-SR");
        await MarkAsync(c.Employee, "CC-SUP");
        await MarkAsync(c.Peer, "CC-REP-SR");
        await MarkAsync(outsider, "CC-REP-SR");
        await MarkAsync(mover, "CC-REP-SR");
        // Once in the role, the mover is no longer on its bench, and no longer counted as interested in it.
        await app.WithDbAsync(async db =>
        {
            var role = await db.Roles.Where(r => r.Code == "CC-REP-SR").Select(r => r.Id).SingleAsync(Ct);
            await db.Employees.Where(e => e.EmployeeNumber == mover).ExecuteUpdateAsync(s => s.SetProperty(e => e.RoleId, role), Ct);
            await CareerMap.Data.ChangeStamps.BumpAsync(db, CareerMap.Data.ChangeArea.People, Ct);
            return true;
        });

        // Counted by hand: HR sees the employee, the peer and the outsider; the manager sees their own line (the employee and the peer).
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var manager = await app.SignedInAsync(AppRoles.Manager, c.Manager);
        static int Interested(JsonElement view, string role) =>
            view.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("role").GetString() == role).GetProperty("interested").GetInt32();
        var everyone = await hr.GetFromJsonAsync<JsonElement>("/api/reports/succession", Ct);
        Assert.Equal((3, 1, 0), (Interested(everyone, "CC-REP-SR"), Interested(everyone, "CC-SUP"), Interested(everyone, "CC-MGR")));
        var line = await manager.GetFromJsonAsync<JsonElement>("/api/reports/succession", Ct);
        Assert.Equal((2, 1), (Interested(line, "CC-REP-SR"), Interested(line, "CC-SUP")));
        Assert.Equal(4, everyone.GetProperty("roles").EnumerateArray().Sum(r => r.GetProperty("interested").GetInt32()));

        var csv = (await hr.GetStringAsync("/api/reports/succession/export?format=csv", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",interested", csv[0], StringComparison.Ordinal);
        Assert.EndsWith(",3", csv.Single(l => l.Contains(",CC-REP-SR,", StringComparison.Ordinal)), StringComparison.Ordinal);
        var managerCsv = (await manager.GetStringAsync("/api/reports/succession/export?format=csv", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",2", managerCsv.Single(l => l.Contains(",CC-REP-SR,", StringComparison.Ordinal)), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await hr.GetByteArrayAsync("/api/reports/succession/export?format=xlsx", Ct)));
        var sheet = workbook.Worksheet("Succession");
        var last = sheet.Row(1).LastCellUsed()!.Address.ColumnNumber;
        Assert.Equal("interested", sheet.Cell(1, last).GetString());
        var row = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "CC-REP-SR");
        Assert.Equal(3, row.Cell(last).GetValue<int>());

        var page = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/reports/succession", Ct);
        Assert.Matches("data-role=\"CC-REP-SR\"(?:(?!</tr>).)*data-label=\"Interested\" class=\"num\">3</td>", page.ReplaceLineEndings(""));
    }

    [Theory, ProviderApps]
    public async Task The_pages_mark_without_javascript_and_show_the_interest_on_the_profile_and_in_the_managers_team_table(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var browser = await app.BrowserAsync(AppRoles.Employee, c.Employee);
        var moves = await browser.GetStringAsync("/me/moves", Ct);
        var role = System.Text.RegularExpressions.Regex.Match(moves, "<article class=\"move-card\" data-role=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(role);
        var title = await app.WithDbAsync(db => db.Roles.Where(r => r.Code == role).Select(r => r.Title).SingleAsync(Ct));

        // Without the page's antiforgery token the form is refused and nothing is marked.
        var forged = await browser.PostAsync("/me/moves?handler=Interest", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = role, ["interested"] = "true" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await ListAsync(await app.SignedInAsync(AppRoles.Employee, c.Employee), c.Employee));

        var noRedirects = app.Client(followRedirects: false);
        var signedIn = await noRedirects.PostAsync("/account/login?handler=Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = await app.CreateAccountAsync(AppRoles.Employee, c.Employee), ["password"] = TestApp.Password, ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await noRedirects.GetStringAsync("/account/login", Ct)),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var posted = await noRedirects.PostAsync("/me/moves?handler=Interest", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = role, ["interested"] = "true", ["__RequestVerificationToken"] = Forms.AntiforgeryToken(await noRedirects.GetStringAsync("/me/moves", Ct)),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/me/moves#move-{role}", posted.Headers.Location?.OriginalString);
        moves = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/me/moves", Ct));
        Assert.Contains($"aria-label=\"Not interested any more in {title}\"", moves, StringComparison.Ordinal);

        var profile = await browser.GetStringAsync($"/people/{c.Employee}", Ct);
        Assert.Contains("Roles of interest", profile, StringComparison.Ordinal);
        Assert.Contains($"data-role=\"{role}\"", profile, StringComparison.Ordinal);
        var home = (await (await app.BrowserAsync(AppRoles.Manager, c.Manager)).GetStringAsync("/", Ct)).ReplaceLineEndings("");
        Assert.Matches($"<td data-label=\"Interested in\" class=\"interested-in\">(?:(?!</td>).)*readiness\\?role={role}\">", home);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title), home, StringComparison.Ordinal);

        // The role's own page unmarks it, and comes back to the role.
        var rolePage = await noRedirects.GetStringAsync($"/roles/{role}", Ct);
        Assert.Contains("Not interested any more", rolePage, StringComparison.Ordinal);
        var unmarked = await noRedirects.PostAsync($"/roles/{role}?handler=Interest", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = role, ["interested"] = "false", ["__RequestVerificationToken"] = Forms.AntiforgeryToken(rolePage),
        }), Ct);
        Assert.Equal($"/roles/{role}", unmarked.Headers.Location?.OriginalString);
        Assert.Contains("I'm interested", System.Net.WebUtility.HtmlDecode(await noRedirects.GetStringAsync($"/roles/{role}", Ct)), StringComparison.Ordinal);
        Assert.DoesNotContain($"data-role=\"{role}\"", await browser.GetStringAsync($"/people/{c.Employee}", Ct), StringComparison.Ordinal);
        // Their own role offers no button.
        var own = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == c.Employee).Select(e => e.Role.Code).SingleAsync(Ct));
        Assert.DoesNotContain("interest-form", await browser.GetStringAsync($"/roles/{own}", Ct), StringComparison.Ordinal);
    }
}
