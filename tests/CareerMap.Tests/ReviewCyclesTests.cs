using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class ReviewCyclesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Theory, ProviderApps]
    public async Task HR_opens_a_cycle_the_person_rates_themselves_the_manager_rates_them_and_completion_reaches_them(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var (role, unit) = await app.WithDbAsync(async db => await db.Employees.Where(e => e.EmployeeNumber == cast.Employee)
            .Select(e => new ValueTuple<string, string>(e.Role.Code, e.Role.Unit.Code)).SingleAsync(Ct));
        var required = await app.WithDbAsync(db => db.Requirements.Where(r => r.Role.Code == role).Select(r => r.Competency.Code).ToListAsync(Ct));
        var today = TestClock.Today;

        // Refused with each reason, and only HR opens one.
        var bad = await hr.PostAsJsonAsync("/api/review-cycles", new { name = " ", opensOn = today, dueOn = today.AddDays(-1), units = new[] { "NOPE" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await BodyAsync(bad)).GetProperty("errors");
        Assert.Equal(["dueOn", "name", "units"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("unknown unit 'NOPE'", errors.GetProperty("units")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync("/api/review-cycles", new { name = "Mine", opensOn = today, dueOn = today.AddDays(9) }, Ct)).StatusCode);

        var opened = await hr.PostAsJsonAsync("/api/review-cycles", new { name = "Autumn check-in", opensOn = today, dueOn = today.AddDays(30), units = new[] { unit.ToLowerInvariant() }, roles = new[] { role } }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var cycle = await BodyAsync(opened);
        var id = cycle.GetProperty("id").GetInt32();
        var people = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.DeactivatedOn == null && e.Role.Code == role && e.Role.Unit.Code == unit, Ct));
        Assert.Equal((people, 0, 0, unit), (cycle.GetProperty("people").GetInt32(), cycle.GetProperty("selfRated").GetInt32(), cycle.GetProperty("complete").GetInt32(),
            cycle.GetProperty("units")[0].GetString()));

        // The person is asked for their own rating first.
        var mine = (await me.GetFromJsonAsync<JsonElement>("/api/review-cycles/mine", Ct))[0];
        Assert.Equal(("Autumn check-in", false, required.Count), (mine.GetProperty("cycle").GetProperty("name").GetString(), mine.GetProperty("me").GetProperty("selfRated").GetBoolean(),
            mine.GetProperty("me").GetProperty("leftToRate").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = required[0], level = 3 }, Ct)).StatusCode);
        Assert.True((await me.GetFromJsonAsync<JsonElement>("/api/review-cycles/mine", Ct))[0].GetProperty("me").GetProperty("selfRated").GetBoolean());

        // The manager sees who is left and rates every competency of the role; the ratings are marked with the cycle.
        var team = await manager.GetFromJsonAsync<JsonElement>($"/api/review-cycles/{id}/team", Ct);
        var row = team.GetProperty("team").EnumerateArray().Single(p => p.GetProperty("employeeNumber").GetString() == cast.Employee);
        Assert.Equal((true, required.Count), (row.GetProperty("selfRated").GetBoolean(), row.GetProperty("leftToRate").GetArrayLength()));
        foreach (var code in required)
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = code, level = 3 }, Ct)).StatusCode);
        row = (await manager.GetFromJsonAsync<JsonElement>($"/api/review-cycles/{id}/team", Ct)).GetProperty("team").EnumerateArray()
            .Single(p => p.GetProperty("employeeNumber").GetString() == cast.Employee);
        Assert.Equal((true, 0), (row.GetProperty("complete").GetBoolean(), row.GetProperty("leftToRate").GetArrayLength()));
        Assert.Equal(required.Count + 1, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.CycleId == id, Ct)));

        // A rating of someone outside the cycle is not marked.
        var outsider = await app.WithDbAsync(db => db.Employees.Where(e => e.Manager!.EmployeeNumber == cast.Manager && e.Role.Code != role).Select(e => e.EmployeeNumber).FirstOrDefaultAsync(Ct));
        if (outsider is not null)
        {
            await manager.PostAsJsonAsync($"/api/employees/{outsider}/assessments", new { competency = "COMMS", level = 3 }, Ct);
            Assert.Equal(required.Count + 1, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.CycleId == id, Ct)));
        }

        // HR's completion by unit counts the person; everyone else in it has not started.
        var progress = await hr.GetFromJsonAsync<JsonElement>($"/api/review-cycles/{id}", Ct);
        var unitRow = progress.GetProperty("units").EnumerateArray().Single();
        Assert.Equal((unit, people, 1, 1), (unitRow.GetProperty("unit").GetString(), unitRow.GetProperty("people").GetInt32(), unitRow.GetProperty("selfRated").GetInt32(),
            unitRow.GetProperty("complete").GetInt32()));
        Assert.Equal((int)Math.Round(100.0 / people, MidpointRounding.AwayFromZero), progress.GetProperty("cycle").GetProperty("percent").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await me.GetAsync($"/api/review-cycles/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/api/review-cycles/{id + 50}", Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task HR_closes_a_cycle_it_leaves_everyones_open_cycles_new_ratings_are_not_marked_and_closing_again_is_refused(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var role = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Role.Code).SingleAsync(Ct));
        var required = await app.WithDbAsync(db => db.Requirements.Where(r => r.Role.Code == role).Select(r => r.Competency.Code).ToListAsync(Ct));
        var today = TestClock.Today;
        var id = (await BodyAsync(await hr.PostAsJsonAsync("/api/review-cycles", new { name = "Year end", opensOn = today, dueOn = today.AddDays(30), roles = new[] { role } }, Ct)))
            .GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = required[0], level = 3 }, Ct)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.CycleId == id, Ct)));
        var employeePage = await app.BrowserAsync(AppRoles.Employee, cast.Employee);
        var managerPage = await app.BrowserAsync(AppRoles.Manager, cast.Manager);
        Assert.Contains($"data-cycle=\"{id}\"", await employeePage.GetStringAsync("/reviews", Ct));
        Assert.Contains($"data-team-cycle=\"{id}\"", await managerPage.GetStringAsync("/reviews", Ct));

        // Only HR closes; the cycle says when.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/review-cycles/{id}/close", null, Ct)).StatusCode);
        var closed = await hr.PostAsync($"/api/review-cycles/{id}/close", null, Ct);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var view = await BodyAsync(closed);
        Assert.Equal((today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), false, 1),
            (view.GetProperty("closedOn").GetString(), view.GetProperty("open").GetBoolean(), view.GetProperty("selfRated").GetInt32()));

        // Nobody meets it any more: not in the employee's open cycles, not on the manager's page, and a new rating is not marked with it.
        Assert.Equal(0, (await me.GetFromJsonAsync<JsonElement>("/api/review-cycles/mine", Ct)).GetArrayLength());
        Assert.DoesNotContain($"data-cycle=\"{id}\"", await employeePage.GetStringAsync("/reviews", Ct));
        Assert.DoesNotContain($"data-team-cycle=\"{id}\"", await managerPage.GetStringAsync("/reviews", Ct));
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = required[0], level = 4 }, Ct)).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.CycleId == id, Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.Employee.EmployeeNumber == cast.Employee && a.Source == CareerMap.People.AssessmentSource.Manager
            && a.AssessedOn == today && a.CycleId == null, Ct)));

        // Closing it again is a clear refusal; a cycle that does not exist is not found.
        var again = await hr.PostAsync($"/api/review-cycles/{id}/close", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await BodyAsync(again);
        Assert.Equal((409, "Already closed"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString()));
        Assert.Contains("already closed on " + today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsync($"/api/review-cycles/{id + 50}/close", null, Ct)).StatusCode);
        var listed = (await hr.GetFromJsonAsync<JsonElement>("/api/review-cycles", Ct)).EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.False(listed.GetProperty("open").GetBoolean());

        // On HR's page: the selected cycle has a close button; closed, it says so; a second close from a stale page is refused with a notice.
        var other = (await BodyAsync(await hr.PostAsJsonAsync("/api/review-cycles", new { name = "Spring", opensOn = today, dueOn = today.AddDays(20) }, Ct))).GetProperty("id").GetInt32();
        var hrPage = await app.BrowserAsync(AppRoles.HrAdmin);
        var page = await hrPage.GetStringAsync($"/admin/reviews?cycle={other}", Ct);
        Assert.Contains("Close this cycle", page);
        Assert.DoesNotContain("Close this cycle", await hrPage.GetStringAsync($"/admin/reviews?cycle={id}", Ct));
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page) };
        var done = await (await hrPage.PostAsync($"/admin/reviews?cycle={other}&handler=Close", new FormUrlEncodedContent(form), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Spring is closed: nobody is asked for ratings in it any more", done);
        Assert.Contains("id=\"closed-on\"", done);
        var refused = await (await hrPage.PostAsync($"/admin/reviews?cycle={other}&handler=Close", new FormUrlEncodedContent(form), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("This cycle was already closed on", refused);
        Assert.Equal(0, (await me.GetFromJsonAsync<JsonElement>("/api/review-cycles/mine", Ct)).GetArrayLength());
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas and doubled quotes.</summary>
    static List<string[]> ReadCsv(string text)
    {
        var rows = new List<string[]>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }

    [Theory, ProviderApps]
    public async Task HR_takes_a_cycles_completion_by_unit_as_CSV_with_the_same_figures_and_formula_safe_names(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var (role, unit) = await app.WithDbAsync(async db => await db.Employees.Where(e => e.EmployeeNumber == cast.Employee)
            .Select(e => new ValueTuple<string, string>(e.Role.Code, e.Role.Unit.Code)).SingleAsync(Ct));
        var required = await app.WithDbAsync(db => db.Requirements.Where(r => r.Role.Code == role).Select(r => r.Competency.Code).ToListAsync(Ct));
        // A unit name someone typed as a formula: the CSV must not hand it to a spreadsheet as one.
        await app.WithDbAsync(async db =>
        {
            var u = await db.Units.SingleAsync(x => x.Code == unit, Ct);
            u.Name = "=HYPERLINK(\"http://x.example\",\"Care, all\")";
            return await db.SaveChangesAsync(Ct);
        });
        var id = (await BodyAsync(await hr.PostAsJsonAsync("/api/review-cycles", new { name = "Everyone", opensOn = TestClock.Today, dueOn = TestClock.Today.AddDays(30) }, Ct)))
            .GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = required[0], level = 3 }, Ct)).StatusCode);
        foreach (var code in required)
            Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = code, level = 3 }, Ct)).StatusCode);

        var response = await hr.GetAsync($"/api/review-cycles/{id}/completion.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Care, all\"\")\"", text);
        var rows = ReadCsv(text);
        Assert.Equal(["unit", "unit_name", "people", "self_rated", "complete", "percent_complete"], rows[0]);
        var byUnit = rows.Skip(1).ToDictionary(r => r[0], r => r);
        Assert.All(rows, r => Assert.Equal(6, r.Length));

        // Every unit with people, counted from the database: the person is the one self-rated and complete, in their unit only.
        var people = await app.WithDbAsync(async db => (await db.Employees.Where(e => e.DeactivatedOn == null).Select(e => e.Role.Unit.Code).ToListAsync(Ct))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(people.Keys.Order(StringComparer.Ordinal), byUnit.Keys.Order(StringComparer.Ordinal));
        foreach (var (code, count) in people)
        {
            var done = code == unit ? 1 : 0;
            Assert.Equal([code, count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{done}", $"{done}", $"{(int)Math.Round(100.0 * done / count, MidpointRounding.AwayFromZero)}"],
                [byUnit[code][0], byUnit[code][2], byUnit[code][3], byUnit[code][4], byUnit[code][5]]);
        }
        Assert.Equal("'=HYPERLINK(\"http://x.example\",\"Care, all\")", byUnit[unit][1]);

        // The same figures as the JSON progress; HR's page links to it; only HR takes it.
        var progress = await hr.GetFromJsonAsync<JsonElement>($"/api/review-cycles/{id}", Ct);
        foreach (var u in progress.GetProperty("units").EnumerateArray())
            Assert.Equal((u.GetProperty("people").GetInt32(), u.GetProperty("selfRated").GetInt32(), u.GetProperty("complete").GetInt32(), u.GetProperty("percent").GetInt32()),
                (int.Parse(byUnit[u.GetProperty("unit").GetString()!][2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(byUnit[u.GetProperty("unit").GetString()!][3], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(byUnit[u.GetProperty("unit").GetString()!][4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(byUnit[u.GetProperty("unit").GetString()!][5], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains($"href=\"/api/review-cycles/{id}/completion.csv\"", await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync($"/admin/reviews?cycle={id}", Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/review-cycles/{id}/completion.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/api/review-cycles/{id + 50}/completion.csv", Ct)).StatusCode);
    }
}
