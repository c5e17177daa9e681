using System.CommandLine;
using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Framework.Formats;
using CareerMap.Framework.Moodle;
using CareerMap.Hosting;
using static CareerMap.Cli.CareerMapCli;

namespace CareerMap.Cli;

/// <summary>`careermap export`: the whole framework as careermap/1 JSON or an Excel workbook; `export case`: the competencies as a CASE 1.1 package; `export moodle`: as Moodle's competency framework CSV.</summary>
static class ExportCommand
{
    static Command Case()
    {
        var file = new Argument<FileInfo>("file") { Description = "File to write: a CASE 1.1 CFPackage (JSON)" };
        var command = new Command("case", "Export the competency framework as a CASE 1.1 CFPackage (JSON); URIs name CareerMap:Case:BaseUrl when set");
        command.Arguments.Add(file);
        command.SetAction(async (p, ct) =>
        {
            await using var scope = await CareerMapServices.OpenCliAsync(Target(p), ct);
            var path = p.GetValue(file)!;
            var temp = path.FullName + ".partial";
            await using (var stream = File.Create(temp))
                await scope.Get<CaseExchange>().WriteAsync(stream, ct: ct);
            File.Move(temp, path.FullName, overwrite: true);
            var document = await scope.Get<FrameworkService>().ExportAsync(ct);
            Console.WriteLine($"Exported {document.Competencies.Count} competencies as a CASE 1.1 package to {path.Name}");
            return Ok;
        });
        return command;
    }

    static Command Moodle()
    {
        var file = new Argument<FileInfo>("file") { Description = "File to write: Moodle's competency framework CSV" };
        var command = new Command("moodle", "Export the competency framework as Moodle's competency framework CSV (Site administration > Competencies > Import competency framework)");
        command.Arguments.Add(file);
        command.SetAction(async (p, ct) =>
        {
            await using var scope = await CareerMapServices.OpenCliAsync(Target(p), ct);
            var path = p.GetValue(file)!;
            var temp = path.FullName + ".partial";
            await using (var stream = File.Create(temp))
                await scope.Get<MoodleExchange>().WriteAsync(stream, ct);
            File.Move(temp, path.FullName, overwrite: true);
            var document = await scope.Get<FrameworkService>().ExportAsync(ct);
            Console.WriteLine($"Exported {document.Competencies.Count} competencies as a Moodle competency framework CSV to {path.Name}");
            return Ok;
        });
        return command;
    }

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json or xlsx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "File to write", Required = true };
        var command = new Command("export", "Export the whole framework as careermap/1 JSON or an Excel workbook");
        command.Options.Add(format);
        command.Options.Add(output);
        command.Subcommands.Add(Case());
        command.Subcommands.Add(Moodle());
        command.SetAction(async (p, ct) =>
        {
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var document = await scope.Get<FrameworkService>().ExportAsync(ct);
            var path = p.GetValue(output)!;
            var temp = path.FullName + ".partial";
            await using (var stream = File.Create(temp))
                FrameworkFiles.Write(document, p.GetValue(format) == "xlsx" ? FrameworkFileFormat.Xlsx : FrameworkFileFormat.Json, stream);
            File.Move(temp, path.FullName, overwrite: true);
            Console.WriteLine($"Exported {document.Roles.Count} roles and {document.Competencies.Count} competencies to {path.Name}");
            return Ok;
        });
        return command;
    }
}
