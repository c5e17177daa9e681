using System.CommandLine;
using System.Diagnostics;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Sample;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Cli;

/// <summary>
/// `careermap bench rank`: ranks a large generated workforce for a role with the rating index and, in the same
/// run, the straightforward way (every person and rating read through EF Core, readiness computed per person),
/// and prints both medians, their ratio and the index's memory.
/// </summary>
static class BenchCommand
{
    public static Command Create(Func<ParseResult, DatabaseTarget?> target)
    {
        var employees = new Option<int>("--employees") { Description = "People to rank", DefaultValueFactory = _ => 1_000_000 };
        var role = new Option<string>("--role") { Description = "The role to rank candidates for", DefaultValueFactory = _ => "CC-REP-SR" };
        var runs = new Option<int>("--runs") { Description = "Timed runs of the index (the direct way runs 3 times)", DefaultValueFactory = _ => 21 };
        var rank = new Command("rank", "Benchmark ranking candidates with the rating index against the straightforward EF Core way");
        rank.Options.Add(employees);
        rank.Options.Add(role);
        rank.Options.Add(runs);
        rank.SetAction(async (p, ct) =>
        {
            var n = p.GetValue(employees);
            var db0 = target(p) ?? DatabaseTarget.Parse($"Data Source={Path.Combine(Path.GetTempPath(), $"careermap-bench-{n}.db")}");
            var today = TimeProvider.System.Today();
            await using var scope = await CareerMapServices.OpenCliAsync(db0, ct);
            var db = scope.Get<CareerMapDb>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var sample = scope.Get<SampleOrganization>();
            await sample.LoadFrameworkAsync(ct);
            if (await db.Employees.CountAsync(ct) != n)
            {
                Console.WriteLine($"Generating {n:N0} people in {db0.Describe()} (kept for later runs)…");
                await sample.ClearPeopleAsync(ct);
                var watch = Stopwatch.StartNew();
                await sample.SeedPeopleAsync(new(n, 1, today), null, ct);
                Console.WriteLine($"  seeded in {watch.Elapsed.TotalSeconds:F1} s");
            }
            var graph = CareerGraph.Build(await scope.Get<FrameworkService>().ExportAsync(ct));
            var needs = graph.Needs(p.GetValue(role)!);
            if (needs.Count == 0) { await Console.Error.WriteLineAsync($"error: role {p.GetValue(role)} has no requirements"); return CareerMapCli.BadInput; }

            var before = GC.GetTotalMemory(true);
            var load = Stopwatch.StartNew();
            var index = await RatingIndex.LoadAsync(db, today, ct);
            load.Stop();
            var heap = GC.GetTotalMemory(true) - before;
            Console.WriteLine($"Index of {index.Count:N0} people built in {load.Elapsed.TotalSeconds:F1} s: {index.Bytes / 1048576.0:F1} MB of arrays ({heap / 1048576.0:F1} MB of heap).");

            for (var i = 0; i < 3; i++) index.Rank(needs, 10);
            var indexTimes = Enumerable.Range(0, p.GetValue(runs)).Select(_ => Time(() => index.Rank(needs, 10))).ToList();
            var fromIndex = index.Rank(needs, 10).Select(x => index.EmployeeId(x.Row)).ToList();

            var people = scope.Get<PeopleDirectory>();
            List<int> direct = [];
            var directTimes = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                db.ChangeTracker.Clear();
                var watch = Stopwatch.StartNew();
                var everyone = await people.LoadAsync(null, today, ct);
                direct = [.. everyone.Select(x => (x.Id, r: Readiness.Of(graph, p.GetValue(role)!, x.State, [])))
                    .OrderByDescending(x => x.r.Competencies.All(c => !c.Critical || c.Gap == 0)).ThenByDescending(x => x.r.Percent).ThenBy(x => x.Id)
                    .Take(10).Select(x => x.Id)];
                directTimes.Add(watch.Elapsed.TotalMilliseconds);
                everyone = null;
                GC.Collect();
            }
            var synthetic = CareerGraph.Build(SyntheticFramework.Build(5000));
            var someone = index.EmployeeId(index.Count / 2);
            for (var i = 0; i < 5; i++) index.ForPerson(someone, synthetic);
            var personTimes = Enumerable.Range(0, 101).Select(_ => Time(() => index.ForPerson(someone, synthetic))).ToList();

            var indexMedian = Median(indexTimes);
            var directMedian = Median(directTimes);
            Console.WriteLine($"Rank {n:N0} people for {p.GetValue(role)}, top 10:");
            Console.WriteLine($"  rating index:   median {indexMedian:F1} ms over {indexTimes.Count} runs");
            Console.WriteLine($"  EF Core direct: median {directMedian:F0} ms over {directTimes.Count} runs");
            Console.WriteLine($"  ratio: {directMedian / indexMedian:F0}x; same top 10: {(fromIndex.SequenceEqual(direct) ? "yes" : "NO")}");
            Console.WriteLine($"One person against {synthetic.Roles.Count():N0} roles: median {Median(personTimes):F2} ms");
            Console.WriteLine($"Index memory: {index.Bytes / (double)n * 1_000_000 / 1048576.0:F1} MB per million people");
            return fromIndex.SequenceEqual(direct) ? CareerMapCli.Ok : CareerMapCli.BadInput;
        });
        var bench = new Command("bench", "Measure CareerMap at scale");
        bench.Subcommands.Add(rank);
        return bench;
    }

    static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
