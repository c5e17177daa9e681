using System.CommandLine;
using System.Text.Json;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Framework.Formats;
using CareerMap.Framework.Moodle;
using CareerMap.Hosting;
using CareerMap.People;
using Microsoft.Extensions.Localization;
using static CareerMap.Cli.CareerMapCli;

namespace CareerMap.Cli;

/// <summary>`careermap import` (a framework), `import case` (a CASE package), `import moodle` (Moodle's competency framework CSV), `import people` (a roster) and `import role-history`, all or nothing.</summary>
static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A careermap/1 JSON file or an Excel workbook (.xlsx)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be added, changed and removed; change nothing" };
        var command = new Command("import", "Import a whole framework, all or nothing");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.Subcommands.Add(People());
        command.Subcommands.Add(RoleHistory());
        command.Subcommands.Add(Case());
        command.Subcommands.Add(Moodle());
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var framework = scope.Get<FrameworkService>();
            ImportReport report;
            await using (var stream = path.OpenRead())
                report = await FrameworkFiles.ImportAsync(framework, stream, path.Name, p.GetValue(dryRun), scope.Get<IStringLocalizer<SharedResource>>(),
                    diff => Console.Error.WriteLine($"Writing {diff.Collections.Sum(c => c.Added.Count + c.Changed.Count + c.Removed.Count):N0} changes in one transaction…"), ct);
            if (p.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
                return report.Ok ? Ok : BadInput;
            }
            return await PrintAsync(path.Name, report);
        });
        return command;
    }

    /// <summary>A framework import's report as people read it: every problem with its place, or what changed.</summary>
    static async Task<int> PrintAsync(string file, ImportReport report)
    {
        if (!report.Ok)
        {
            await Console.Error.WriteLineAsync($"{file}: {report.Problems.Count} problem(s); nothing was imported.");
            foreach (var problem in report.Problems) await Console.Error.WriteLineAsync($"  {file}: {problem}");
            return BadInput;
        }
        var verb = report.DryRun ? "Would change" : report.Applied ? "Imported" : "No changes:";
        Console.WriteLine($"{verb} {file}{(report.Diff!.IsEmpty ? " matches the stored framework" : "")}");
        foreach (var line in report.Diff.Describe()) Console.WriteLine($"  {line}");
        return Ok;
    }

    public static Command People()
    {
        var file = new Argument<FileInfo>("file") { Description = "A roster as .csv or .xlsx with the columns " + string.Join(", ", Roster.Columns) };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report who would be added and changed; change nothing" };
        var credentials = new Option<FileInfo?>("--credentials")
        {
            Description = "Beside a CSV roster: dated credentials as .csv or .xlsx with the columns " + string.Join(", ", Roster.CredentialColumns)
                + " (a roster workbook keeps them on its Credentials sheet)",
        };
        var command = new Command("people", "Import people from a roster, all or nothing; people not in the file are kept");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.Options.Add(credentials);
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            var heldPath = p.GetValue(credentials);
            if (heldPath is { Exists: false }) return Fail($"{heldPath.Name}: file not found", BadInput);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var db = scope.Get<CareerMapDb>();
            RosterReport report;
            await using (var stream = path.OpenRead())
            await using (var held = heldPath?.OpenRead())
                report = await Roster.ImportAsync(db, Roster.Read(stream, path.Name, held, heldPath?.Name), p.GetValue(dryRun), scope.Get<TimeProvider>().Today(),
                    scope.Get<ILoggerFactory>().CreateLogger(typeof(Roster)), ct);
            var drafted = await scope.Get<CareerMap.Plans.PlanTemplates>().DraftForImportAsync(report, ct);
            if (p.GetValue(Json)) Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
            else if (!report.Ok)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {report.Problems.Count} problem(s); nobody was imported.");
                // A credentials file's problems name it already.
                foreach (var problem in report.Problems)
                    await Console.Error.WriteLineAsync(heldPath is not null && problem.Place.StartsWith(heldPath.Name, StringComparison.Ordinal) ? $"  {problem}" : $"  {path.Name}: {problem}");
            }
            else Console.WriteLine($"{(report.DryRun ? "Would add" : "Added")} {report.Added.Count}, {(report.DryRun ? "would change" : "changed")} {report.Changed.Count}; {report.Unchanged} stored people left as they were."
                + (report.Credentials > 0 ? $" {report.Credentials} credential(s) recorded or replaced." : "")
                + (drafted > 0 ? $" {drafted} draft plan(s) from the roles' templates." : ""));
            return report.Ok ? Ok : BadInput;
        });
        return command;
    }

    public static Command Case()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CASE 1.1 CFPackage (JSON), as CASE servers such as OpenSALT export it" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the package and report what would change; change nothing" };
        var command = new Command("case", "Import the competency framework from a CASE 1.1 package, all or nothing; its identifiers, groupings, keywords and rubrics are kept for the next export");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            await using var scope = await CareerMapServices.OpenCliAsync(Target(p), ct);
            CaseImportReport report;
            await using (var stream = path.OpenRead())
                report = await scope.Get<CaseExchange>().ImportAsync(stream, p.GetValue(dryRun), ct: ct);
            if (p.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
                return report.Ok ? Ok : BadInput;
            }
            if (await PrintAsync(path.Name, report.Framework) != Ok) return BadInput;
            Console.WriteLine($"{(report.Framework.DryRun ? "Would keep" : "Kept")} {report.Records} CASE records for the next export, {report.OnlyKept} of them with no home in the framework"
                + (report.ExactMatches > 0 ? $"; {report.ExactMatches} competencies keep their earlier identifier as an exactMatchOf" : "") + ".");
            return Ok;
        });
        return command;
    }

    public static Command Moodle()
    {
        var file = new Argument<FileInfo>("file") { Description = "Moodle's competency framework CSV, as Moodle exports it (admin/tool/lpimportcsv)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would change; change nothing" };
        var command = new Command("moodle", "Import the competency framework from Moodle's competency framework CSV, all or nothing");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            await using var scope = await CareerMapServices.OpenCliAsync(Target(p), ct);
            ImportReport report;
            await using (var stream = path.OpenRead())
                report = await scope.Get<MoodleExchange>().ImportAsync(stream, p.GetValue(dryRun), ct);
            if (p.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
                return report.Ok ? Ok : BadInput;
            }
            return await PrintAsync(path.Name, report);
        });
        return command;
    }

    public static Command RoleHistory()
    {
        var file = new Argument<FileInfo>("file") { Description = "Role changes as .csv or .xlsx with the columns " + string.Join(", ", RoleHistoryImport.Columns) };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and report what would be added; change nothing" };
        var command = new Command("role-history", "Import the role changes people went through before the record of them begins, all or nothing; rows already on record are skipped");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            await using var scope = await CareerMapServices.OpenCliAsync(Target(p), ct);
            RoleHistoryReport report;
            await using (var stream = path.OpenRead())
            {
                var (rows, problems) = RoleHistoryImport.Read(stream, path.Name);
                report = await RoleHistoryImport.ImportAsync(scope.Get<CareerMapDb>(), scope.Get<TimeProvider>(), rows, problems, p.GetValue(dryRun),
                    scope.Get<ILoggerFactory>().CreateLogger(typeof(RoleHistoryImport)), ct);
            }
            if (p.GetValue(Json)) Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
            else if (!report.Ok)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {report.Problems.Count} problem(s); nothing was imported.");
                foreach (var problem in report.Problems) await Console.Error.WriteLineAsync($"  {path.Name}: {problem}");
            }
            else Console.WriteLine($"{(report.DryRun ? "Would add" : "Added")} {report.Added} change(s) for {report.People} people; {report.AlreadyOnRecord} already on record.");
            return report.Ok ? Ok : BadInput;
        });
        return command;
    }
}
