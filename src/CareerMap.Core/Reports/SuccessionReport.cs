using System.Globalization;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Reports;

public sealed record BenchPerson(string EmployeeNumber, string Name, string Role);

/// <summary>
/// One role's bench among the people the viewer may see: everyone not already in it, split as DESIGN.md splits a bench
/// (ready now: 90 % of the weighted levels, every critical competency and every prerequisite of the move met; within a
/// year: the move's estimate is 12 months or less; later). <see cref="OnlyReady"/> names the one person when one alone is ready now;
/// <see cref="Interested"/> counts the same people who have marked the role as one they are interested in, ready or not.
/// </summary>
public sealed record RoleBench(string Role, string Title, string Unit, string UnitName, string Grade, int Incumbents, Bench Bench, BenchPerson? OnlyReady,
    int Interested);

public sealed record UnitBench(string Unit, string Name, int Roles, int RolesWithNobodyReady, int RolesHeldByOne);

/// <summary>Someone on many benches: how many other roles they are ready for now, and within a year.</summary>
public sealed record OftenOnBench(string EmployeeNumber, string Name, string Role, int ReadyNowFor, int WithinAYearFor);

public sealed record SuccessionView(string? Unit, int People, IReadOnlyList<UnitBench> Units, IReadOnlyList<RoleBench> Roles,
    IReadOnlyList<string> NobodyReadyNow, IReadOnlyList<string> HeldByOne, IReadOnlyList<OftenOnBench> MostOnBenches);

/// <summary>How many people now in a role would leave or join the bench's ready now.</summary>
public sealed record RoleCount(string Role, string Title, int People);

/// <summary>A role's bench today and as it would be with other requirements, before anyone confirms them.</summary>
public sealed record BenchChange(string Role, string Title, Bench Before, Bench After, int LeaveReadyNow, int JoinReadyNow,
    IReadOnlyList<RoleCount> LeavingByRole, IReadOnlyList<RoleCount> JoiningByRole);

/// <summary>
/// Bench and succession across every role at once, from the rating index and each person's prerequisite facts: one
/// vector pass per role, never a query per person. The figures are those of the candidates page, person for person.
/// </summary>
public sealed class SuccessionReport(CareerMapDb db, RatingIndexCache ratings, CareerInterests interests, TimeProvider clock)
{
    public const int MostOnBenchesShown = 10;

    /// <param name="unit">Only the roles of this unit; null for every unit.</param>
    /// <param name="among">The people the viewer may see (employee ids); null for everyone.</param>
    /// <param name="amongKey">Names those people (<c>PeopleAccess.VisibleKey</c>), so their tally is kept like everyone's until the next rating; null to tally afresh.</param>
    public async Task<SuccessionView> BenchAsync(CareerGraph graph, string? unit, IReadOnlyCollection<int>? among, string? amongKey = null, CancellationToken ct = default)
    {
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var facts = await ratings.FactsAsync(db, index, today, ct);
        var tally = among is null
            ? index.Remember(graph, $"succession:{unit?.ToUpperInvariant()}", () => Tally(graph, index, facts, unit, null))
            : amongKey is not null
                ? index.Remember(graph, $"succession:{unit?.ToUpperInvariant()}:{amongKey}", () => Tally(graph, index, facts, unit, index.RowsOf(among)))
                : Tally(graph, index, facts, unit, index.RowsOf(among));
        var named = tally.OnlyReady.Values.Concat(tally.Often.Select(o => o.Row)).Distinct().Select(index.EmployeeId).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => named.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => new { e.EmployeeNumber, e.Name }, ct);
        BenchPerson Person(int row)
        {
            var p = people[index.EmployeeId(row)];
            return new(p.EmployeeNumber, p.Name, index.Role(row));
        }

        var units = graph.Document.Units.ToDictionary(u => u.Code, u => u.Name, StringComparer.OrdinalIgnoreCase);
        // Read afresh each time, not kept with the tally: marking an interest changes no stamp the tally follows.
        var interested = await interests.CountsAsync(among, ct);
        var roles = tally.Roles.Select(r => new RoleBench(r.Role.Code, graph.Title(r.Role.Code), r.Role.Unit, units.GetValueOrDefault(r.Role.Unit, r.Role.Unit), r.Role.Grade,
                r.Incumbents, r.Bench, r.Bench.ReadyNow == 1 ? Person(tally.OnlyReady[r.Role.Code]) : null, interested.GetValueOrDefault(r.Role.Code)))
            .OrderBy(r => r.UnitName, StringComparer.CurrentCulture).ThenBy(r => graph.Rank(r.Role)).ThenBy(r => r.Title, StringComparer.CurrentCulture).ToList();
        var byUnit = roles.GroupBy(r => r.Unit).Select(g => new UnitBench(g.Key, g.First().UnitName, g.Count(), g.Count(r => r.Bench.ReadyNow == 0), g.Count(r => r.Bench.ReadyNow == 1)))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        return new(unit, tally.People, byUnit, roles,
            [.. roles.Where(r => r.Bench.ReadyNow == 0).Select(r => r.Role)], [.. roles.Where(r => r.Bench.ReadyNow == 1).Select(r => r.Role)],
            [.. tally.Often.Select(o => (Person: Person(o.Row), o)).Select(x => new OftenOnBench(x.Person.EmployeeNumber, x.Person.Name, x.Person.Role, x.o.ReadyNow, x.o.WithinAYear))]);
    }

    /// <summary>How a role's bench changes if its requirements become <paramref name="needs"/>; null for an unknown role.</summary>
    public async Task<BenchChange?> WhatIfAsync(CareerGraph graph, string role, IReadOnlyList<Need> needs, IReadOnlyCollection<int>? among, CancellationToken ct = default)
    {
        if (graph.Role(role) is not { } target) return null;
        var today = clock.Today();
        var index = await ratings.GetAsync(db, today, ct);
        var facts = await ratings.FactsAsync(db, index, today, ct);
        var gates = new BenchJudge(graph, index, facts);
        var rows = among is null ? null : index.RowsOf(among);
        var before = gates.Classify(target, graph.Needs(target.Code), rows, keepReady: true);
        var after = gates.Classify(target, needs, rows, keepReady: true);
        var (wasReady, isReady) = (before.ReadyNow.ToHashSet(), after.ReadyNow.ToHashSet());
        var leaving = new int[index.RoleCodes.Count];
        var joining = new int[index.RoleCodes.Count];
        foreach (var i in wasReady.Where(i => !isReady.Contains(i))) leaving[index.RoleSlot(rows?[i] ?? i)]++;
        foreach (var i in isReady.Where(i => !wasReady.Contains(i))) joining[index.RoleSlot(rows?[i] ?? i)]++;
        List<RoleCount> ByRole(int[] counts) => [.. counts.Select((n, slot) => new RoleCount(index.RoleCodes[slot], graph.Title(index.RoleCodes[slot]), n))
            .Where(c => c.People > 0).OrderByDescending(c => c.People).ThenBy(c => c.Title, StringComparer.CurrentCulture)];
        return new(target.Code, graph.Title(target.Code), before.Counts, after.Counts, leaving.Sum(), joining.Sum(), ByRole(leaving), ByRole(joining));
    }

    public sealed record RoleTally(RoleDto Role, int Incumbents, Bench Bench);

    /// <summary>The report's figures by row of the index, before names are read.</summary>
    public sealed record Tallied(int People, IReadOnlyList<RoleTally> Roles, IReadOnlyDictionary<string, int> OnlyReady, IReadOnlyList<(int Row, int ReadyNow, int WithinAYear)> Often);

    /// <summary>Every role of the unit against everyone (or the rows given), the roles spread over the cores; per person, how many benches they are on.</summary>
    public static Tallied Tally(CareerGraph graph, RatingIndex index, PrerequisiteFacts facts, string? unit, int[]? rows)
    {
        var gates = new BenchJudge(graph, index, facts);
        var targets = graph.Document.Roles.Where(r => unit is null || string.Equals(r.Unit, unit, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new RoleTally[targets.Count];
        var onlyReady = new int[targets.Count];
        // By position among the people considered (the row itself when everyone is): each core counts its roles' benches
        // in its own arrays (a ushort holds as many roles as a framework has), added up at the end.
        var positions = rows?.Length ?? index.Count;
        var readyFor = new int[positions];
        var withinFor = new int[positions];
        var gate = new object();
        Parallel.For(0, targets.Count, () => (Ready: new ushort[positions], Within: new ushort[positions]), (t, _, mine) =>
        {
            var judged = gates.Classify(targets[t], graph.Needs(targets[t].Code), rows, readyFor: mine.Ready, withinFor: mine.Within);
            results[t] = new(targets[t], judged.Incumbents, judged.Counts);
            onlyReady[t] = judged.Counts.ReadyNow == 1 ? rows?[judged.FirstReadyNow] ?? judged.FirstReadyNow : -1;
            return mine;
        }, mine =>
        {
            lock (gate)
                for (var i = 0; i < positions; i++)
                {
                    readyFor[i] += mine.Ready[i];
                    withinFor[i] += mine.Within[i];
                }
        });
        // The most benches first (ready now, then within a year), the lowest employee id among equals.
        var often = new PriorityQueue<int, (int, int, int)>(MostOnBenchesShown + 1);
        for (var i = 0; i < readyFor.Length; i++)
        {
            if (readyFor[i] + withinFor[i] == 0) continue;
            often.Enqueue(i, (readyFor[i], withinFor[i], -i));
            if (often.Count > MostOnBenchesShown) often.Dequeue();
        }
        var shown = often.UnorderedItems.OrderByDescending(x => x.Priority).Select(x => (rows?[x.Element] ?? x.Element, readyFor[x.Element], withinFor[x.Element])).ToList();
        return new(rows?.Length ?? index.Count, results,
            targets.Select((r, t) => (r.Code, Row: onlyReady[t])).Where(x => x.Row >= 0).ToDictionary(x => x.Code, x => x.Row, StringComparer.OrdinalIgnoreCase), shown);
    }
}
