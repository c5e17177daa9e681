using System.CommandLine;
using System.Text.Json;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.JobDescriptions;
using Microsoft.Extensions.Localization;

namespace CareerMap.Cli;

/// <summary><c>careermap jd parse FILE [--json]</c>: what the parser finds in a job-description file; stores nothing.</summary>
static class JobDescriptionCommand
{
    public static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(Func<ParseResult, DatabaseTarget> target, Option<bool> json)
    {
        var file = new Argument<FileInfo>("file") { Description = "A job description: .txt, .docx or .pdf; several descriptions in one file are found one by one" };
        var parse = new Command("parse", "Structure a job description and tie it to the framework's competencies (a dry run: nothing is stored)");
        parse.Arguments.Add(file);
        parse.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: file not found");
                return CareerMapCli.BadInput;
            }
            // The sentence model, the line model and the suggestion models take most of a parse's time to load: all three load while the framework is read.
            MiniLmEmbedder.Warm();
            LineModel.Warm();
            SuggestionModel.Warm();
            var matcher = CompetencyMatcher.Suggesting(await CompetenciesAsync(target(p), ct));
            JdParseResult result;
            try
            {
                await using var stream = path.OpenRead();
                result = JobDescriptionFiles.Parse(stream, path.Name, matcher, EnglishWords.Instance);
            }
            catch (JobDescriptionFormatException e)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {e.Message}");
                return CareerMapCli.BadInput;
            }
            if (p.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(result, Output));
                return CareerMapCli.Ok;
            }
            Console.WriteLine($"{path.Name}: {result.Documents.Count} job description(s)");
            foreach (var d in result.Documents)
            {
                Console.WriteLine($"  {d.Title ?? "(no title)"}: {d.Responsibilities.Sum(g => g.Items.Count)} duties, {d.Qualifications.Count + d.EducationAndExperience.Count} requirements, "
                    + $"competencies {string.Join(", ", d.Competencies.Select(c => $"{c.Code} {c.Level}"))}");
                foreach (var w in d.Warnings) Console.WriteLine($"    warning: {w}");
            }
            return CareerMapCli.Ok;
        });
        var importFile = new Argument<FileInfo>("file") { Description = "A job description: .txt, .docx or .pdf" };
        var role = new Option<string?>("--role") { Description = "The role it describes (a role code); by default the role with the description's title, else it is kept as a proposed new role" };
        var import = new Command("import", "Store a job description as a new version of its role's description (the framework is not changed until HR confirms its competency links)");
        import.Arguments.Add(importFile);
        import.Options.Add(role);
        import.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(importFile)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: file not found");
                return CareerMapCli.BadInput;
            }
            await using var session = await CareerMapServices.OpenCliAsync(target(p), ct);
            await using var stream = path.OpenRead();
            var L = session.Get<IStringLocalizer<SharedResource>>();
            var (stored, problem) = await session.Get<JobDescriptionLibrary>().ImportAsync(stream, path.Name, p.GetValue(role), $"cli:{Environment.UserName}",
                L["import one file per role, or leave out --role"], ct);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync(problem.Field == "role" ? $"--role: {problem.Message}" : problem.Message);
                return CareerMapCli.BadInput;
            }
            if (p.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(stored, Output));
            else foreach (var v in stored)
                Console.WriteLine(v.Role is null ? $"{v.Title}: stored as a proposed new role (version {v.Number}, id {v.Id})" : $"{v.Title}: version {v.Number} of {v.Role} (id {v.Id})");
            return CareerMapCli.Ok;
        });
        var jd = new Command("jd", "Job descriptions");
        jd.Subcommands.Add(parse);
        jd.Subcommands.Add(import);
        return jd;
    }

    /// <summary>The stored framework's competencies; the sample's when there is no database yet (so parsing never creates one).</summary>
    static async Task<IReadOnlyList<CompetencyDto>> CompetenciesAsync(DatabaseTarget target, CancellationToken ct)
    {
        if (target.IsEmbedded && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString).DataSource is var file && !File.Exists(file))
            return Sample.RiverbendHealth.Build().Competencies;
        var stored = await StoredCompetencies.ReadAsync(target, ct);
        if (stored is null)
        {
            // A schema older than this build: the framework reader, after the migrations.
            await using var session = await CareerMapServices.OpenCliAsync(target, ct);
            stored = (await session.Get<FrameworkService>().ExportAsync(ct)).Competencies;
        }
        return stored.Count > 0 ? stored : Sample.RiverbendHealth.Build().Competencies;
    }
}
