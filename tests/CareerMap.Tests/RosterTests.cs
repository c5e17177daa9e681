using System.Net;
using System.Net.Http.Json;
using System.Text;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using CareerMap.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerMap.Tests;

public sealed class RosterTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Header = "EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths";

    static async Task<RosterReport> ImportAsync(TestDatabase database, string fileName, byte[] bytes, bool dryRun = false)
    {
        await using var db = database.Target.CreateContext();
        return await Roster.ImportAsync(db, Roster.Read(new MemoryStream(bytes), fileName), dryRun, TestClock.Today, NullLogger.Instance, Ct);
    }

    static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n");

    static async Task<string> ManagerAsync(TestDatabase database)
    {
        await using var db = database.Target.CreateContext();
        return await db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_roster_adds_and_updates_people_and_a_dry_run_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lead = await ManagerAsync(database);
        var file = Csv(
            $"N1001,Ana Reyes,ana.reyes@riverbend.example,CC-REP-1,{lead},2026-03-02,2026-03-02,\"Scottsdale, AZ\",English;Spanish,,8",
            "N1002,Tou Vang,tou.vang@riverbend.example,CC-REP-1,N1001,2026-05-04,2026-06-01,Remote,English;Hmong,,3",
            $"E000002,Renamed Director,renamed.director@riverbend.example,CC-DIR,,2019-01-07,2024-01-01,Remote,English,,80");
        var dry = await ImportAsync(database, "roster.csv", file, dryRun: true);
        Assert.True(dry.Ok, string.Join("\n", dry.Problems));
        Assert.Equal(["N1001", "N1002"], dry.Added);
        Assert.Equal(["E000002"], dry.Changed);
        await using (var db = database.Target.CreateContext())
            Assert.False(await db.Employees.AnyAsync(e => e.EmployeeNumber == "N1001", Ct));

        var real = await ImportAsync(database, "roster.csv", file);
        Assert.True(real.Applied);
        await using (var db = database.Target.CreateContext())
        {
            var tou = await db.Employees.Include(e => e.Manager).SingleAsync(e => e.EmployeeNumber == "N1002", Ct);
            Assert.Equal("N1001", tou.Manager!.EmployeeNumber);
            Assert.Equal(["English", "Hmong"], tou.Languages);
            Assert.Equal("Scottsdale, AZ", (await db.Employees.SingleAsync(e => e.EmployeeNumber == "N1001", Ct)).Location);
            Assert.Equal("Renamed Director", (await db.Employees.SingleAsync(e => e.EmployeeNumber == "E000002", Ct)).Name);
            Assert.Equal(302, await db.Employees.CountAsync(Ct));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_reimport_rewrites_only_who_changed_links_managers_listed_after_their_reports_and_is_audited_once(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lead = await ManagerAsync(database);
        string[] Rows(string firstName) => [
            $"N1,{firstName},n1@x.example,CC-REP-1,N2,2026-01-05,2026-01-05,,English,,0",
            $"N2,Bo Lind,n2@x.example,CC-SUP,{lead},2026-01-05,2026-01-05,Remote,,CCXP,12",
            "N3,Cy Park,n3@x.example,CC-REP-1,N2,2026-01-05,2026-01-05,,,,0"];
        async Task<(long People, Dictionary<string, (int Version, string Name, string? Manager)> Stored, List<string?> Audit)> StateAsync()
        {
            await using var db = database.Target.CreateContext();
            var stored = await db.Employees.Where(e => new[] { "N1", "N2", "N3" }.Contains(e.EmployeeNumber)).Select(e => new { e.EmployeeNumber, e.Version, e.Name, Manager = e.Manager!.EmployeeNumber })
                .ToDictionaryAsync(e => e.EmployeeNumber, e => (e.Version, e.Name, (string?)e.Manager), Ct);
            var audit = await db.Audit.Where(a => a.Entity == nameof(Employee)).OrderBy(a => a.Id).Select(a => a.After).ToListAsync(Ct);
            return ((await ChangeStamps.ReadAsync(db, Ct)).People, stored, audit);
        }
        var before = await StateAsync();

        var first = await ImportAsync(database, "roster.csv", Csv(Rows("Ana Reyes")));
        Assert.Equal(["N1", "N2", "N3"], first.Added);
        var added = await StateAsync();
        Assert.NotEqual(before.People, added.People);
        Assert.Equal((1, "Ana Reyes", "N2"), added.Stored["N1"]);
        Assert.Equal(lead, added.Stored["N2"].Manager);
        var entry = Assert.Single(added.Audit.Skip(before.Audit.Count));
        Assert.Contains("\"added\":3", entry, StringComparison.Ordinal);
        Assert.Contains("\"N1\",\"N2\",\"N3\"", entry, StringComparison.Ordinal);

        var second = await ImportAsync(database, "roster.csv", Csv(Rows("Ana Reyes-Vang")));
        Assert.Equal(["N1"], second.Changed);
        Assert.Empty(second.Added);
        var changed = await StateAsync();
        Assert.NotEqual(added.People, changed.People);
        Assert.Equal((2, "Ana Reyes-Vang", "N2"), changed.Stored["N1"]);
        Assert.Equal(added.Stored["N2"], changed.Stored["N2"]);
        Assert.Equal(added.Stored["N3"], changed.Stored["N3"]);
        Assert.Contains("\"changedNumbers\":[\"N1\"]", Assert.Single(changed.Audit.Skip(added.Audit.Count)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadRosters()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
            foreach (var kind in Cases.Keys) data.Add(provider, kind);
        return data;
    }

    static readonly Dictionary<string, Func<string, (string File, byte[] Bytes, string Place, string Reason)>> Cases = new()
    {
        ["unknown role"] = lead => ("r.csv", Csv($"N1,A B,a@x.example,ASTRONAUT,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, Role", "unknown role 'ASTRONAUT'"),
        ["duplicate number"] = lead => ("r.csv", Csv($"N1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0", $"N1,C D,c@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 3, EmployeeNumber", "duplicate employee number N1"),
        ["manager cycle"] = lead => ("r.csv", Csv("N1,A B,a@x.example,CC-SUP,N2,2026-01-05,2026-01-05,,,,0", "N2,C D,c@x.example,CC-SUP,N1,2026-01-05,2026-01-05,,,,0"), "line 2, Manager", "manager cycle: N1 → N2 → N1"),
        ["bad date"] = lead => ("r.csv", Csv($"N1,A B,a@x.example,CC-REP-1,{lead},5 Jan 2026,2026-01-05,,,,0"), "line 2, HireDate", "'5 Jan 2026' is not a date in the form yyyy-MM-dd"),
        ["start before hire"] = lead => ("r.csv", Csv($"N1,A B,a@x.example,CC-REP-1,{lead},2026-02-01,2026-01-05,,,,0"), "line 2, RoleStartDate", "before the hire date"),
        ["unknown manager"] = lead => ("r.csv", Csv("N1,A B,a@x.example,CC-REP-1,N999,2026-01-05,2026-01-05,,,,0"), "line 2, Manager", "manager N999 is neither in the file nor already stored"),
        ["bad email"] = lead => ("r.csv", Csv($"N1,A B,not-an-email,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, Email", "'not-an-email' is not an email address"),
        ["empty required"] = lead => ("r.csv", Csv($"N1,,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, Name", "Name is required"),
        ["missing column"] = lead => ("r.csv", Encoding.UTF8.GetBytes("EmployeeNumber,Name,Email\nN1,A,a@x.example\n"), "line 1", "column 'Role' is missing"),
        ["wrong type"] = lead => ("r.csv", Csv($"N1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,many"), "line 2, ContactCenterMonths", "expected a whole number of months, found 'many'"),
        ["email taken"] = lead => ("r.csv", Csv($"N1,A B,employee@demo.riverbend.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0", $"N2,C D,employee@demo.riverbend.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 3, Email", "is already given to N1"),
        ["number with a slash"] = lead => ("r.csv", Csv($"Z/1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, EmployeeNumber", "'Z/1' is not an employee number (1–64 characters"),
        ["number with a question mark"] = lead => ("r.csv", Csv($"Z?1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, EmployeeNumber", "'Z?1' is not an employee number"),
        ["number as a formula"] = lead => ("r.csv", Csv($"=2+3,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, EmployeeNumber", "'=2+3' is not an employee number"),
        ["excel bad number"] = lead => ("r.xlsx", Workbook(["Z 1", "A B", "a@x.example", "CC-REP-1", lead, new DateTime(2026, 1, 5), new DateTime(2026, 1, 5), "", "", "", 0]), "People!A2", "'Z 1' is not an employee number"),
        ["not a workbook"] = lead => ("r.xlsx", "plain text"u8.ToArray(), "r.xlsx", "not a readable Excel workbook"),
        ["excel bad role"] = lead => ("r.xlsx", Workbook(["N1", "A B", "a@x.example", "NOPE", lead, new DateTime(2026, 1, 5), new DateTime(2026, 1, 5), "", "", "", 0]), "People!D2", "unknown role 'NOPE'"),
    };

    static byte[] Workbook(params object[][] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("People");
        var header = Header.Split(',');
        for (var i = 0; i < header.Length; i++) ws.Cell(1, i + 1).Value = header[i];
        for (var r = 0; r < rows.Length; r++)
            for (var i = 0; i < rows[r].Length; i++) ws.Cell(r + 2, i + 1).Value = rows[r][i] is DateTime d ? d : rows[r][i]?.ToString();
        using var s = new MemoryStream();
        wb.SaveAs(s);
        return s.ToArray();
    }

    [Theory, MemberData(nameof(BadRosters))]
    public async Task A_bad_roster_is_refused_with_its_place_and_reason_and_writes_nobody(string provider, string kind)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (file, bytes, place, reason) = Cases[kind](await ManagerAsync(database));
        var report = await ImportAsync(database, file, bytes);
        Assert.False(report.Applied);
        Assert.Contains(report.Problems, p => p.Place.StartsWith(place, StringComparison.Ordinal) && p.Message.Contains(reason, StringComparison.Ordinal));
        await using var db = database.Target.CreateContext();
        Assert.Equal(300, await db.Employees.CountAsync(Ct));
    }

    [Fact]
    public async Task Hr_imports_a_roster_over_the_api_and_others_may_not()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var lead = await app.WithDbAsync(db => db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct));
        MultipartFormDataContent Form(byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", "roster.csv" } };
        var good = Csv($"N1,A B,a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Manager, lead)).PostAsync("/api/employees/import", Form(good), Ct)).StatusCode);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var bad = await hr.PostAsync("/api/employees/import", Form(Csv($"N1,A B,a@x.example,NOPE,{lead},2026-01-05,2026-01-05,,,,0")), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("line 2, Role", await bad.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/employees/import?dryRun=true", Form(good), Ct)).StatusCode);
        Assert.Equal(300, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/employees/import", Form(good), Ct)).StatusCode);
        Assert.Equal(301, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
        var audited = await app.WithDbAsync(db => db.Audit.Where(a => a.Key == "(roster import)").Select(a => a.Actor).SingleAsync(Ct));
        Assert.StartsWith("hradmin-", audited, StringComparison.OrdinalIgnoreCase);
    }

    static MultipartFormDataContent Upload(byte[] bytes, string fileName) => new() { { new ByteArrayContent(bytes), "file", fileName } };

    static string[] Person(string number, string name, string lead) =>
        [number, name, $"{number.ToLowerInvariant()}@x.example", "CC-REP-1", lead, "2026-01-05", "2026-01-05", "", "", "", "0"];

    static async Task<(HttpStatusCode Status, RosterReport Report)> PostRosterAsync(TestApp app, byte[] bytes, string fileName)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var answer = await hr.PostAsync("/api/employees/import", Upload(bytes, fileName), Ct);
        var report = await answer.Content.ReadFromJsonAsync<RosterReport>(Ct);
        return (answer.StatusCode, report!);
    }

    static async Task<string> LeadAsync(TestApp app) =>
        await app.WithDbAsync(db => db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct));

    [Theory, ProviderApps]
    public async Task A_formula_cell_is_read_as_the_value_saved_with_it_and_never_worked_out(TestApp app)
    {
        var lead = await LeadAsync(app);
        var saved = CraftedWorkbooks.Workbook("People", [CraftedWorkbooks.HeaderRow(CraftedWorkbooks.RosterHeader),
            CraftedWorkbooks.RosterRow(2, Person("N1", "", lead), new() { [1] = CraftedWorkbooks.Formula("B2", "HYPERLINK(\"https://x.example\",\"Ana Reyes\")", "Ana Reyes") })]);
        var (status, report) = await PostRosterAsync(app, saved, "roster.xlsx");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Ana Reyes", await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "N1").Select(e => e.Name).SingleAsync(Ct)));

        var unsaved = CraftedWorkbooks.Workbook("People", [CraftedWorkbooks.HeaderRow(CraftedWorkbooks.RosterHeader),
            CraftedWorkbooks.RosterRow(2, Person("N2", "Tou Vang", lead), new() { [0] = CraftedWorkbooks.Formula("A2", "REPT(\"7\",3)", null) })]);
        (status, report) = await PostRosterAsync(app, unsaved, "roster.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("People!A2", problem.Place);
        Assert.Contains("formula with no saved value", problem.Message, StringComparison.Ordinal);
        Assert.Equal(301, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
    }

    public static TheoryData<string, string> HostileWorkbooks()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
            foreach (var kind in new[] { "million rows", "million rows, no dimension", "declares 3 GB", "unpacks past its declared size", "REPT saved as a giant value", "junk csv", "csv of too many rows", "csv giant cell" })
                data.Add(provider, kind);
        return data;
    }

    static (string File, byte[] Bytes, string Place, string Reason) Hostile(string kind, string lead) => kind switch
    {
        "million rows" => ("roster.xlsx", CraftedWorkbooks.MillionRows(), "roster.xlsx", "unpacks to more than 64 MB"),
        "million rows, no dimension" => ("roster.xlsx", CraftedWorkbooks.MillionRows(150_000, declareDimension: false), "People!100002", "more than 100,000 rows below its header"),
        "declares 3 GB" => ("roster.xlsx", CraftedWorkbooks.WithDeclaredSize(Workbook(Person("N1", "A B", lead)), "xl/worksheets/sheet1.xml", 3u << 30), "roster.xlsx", "unpacks to more than 64 MB"),
        "unpacks past its declared size" => ("roster.xlsx", CraftedWorkbooks.WithDeclaredSize(CraftedWorkbooks.Padded(4 << 20), "xl/worksheets/sheet1.xml", 2_000), "roster.xlsx (xl/worksheets/sheet1.xml)", "the part is not readable"),
        "REPT saved as a giant value" => ("roster.xlsx", CraftedWorkbooks.Workbook("People", [CraftedWorkbooks.HeaderRow(CraftedWorkbooks.RosterHeader),
            CraftedWorkbooks.RosterRow(2, Person("N1", "", lead), new() { [1] = CraftedWorkbooks.Formula("B2", "REPT(\"x\",1000000)", new string('x', 1_000_000)) })]), "People!B2", "more than 32,767 characters"),
        "junk csv" => ("roster.csv", Csv([.. Enumerable.Range(0, 5_000).Select(i => $"N{i},,not-an-email,NOPE,,someday,never,,,,many")]), "…", "more problems"),
        "csv of too many rows" => ("roster.csv", Csv([.. Enumerable.Range(0, 100_001).Select(i => $"N{i},A B,a{i}@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0")]), "line 100002", "more than 100,000 people"),
        "csv giant cell" => ("roster.csv", Csv($"N1,{new string('x', 40_000)},a@x.example,CC-REP-1,{lead},2026-01-05,2026-01-05,,,,0"), "line 2, Name", "more than 32,767 characters"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory, MemberData(nameof(HostileWorkbooks))]
    public async Task An_oversized_or_crafted_roster_is_refused_with_its_place_and_reason_and_writes_nobody(string provider, string kind)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (file, bytes, place, reason) = Hostile(kind, await LeadAsync(app));
        var (status, report) = await PostRosterAsync(app, bytes, file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.InRange(report.Problems.Count, 1, ImportProblems.Shown + 1);
        Assert.Contains(report.Problems, p => p.Place == place && p.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(300, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
    }

    [Theory, ProviderApps]
    public async Task A_move_on_the_roster_lands_in_the_persons_role_history_and_on_their_profile(TestApp app)
    {
        var lead = await ManagerAsync(app.Database);
        string Row(string role, string started, string name = "Ana Reyes") =>
            $"N7,{name},ana.reyes@riverbend.example,{role},{lead},2025-01-06,{started},Remote,English;Spanish,,8";
        Assert.True((await ImportAsync(app.Database, "roster.csv", Csv(Row("cc-rep-1", "2025-01-06")))).Applied);
        Assert.True((await ImportAsync(app.Database, "roster.csv", Csv(Row("CC-REP-2", "2026-02-02")))).Applied);
        // A change that is not a move (a new name) adds nothing to the history.
        Assert.True((await ImportAsync(app.Database, "roster.csv", Csv(Row("CC-REP-2", "2026-02-02", "Ana Reyes-Cruz")))).Applied);

        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var held = await hr.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/employees/N7/role-history", Ct);
        Assert.Equal([("2026-02-02", "CC-REP-1", "CC-REP-2"), ("2025-01-06", null, "CC-REP-1")],
            [.. held.EnumerateArray().Select(c => (c.GetProperty("on").GetString(), c.GetProperty("fromRole").GetString(), c.GetProperty("toRole").GetString()))]);
        Assert.Equal(("promotion", "within-family"), (held[0].GetProperty("kind").GetProperty("direction").GetString(), held[0].GetProperty("kind").GetProperty("scope").GetString()));

        var profile = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/people/N7", Ct);
        var timeline = profile[profile.IndexOf("class=\"timeline\"", StringComparison.Ordinal)..];
        Assert.Matches(@"2 Feb 2026</time>\s*<span>Care Representative I to Care Representative II</span>\s*<span class=""kind promotion"">promotion within family", timeline);
        Assert.Matches(@"6 Jan 2025</time>\s*<span>Care Representative I: first role on record", timeline);
    }
}
