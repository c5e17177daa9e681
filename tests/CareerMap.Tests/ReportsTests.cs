using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.People;
using CareerMap.Paths;
using CareerMap.Plans;
using CareerMap.Reports;
using CareerMap.Sample;
using CareerMap.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerMap.Tests;

public sealed class ReportsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Five people by hand, on Riverbend's framework: a supervisor and three representatives in Customer Care, one member
    /// services representative. De-escalation is asked at 2 of the supervisor and of a Care Representative II, at 1 of the others.
    /// </summary>
    static async Task BuildSmallOrganizationAsync(TestApp app)
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SampleOrganization>().ClearPeopleAsync(Ct);
        const string header = "EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths";
        var roster = string.Join("\n", header,
            "S1,Sam Ortiz,s1@x.example,CC-SUP,,2020-01-06,2023-01-02,\"Pittsburgh, PA\",English,,70",
            "A1,Ana Lee,a1@x.example,CC-REP-1,S1,2025-01-06,2025-01-06,\"Pittsburgh, PA\",English,,20",
            "A2,Bo Moua,a2@x.example,CC-REP-1,S1,2025-03-03,2025-03-03,Remote,English;Hmong,,18",
            "A3,Cy Diaz,a3@x.example,CC-REP-2,S1,2024-02-05,2025-08-04,Remote,English;Spanish,,33",
            "M1,Di Park,m1@x.example,MS-REP,,2024-06-03,2024-06-03,Remote,English,,29") + "\n";
        await using var db = app.Database.Target.CreateContext();
        Assert.True((await Roster.ImportAsync(db, Roster.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(roster)), "roster.csv"), false, TestClock.Today,
            NullLogger.Instance, Ct)).Applied);
        var id = await db.Employees.ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, Ct);
        var deesc = await db.Competencies.Where(c => c.Code == "DEESC").Select(c => c.Id).SingleAsync(Ct);
        void Rate(string who, int level, AssessmentSource source, string on) => db.Assessments.Add(new Assessment
        {
            EmployeeId = id[who], CompetencyId = deesc, Level = level, Source = source, AssessorId = source == AssessmentSource.Manager ? id["S1"] : id[who],
            AssessedOn = DateOnly.Parse(on, CultureInfo.InvariantCulture),
        });
        Rate("A1", 2, AssessmentSource.Manager, "2026-09-01");        // meets 1, rated by a manager
        Rate("A2", 1, AssessmentSource.Manager, "2025-08-01");        // fifteen months old: no longer counts...
        Rate("A2", 1, AssessmentSource.Self, "2026-06-01");           // ...so her own rating does: meets 1
        Rate("A3", 1, AssessmentSource.Manager, "2026-05-01");        // one short of 2, rated by a manager...
        Rate("A3", 3, AssessmentSource.Self, "2026-10-01");           // ...whose rating outranks her later self rating
        Rate("M1", 1, AssessmentSource.Self, "2026-07-01");           // meets 1; S1 is not yet assessed: two short of 2
        await db.SaveChangesAsync(Ct);
    }

    static JsonElement Cell(JsonElement map, string group, string competency)
    {
        var column = map.GetProperty("competencies").EnumerateArray().Select((c, i) => (c, i)).Single(x => x.c.GetProperty("code").GetString() == competency).i;
        var row = group == "(total)" ? map.GetProperty("total") : map.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == group);
        return row.GetProperty("cells")[column];
    }

    static (int People, int Meeting, double Share, double Gap, int Rated, double Coverage) Figures(JsonElement cell) => (cell.GetProperty("people").GetInt32(),
        cell.GetProperty("meeting").GetInt32(), cell.GetProperty("shareMeeting").GetDouble(), cell.GetProperty("averageGap").GetDouble(),
        cell.GetProperty("managerRated").GetInt32(), cell.GetProperty("coverage").GetDouble());

    [Theory, ProviderApps]
    public async Task The_capability_heatmap_matches_a_hand_computation_for_hr_and_a_manager_and_its_exports_hold_the_same_figures(TestApp app)
    {
        await BuildSmallOrganizationAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);

        var byUnit = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=unit", Ct);
        Assert.Equal(5, byUnit.GetProperty("people").GetInt32());
        Assert.Equal([("CARE", 4), ("MSVC", 1)], [.. byUnit.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("group").GetString(), r.GetProperty("people").GetInt32()))]);
        Assert.Equal((4, 2, 0.5, 0.75, 2, 0.5), Figures(Cell(byUnit, "CARE", "DEESC")));
        Assert.Equal((1, 1, 1.0, 0.0, 0, 0.0), Figures(Cell(byUnit, "MSVC", "DEESC")));
        Assert.Equal((5, 3, 0.6, 0.6, 2, 0.4), Figures(Cell(byUnit, "(total)", "DEESC")));
        // People Leadership is asked of the supervisor alone, and nobody in Member Services is asked for it.
        Assert.Equal(JsonValueKind.Null, Cell(byUnit, "MSVC", "LEAD").ValueKind);
        Assert.Equal((1, 0, 0.0, 3.0, 0, 0.0), Figures(Cell(byUnit, "CARE", "LEAD")));

        var byLocation = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=location", Ct);
        Assert.Equal((2, 1, 0.5, 1.0, 1, 0.5), Figures(Cell(byLocation, "Pittsburgh, PA", "DEESC")));
        Assert.Equal((3, 2, 0.6667, 0.33, 1, 0.3333), Figures(Cell(byLocation, "Remote", "DEESC")));

        // Every cell of every grouping, beside the straightforward computation: each person's effective ratings against their role.
        var framework = await app.ExportAsync();
        IReadOnlyList<PersonRecord> people;
        await using (var scope = app.App.Services.CreateAsyncScope())
            people = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().LoadAsync(null, TestClock.Today, Ct);
        var unitOf = framework.Roles.ToDictionary(r => r.Code, r => r.Unit);
        foreach (var (by, key) in new (string, Func<PersonRecord, string>)[] { ("unit", p => unitOf[p.Role]), ("role", p => p.Role), ("location", p => p.Location ?? "") })
        {
            var map = await hr.GetFromJsonAsync<JsonElement>($"/api/reports/capability?by={by}", Ct);
            foreach (var group in people.GroupBy(key))
                foreach (var competency in framework.Competencies.Select(c => c.Code))
                {
                    var asked = group.SelectMany(p => framework.Requirements.Where(q => q.Role == p.Role && q.Competency == competency).Select(q => (p, q.Level))).ToList();
                    if (asked.Count == 0) continue;
                    var levels = asked.Select(a => (a.Level, Have: a.p.State.Ratings.TryGetValue(competency, out var r) ? r.Level : 0, Manager: a.p.State.Ratings.TryGetValue(competency, out var m) && !m.SelfReported)).ToList();
                    var expected = (asked.Count, levels.Count(l => l.Have >= l.Level), Math.Round((double)levels.Count(l => l.Have >= l.Level) / asked.Count, 4),
                        Math.Round((double)levels.Sum(l => Math.Max(0, l.Level - l.Have)) / asked.Count, 2), levels.Count(l => l.Manager), Math.Round((double)levels.Count(l => l.Manager) / asked.Count, 4));
                    Assert.Equal(expected, Figures(Cell(map, group.Key, competency)));
                }
        }

        // The manager sees their own line only.
        var manager = await app.SignedInAsync(AppRoles.Manager, "S1");
        var line = await manager.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=unit", Ct);
        Assert.Equal([("CARE", 4)], [.. line.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("group").GetString(), r.GetProperty("people").GetInt32()))]);
        Assert.Equal((4, 2, 0.5, 0.75, 2, 0.5), Figures(Cell(line, "(total)", "DEESC")));
        var behind = await manager.GetFromJsonAsync<JsonElement>("/api/reports/capability/people?by=unit&group=CARE&competency=DEESC", Ct);
        Assert.Equal([("S1", 0, 2, 2), ("A3", 1, 2, 1), ("A1", 2, 1, 0), ("A2", 1, 1, 0)], [.. behind.GetProperty("people").EnumerateArray().Select(p =>
            (p.GetProperty("employeeNumber").GetString(), p.GetProperty("level").GetInt32(), p.GetProperty("required").GetInt32(), p.GetProperty("gap").GetInt32()))]);
        // Someone outside the line never shows behind a cell; a group or competency that does not exist is not found.
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>("/api/reports/capability/people?by=unit&group=MSVC&competency=DEESC", Ct)).GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/reports/capability/people?by=unit&group=NOPE&competency=DEESC", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/reports/capability?by=1", Ct)).StatusCode);
        var employee = await app.SignedInAsync(AppRoles.Employee, "A1");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/reports/capability", Ct)).StatusCode);

        // The exports hold the same figures.
        var csv = await hr.GetStringAsync("/api/reports/capability/export?format=csv&by=unit", Ct);
        Assert.Contains("CARE,Customer Care,4,DEESC,De-escalation,4,2,0.5,0.75,2,0.5\n", csv, StringComparison.Ordinal);
        Assert.Contains("(total),(total),5,DEESC,De-escalation,5,3,0.6,0.6,2,0.4\n", csv, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await hr.GetByteArrayAsync("/api/reports/capability/export?format=xlsx&by=unit", Ct)));
        var sheet = workbook.Worksheet("Capability");
        var care = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "CARE" && r.Cell(4).GetString() == "DEESC");
        Assert.Equal((4.0, 2.0, 0.5, 0.75, 2.0, 0.5), (care.Cell(6).GetDouble(), care.Cell(7).GetDouble(), care.Cell(8).GetDouble(), care.Cell(9).GetDouble(), care.Cell(10).GetDouble(), care.Cell(11).GetDouble()));
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/api/reports/capability/export?format=pdf", Ct)).StatusCode);

        // The organization's view is tallied once and kept until the next rating: S1 rates themselves at 2, and the heatmap
        // counts them as meeting De-escalation at once.
        var supervisor = await app.SignedInAsync(AppRoles.Employee, "S1");
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/employees/S1/assessments", new { competency = "DEESC", level = 2 }, Ct)).StatusCode);
        var after = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=unit", Ct);
        Assert.Equal((4, 3, 0.75, 0.25, 2, 0.5), Figures(Cell(after, "CARE", "DEESC")));
    }

    [Theory, ProviderApps]
    public async Task The_heatmap_by_team_heads_each_row_with_a_direct_report_and_their_whole_line_and_goes_down_and_up_within_what_the_viewer_may_see(TestApp app)
    {
        await BuildSmallOrganizationAsync(app);
        // One more level: Bo Moua (A2) reports to Cy Diaz (A3), who reports to Sam Ortiz (S1).
        await app.WithDbAsync(async db =>
        {
            var a3 = await db.Employees.Where(e => e.EmployeeNumber == "A3").Select(e => e.Id).SingleAsync(Ct);
            return await db.Employees.Where(e => e.EmployeeNumber == "A2").ExecuteUpdateAsync(u => u.SetProperty(e => e.ManagerId, a3), Ct);
        });
        static List<(string?, string?, int)> Rows(JsonElement map) => [.. map.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("group").GetString(), r.GetProperty("name").GetString(), r.GetProperty("people").GetInt32()))];
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);

        // HR starts at the top: the two people without a manager, each with their whole line, by name.
        var top = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=team", Ct);
        Assert.Equal([("M1", "Di Park", 1), ("S1", "Sam Ortiz", 4)], Rows(top));
        Assert.Equal(JsonValueKind.Null, top.GetProperty("leader").ValueKind);
        Assert.Equal((4, 2, 0.5, 0.75, 2, 0.5), Figures(Cell(top, "S1", "DEESC")));
        Assert.Equal((1, 1, 1.0, 0.0, 0, 0.0), Figures(Cell(top, "M1", "DEESC")));

        // Down to Sam's teams: Ana alone, and Cy with Bo under her (Cy one short of 2 rated by a manager; Bo meets 1 on her own rating).
        var sam = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=team&leader=S1", Ct);
        Assert.Equal([("A1", "Ana Lee", 1), ("A3", "Cy Diaz", 2)], Rows(sam));
        Assert.Equal(("S1", "Sam Ortiz", JsonValueKind.Null), (sam.GetProperty("leader").GetProperty("employeeNumber").GetString(),
            sam.GetProperty("leader").GetProperty("name").GetString(), sam.GetProperty("leader").GetProperty("managerNumber").ValueKind));
        Assert.Equal((1, 1, 1.0, 0.0, 1, 1.0), Figures(Cell(sam, "A1", "DEESC")));
        Assert.Equal((2, 1, 0.5, 0.5, 1, 0.5), Figures(Cell(sam, "A3", "DEESC")));
        Assert.Equal((3, 2, 0.6667, 0.33, 2, 0.6667), Figures(Cell(sam, "(total)", "DEESC")));
        var cy = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=team&leader=A3", Ct);
        Assert.Equal([("A2", "Bo Moua", 1)], Rows(cy));
        Assert.Equal("S1", cy.GetProperty("leader").GetProperty("managerNumber").GetString());

        // The people behind a team's cell, and the same figures in the export.
        var behind = await hr.GetFromJsonAsync<JsonElement>("/api/reports/capability/people?by=team&leader=S1&group=A3&competency=DEESC", Ct);
        Assert.Equal(("A3", "Cy Diaz"), (behind.GetProperty("group").GetString(), behind.GetProperty("groupName").GetString()));
        Assert.Equal(["A3", "A2"], [.. behind.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("employeeNumber").GetString())]);
        var csv = await hr.GetStringAsync("/api/reports/capability/export?format=csv&by=team&leader=S1", Ct);
        Assert.Contains("A3,Cy Diaz,2,DEESC,De-escalation,2,1,0.5,0.5,1,0.5\n", csv, StringComparison.Ordinal);

        // A manager starts at their own line and may go down it, never up or across.
        var manager = await app.SignedInAsync(AppRoles.Manager, "S1");
        Assert.Equal([("A1", "Ana Lee", 1), ("A3", "Cy Diaz", 2)], Rows(await manager.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=team", Ct)));
        Assert.Equal([("A2", "Bo Moua", 1)], Rows(await manager.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=team&leader=A3", Ct)));
        var across = await manager.GetAsync("/api/reports/capability?by=team&leader=M1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, across.StatusCode);
        Assert.Contains("leader", await across.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var lead = await app.SignedInAsync(AppRoles.Manager, "A3");
        Assert.Equal([("A2", "Bo Moua", 1)], Rows(await lead.GetFromJsonAsync<JsonElement>("/api/reports/capability?by=team", Ct)));
        Assert.Equal(HttpStatusCode.BadRequest, (await lead.GetAsync("/api/reports/capability?by=team&leader=S1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/api/reports/capability/people?by=team&group=A1&competency=DEESC", Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task Development_health_counts_this_cycles_plans_overdue_reviews_actions_days_to_approval_and_whose_ratings_count(TestApp app)
    {
        await BuildSmallOrganizationAsync(app);
        await app.WithDbAsync(async db =>
        {
            var id = await db.Employees.ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, Ct);
            DevelopmentPlan Plan(string who, string cycle, PlanStatus status, DateOnly? submitted, params (string Competency, string Strategy, ActionStatus Status)[] actions) => new()
            {
                EmployeeId = id[who], Cycle = cycle, Status = status, CreatedOn = new(2026, 8, 3), SubmittedOn = submitted,
                Actions = [.. actions.Select(a => new PlanAction { Competency = a.Competency, Strategy = a.Strategy, Description = "by hand", Status = a.Status })],
            };
            var a1 = Plan("A1", "2026", PlanStatus.Submitted, new(2026, 10, 1), ("DEESC", "SHADOW", ActionStatus.NotStarted), ("COMMS", "SHADOW", ActionStatus.Done));
            var a2 = Plan("A2", "2026", PlanStatus.Approved, new(2026, 9, 1), ("DEESC", "MENTOR", ActionStatus.InProgress));
            db.Plans.AddRange(a1, a2, Plan("A3", "2026", PlanStatus.Draft, null), Plan("M1", "2025", PlanStatus.Completed, new(2025, 3, 3), ("DEESC", "MENTOR", ActionStatus.Done)));
            await db.SaveChangesAsync(Ct);
            PlanEvent Status(DevelopmentPlan plan, string at, PlanStatus to) =>
                new() { PlanId = plan.Id, At = DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), Kind = PlanEventKind.Status, To = to };
            // A2 was sent back once: the approval is timed from the second submission, four days before it.
            db.PlanEvents.AddRange(Status(a2, "2026-08-20T10:00:00Z", PlanStatus.Submitted), Status(a2, "2026-08-25T10:00:00Z", PlanStatus.ChangesRequested),
                Status(a2, "2026-09-01T10:00:00Z", PlanStatus.Submitted), Status(a2, "2026-09-05T10:00:00Z", PlanStatus.Approved),
                Status(a1, "2026-10-01T10:00:00Z", PlanStatus.Submitted));
            return await db.SaveChangesAsync(Ct);
        });

        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var all = await hr.GetFromJsonAsync<JsonElement>("/api/reports/development", Ct);
        Assert.Equal(("2026", 5, 3, 1, 1, 4.0), (all.GetProperty("cycle").GetString(), all.GetProperty("people").GetInt32(), all.GetProperty("withPlan").GetInt32(),
            all.GetProperty("overdue").GetInt32(), all.GetProperty("approvals").GetInt32(), all.GetProperty("medianDaysToApproval").GetDouble()));
        Assert.Equal([("draft", 1), ("submitted", 1), ("approved", 1), ("changes-requested", 0), ("in-progress", 0), ("completed", 0)],
            [.. all.GetProperty("plans").EnumerateArray().Select(p => (p.GetProperty("status").GetString(), p.GetProperty("plans").GetInt32()))]);
        Assert.Equal([("SHADOW", 1, 0, 1), ("MENTOR", 0, 1, 0)], [.. all.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("strategy").GetString(),
            a.GetProperty("notStarted").GetInt32(), a.GetProperty("inProgress").GetInt32(), a.GetProperty("done").GetInt32()))]);
        // Gaps toward their own roles (no plan names a target): A1 misses 10 of Care Representative I's 11 (De-escalation is met) and
        // has an action on one of them, Communication; A2 misses 10, her action builds the one she meets; A3 misses all 11 of II's.
        Assert.Equal((31, 1), (all.GetProperty("gaps").GetInt32(), all.GetProperty("gapsWithAction").GetInt32()));
        var coverage = all.GetProperty("coverage");
        Assert.Equal((5, 2, 2, 1), (coverage.GetProperty("people").GetInt32(), coverage.GetProperty("managerRated").GetInt32(),
            coverage.GetProperty("selfRatedOnly").GetInt32(), coverage.GetProperty("notAssessed").GetInt32()));

        // The supervisor's line leaves Member Services out: M1's self rating no longer counts.
        var line = await (await app.SignedInAsync(AppRoles.Manager, "S1")).GetFromJsonAsync<JsonElement>("/api/reports/development", Ct);
        Assert.Equal((4, 3, 2, 1, 1), (line.GetProperty("people").GetInt32(), line.GetProperty("withPlan").GetInt32(), line.GetProperty("coverage").GetProperty("managerRated").GetInt32(),
            line.GetProperty("coverage").GetProperty("selfRatedOnly").GetInt32(), line.GetProperty("coverage").GetProperty("notAssessed").GetInt32()));
        Assert.Equal((31, 1), (line.GetProperty("gaps").GetInt32(), line.GetProperty("gapsWithAction").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Employee, "A1")).GetAsync("/api/reports/development", Ct)).StatusCode);

        // One unit's roles: Member Services holds M1 alone, whose plan is last cycle's and whose rating is their own.
        var members = await hr.GetFromJsonAsync<JsonElement>("/api/reports/development?unit=MSVC", Ct);
        Assert.Equal(("MSVC", 1, 0, 0, 0), (members.GetProperty("unit").GetString(), members.GetProperty("people").GetInt32(), members.GetProperty("withPlan").GetInt32(),
            members.GetProperty("gaps").GetInt32(), members.GetProperty("actions").GetArrayLength()));
        Assert.Equal((1, 0, 1, 0), (members.GetProperty("coverage").GetProperty("people").GetInt32(), members.GetProperty("coverage").GetProperty("managerRated").GetInt32(),
            members.GetProperty("coverage").GetProperty("selfRatedOnly").GetInt32(), members.GetProperty("coverage").GetProperty("notAssessed").GetInt32()));
        var care = await hr.GetFromJsonAsync<JsonElement>("/api/reports/development?unit=care", Ct);
        Assert.Equal(("CARE", 4, 3, 31), (care.GetProperty("unit").GetString(), care.GetProperty("people").GetInt32(), care.GetProperty("withPlan").GetInt32(), care.GetProperty("gaps").GetInt32()));
        var unknown = await hr.GetAsync("/api/reports/development?unit=NOPE", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no unit 'NOPE'", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The exports hold the same figures: one row per measure and item.
        var csv = await hr.GetStringAsync("/api/reports/development/export?format=csv", Ct);
        Assert.StartsWith("measure,item,value\ncycle,,2026\nunit,,(every unit)\npeople,,5\npeople_with_plan,,3\nplans,draft,1\nplans,submitted,1\n", csv, StringComparison.Ordinal);
        foreach (var line2 in new[] { "reviews_overdue,,1", "gaps,,31", "gaps_with_action,,1", "approvals,,1", "median_days_to_approval,,4", "ratings,none,1", "actions_not_started,SHADOW,1", "actions_in_progress,MENTOR,1" })
            Assert.Contains(line2 + "\n", csv, StringComparison.Ordinal);
        using (var workbook = new XLWorkbook(new MemoryStream(await hr.GetByteArrayAsync("/api/reports/development/export?format=xlsx&unit=CARE", Ct))))
        {
            var figures = workbook.Worksheet("Development").RowsUsed().ToDictionary(r => (r.Cell(1).GetString(), r.Cell(2).GetString()), r => r.Cell(3));
            Assert.Equal(("CARE", 4.0, 31.0, 1.0), (figures[("unit", "")].GetString(), figures[("people", "")].GetDouble(), figures[("gaps", "")].GetDouble(), figures[("plans", "approved")].GetDouble()));
            var shadow = workbook.Worksheet("Actions").RowsUsed().Single(r => r.Cell(1).GetString() == "SHADOW");
            Assert.Equal((1.0, 0.0, 1.0), (shadow.Cell(2).GetDouble(), shadow.Cell(3).GetDouble(), shadow.Cell(4).GetDouble()));
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/api/reports/development/export?format=pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Employee, "A1")).GetAsync("/api/reports/development/export?format=csv", Ct)).StatusCode);

        // The report is kept until a plan changes: A3 submits her draft, and HR's next look counts it.
        var a3 = await app.SignedInAsync(AppRoles.Employee, "A3");
        Assert.Equal(HttpStatusCode.OK, (await a3.PostAsJsonAsync("/api/employees/A3/plan/status", new { to = "submitted" }, Ct)).StatusCode);
        var after = await hr.GetFromJsonAsync<JsonElement>("/api/reports/development", Ct);
        Assert.Equal([("draft", 0), ("submitted", 2), ("approved", 1)], [.. after.GetProperty("plans").EnumerateArray().Take(3)
            .Select(p => (p.GetProperty("status").GetString(), p.GetProperty("plans").GetInt32()))]);
        // Only the changed plan is read again, with its events: S1 approves A3's plan the day it came, so the two approvals
        // waited 0 and 4 days; the untouched plans keep their figures.
        var s1 = await app.SignedInAsync(AppRoles.Manager, "S1");
        Assert.Equal(HttpStatusCode.OK, (await s1.PostAsJsonAsync("/api/employees/A3/plan/status", new { to = "approved" }, Ct)).StatusCode);
        var approved = await hr.GetFromJsonAsync<JsonElement>("/api/reports/development", Ct);
        Assert.Equal((2, 2.0, 1, 2, 31, 1), (approved.GetProperty("approvals").GetInt32(), approved.GetProperty("medianDaysToApproval").GetDouble(),
            approved.GetProperty("overdue").GetInt32(), approved.GetProperty("plans")[2].GetProperty("plans").GetInt32(),
            approved.GetProperty("gaps").GetInt32(), approved.GetProperty("gapsWithAction").GetInt32()));

        var page = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/reports/development", Ct);
        Assert.Matches(@"data-status=""approved""><td[^>]*>Approved</td><td[^>]*>2</td>", page);
        Assert.Matches(@"data-coverage=""none""><td[^>]*>No rating yet</td><td[^>]*>1</td><td[^>]*>20%</td>", page);
        Assert.Matches(@"<dt>Gaps with an action in the plan</dt><dd>3%</dd>", page);
        Assert.Contains("<svg", page, StringComparison.Ordinal);

        // Counted plan by plan, the figures stay those of a count from scratch: two changes at once (a plan deleted, an
        // action added that takes on a gap), then a target role that changes every gap of a plan.
        var graph = CareerGraph.Build(await app.ExportAsync());
        async Task<(DevelopmentHealthView Kept, DevelopmentHealthView Fresh)> BothAsync() => await app.WithDbAsync(async db =>
        {
            using var scope = app.App.Services.CreateScope();
            var kept = await scope.ServiceProvider.GetRequiredService<DevelopmentHealth>().OfAsync(graph, null, "everyone", null, Ct);
            using var ratings = new RatingIndexCache();
            using var plans = new PlanFactsCache();
            return (kept, await new DevelopmentHealth(db, ratings, plans, TestClock.Create()).OfAsync(graph, null, "everyone", null, Ct));
        });
        await app.WithDbAsync(async db =>
        {
            db.Plans.Remove(await db.Plans.SingleAsync(p => p.Employee.EmployeeNumber == "A1" && p.Cycle == "2026", Ct));
            await db.SaveChangesAsync(Ct);
            var a2 = await db.Plans.SingleAsync(p => p.Employee.EmployeeNumber == "A2" && p.Cycle == "2026", Ct);
            db.PlanActions.Add(new PlanAction { PlanId = a2.Id, Competency = "COMMS", Strategy = "COURSE", Description = "by hand", Status = ActionStatus.InProgress });
            ChangeStamps.Touch(db, a2);
            return await db.SaveChangesAsync(Ct);
        });
        var (kept, fresh) = await BothAsync();
        Assert.Equivalent(fresh, kept, strict: true);
        Assert.Equal((2, 21, 1), (kept.WithPlan, kept.Gaps, kept.GapsWithAction));
        await app.WithDbAsync(async db =>
        {
            var a3 = await db.Plans.SingleAsync(p => p.Employee.EmployeeNumber == "A3" && p.Cycle == "2026", Ct);
            a3.TargetRoles = ["CC-SUP"];
            return await db.SaveChangesAsync(Ct);
        });
        (kept, fresh) = await BothAsync();
        Assert.Equivalent(fresh, kept, strict: true);
        Assert.NotEqual(21, kept.Gaps);
    }

    /// <summary>A manager's ratings of <paramref name="who"/> at every level <paramref name="role"/> asks, dated after the small organization's.</summary>
    static Task RateAtRoleAsync(TestApp app, string who, string role) => app.WithDbAsync(async db =>
    {
        var id = await db.Employees.ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, Ct);
        var asked = await db.Requirements.Where(q => q.Role.Code == role).Select(q => new { q.CompetencyId, q.Level }).ToListAsync(Ct);
        db.Assessments.AddRange(asked.Select(q => new Assessment
        {
            EmployeeId = id[who], CompetencyId = q.CompetencyId, Level = q.Level, Source = AssessmentSource.Manager, AssessorId = id["S1"], AssessedOn = new(2026, 10, 20),
        }));
        return await db.SaveChangesAsync(Ct);
    });

    static (int ReadyNow, int WithinAYear, int Later) Bench(JsonElement bench) =>
        (bench.GetProperty("readyNow").GetInt32(), bench.GetProperty("withinAYear").GetInt32(), bench.GetProperty("later").GetInt32());

    static JsonElement RoleRow(JsonElement view, string role) => view.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("role").GetString() == role);

    [Theory, ProviderApps]
    public async Task Bench_and_succession_count_prerequisites_person_by_person_match_the_candidates_page_and_show_what_a_requirement_change_would_do(TestApp app)
    {
        await BuildSmallOrganizationAsync(app);
        // A1 (Care Representative I) is rated at every level Care Representative II asks: ready now for the next step.
        // A2 (Care Representative I, Hmong) and A3 (Care Representative II, Spanish) at every level of the bilingual role:
        // only A3 speaks Spanish, so A2 waits about 24 months for the language and is on its bench "later".
        await RateAtRoleAsync(app, "A1", "CC-REP-2");
        await RateAtRoleAsync(app, "A2", "CC-BIL-1");
        await RateAtRoleAsync(app, "A3", "CC-BIL-1");
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);

        var view = await hr.GetFromJsonAsync<JsonElement>("/api/reports/succession", Ct);
        Assert.Equal(5, view.GetProperty("people").GetInt32());
        var rep2 = RoleRow(view, "CC-REP-2");
        Assert.Equal((1, 1, 3), (rep2.GetProperty("incumbents").GetInt32(), Bench(rep2.GetProperty("bench")).ReadyNow, Bench(rep2.GetProperty("bench")).WithinAYear + Bench(rep2.GetProperty("bench")).Later));
        Assert.Equal("A1", rep2.GetProperty("onlyReady").GetProperty("employeeNumber").GetString());
        var bilingual = RoleRow(view, "CC-BIL-1");
        Assert.Equal(("A3", 1), (bilingual.GetProperty("onlyReady").GetProperty("employeeNumber").GetString(), Bench(bilingual.GetProperty("bench")).ReadyNow));
        Assert.Contains("CC-REP-2", view.GetProperty("heldByOne").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("CC-SUP", view.GetProperty("nobodyReadyNow").EnumerateArray().Select(r => r.GetString()));

        // Every role's bench and the people on the most benches, beside the straightforward computation: each person's
        // route estimate and readiness for each role, prerequisites included.
        IReadOnlyList<PersonRecord> people;
        CareerMap.Paths.CareerGraph graph;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            people = await scope.ServiceProvider.GetRequiredService<PeopleDirectory>().LoadAsync(null, TestClock.Today, Ct);
            graph = await scope.ServiceProvider.GetRequiredService<CareerMap.Paths.CareerPaths>().GraphAsync(Ct);
        }
        var judged = graph.Roles.ToDictionary(r => r.Code, r => people.Where(p => p.Role != r.Code).ToDictionary(p => p.EmployeeNumber, p =>
        {
            var step = CareerMap.Paths.PathFinder.Direct(graph, r.Code, p.State);
            return CareerMap.Paths.Readiness.Of(graph, r.Code, p.State, step.Prerequisites).ReadyNow ? 0 : step.Months <= 12 ? 1 : 2;
        }));
        Assert.Equal(2, judged["CC-BIL-1"]["A2"]);
        Assert.Equal(graph.Roles.Count(), view.GetProperty("roles").GetArrayLength());
        foreach (var (role, bench) in judged)
        {
            var row = RoleRow(view, role);
            Assert.Equal((role, people.Count(p => p.Role == role), bench.Values.Count(b => b == 0), bench.Values.Count(b => b == 1), bench.Values.Count(b => b == 2)),
                (role, row.GetProperty("incumbents").GetInt32(), Bench(row.GetProperty("bench")).ReadyNow, Bench(row.GetProperty("bench")).WithinAYear, Bench(row.GetProperty("bench")).Later));
        }
        var often = people.Select(p => (p.EmployeeNumber, p.Id, Ready: judged.Values.Count(b => b.GetValueOrDefault(p.EmployeeNumber, -1) == 0),
                Within: judged.Values.Count(b => b.GetValueOrDefault(p.EmployeeNumber, -1) == 1)))
            .Where(x => x.Ready + x.Within > 0).OrderByDescending(x => x.Ready).ThenByDescending(x => x.Within).ThenBy(x => x.Id).Take(10).Select(x => (x.EmployeeNumber, x.Ready, x.Within)).ToList();
        Assert.Equal(often, [.. view.GetProperty("mostOnBenches").EnumerateArray().Select(o => (o.GetProperty("employeeNumber").GetString()!, o.GetProperty("readyNowFor").GetInt32(), o.GetProperty("withinAYearFor").GetInt32()))]);

        // The candidates page counts the same bench.
        var candidates = await hr.GetFromJsonAsync<JsonElement>("/api/roles/CC-BIL-1/candidates", Ct);
        Assert.Equal(Bench(bilingual.GetProperty("bench")), Bench(candidates.GetProperty("bench")));

        // One unit's roles; the manager's line leaves M1 out; an employee sees no report.
        var care = await hr.GetFromJsonAsync<JsonElement>("/api/reports/succession?unit=care", Ct);
        Assert.All(care.GetProperty("roles").EnumerateArray(), r => Assert.Equal("CARE", r.GetProperty("unit").GetString()));
        Assert.Equal([("CARE", "Customer Care")], [.. care.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("unit").GetString(), u.GetProperty("name").GetString()))]);
        var line = await (await app.SignedInAsync(AppRoles.Manager, "S1")).GetFromJsonAsync<JsonElement>("/api/reports/succession", Ct);
        Assert.Equal(4, line.GetProperty("people").GetInt32());
        var memberServices = RoleRow(line, "MS-REP");
        Assert.Equal((0, 4), (memberServices.GetProperty("incumbents").GetInt32(), Bench(memberServices.GetProperty("bench")) is var (r, w, l) ? r + w + l : 0));
        Assert.DoesNotContain(line.GetProperty("mostOnBenches").EnumerateArray(), o => o.GetProperty("employeeNumber").GetString() == "M1");
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/api/reports/succession?unit=NOPE", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Employee, "A1")).GetAsync("/api/reports/succession", Ct)).StatusCode);

        // What if Care Representative II asked one level more of its critical Claims knowledge: A1 drops out of ready now.
        var framework = await app.ExportAsync();
        var asked = framework.Requirements.Where(q => q.Role == "CC-REP-2").ToList();
        var raised = asked.Select(q => new { competency = q.Competency, level = q.Competency == "CLAIMS" ? q.Level + 1 : q.Level, weight = q.Weight, critical = q.Critical }).ToList();
        var response = await hr.PostAsJsonAsync("/api/reports/succession/what-if", new { role = "CC-REP-2", requirements = raised }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var change = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var before = Bench(rep2.GetProperty("bench"));
        Assert.Equal(before, Bench(change.GetProperty("before")));
        Assert.Equal((0, before.WithinAYear + 1, before.Later), Bench(change.GetProperty("after")));
        Assert.Equal((1, 0), (change.GetProperty("leaveReadyNow").GetInt32(), change.GetProperty("joinReadyNow").GetInt32()));
        Assert.Equal([("CC-REP-1", 1)], [.. change.GetProperty("leavingByRole").EnumerateArray().Select(c => (c.GetProperty("role").GetString(), c.GetProperty("people").GetInt32()))]);
        // Nothing was saved: the role still asks what it asked.
        Assert.Equal(asked, (await app.ExportAsync()).Requirements.Where(q => q.Role == "CC-REP-2").ToList());
        var refused = await hr.PostAsJsonAsync("/api/reports/succession/what-if", new { role = "CC-REP-2", requirements = new[] { new { competency = "NOPE", level = 9 } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("requirements[0].competency", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("requirements[0].level", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.PostAsJsonAsync("/api/reports/succession/what-if", new { role = "NOPE", requirements = Array.Empty<object>() }, Ct)).StatusCode);

        // The exports hold the same figures, one row per role.
        var csv = await hr.GetStringAsync("/api/reports/succession/export?format=csv", Ct);
        var rep2Bench = Bench(rep2.GetProperty("bench"));
        Assert.Contains($"CARE,Customer Care,CC-REP-2,Care Representative II,105,1,1,{rep2Bench.WithinAYear},{rep2Bench.Later},A1 Ana Lee,0\n", csv, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await hr.GetByteArrayAsync("/api/reports/succession/export?format=xlsx", Ct)));
        var sheet = workbook.Worksheet("Succession");
        Assert.Equal(graph.Roles.Count() + 1, sheet.RowsUsed().Count());
        var bil = sheet.RowsUsed().Single(r => r.Cell(3).GetString() == "CC-BIL-1");
        Assert.Equal((1.0, "A3 Cy Diaz"), (bil.Cell(7).GetDouble(), bil.Cell(10).GetString()));

        // The page says the same, and shows the what-if without saving anything.
        var browser = await app.BrowserAsync(AppRoles.HrAdmin);
        var page = await browser.GetStringAsync("/reports/succession?role=CC-REP-2&competency=CLAIMS&level=" + (asked.Single(q => q.Competency == "CLAIMS").Level + 1), Ct);
        Assert.Matches(@"data-role=""CC-REP-2"">[\s\S]*?>1</a>[\s\S]*?Ana Lee", page);
        Assert.Contains("1 would drop out of ready now: 1 Care Representative I.", page, StringComparison.Ordinal);
    }

    static MultipartFormDataContent HistoryFile(params string[] lines) => new() { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
        string.Join("\n", ["EmployeeNumber,Date,FromRole,ToRole", .. lines]) + "\n")), "file", "history.csv" } };

    [Theory, ProviderApps]
    public async Task A_history_file_brings_the_past_before_the_record_all_or_nothing_and_mobility_then_counts_those_moves(TestApp app)
    {
        await BuildSmallOrganizationAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        async Task<(int Moves, int Promotions, int Hires)> MobilityAsync()
        {
            var view = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility", Ct);
            return (view.GetProperty("moves").GetInt32(), view.GetProperty("promotions").GetInt32(), view.GetProperty("hires").GetInt32());
        }
        async Task<int> ChangesAsync() => await app.WithDbAsync(db => db.RoleChanges.CountAsync(Ct));
        // The roster only knows where people stand: A3 "joined" Care Representative II on 2025-08-04, a hire in the period.
        Assert.Equal((0, 0, 3), await MobilityAsync());
        var before = await ChangesAsync();

        async Task<string[]> RefusedAsync(MultipartFormDataContent file)
        {
            var response = await hr.PostAsync("/api/employees/role-history/import", file, Ct);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("place").GetString()}: {p.GetProperty("message").GetString()}")];
        }
        Assert.Equal([
            "line 2, EmployeeNumber: no person has employee number X9; import the roster first",
            "line 3, Date: 2030-01-01 is in the future",
            "line 4, ToRole: unknown role 'CC-NOPE'",
            "line 5, ToRole: leaves and enters CC-REP-1: not a change of role",
        ], await RefusedAsync(HistoryFile("X9,2020-01-06,,CC-REP-1", "S1,2030-01-01,CC-REP-2,CC-SUP", "A3,2024-02-05,,CC-NOPE", "A1,2024-02-05,CC-REP-1,CC-REP-1")));
        Assert.Equal([
            "line 3, FromRole: S1 leaves CC-REP-2, but the change before (line 2, Date) moved them into CC-REP-1",
            "line 4, ToRole: A3's last change here enters CC-REP-1, but the record begins with CC-REP-2 on 2025-08-04; add the change that leads there",
            "line 5, Date: 2025-02-01 is not before the history on record for A1: the record begins with CC-REP-1 on 2025-01-06; a history file brings what came before",
        ], await RefusedAsync(HistoryFile("S1,2020-01-06,,CC-REP-1", "S1,2021-06-01,CC-REP-2,CC-SUP", "A3,2024-02-05,,CC-REP-1", "A1,2025-02-01,,CC-REP-1")));
        Assert.Equal(before, await ChangesAsync());

        // S1 began as a representative; A3 was hired in 2024 and promoted on the day the roster has her start. Blank FromRole: the role before.
        string[] past = ["S1,2020-01-06,,CC-REP-1", "S1,2021-06-01,CC-REP-1,CC-REP-2", "S1,2023-01-02,,CC-SUP", "A3,2024-02-05,,CC-REP-1", "A3,2025-08-04,,CC-REP-2"];
        var dry = await hr.PostAsync("/api/employees/role-history/import?dryRun=true", HistoryFile(past), Ct);
        Assert.Equal((5, 2, false, 0), await Report(dry));
        Assert.Equal(before, await ChangesAsync());
        Assert.Equal((5, 2, true, 0), await Report(await hr.PostAsync("/api/employees/role-history/import", HistoryFile(past), Ct)));
        Assert.Equal(before + 5, await ChangesAsync());
        // Imported twice, the same file adds nothing.
        Assert.Equal((0, 0, true, 5), await Report(await hr.PostAsync("/api/employees/role-history/import", HistoryFile(past), Ct)));
        Assert.Equal(before + 5, await ChangesAsync());

        // A3's start in the period is now a promotion after 17 months, not a hire; S1's route to supervisor is known.
        Assert.Equal((1, 1, 2), await MobilityAsync());
        var view = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility", Ct);
        Assert.Equal(17.0, view.GetProperty("medianMonthsBeforePromotion").GetDouble());
        var up = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility/routes?fromRole=CC-REP-1&toRole=CC-SUP", Ct);
        Assert.Equal([("CC-REP-1>CC-REP-2>CC-SUP", 1, 35.0)], [.. up.GetProperty("taken").EnumerateArray().Select(t =>
            (string.Join('>', t.GetProperty("roles").EnumerateArray().Select(r => r.GetString())), t.GetProperty("people").GetInt32(), t.GetProperty("medianMonths").GetDouble()))]);
        // The profile's timeline starts with the first role the file brought, and no longer calls the supervisor role a first role.
        var profile = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/people/S1", Ct);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(profile, "first role on record"));
        Assert.Contains("Care Representative I: first role on record", profile, StringComparison.Ordinal);
        Assert.Contains("Care Representative II to", profile, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Manager, "S1")).PostAsync("/api/employees/role-history/import", HistoryFile(past), Ct)).StatusCode);

        static async Task<(int Added, int People, bool Applied, int AlreadyOnRecord)> Report(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (report.GetProperty("added").GetInt32(), report.GetProperty("people").GetInt32(), report.GetProperty("applied").GetBoolean(),
                report.GetProperty("alreadyOnRecord").GetInt32());
        }
    }

    [Theory, ProviderApps]
    public async Task Mobility_counts_moves_fills_and_months_before_promotion_by_hand_and_finds_the_routes_people_took(TestApp app)
    {
        await BuildSmallOrganizationAsync(app);
        // The history written by hand instead of the roster's (the default period, for 2026-11-02, is 2025-01-01 to that day).
        await app.WithDbAsync(async db =>
        {
            await db.RoleChanges.ExecuteDeleteAsync(Ct);
            var id = await db.Employees.ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, Ct);
            RoleChange Change(string who, string on, string? from, string to, RoleChangeSource source = RoleChangeSource.Roster) =>
                new() { EmployeeId = id[who], On = DateOnly.Parse(on, CultureInfo.InvariantCulture), FromRole = from, ToRole = to, Source = source };
            db.RoleChanges.AddRange(
                Change("S1", "2020-01-06", null, "CC-REP-1"), Change("S1", "2021-06-01", "CC-REP-1", "CC-REP-2"), Change("S1", "2023-01-02", "CC-REP-2", "CC-SUP"),
                Change("A1", "2025-01-06", null, "CC-REP-1"), Change("A1", "2026-03-02", "CC-REP-1", "CC-REP-2"),   // promoted after 13 months
                Change("A2", "2025-03-03", null, "CC-REP-1"),
                Change("A3", "2024-02-05", null, "CC-REP-1"), Change("A3", "2025-08-04", "CC-REP-1", "CC-REP-2"),   // promoted after 17 months
                Change("M1", "2024-06-03", null, "CC-REP-1", RoleChangeSource.Existing),
                Change("M1", "2026-05-04", "CC-REP-1", "MS-REP"));                                                // grade 105 to 104, another unit: a cross-functional step back
            // Saving role changes moves the people's change stamp, which the role-history index follows.
            return await db.SaveChangesAsync(Ct);
        });
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);

        var view = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility", Ct);
        Assert.Equal(("2025-01-01", "2026-11-02"), (view.GetProperty("from").GetString(), view.GetProperty("to").GetString()));
        Assert.Equal((4, 3, 2, 2, 0.6, 15.0), (view.GetProperty("people").GetInt32(), view.GetProperty("moves").GetInt32(), view.GetProperty("promotions").GetInt32(),
            view.GetProperty("hires").GetInt32(), view.GetProperty("internalFillRate").GetDouble(), view.GetProperty("medianMonthsBeforePromotion").GetDouble()));
        var quarters = view.GetProperty("quarters").EnumerateArray().ToDictionary(q => q.GetProperty("quarter").GetString()!, q =>
            (q.GetProperty("promotions").GetInt32(), q.GetProperty("laterals").GetInt32(), q.GetProperty("stepBacks").GetInt32(), q.GetProperty("crossFunctional").GetInt32(), q.GetProperty("hires").GetInt32()));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], quarters.Keys);
        Assert.Equal((0, 0, 0, 0, 2), quarters["2025-Q1"]);
        Assert.Equal((1, 0, 0, 0, 0), quarters["2025-Q3"]);
        Assert.Equal((1, 0, 0, 0, 0), quarters["2026-Q1"]);
        Assert.Equal((0, 0, 1, 1, 0), quarters["2026-Q2"]);
        Assert.Equal([("CARE", 2, 0, 2), ("MSVC", 0, 1, 0)], [.. view.GetProperty("units").EnumerateArray().Select(u =>
            (u.GetProperty("unit").GetString(), u.GetProperty("promotions").GetInt32(), u.GetProperty("stepBacks").GetInt32(), u.GetProperty("hires").GetInt32()))]);
        var roles = view.GetProperty("roles").EnumerateArray().ToDictionary(r => r.GetProperty("role").GetString()!);
        Assert.Equal((2, 0, 2, 2, 15.0), (roles["CC-REP-1"].GetProperty("filled").GetInt32(), roles["CC-REP-1"].GetProperty("internal").GetInt32(), roles["CC-REP-1"].GetProperty("hires").GetInt32(),
            roles["CC-REP-1"].GetProperty("promotedOut").GetInt32(), roles["CC-REP-1"].GetProperty("medianMonthsBeforePromotion").GetDouble()));
        Assert.Equal((2, 2, 1.0), (roles["CC-REP-2"].GetProperty("filled").GetInt32(), roles["CC-REP-2"].GetProperty("internal").GetInt32(), roles["CC-REP-2"].GetProperty("internalFillRate").GetDouble()));
        Assert.Equal(["CC-REP-1", "CC-REP-2", "MS-REP"], roles.Keys.Order(StringComparer.Ordinal));

        // A shorter period; the manager's line (S1, A1, A2, A3) leaves M1's move out.
        var lately = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility?from=2026-01-01", Ct);
        Assert.Equal((2, 1, 0), (lately.GetProperty("moves").GetInt32(), lately.GetProperty("promotions").GetInt32(), lately.GetProperty("hires").GetInt32()));
        var manager = await app.SignedInAsync(AppRoles.Manager, "S1");
        var line = await manager.GetFromJsonAsync<JsonElement>("/api/reports/mobility", Ct);
        Assert.Equal((3, 2, 2), (line.GetProperty("people").GetInt32(), line.GetProperty("moves").GetInt32(), line.GetProperty("hires").GetInt32()));
        Assert.Equal(["CARE"], line.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        foreach (var (query, field) in new[] { ("from=2026-13-01", "from"), ("from=2026-06-01&to=2026-01-01", "to"), ("to=yesterday", "to") })
        {
            var refused = await hr.GetAsync($"/api/reports/mobility?{query}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _), query);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Employee, "A1")).GetAsync("/api/reports/mobility", Ct)).StatusCode);

        // Routes: S1, A1 and A3 went from Care Representative I to II (16, 13 and 17 months); only S1 went on to supervise, through II.
        var routes = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility/routes?fromRole=CC-REP-1&toRole=CC-REP-2", Ct);
        Assert.Equal(3, routes.GetProperty("people").GetInt32());
        Assert.Equal([("CC-REP-1>CC-REP-2", 3, 16.0)], [.. routes.GetProperty("taken").EnumerateArray().Select(t =>
            (string.Join('>', t.GetProperty("roles").EnumerateArray().Select(r => r.GetString())), t.GetProperty("people").GetInt32(), t.GetProperty("medianMonths").GetDouble()))]);
        var up = await hr.GetFromJsonAsync<JsonElement>("/api/reports/mobility/routes?fromRole=CC-REP-1&toRole=CC-SUP", Ct);
        Assert.Equal([("CC-REP-1>CC-REP-2>CC-SUP", 1, 35.0)], [.. up.GetProperty("taken").EnumerateArray().Select(t =>
            (string.Join('>', t.GetProperty("roles").EnumerateArray().Select(r => r.GetString())), t.GetProperty("people").GetInt32(), t.GetProperty("medianMonths").GetDouble()))]);
        Assert.NotEqual(0, up.GetProperty("suggested").GetArrayLength());
        Assert.All(up.GetProperty("suggested").EnumerateArray(), s => Assert.Equal(("CC-REP-1", "CC-SUP"),
            (s.GetProperty("roles")[0].GetString(), s.GetProperty("roles")[s.GetProperty("roles").GetArrayLength() - 1].GetString())));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/reports/mobility/routes?fromRole=NOPE&toRole=CC-SUP", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/api/reports/mobility/routes?fromRole=CC-REP-1", Ct)).StatusCode);

        // The exports hold the same figures.
        var csv = await hr.GetStringAsync("/api/reports/mobility/export?format=csv", Ct);
        Assert.Contains("CC-REP-1,Care Representative I,CARE,2,0,2,0,2,15\n", csv, StringComparison.Ordinal);
        using var workbook = new XLWorkbook(new MemoryStream(await hr.GetByteArrayAsync("/api/reports/mobility/export?format=xlsx", Ct)));
        var q2 = workbook.Worksheet("Quarters").RowsUsed().Single(r => r.Cell(1).GetString() == "2026-Q2");
        Assert.Equal((1.0, 1.0), (q2.Cell(4).GetDouble(), q2.Cell(5).GetDouble()));
        Assert.Equal(0.6 * 5, workbook.Worksheet("Roles").RowsUsed().Skip(1).Sum(r => r.Cell(5).GetDouble()));

        var page = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/reports/mobility?fromRole=CC-REP-1&toRole=CC-SUP", Ct);
        Assert.Contains(@"data-figure=""moves"">3</dd>", page, StringComparison.Ordinal);
        Assert.Contains(@"data-figure=""months-before-promotion"">15</dd>", page, StringComparison.Ordinal);
        Assert.Contains("1 person went from Care Representative I to Supervisor, Customer Care.", page, StringComparison.Ordinal);
    }
}
