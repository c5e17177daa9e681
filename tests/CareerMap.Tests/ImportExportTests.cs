using System.Text;
using System.Text.Json;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using CareerMap.People;
using CareerMap.Sample;
using CareerMap.Tests.Support;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerMap.Tests;

public sealed class ImportExportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<ImportReport> ImportAsync(DatabaseTarget target, byte[] bytes, string fileName, bool dryRun = false)
    {
        await using var db = target.CreateContext();
        using var stream = new MemoryStream(bytes);
        return await FrameworkFiles.ImportAsync(Frameworks.Service(db), stream, fileName, dryRun, EnglishWords.Instance, ct: Ct);
    }

    static async Task<byte[]> ExportAsync(DatabaseTarget target, FrameworkFileFormat format)
    {
        await using var db = target.CreateContext();
        using var stream = new MemoryStream();
        FrameworkFiles.Write(await Frameworks.Service(db).ExportAsync(Ct), format, stream);
        return stream.ToArray();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Json_export_import_export_gives_the_same_content(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var copy = await TestDatabase.CreateAsync(provider, empty: true);
        var first = await ExportAsync(source.Target, FrameworkFileFormat.Json);
        var report = await ImportAsync(copy.Target, first, "riverbend.json");
        Assert.True(report.Applied, string.Join("\n", report.Problems));
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(await ExportAsync(copy.Target, FrameworkFileFormat.Json)));
        Assert.Contains("\"format\": \"careermap/1\"", Encoding.UTF8.GetString(first));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Excel_export_import_export_gives_the_same_content(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var copy = await TestDatabase.CreateAsync(provider, empty: true);
        var workbook = await ExportAsync(source.Target, FrameworkFileFormat.Xlsx);
        var report = await ImportAsync(copy.Target, workbook, "riverbend.xlsx");
        Assert.True(report.Applied, string.Join("\n", report.Problems));
        Assert.Equal(Encoding.UTF8.GetString(await ExportAsync(source.Target, FrameworkFileFormat.Json)),
            Encoding.UTF8.GetString(await ExportAsync(copy.Target, FrameworkFileFormat.Json)));
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        Assert.Equal(["Read me", "Organization", "Grades", "Units", "Families", "Competencies", "Roles", "Requirements", "Duties", "Strategies", "Moves", "Prerequisites", "Translations"],
            wb.Worksheets.Select(w => w.Name).ToArray());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_dry_run_lists_what_would_change_and_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await ExportAsync(database.Target, FrameworkFileFormat.Json);
        var d = JsonFrameworkFormat.Read(new MemoryStream(before), EnglishWords.Instance).Document!;
        d.Units.Add(new("HR", "People Operations", "Recruiting and HR"));
        var i = d.Roles.FindIndex(r => r.Code == "CC-REP-1");
        d.Roles[i] = d.Roles[i] with { Title = "Care Representative 1" };
        d.Moves.RemoveAll(m => m.Code == "CC-REP-3-TO-RP-CDR");
        var file = Json(d);

        var dry = await ImportAsync(database.Target, file, "edited.json", dryRun: true);
        Assert.True(dry.Ok);
        Assert.False(dry.Applied);
        Assert.Equal(["HR"], dry.Diff!.For(FrameworkCollections.Units).Added);
        Assert.Equal("CC-REP-1", Assert.Single(dry.Diff.For(FrameworkCollections.Roles).Changed).Key);
        Assert.Equal(["title"], dry.Diff.For(FrameworkCollections.Roles).Changed[0].Fields);
        Assert.Equal(["CC-REP-3-TO-RP-CDR"], dry.Diff.For(FrameworkCollections.Moves).Removed);
        Assert.Contains(dry.Diff.Describe(), l => l.StartsWith("units: 1 added: HR", StringComparison.Ordinal));
        Assert.Equal(before, await ExportAsync(database.Target, FrameworkFileFormat.Json));

        var real = await ImportAsync(database.Target, file, "edited.json");
        Assert.True(real.Applied);
        var after = JsonFrameworkFormat.Read(new MemoryStream(await ExportAsync(database.Target, FrameworkFileFormat.Json)), EnglishWords.Instance).Document!;
        Assert.Equal("Care Representative 1", after.Roles.Single(r => r.Code == "CC-REP-1").Title);
        Assert.DoesNotContain(after.Moves, m => m.Code == "CC-REP-3-TO-RP-CDR");
    }

    public static TheoryData<string, string> BadFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
            foreach (var name in BadFileCases.Keys)
                data.Add(provider, name);
        return data;
    }

    [Theory, MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_place_and_reason_and_changes_nothing(string provider, string kind)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await ExportAsync(database.Target, FrameworkFileFormat.Json);
        var (bytes, fileName, place, reason) = BadFileCases[kind](RiverbendHealth.Build());
        var report = await ImportAsync(database.Target, bytes, fileName);
        Assert.False(report.Applied);
        Assert.Contains(report.Problems, p => p.Place.StartsWith(place, StringComparison.Ordinal) && p.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(before, await ExportAsync(database.Target, FrameworkFileFormat.Json));
        await using var db = database.Target.CreateContext();
        Assert.Equal(SampleOrganizationCounts.Roles, await db.Roles.CountAsync(Ct));
    }

    static class SampleOrganizationCounts
    {
        public static readonly int Roles = RiverbendHealth.Build().Roles.Count;
    }

    static byte[] Json(FrameworkDocument d)
    {
        using var s = new MemoryStream();
        JsonFrameworkFormat.Write(d, s);
        return s.ToArray();
    }

    static byte[] Xlsx(FrameworkDocument d, Action<XLWorkbook>? edit = null)
    {
        using var s = new MemoryStream();
        ExcelFrameworkFormat.Write(d, s);
        if (edit is null) return s.ToArray();
        s.Position = 0;
        using var wb = new XLWorkbook(s);
        edit(wb);
        using var edited = new MemoryStream();
        wb.SaveAs(edited);
        return edited.ToArray();
    }

    static string JsonText(FrameworkDocument d) => Encoding.UTF8.GetString(Json(d));

    static int RoleIndex(FrameworkDocument d, string code) => d.Roles.FindIndex(r => r.Code == code);

    /// <summary>Each kind of bad input: the file, and the place and reason the report must give.</summary>
    static readonly Dictionary<string, Func<FrameworkDocument, (byte[] Bytes, string FileName, string Place, string Reason)>> BadFileCases = new()
    {
        ["truncated json"] = d => (Json(d)[..4000], "f.json", "line ", "not valid JSON"),
        ["json that is a list"] = d => ("[1, 2]"u8.ToArray(), "f.json", "$", "expected a JSON object"),
        ["unsupported format version"] = d => { d.Format = "careermap/2"; return (Json(d), "f.json", "format", "format 'careermap/2' is not supported"); },
        ["grade not on the scale"] = d =>
        {
            var i = RoleIndex(d, "CC-REP-1");
            d.Roles[i] = d.Roles[i] with { Grade = "112" };
            return (Json(d), "f.json", $"roles[{i}].grade", "grade 112 is not on the scale");
        },
        ["duplicate role code"] = d => { d.Roles.Add(d.Roles[0] with { Title = "Copy" }); return (Json(d), "f.json", $"roles[{d.Roles.Count - 1}].code", $"duplicate code {d.Roles[0].Code}"); },
        ["unknown unit reference"] = d => { d.Families[0] = d.Families[0] with { Unit = "NOWHERE" }; return (Json(d), "f.json", "families[0].unit", "unknown unit 'NOWHERE'"); },
        ["wrong type"] = d => (Encoding.UTF8.GetBytes(JsonText(d).Replace("\"rank\": 105", "\"rank\": \"one hundred five\"", StringComparison.Ordinal)), "f.json", "grades[2].rank", "expected a whole number"),
        ["level above the top"] = d => { d.Requirements[3] = d.Requirements[3] with { Level = 6 }; return (Json(d), "f.json", "requirements[3].level", "level 6 is above the framework's top level (5)"); },
        ["missing level descriptor"] = d => { d.Competencies[0] = d.Competencies[0] with { Levels = [.. d.Competencies[0].Levels.Take(4)] }; return (Json(d), "f.json", "competencies[0].levels", "has 4 level descriptors; the scale has 5"); },
        ["empty required field"] = d => { d.Roles[5] = d.Roles[5] with { Title = " " }; return (Json(d), "f.json", "roles[5].title", "title is required"); },
        ["unknown field"] = d => (Encoding.UTF8.GetBytes(JsonText(d).Replace("\"topLevel\": 5", "\"topLevel\": 5, \"colour\": \"teal\"", StringComparison.Ordinal)), "f.json", "organization.colour", "unknown field 'colour'"),
        ["move to the same role"] = d => { d.Moves[0] = d.Moves[0] with { To = d.Moves[0].From }; return (Json(d), "f.json", "moves[0].to", "a move must lead to another role"); },
        ["unknown prerequisite kind"] = d =>
        {
            var i = RoleIndex(d, "CC-REP-SR");
            d.Roles[i] = d.Roles[i] with { Prerequisites = [new("telepathy")] };
            return (Json(d), "f.json", $"roles[{i}].prerequisites[0].kind", "kind 'telepathy' is not one of");
        },
        ["removing a role people hold"] = d => { d.Roles.RemoveAll(r => r.Code == "CC-REP-1"); d.Requirements.RemoveAll(q => q.Role == "CC-REP-1"); return (Json(d), "f.json", "roles (CC-REP-1)", "employee(s) hold it"); },
        ["not an excel file"] = d => ("this is not a workbook"u8.ToArray(), "f.xlsx", "f.xlsx", "not a readable Excel workbook"),
        ["truncated workbook"] = d => { var x = Xlsx(d); return (x[..(x.Length / 2)], "f.xlsx", "f.xlsx", "not a readable Excel workbook"); },
        ["unknown file type"] = d => ("code,name"u8.ToArray(), "f.csv", "f.csv", "unknown file type"),
        ["excel level above the top"] = d => (Xlsx(d, wb => wb.Worksheet("Requirements").Cell("D7").Value = 6), "f.xlsx", "Requirements!D7", "level 6 is above the framework's top level (5)"),
        ["excel missing sheet"] = d => (Xlsx(d, wb => wb.Worksheet("Moves").Delete()), "f.xlsx", "workbook", "sheet 'Moves' is missing"),
        ["excel empty required cell"] = d => (Xlsx(d, wb => wb.Worksheet("Roles").Cell("B5").Value = ""), "f.xlsx", "Roles!B5", "title is required"),
        ["excel wrong type"] = d => (Xlsx(d, wb => wb.Worksheet("Roles").Cell("F3").Value = "two"), "f.xlsx", "Roles!F3", "expected a whole number, found 'two'"),
        ["excel unknown competency column"] = d => (Xlsx(d, wb => wb.Worksheet("Requirements").Cell("C1").Value = "TELEPATHY"), "f.xlsx", "Requirements!C1", "unknown competency 'TELEPATHY'"),
        ["excel bad requirement cell"] = d => (Xlsx(d, wb => wb.Worksheet("Requirements").Cell("C2").Value = "expert"), "f.xlsx", "Requirements!C2", "expected a level such as 3, 3* (critical) or 3 w2"),
        ["excel duplicate code"] = d => (Xlsx(d, wb => wb.Worksheet("Units").Cell("A3").Value = wb.Worksheet("Units").Cell("A2").GetString()), "f.xlsx", "Units!A3", "duplicate code"),
    };
}
