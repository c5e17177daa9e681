using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Reports;
using CareerMap.Sample;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Cli;

/// <summary>
/// `careermap bench rank`: ranks a large generated workforce for a role with the rating index and, in the same
/// run, the straightforward way (every person and rating read through EF Core, readiness computed per person),
/// and prints both medians, their ratio, the index's build time and memory, and how soon a new rating reaches it.
/// </summary>
static class BenchCommand
{
    public static Command Create(Func<ParseResult, DatabaseTarget?> target, Option<bool> json)
    {
        var employees = new Option<int>("--employees") { Description = "People to rank", DefaultValueFactory = _ => 1_000_000 };
        var role = new Option<string>("--role") { Description = "The role to rank candidates for", DefaultValueFactory = _ => "CC-REP-SR" };
        var runs = new Option<int>("--runs") { Description = "Timed runs of the index", DefaultValueFactory = _ => 21 };
        var directRuns = new Option<int>("--direct-runs") { Description = "Timed runs of the straightforward EF Core way (0 skips it and the comparison)", DefaultValueFactory = _ => 3 };
        var rank = new Command("rank", "Benchmark ranking candidates with the rating index against the straightforward EF Core way");
        rank.Options.Add(employees);
        rank.Options.Add(role);
        rank.Options.Add(runs);
        rank.Options.Add(directRuns);
        rank.SetAction(async (p, ct) =>
        {
            var n = p.GetValue(employees);
            var roleCode = p.GetValue(role)!;
            // With --json standard output carries only the document; progress goes to standard error.
            var progress = p.GetValue(json) ? Console.Error : Console.Out;
            var db0 = target(p) ?? DefaultDatabase(n);
            var today = TimeProvider.System.Today();
            await using var scope = await OpenWithPeopleAsync(db0, n, today, progress, ct);
            var db = scope.Get<CareerMapDb>();
            var graph = CareerGraph.Build(await scope.Get<FrameworkService>().ExportAsync(ct));
            var needs = graph.Needs(roleCode);
            if (needs.Count == 0) { await Console.Error.WriteLineAsync($"error: role {roleCode} has no requirements"); return CareerMapCli.BadInput; }

            var before = GC.GetTotalMemory(true);
            var load = Stopwatch.StartNew();
            var index = await RatingIndex.LoadAsync(db, today, ct);
            load.Stop();
            var heap = GC.GetTotalMemory(true) - before;

            for (var i = 0; i < 3; i++) index.Rank(needs, 10);
            var indexTimes = Enumerable.Range(0, p.GetValue(runs)).Select(_ => Time(() => index.Rank(needs, 10))).ToList();
            var fromIndex = index.Rank(needs, 10).Select(x => index.EmployeeId(x.Row)).ToList();
            var (directTimes, sameTop10) = await DirectAsync(scope, graph, roleCode, today, p.GetValue(directRuns), fromIndex, ct);

            var synthetic = CareerGraph.Build(SyntheticFramework.Build(5000));
            var someone = index.EmployeeId(index.Count / 2);
            for (var i = 0; i < 5; i++) index.ForPerson(someone, synthetic);
            var personTimes = Enumerable.Range(0, 101).Select(_ => Time(() => index.ForPerson(someone, synthetic))).ToList();
            var newRating = await NewRatingVisibleAsync(db, index, someone, needs[0].Competency, today, ct);

            var result = new RankBenchmark(n, roleCode, db0.Provider.ToString(), Environment.ProcessorCount, Math.Round(load.Elapsed.TotalSeconds, 2),
                index.Bytes, heap, Math.Round(index.Bytes / (double)Math.Max(1, index.Count) * 1_000_000 / 1048576.0, 1),
                Math.Round(Median(indexTimes), 2), indexTimes.Count, directTimes.Count == 0 ? null : Math.Round(Median(directTimes), 0), directTimes.Count,
                sameTop10, synthetic.Roles.Count(), Math.Round(Median(personTimes), 3), Math.Round(newRating, 2));
            if (p.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result, JobDescriptionCommand.Output));
            else Print(result);
            return result.SameTop10 is false ? CareerMapCli.BadInput : CareerMapCli.Ok;
        });
        var bench = new Command("bench", "Measure CareerMap at scale");
        bench.Subcommands.Add(rank);
        bench.Subcommands.Add(Reports(target, json));
        return bench;
    }

    static DatabaseTarget DefaultDatabase(int employees) => DatabaseTarget.Parse($"Data Source={Path.Combine(Path.GetTempPath(), $"careermap-bench-{employees}.db")}");

    /// <summary>The CLI's services over a database holding exactly this many generated people (generated once, kept for later runs).</summary>
    static async Task<CliSession> OpenWithPeopleAsync(DatabaseTarget database, int employees, DateOnly today, TextWriter progress, CancellationToken ct)
    {
        var scope = await CareerMapServices.OpenCliAsync(database, ct);
        var db = scope.Get<CareerMapDb>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var sample = scope.Get<SampleOrganization>();
        await sample.LoadFrameworkAsync(ct);
        if (await db.Employees.CountAsync(ct) != employees)
        {
            await progress.WriteLineAsync($"Generating {employees:N0} people in {database.Describe()} (kept for later runs)…");
            await sample.ClearPeopleAsync(ct);
            var watch = Stopwatch.StartNew();
            await sample.SeedPeopleAsync(new(employees, 1, today), null, ct);
            await progress.WriteLineAsync($"  seeded in {watch.Elapsed.TotalSeconds:F1} s");
        }
        return scope;
    }

    /// <summary>
    /// `careermap bench reports`: the capability heatmap for the whole organization from the rating index (by unit, by
    /// location, by role), and in the same run the straightforward way: every person and their effective ratings read
    /// through EF Core and tallied in memory, with a check that both give the same figures.
    /// </summary>
    static Command Reports(Func<ParseResult, DatabaseTarget?> target, Option<bool> json)
    {
        var employees = new Option<int>("--employees") { Description = "People in the organization", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each report", DefaultValueFactory = _ => 11 };
        var directRuns = new Option<int>("--direct-runs") { Description = "Timed runs of the straightforward EF Core way (0 skips it and the comparison)", DefaultValueFactory = _ => 1 };
        var command = new Command("reports", "Benchmark the workforce reports from the rating index against the straightforward EF Core way");
        command.Options.Add(employees);
        command.Options.Add(runs);
        command.Options.Add(directRuns);
        command.SetAction(async (p, ct) =>
        {
            var n = p.GetValue(employees);
            var progress = p.GetValue(json) ? Console.Error : Console.Out;
            var database = target(p) ?? DefaultDatabase(n);
            var today = TimeProvider.System.Today();
            await using var scope = await OpenWithPeopleAsync(database, n, today, progress, ct);
            var report = scope.Get<CapabilityReport>();
            var graph = await scope.Get<CareerPaths>().GraphAsync(ct);
            var build = Stopwatch.StartNew();
            var byUnit = await report.HeatmapAsync(graph, CapabilityGrouping.Unit, null, null, ct: ct);
            build.Stop();
            var index = await scope.Get<RatingIndexCache>().GetAsync(scope.Get<CareerMapDb>(), today, ct);
            var medians = new Dictionary<string, double>();
            foreach (var by in Enum.GetValues<CapabilityGrouping>())
            {
                for (var i = 0; i < 2; i++) CapabilityReport.Tally(graph, index, by, null, null);
                medians[WireNames.Of(by)] = Math.Round(Median([.. Enumerable.Range(0, p.GetValue(runs)).Select(_ => Time(() => CapabilityReport.Tally(graph, index, by, null, null)))]), 2);
            }
            // What HR's second request costs: the tally kept for the index's state, after the check that no rating arrived since.
            var remembered = new List<double>();
            for (var i = 0; i < p.GetValue(runs); i++)
            {
                var watch = Stopwatch.StartNew();
                await report.HeatmapAsync(graph, CapabilityGrouping.Unit, null, null, ct: ct);
                remembered.Add(watch.Elapsed.TotalMilliseconds);
            }
            var (directTimes, same) = await DirectHeatmapAsync(scope, graph, today, byUnit, p.GetValue(directRuns), ct);
            var succession = await SuccessionAsync(scope, graph, index, today, p.GetValue(runs), p.GetValue(directRuns), ct);
            var mobility = await MobilityAsync(scope, graph, today, p.GetValue(runs), p.GetValue(directRuns), ct);
            var development = await DevelopmentAsync(scope, graph, today, p.GetValue(runs), progress, ct);
            var result = new ReportsBenchmark(n, database.Provider.ToString(), Environment.ProcessorCount, Math.Round(build.Elapsed.TotalSeconds, 2), medians,
                Math.Round(Median(remembered), 2), p.GetValue(runs),
                directTimes.Count == 0 ? null : Math.Round(Median(directTimes), 0), directTimes.Count, same, succession, mobility, development);
            if (p.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result, JobDescriptionCommand.Output));
            else
            {
                Console.WriteLine($"Capability heatmap of {n:N0} people ({result.Database}); the first, with the index built, took {result.FirstSeconds:F1} s.");
                foreach (var (by, ms) in medians) Console.WriteLine($"  by {by,-9} tally from the rating index: median {ms:F2} ms over {result.Runs} runs");
                Console.WriteLine($"  by unit, asked again before the next rating: median {result.RememberedMedianMs:F2} ms (the kept tally; over HTTP each request also reads the change stamps, see bench/load/requests.sh)");
                if (result.DirectMedianMs is double direct)
                    Console.WriteLine($"  by unit, EF Core direct: median {direct:F0} ms over {result.DirectRuns} runs; same figures: {(same == true ? "yes" : "NO")}");
                var sr = result.Succession;
                Console.WriteLine($"Bench and succession, {sr.Roles} roles × {n:N0} people, prerequisites included; prerequisite facts read in {sr.FactsSeconds:F1} s.");
                Console.WriteLine($"  every role's bench from the index: median {sr.TallyMedianMs:F0} ms over {result.Runs} runs; asked again before the next rating: median {sr.RememberedMedianMs:F2} ms");
                Console.WriteLine($"  what-if of one requirement ({sr.WhatIfRole}): median {sr.WhatIfMedianMs:F0} ms");
                if (sr.DirectOneRoleMs is double one)
                    Console.WriteLine($"  one role ({sr.WhatIfRole}) the straightforward way (everyone through EF Core, route estimate and readiness person by person): {one:F0} ms; same bench: {(sr.SameBench == true ? "yes" : "NO")}");
                var mr = result.Mobility;
                Console.WriteLine($"Mobility over the last eight quarters: {mr.Changes:N0} role changes in history, read into memory in {mr.HistorySeconds:F1} s.");
                Console.WriteLine($"  moves, fills and months before promotion from the history index: median {mr.MedianMs:F0} ms; asked again before the people change: median {mr.RememberedMedianMs:F2} ms; routes CC-REP-1 to CC-SUP: median {mr.RoutesMedianMs:F0} ms");
                if (mr.DirectMs is double d)
                    Console.WriteLine($"  moves per quarter the straightforward way (the period's changes through EF Core, each move's kind from the framework): {d:F0} ms; same figures: {(mr.SameFigures == true ? "yes" : "NO")}");
                var dr = result.Development;
                Console.WriteLine($"Development health over {dr.Plans:N0} plans this cycle: everyone first {dr.EveryoneFirstMs:F0} ms, then median {dr.EveryoneMedianMs:F2} ms; a director's line ({dr.LinePeople:N0} people) first {dr.LineFirstMs:F0} ms, then median {dr.LineMedianMs:F2} ms (over {result.Runs} runs, until the next change of a plan, rating or person)");
                Console.WriteLine($"  the first answer after one plan is edited (median over {result.Runs} edits): everyone {dr.AfterEditEveryoneMs:F0} ms, the director's line {dr.AfterEditLineMs:F0} ms; of everyone's, finding and reading the changed plan {dr.AfterEditPlansReadMs:F0} ms, counting {dr.AfterEditCountMs:F0} ms");
            }
            return same is false || result.Succession.SameBench is false || result.Mobility.SameFigures is false ? CareerMapCli.BadInput : CareerMapCli.Ok;
        });
        return command;
    }

    /// <summary>What `bench reports` measured; `--json` prints it as one document.</summary>
    sealed record ReportsBenchmark(int Employees, string Database, int Processors, double FirstSeconds, IReadOnlyDictionary<string, double> TallyMedianMs,
        double RememberedMedianMs, int Runs,
        double? DirectMedianMs, int DirectRuns, bool? SameFigures, SuccessionBenchmark Succession, MobilityBenchmark Mobility, DevelopmentBenchmark Development);

    sealed record DevelopmentBenchmark(int Plans, double EveryoneFirstMs, double EveryoneMedianMs, int LinePeople, double LineFirstMs, double LineMedianMs,
        double AfterEditEveryoneMs, double AfterEditLineMs, double AfterEditPlansReadMs, double AfterEditCountMs);

    /// <summary>
    /// Development health for everyone and for a director's line (a direct report of the top), whole requests to the
    /// database as the page makes them. Plans for three people in ten are generated the first time (kept for later runs).
    /// </summary>
    static async Task<DevelopmentBenchmark> DevelopmentAsync(CliSession scope, CareerGraph graph, DateOnly today, int runs, TextWriter progress, CancellationToken ct)
    {
        var db = scope.Get<CareerMapDb>();
        var cycle = CareerMap.Plans.PlanService.Cycle(today);
        if (!await db.Plans.AnyAsync(p => p.Cycle == cycle, ct))
        {
            await progress.WriteLineAsync("Generating this cycle's development plans for three people in ten (kept for later runs)…");
            var watch = Stopwatch.StartNew();
            var added = await SamplePlans.AddAsync(db, graph.Document, today, 1, [], int.MaxValue, ct);
            await progress.WriteLineAsync($"  {added:N0} plans in {watch.Elapsed.TotalSeconds:F1} s");
        }
        var health = scope.Get<DevelopmentHealth>();
        var director = await db.Employees.Where(e => e.Manager != null && e.Manager.ManagerId == null && e.DeactivatedOn == null).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(ct);
        var ratings = scope.Get<RatingIndexCache>();
        // The line as the app reads it for each request: from the rating index's reporting lines.
        async Task<IReadOnlyCollection<int>> Line() => (await ratings.GetAsync(db, today, ct)).LineIds(director);
        var linePeople = (await Line()).Count;
        // The first answer reads every plan of the cycle; until a plan, rating or person changes, the next is the same answer.
        var watch0 = Stopwatch.StartNew();
        await health.OfAsync(graph, null, "everyone", null, ct);
        var firstEveryone = watch0.Elapsed.TotalMilliseconds;
        watch0.Restart();
        await health.OfAsync(graph, await Line(), $"line:{director}", null, ct);
        var firstLine = watch0.Elapsed.TotalMilliseconds;
        var everyone = new List<double>();
        var ofLine = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await health.OfAsync(graph, null, "everyone", null, ct);
            everyone.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await health.OfAsync(graph, await Line(), $"line:{director}", null, ct);
            ofLine.Add(watch.Elapsed.TotalMilliseconds);
        }
        // What the first request after someone edits a plan costs: one plan written the way the app writes it (its version
        // and the plans' stamp move), then both answers, each run on a freshly changed plan.
        var afterEveryone = new List<double>();
        var afterLine = new List<double>();
        var edited = await db.Plans.Where(p => p.Cycle == cycle).OrderBy(p => p.Id).Take(runs).ToListAsync(ct);
        foreach (var plan in edited)
        {
            plan.Education = $"Benchmark edit {Guid.NewGuid():N}";
            await db.SaveChangesAsync(ct);
            var watch = Stopwatch.StartNew();
            await health.OfAsync(graph, null, "everyone", null, ct);
            afterEveryone.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await health.OfAsync(graph, await Line(), $"line:{director}", null, ct);
            afterLine.Add(watch.Elapsed.TotalMilliseconds);
        }
        // The same split in two: finding and reading the changed plan, then counting everyone from the plans kept.
        var planFacts = scope.Get<CareerMap.Plans.PlanFactsCache>();
        var reads = new List<double>();
        var counts = new List<double>();
        foreach (var plan in edited)
        {
            plan.Education = $"Benchmark edit {Guid.NewGuid():N}";
            await db.SaveChangesAsync(ct);
            var watch = Stopwatch.StartNew();
            await planFacts.GetAsync(db, cycle, ct);
            reads.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await health.OfAsync(graph, null, "everyone", null, ct);
            counts.Add(watch.Elapsed.TotalMilliseconds);
        }
        return new(await db.Plans.CountAsync(p => p.Cycle == cycle, ct), Math.Round(firstEveryone, 0), Math.Round(Median(everyone), 2), linePeople, Math.Round(firstLine, 0),
            Math.Round(Median(ofLine), 2), Math.Round(Median(afterEveryone), 0), Math.Round(Median(afterLine), 0), Math.Round(Median(reads), 0), Math.Round(Median(counts), 0));
    }

    sealed record MobilityBenchmark(int Changes, double HistorySeconds, double MedianMs, double RememberedMedianMs, double RoutesMedianMs, double? DirectMs, bool? SameFigures);

    /// <summary>
    /// The mobility report for everyone over the default period from the role-history index, and the routes between two
    /// roles; in the same run the period's changes read through EF Core and counted by quarter, with a same-figures check.
    /// </summary>
    static async Task<MobilityBenchmark> MobilityAsync(CliSession scope, CareerGraph graph, DateOnly today, int runs, int directRuns, CancellationToken ct)
    {
        var db = scope.Get<CareerMapDb>();
        var report = scope.Get<MobilityReport>();
        var watch = Stopwatch.StartNew();
        var history = await scope.Get<RoleHistoryCache>().GetAsync(db, ct);
        var load = watch.Elapsed.TotalSeconds;
        var (from, to) = MobilityReport.DefaultPeriod(today);
        var view = await report.OfAsync(graph, from, to, null, ct);
        var times = new List<double>();
        var kept = new List<double>();
        var routes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(Time(() => MobilityReport.Count(graph, history, from, to, null)));
            watch.Restart();
            await report.OfAsync(graph, from, to, null, ct);
            kept.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await report.RoutesAsync(graph, "CC-REP-1", "CC-SUP", null, ct);
            routes.Add(watch.Elapsed.TotalMilliseconds);
        }
        double? direct = null;
        bool? same = null;
        if (directRuns > 0)
        {
            watch.Restart();
            var changes = await db.RoleChanges.AsNoTracking().Where(c => c.On >= from && c.On <= to && c.Source != RoleChangeSource.Existing)
                .Select(c => new { c.On, c.FromRole, c.ToRole }).ToListAsync(ct);
            var quarters = changes.Where(c => c.FromRole is not null).GroupBy(c => MobilityReport.QuarterOf(c.On))
                .ToDictionary(g => g.Key, g => g.Select(c => graph.Document.KindOf(c.FromRole!, c.ToRole)).Where(k => k is not null).Select(k => k!.Value)
                    .GroupBy(k => k.Direction).ToDictionary(k => k.Key, k => k.Count()));
            direct = Math.Round(watch.Elapsed.TotalMilliseconds, 0);
            same = view.Quarters.All(q => quarters.GetValueOrDefault(q.Quarter) is var d
                && (d?.GetValueOrDefault(MoveDirection.Promotion) ?? 0) == q.Promotions && (d?.GetValueOrDefault(MoveDirection.Lateral) ?? 0) == q.Laterals
                && (d?.GetValueOrDefault(MoveDirection.StepBack) ?? 0) == q.StepBacks);
        }
        return new(history.Count, Math.Round(load, 2), Math.Round(Median(times), 1), Math.Round(Median(kept), 2), Math.Round(Median(routes), 1), direct, same);
    }

    sealed record SuccessionBenchmark(int Roles, double FactsSeconds, double TallyMedianMs, double RememberedMedianMs, string WhatIfRole, double WhatIfMedianMs,
        double? DirectOneRoleMs, bool? SameBench);

    /// <summary>
    /// Every role's bench from the index, kept and fresh, a what-if, and one role the straightforward way: everyone read
    /// through EF Core and judged by the route estimate and readiness, person by person (every role that way would take
    /// about the roles' count times as long).
    /// </summary>
    static async Task<SuccessionBenchmark> SuccessionAsync(CliSession scope, CareerGraph graph, RatingIndex index, DateOnly today, int runs, int directRuns, CancellationToken ct)
    {
        var db = scope.Get<CareerMapDb>();
        var report = scope.Get<SuccessionReport>();
        var watch = Stopwatch.StartNew();
        var facts = await scope.Get<RatingIndexCache>().FactsAsync(db, index, today, ct);
        var factsSeconds = watch.Elapsed.TotalSeconds;
        SuccessionReport.Tally(graph, index, facts, null, null);
        var tally = Median([.. Enumerable.Range(0, runs).Select(_ => Time(() => SuccessionReport.Tally(graph, index, facts, null, null)))]);
        await report.BenchAsync(graph, null, null, ct: ct);
        var remembered = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            await report.BenchAsync(graph, null, null, ct: ct);
            remembered.Add(watch.Elapsed.TotalMilliseconds);
        }
        const string role = "CC-REP-SR";
        var raised = graph.Needs(role).Select((q, i) => i == 0 ? q with { Level = Math.Min(q.Level + 1, graph.Document.Organization.TopLevel) } : q).ToList();
        var whatIf = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            watch.Restart();
            await report.WhatIfAsync(graph, role, raised, null, ct);
            whatIf.Add(watch.Elapsed.TotalMilliseconds);
        }
        double? direct = null;
        bool? same = null;
        if (directRuns > 0)
        {
            var fromIndex = SuccessionReport.Tally(graph, index, facts, null, null).Roles.Single(r => r.Role.Code == role).Bench;
            db.ChangeTracker.Clear();
            watch.Restart();
            var everyone = await scope.Get<PeopleDirectory>().LoadAsync(null, today, ct);
            int ready = 0, within = 0, later = 0;
            foreach (var person in everyone.Where(p => !string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)))
            {
                var step = PathFinder.Direct(graph, role, person.State);
                if (Readiness.Of(graph, role, person.State, step.Prerequisites).ReadyNow) ready++;
                else if (step.Months <= 12) within++;
                else later++;
            }
            direct = Math.Round(watch.Elapsed.TotalMilliseconds, 0);
            same = fromIndex == new Bench(ready, within, later);
        }
        return new(graph.Document.Roles.Count, Math.Round(factsSeconds, 2), Math.Round(tally, 1), Math.Round(Median(remembered), 2), role, Math.Round(Median(whatIf), 1), direct, same);
    }

    /// <summary>The straightforward heatmap by unit: everyone's effective ratings through EF Core, tallied against their role's requirements.</summary>
    static async Task<(List<double> Times, bool? Same)> DirectHeatmapAsync(CliSession scope, CareerGraph graph, DateOnly today, CapabilityHeatmap fromIndex, int runs, CancellationToken ct)
    {
        var db = scope.Get<CareerMapDb>();
        var people = scope.Get<PeopleDirectory>();
        var times = new List<double>();
        bool? same = null;
        for (var i = 0; i < runs; i++)
        {
            db.ChangeTracker.Clear();
            var watch = Stopwatch.StartNew();
            var everyone = await people.LoadAsync(null, today, ct);
            var cells = everyone.SelectMany(p => graph.Needs(p.Role).Select(q => (Unit: graph.Role(p.Role)!.Unit, q.Competency, q.Level,
                    Have: p.State.Ratings.TryGetValue(q.Competency, out var r) ? r.Level : 0, Manager: p.State.Ratings.TryGetValue(q.Competency, out var m) && !m.SelfReported)))
                .GroupBy(x => (x.Unit, x.Competency))
                .ToDictionary(g => g.Key, g => (People: g.Count(), Meeting: g.Count(x => x.Have >= x.Level), Gaps: g.Sum(x => Math.Max(0, x.Level - x.Have)), Rated: g.Count(x => x.Manager)));
            times.Add(watch.Elapsed.TotalMilliseconds);
            same = fromIndex.Rows.All(row => fromIndex.Competencies.Select((c, k) => (c, k)).All(x => row.Cells[x.k] is not { } cell
                ? !cells.ContainsKey((row.Group, x.c.Code))
                : cells.TryGetValue((row.Group, x.c.Code), out var d) && d.People == cell.People && d.Meeting == cell.Meeting && d.Rated == cell.ManagerRated
                    && Math.Round((double)d.Gaps / d.People, 2) == cell.AverageGap));
            everyone = null;
            GC.Collect();
        }
        return (times, same);
    }

    /// <summary>What `bench rank` measured; `--json` prints it as one document.</summary>
    sealed record RankBenchmark(int Employees, string Role, string Database, int Processors, double IndexBuildSeconds, long IndexBytes, long IndexHeapBytes,
        double IndexMegabytesPerMillion, double RankMedianMs, int RankRuns, double? DirectMedianMs, int DirectRuns, bool? SameTop10,
        int OnePersonRoles, double OnePersonMedianMs, double NewRatingVisibleMs);

    static void Print(RankBenchmark r)
    {
        Console.WriteLine($"Index of {r.Employees:N0} people built in {r.IndexBuildSeconds:F1} s ({r.Database}): {r.IndexBytes / 1048576.0:F1} MB of arrays ({r.IndexHeapBytes / 1048576.0:F1} MB of heap).");
        Console.WriteLine($"Rank {r.Employees:N0} people for {r.Role}, top 10:");
        Console.WriteLine($"  rating index:   median {r.RankMedianMs:F2} ms over {r.RankRuns} runs");
        if (r.DirectMedianMs is double direct)
        {
            Console.WriteLine($"  EF Core direct: median {direct:F0} ms over {r.DirectRuns} runs");
            Console.WriteLine($"  ratio: {direct / r.RankMedianMs:F0}x; same top 10: {(r.SameTop10 == true ? "yes" : "NO")}");
        }
        Console.WriteLine($"One person against {r.OnePersonRoles:N0} roles: median {r.OnePersonMedianMs:F2} ms");
        Console.WriteLine($"A new rating visible to ranking after {r.NewRatingVisibleMs:F1} ms");
        Console.WriteLine($"Index memory: {r.IndexMegabytesPerMillion:F1} MB per million people");
    }

    /// <summary>The straightforward way: every person and rating through EF Core, readiness computed per person.</summary>
    static async Task<(List<double> Times, bool? SameTop10)> DirectAsync(CliSession scope, CareerGraph graph, string role, DateOnly today, int runs, List<int> fromIndex, CancellationToken ct)
    {
        var db = scope.Get<CareerMapDb>();
        var people = scope.Get<PeopleDirectory>();
        var times = new List<double>();
        bool? same = null;
        for (var i = 0; i < runs; i++)
        {
            db.ChangeTracker.Clear();
            var watch = Stopwatch.StartNew();
            var everyone = await people.LoadAsync(null, today, ct);
            var direct = everyone.Select(x => (x.Id, r: Readiness.Of(graph, role, x.State, [])))
                .OrderByDescending(x => x.r.Competencies.All(c => !c.Critical || c.Gap == 0)).ThenByDescending(x => x.r.Percent).ThenBy(x => x.Id)
                .Take(10).Select(x => x.Id).ToList();
            times.Add(watch.Elapsed.TotalMilliseconds);
            same = direct.SequenceEqual(fromIndex);
            everyone = null;
            GC.Collect();
        }
        return (times, same);
    }

    /// <summary>Records a manager rating and times how long until the index ranks with it; the rating is removed again.</summary>
    static async Task<double> NewRatingVisibleAsync(CareerMapDb db, RatingIndex index, int employee, string competency, DateOnly today, CancellationToken ct)
    {
        var row = Enumerable.Range(0, index.Count).First(r => index.EmployeeId(r) == employee);
        var level = index.Level(row, competency) == 1 ? 2 : 1;
        var watch = Stopwatch.StartNew();
        var rating = new Assessment
        {
            EmployeeId = employee, CompetencyId = await db.Competencies.Where(c => c.Code == competency).Select(c => c.Id).FirstAsync(ct),
            Level = level, Source = AssessmentSource.Manager, AssessedOn = today, Evidence = "bench rank",
        };
        db.Assessments.Add(rating);
        await db.SaveChangesAsync(ct);
        await index.CatchUpAsync(db, ct);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (index.Level(row, competency) != level) throw new InvalidOperationException("the new rating did not reach the index");
        await db.Assessments.Where(a => a.Id == rating.Id).ExecuteDeleteAsync(ct);
        return elapsed;
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
