using CareerMap.Framework;
using CareerMap.Paths;

namespace CareerMap.People;

/// <summary>
/// The bench of one role, person by person, exactly as <see cref="PathFinder.Direct"/> and <see cref="Readiness.Of"/>
/// judge one person: the prerequisites of the move from the person's role (else the role's own), worked out once per
/// role they come from, against their time in role, contact-center months, languages and credentials.
/// </summary>
public sealed class BenchJudge(CareerGraph graph, RatingIndex index, PrerequisiteFacts facts)
{
    public const sbyte ReadyNow = 0, WithinAYear = 1, Later = 2, Incumbent = -1;

    /// <summary>How many are ready now, within a year and later; incumbents are not on their own role's bench.</summary>
    public static Bench Count(sbyte[] bench)
    {
        int ready = 0, within = 0, later = 0;
        foreach (var b in bench)
            switch (b)
            {
                case ReadyNow: ready++; break;
                case WithinAYear: within++; break;
                case Later: later++; break;
            }
        return new(ready, within, later);
    }

    /// <summary>Per row (or per position in <paramref name="rows"/>): ready now, within a year, later, or <see cref="Incumbent"/> for people in the role.</summary>
    public sbyte[] Classify(RoleDto target, IReadOnlyList<Need> needs, int[]? rows)
    {
        var fromSlot = index.RoleCodes.Select(code => string.Equals(code, target.Code, StringComparison.OrdinalIgnoreCase) ? null : Prerequisites(code, target)).ToArray();
        if (rows is null) return ClassifyEveryone(fromSlot, needs);
        var bench = new sbyte[rows.Length];
        var at = 0;
        // ScoreEach calls back once per row given, in order.
        index.ScoreEach(needs, rows, (row, competenciesReady, gaps) => bench[at++] = Judge(fromSlot, row, competenciesReady, gaps));
        return bench;
    }

    /// <summary>
    /// Everyone: later unless the block says otherwise. Only people ready now on competencies, or whose gaps close within a
    /// year, can be on the nearer bench (prerequisites only ever push a move later), so only they are judged in full.
    /// </summary>
    sbyte[] ClassifyEveryone(Gate[]?[] fromSlot, IReadOnlyList<Need> needs)
    {
        var bench = new sbyte[index.Count];
        Array.Fill(bench, Later);
        for (var row = 0; row < bench.Length; row++)
            if (fromSlot[index.RoleSlot(row)] is null) bench[row] = Incumbent;
        var count = index.Count;
        index.ScoreBlocks(needs, (start, ready, near, gaps) =>
        {
            for (var lane = 0; lane < ready.Length && start + lane < count; lane++)
                if ((ready[lane] | near[lane]) != 0 && bench[start + lane] != Incumbent)
                    bench[start + lane] = Judge(fromSlot, start + lane, ready[lane] != 0, gaps[lane]);
        });
        return bench;
    }

    sbyte Judge(Gate[]?[] fromSlot, int row, bool competenciesReady, int gaps)
    {
        if (fromSlot[index.RoleSlot(row)] is not { } prerequisites) return Incumbent;
        var months = Math.Max(gaps * PathFinder.MonthsPerLevel, Math.Max(0, PathFinder.MinimumMonthsInRole - facts.MonthsInRole(row)));
        if (!competenciesReady && months > 12) return Later;
        var met = true;
        foreach (var p in prerequisites)
        {
            var wait = Wait(p, row);
            met &= wait.Met;
            months = Math.Max(months, wait.Months);
        }
        return competenciesReady && met ? ReadyNow : months <= 12 ? WithinAYear : Later;
    }

    /// <param name="CurrentRoleListed">How many times a months-in-roles prerequisite lists the role the person is in (the route estimate counts each).</param>
    internal sealed record Gate(string Kind, int Months, int CurrentRoleListed, string? Value);

    /// <summary>The move's prerequisites from a role: the move's own when the framework has the move, else the target role's.</summary>
    Gate[] Prerequisites(string from, RoleDto target)
    {
        var list = graph.OutOf(from).FirstOrDefault(e => e.Target == target.Code)?.Prerequisites ?? target.Prerequisites ?? [];
        return [.. list.Select(p => new Gate(p.Kind, p.Months ?? 0,
            (p.Roles ?? []).Count(r => string.Equals(graph.Role(r)?.Code ?? r, from, StringComparison.OrdinalIgnoreCase)), p.Value))];
    }

    /// <summary>As the route estimate waits for a prerequisite: time still to serve, or the months to earn what is missing.</summary>
    (bool Met, int Months) Wait(Gate p, int row)
    {
        if (p.Kind is "months-in-role" or "months-in-roles" or "contact-center-experience")
        {
            var have = p.Kind switch
            {
                "months-in-role" => facts.MonthsInRole(row),
                "months-in-roles" => p.CurrentRoleListed * facts.MonthsInRole(row),
                _ => facts.ContactCenterMonths(row),
            };
            var months = Math.Max(0, p.Months - have);
            return (months == 0, months);
        }
        var holds = p.Kind == "language" ? facts.Speaks(row, p.Value ?? "") : facts.Holds(row, p.Value ?? "");
        return holds ? (true, 0) : (false, PathFinder.MonthsToEarn(p.Kind));
    }
}
