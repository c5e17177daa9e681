using System.CommandLine;
using System.Globalization;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.People;
using CareerMap.Sample;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using static CareerMap.Cli.CareerMapCli;

namespace CareerMap.Cli;

/// <summary>`careermap seed`: the sample framework (or a synthetic one for load tests) and generated people.</summary>
static class SeedCommand
{
    public static Command Create()
    {
        var employees = new Option<int?>("--employees") { Description = "Generate this many people (a pyramid across roles, managers with 8-15 reports, assessments)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same people", DefaultValueFactory = _ => SampleOrganization.DefaultSeed };
        var asOf = new Option<string?>("--as-of") { Description = "Date the generated history runs up to (yyyy-MM-dd); default today" };
        var replace = new Option<bool>("--replace") { Description = "Remove existing people and assessments first" };
        var frameworkRoles = new Option<int?>("--framework-roles") { Description = "Load a synthetic framework of this many roles instead of Riverbend Health (for benchmarks; the database must have no framework yet)" };
        var command = new Command("seed", "Load the Riverbend Health sample framework into an empty database and generate people");
        command.Options.Add(employees);
        command.Options.Add(seed);
        command.Options.Add(asOf);
        command.Options.Add(replace);
        command.Options.Add(frameworkRoles);
        command.SetAction(async (p, ct) =>
        {
            var date = TimeProvider.System.Today();
            if (p.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                return Fail($"--as-of: '{text}' is not a date in the form yyyy-MM-dd", Usage);
            var count = p.GetValue(employees);
            if (count is < PeopleGenerator.Minimum) return Fail($"--employees: generate at least {PeopleGenerator.Minimum}", Usage);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var sample = scope.Get<SampleOrganization>();
            var db = scope.Get<CareerMapDb>();
            if (p.GetValue(frameworkRoles) is int synthetic)
            {
                if (synthetic < 10) return Fail("--framework-roles: ask for at least 10 roles", Usage);
                if (await sample.HasFrameworkAsync(ct)) return Fail("the database already holds a framework; use an empty database for a synthetic one", BadInput);
                var watch0 = System.Diagnostics.Stopwatch.StartNew();
                var document = CareerMap.Sample.SyntheticFramework.Build(synthetic, p.GetValue(seed));
                var report = await scope.Get<FrameworkService>().ImportAsync(document, x => x, dryRun: false, ct: ct);
                if (!report.Applied) return Fail(string.Join("; ", report.Problems), BadInput);
                var graph = CareerMap.Paths.CareerGraph.Build(document);
                Console.WriteLine($"Loaded a synthetic framework: {document.Roles.Count:N0} roles, {document.Requirements.Count:N0} requirements, {graph.MoveCount:N0} moves ({document.Moves.Count:N0} explicit) in {watch0.Elapsed.TotalSeconds:F1} s.");
            }
            else if (await sample.LoadFrameworkAsync(ct)) Console.WriteLine("Loaded the Riverbend Health framework.");
            if (count is not int n) return Ok;
            var existing = await PeopleWriter.CountAsync(db, ct);
            if (existing > 0 && !p.GetValue(replace))
                return Fail($"the database already holds {existing} employees; pass --replace to generate a fresh set", BadInput);
            if (existing > 0) await sample.ClearPeopleAsync(ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Seeding {n:N0} people");
                await sample.SeedPeopleAsync(new(n, p.GetValue(seed), date), new Progress<double>(v => task.Value = v * 100), ct);
            });
            await sample.CreatePersonasAsync(ct);
            var plans = await sample.SeedPlansAsync(p.GetValue(seed), ct);
            var assessments = await EntityFrameworkQueryableExtensions.CountAsync(db.Assessments, ct);
            Console.WriteLine($"Seeded {n:N0} employees, {assessments:N0} assessments and {plans:N0} development plans in {watch.Elapsed.TotalSeconds:F1} s ({target.Describe()}).");
            return Ok;
        });
        return command;
    }
}
