using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareerMap.Accounts;
using CareerMap.Cli;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Moodle;
using CareerMap.Hosting;
using CareerMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

/// <summary>
/// The competency framework as Moodle's competency framework CSV: exported and imported back to the same bytes, a file in
/// Moodle's own shape (nested, three-value scale) read, broken files refused at their row and column with nothing
/// changed, the API for HR admins only, and the exchange page.
/// </summary>
public sealed class MoodleTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string MoodleShaped => Path.Combine(AppContext.BaseDirectory, "Moodle", "moodle-shaped.csv");

    static async Task<T> WithAsync<T>(DatabaseTarget target, Func<IServiceProvider, Task<T>> work)
    {
        await using var services = CareerMapServices.BuildCliServices(target, TestClock.Create());
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    static Task<string> ExportAsync(DatabaseTarget target) => WithAsync(target, async s =>
    {
        using var stream = new MemoryStream();
        await s.GetRequiredService<MoodleExchange>().WriteAsync(stream, Ct);
        return Encoding.UTF8.GetString(stream.ToArray());
    });

    static Task<ImportReport> ImportAsync(DatabaseTarget target, string csv, bool dryRun = false) =>
        WithAsync(target, s => s.GetRequiredService<MoodleExchange>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), dryRun, Ct));

    static Task<FrameworkDocument> FrameworkAsync(DatabaseTarget target) => WithAsync(target, s => s.GetRequiredService<FrameworkService>().ExportAsync(Ct));

    static string Problems(ImportReport report) => string.Join("\n", report.Problems);

    static string Json(FrameworkDocument d) => System.Text.Json.JsonSerializer.Serialize(d);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_import_export_is_byte_identical_and_the_file_has_Moodles_shape(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var copy = await TestDatabase.CreateAsync(provider, empty: true);
        var first = await ExportAsync(source.Target);
        var rows = MoodleCsv.Records(first, out var malformed);
        Assert.Null(malformed);
        Assert.Equal(MoodleCsv.Headers, rows[0].Cells);
        Assert.All(rows, r => Assert.Equal(14, r.Cells.Length));
        var framework = rows[1].Cells;
        Assert.Equal("1", framework[12]);
        Assert.Equal("Level 1,Level 2,Level 3,Level 4,Level 5", framework[5]);
        Assert.Equal("""[{"scaleid":"0"},{"id":1,"scaledefault":1,"proficient":0},{"id":2,"scaledefault":0,"proficient":0},{"id":3,"scaledefault":0,"proficient":1},{"id":4,"scaledefault":0,"proficient":1},{"id":5,"scaledefault":0,"proficient":1}]""", framework[6]);
        var stored = await FrameworkAsync(source.Target);
        var comms = rows.Single(r => r.Cells[1] == "COMMS").Cells;
        Assert.Equal(stored.Competencies.Single(c => c.Code == "COMMS").Category, comms[0]);
        Assert.Contains("<ol class=\"careermap-levels\"><li>", comms[3], StringComparison.Ordinal);
        Assert.Equal(stored.Competencies.Count + stored.Competencies.Select(c => c.Category).Distinct().Count() + 2, rows.Count);

        var report = await ImportAsync(copy.Target, first);
        Assert.True(report.Ok, Problems(report));
        Assert.True(report.Applied);
        Assert.Equal(first, await ExportAsync(copy.Target));
        Assert.Equal(stored.Competencies.Select(c => (c.Code, c.Name, c.Category, c.Definition, string.Join("|", c.Levels), string.Join("|", c.Indicators))),
            (await FrameworkAsync(copy.Target)).Competencies.Select(c => (c.Code, c.Name, c.Category, c.Definition, string.Join("|", c.Levels), string.Join("|", c.Indicators))));

        var again = await ImportAsync(source.Target, first);
        Assert.True(again.Ok, Problems(again));
        Assert.False(again.Applied);
        Assert.True(again.Diff!.IsEmpty);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_cell_a_spreadsheet_would_run_is_written_with_a_leading_quote_and_read_back_as_typed(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        var csv = await ExportAsync(source.Target);
        var name = (await FrameworkAsync(source.Target)).Competencies.Single(c => c.Code == "COMMS").Name;
        var changed = csv.Replace($",COMMS,{CsvField.Of(name)},", ",COMMS,\"=HYPERLINK(\"\"x\"\")\",", StringComparison.Ordinal);
        Assert.NotEqual(csv, changed);
        var report = await ImportAsync(source.Target, changed);
        Assert.True(report.Ok, Problems(report));
        Assert.Equal("=HYPERLINK(\"x\")", (await FrameworkAsync(source.Target)).Competencies.Single(c => c.Code == "COMMS").Name);
        var written = await ExportAsync(source.Target);
        Assert.Contains(",COMMS,\"'=HYPERLINK(\"\"x\"\")\",", written, StringComparison.Ordinal);
        Assert.True((await ImportAsync(source.Target, written)).Diff!.IsEmpty);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_file_in_Moodles_own_shape_imports_into_an_empty_database_and_is_refused_where_roles_use_what_it_leaves_out(string provider)
    {
        var csv = await File.ReadAllTextAsync(MoodleShaped, Ct);
        await using var empty = await TestDatabase.CreateAsync(provider, empty: true);
        var dry = await ImportAsync(empty.Target, csv, dryRun: true);
        Assert.True(dry.Ok, Problems(dry));
        Assert.Empty((await FrameworkAsync(empty.Target)).Competencies);
        var report = await ImportAsync(empty.Target, csv);
        Assert.True(report.Ok, Problems(report));
        var framework = await FrameworkAsync(empty.Target);
        Assert.Equal(("NURSING-2026", "Nursing competencies", 3), (framework.Organization.Code, framework.Organization.Name, framework.Organization.TopLevel));
        Assert.Equal(["HANDOVER", "PATIENT-SAFETY", "SHIFT-LEAD"], framework.Competencies.Select(c => c.Code).Order());
        var safety = framework.Competencies.Single(c => c.Code == "PATIENT-SAFETY");
        Assert.Equal(("Patient safety", "core", "Keeps patients safe from avoidable harm:\nchecks, reports and learns."), (safety.Name, safety.Category, safety.Definition));
        Assert.Equal(["Not yet competent", "Competent", "Expert"], safety.Levels);
        Assert.Equal(["Checks identity before every intervention", "Reports incidents the same day"], safety.Indicators);
        Assert.Equal("Hands over care so that nothing is lost between shifts & teams.", framework.Competencies.Single(c => c.Code == "HANDOVER").Definition);
        var lead = framework.Competencies.Single(c => c.Code == "SHIFT-LEAD");
        Assert.Equal("leadership", lead.Category);
        Assert.Equal(["Assigns patients by acuity and skill"], lead.Indicators);

        await using var seeded = await TestDatabase.CreateAsync(provider);
        var before = Json(await FrameworkAsync(seeded.Target));
        var refused = await ImportAsync(seeded.Target, csv);
        Assert.False(refused.Ok);
        Assert.Contains(refused.Problems, p => p.Place == "file" && p.Message.Contains("is not in the file, but", StringComparison.Ordinal));
        Assert.Equal(before, Json(await FrameworkAsync(seeded.Target)));
    }

    public static TheoryData<string, string, string, string> Broken => new()
    {
        { "SQLite", "unknown parent", "row 4, column parentidnumber", "no competency in this file has the idnumber \"NOPE\"" },
        { "SQLite", "duplicate idnumber", "row 7, column idnumber", "\"PATIENT-SAFETY\" is also the idnumber of row 4" },
        { "SQLite", "no framework row", "file", "no row has isframework 1" },
        { "SQLite", "one-value scale", "row 2, column scalevalues", "the framework's scale must have 2 to 10 values" },
        { "SQLite", "unknown category", "row 8, column idnumber", "a top-level row is a category of competencies, and \"teams\" (Teams) is none" },
        { "SQLite", "four deep", "row 11, column parentidnumber", "\"SL-1-A\" is nested 4 deep" },
        { "SQLite", "short header", "row 1", "the header row has 13 columns" },
        { "SQLite", "shuffled header", "row 1, column idnumber", "the header names shortname where Moodle puts idnumber" },
        { "SQLite", "bad code", "row 7, column idnumber", "" },
        { "SQLite", "scale of another length", "row 7, column scalevalues", "this competency's scale has 2 values and the framework's 3" },
        { "SQLite", "unclosed quote", "row 10", "a quoted cell is not closed" },
        { "SQLite", "loop", "row 5, column parentidnumber", "the parents of \"PS-1\" lead back to it" },
        { "PostgreSQL", "unknown parent", "row 4, column parentidnumber", "no competency in this file has the idnumber \"NOPE\"" },
        { "PostgreSQL", "four deep", "row 11, column parentidnumber", "\"SL-1-A\" is nested 4 deep" },
    };

    static string Break(string csv, string how) => how switch
    {
        "unknown parent" => csv.Replace("core,PATIENT-SAFETY,", "NOPE,PATIENT-SAFETY,", StringComparison.Ordinal),
        "duplicate idnumber" => csv.Replace("core,HANDOVER,", "core,PATIENT-SAFETY,", StringComparison.Ordinal).Replace(",PATIENT-SAFETY,45,", ",,45,", StringComparison.Ordinal),
        "no framework row" => csv.Replace(",,,,,,1,\"domain", ",,,,,,,\"domain", StringComparison.Ordinal),
        "one-value scale" => csv.Replace("\"Not yet competent,Competent,Expert\",\"[{\"\"scaleid\"\":\"\"3\"\"},{\"\"id\"\":1", "Competent,\"[{\"\"scaleid\"\":\"\"3\"\"},{\"\"id\"\":1", StringComparison.Ordinal),
        "unknown category" => csv.Replace(",leadership,Leadership,", ",teams,Teams,", StringComparison.Ordinal).Replace("leadership,SHIFT-LEAD,", "teams,SHIFT-LEAD,", StringComparison.Ordinal),
        "loop" => csv.Replace("core,PATIENT-SAFETY,", "PS-1,PATIENT-SAFETY,", StringComparison.Ordinal),
        "four deep" => csv + "SL-1,SL-1-A,\"Too deep\",,1,,,,0,null,,49,,\n",
        "short header" => csv.Replace(",Taxonomy\n", "\n", StringComparison.Ordinal),
        "shuffled header" => csv.Replace("\"ID number\",\"Short name\"", "\"Short name\",\"ID number\"", StringComparison.Ordinal),
        "bad code" => csv.Replace("core,HANDOVER,", "core,HAND OVER,", StringComparison.Ordinal).Replace("PATIENT-SAFETY,45", "PATIENT-SAFETY,45", StringComparison.Ordinal),
        "scale of another length" => csv.Replace("1,\"Not yet competent,Competent,Expert\",\"[{\"\"scaleid\"\":\"\"3\"\"},{\"\"id\"\":2,", "1,\"Not yet competent,Competent\",\"[{\"\"scaleid\"\":\"\"3\"\"},{\"\"id\"\":2,", StringComparison.Ordinal),
        "unclosed quote" => csv.Replace("\"Assigns patients by acuity and skill\",", "\"Assigns patients by acuity and skill,", StringComparison.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    [Theory, MemberData(nameof(Broken))]
    public async Task A_broken_file_is_refused_at_its_row_and_column_and_changes_nothing(string provider, string how, string place, string message)
    {
        var csv = (await File.ReadAllTextAsync(MoodleShaped, Ct)).ReplaceLineEndings("\n");
        var broken = Break(csv, how);
        Assert.NotEqual(csv, broken);
        await using var empty = await TestDatabase.CreateAsync(provider, empty: true);
        var report = await ImportAsync(empty.Target, broken);
        Assert.False(report.Ok);
        Assert.Contains(report.Problems, p => p.Place == place && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty((await FrameworkAsync(empty.Target)).Competencies);
    }

    [Theory, ProviderApps]
    public async Task The_api_exports_and_imports_for_HR_admins_and_refuses_employees(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var export = await hr.GetAsync("/api/framework/moodle", Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var csv = await export.Content.ReadAsByteArrayAsync(Ct);
        Assert.StartsWith("Parent ID number,ID number,", Encoding.UTF8.GetString(csv), StringComparison.Ordinal);

        async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, bool dryRun)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "moodle.csv" } };
            return await client.PostAsync($"/api/framework/moodle?dryRun={(dryRun ? "true" : "false")}", form, Ct);
        }
        var dry = await PostAsync(hr, csv, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains("\"dryRun\":true", await dry.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hr, csv, dryRun: false)).StatusCode);
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(csv).Replace(",1,\"domain,competency\"", ",,\"domain,competency\"", StringComparison.Ordinal));
        var refused = await PostAsync(hr, broken, dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("no row has isframework 1", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsync("/api/framework/moodle", new MultipartFormDataContent(), Ct)).StatusCode);

        var employee = await app.SignedInAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/framework/moodle", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(employee, csv, dryRun: true)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task HR_downloads_the_CSV_and_checks_and_imports_it_on_the_exchange_page(TestApp app)
    {
        var hr = await app.BrowserAsync(AppRoles.HrAdmin);
        var page = await hr.GetStringAsync("/admin/framework", Ct);
        Assert.Contains("Moodle competency framework CSV", page, StringComparison.Ordinal);
        var download = await hr.GetAsync("/admin/framework?handler=Moodle", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var csv = await download.Content.ReadAsByteArrayAsync(Ct);

        async Task<string> UploadAsync(byte[] bytes, bool dryRun)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Forms.AntiforgeryToken(page)), "__RequestVerificationToken" },
                { new StringContent(dryRun ? "true" : "false"), "dryRun" },
                { new ByteArrayContent(bytes), "MoodleUpload", "riverbend-moodle.csv" },
            };
            var response = await hr.PostAsync("/admin/framework?handler=Moodle", form, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        }
        Assert.Contains("riverbend-moodle.csv can be imported.", await UploadAsync(csv, dryRun: true), StringComparison.Ordinal);
        Assert.Contains("riverbend-moodle.csv matches the competencies as they are.", await UploadAsync(csv, dryRun: false), StringComparison.Ordinal);
        var broken = await UploadAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(csv).Replace(",1,\"domain,competency\"", ",,\"domain,competency\"", StringComparison.Ordinal)), dryRun: false);
        Assert.Contains("problem(s); nothing was imported.", broken, StringComparison.Ordinal);
        Assert.Contains("no row has isframework 1", broken, StringComparison.Ordinal);

        var employee = await app.BrowserAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/admin/framework?handler=Moodle", Ct)).StatusCode);
    }
}

/// <summary>`careermap export moodle` and `import moodle`, in-process as a user would call them (serial: the console is shared).</summary>
[Collection(nameof(ConsoleBound))]
public sealed class CliMoodleTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("careermap-moodle-").FullName;
    string Db => $"Data Source={Path.Combine(folder, "cli.db")};Pooling=False";
    string File(string name) => Path.Combine(folder, name);

    [Fact]
    public async Task Export_moodle_writes_a_file_that_import_moodle_checks_and_a_bad_one_exits_1()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, await CareerMapCli.RunAsync(["seed", "--db", Db]));
        Assert.Equal(0, await CareerMapCli.RunAsync(["export", "moodle", File("moodle.csv"), "--db", Db]));
        Assert.StartsWith("Parent ID number,ID number,", await System.IO.File.ReadAllTextAsync(File("moodle.csv"), ct), StringComparison.Ordinal);
        Assert.Equal(0, await CareerMapCli.RunAsync(["import", "moodle", File("moodle.csv"), "--dry-run", "--db", Db]));
        Assert.Equal(0, await CareerMapCli.RunAsync(["import", "moodle", File("moodle.csv"), "--json", "--db", Db]));
        await System.IO.File.WriteAllTextAsync(File("bad.csv"), "parentidnumber,idnumber\n", ct);
        var error = new StringWriter();
        var was = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(1, await CareerMapCli.RunAsync(["import", "moodle", File("bad.csv"), "--db", Db]));
        }
        finally
        {
            Console.SetError(was);
        }
        Assert.Contains("bad.csv: row 1: the header row has 2 columns", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, await CareerMapCli.RunAsync(["import", "moodle", File("missing.csv"), "--db", Db]));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
