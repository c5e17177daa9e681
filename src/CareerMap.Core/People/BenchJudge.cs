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

    /// <summary>
    /// One role's bench: the counts (people in the role are on no bench), the first position (row, or place in the rows
    /// given) ready now, and when asked for, every position ready now.
    /// </summary>
    public sealed record Judged(Bench Counts, int Incumbents, int FirstReadyNow, IReadOnlyList<int> ReadyNow);

    /// <param name="keepReady">Whether to list every position ready now (a what-if compares them).</param>
    /// <param name="readyFor">When given, each position ready now has its count raised (how many benches a person is on).</param>
    /// <param name="withinFor">The same for within a year.</param>
    public Judged Classify(RoleDto target, IReadOnlyList<Need> needs, int[]? rows, bool keepReady = false, ushort[]? readyFor = null, ushort[]? withinFor = null)
    {
        var fromSlot = index.RoleCodes.Select(code => string.Equals(code, target.Code, StringComparison.OrdinalIgnoreCase) ? null : Prerequisites(code, target)).ToArray();
        List<int> ready = [];
        int incumbents = 0, readyCount = 0, withinCount = 0, first = -1;
        void Add(int at, sbyte bench)
        {
            if (bench == ReadyNow)
            {
                if (readyCount++ == 0) first = at;
                if (keepReady) ready.Add(at);
                if (readyFor is not null) readyFor[at]++;
            }
            else if (bench == WithinAYear)
            {
                withinCount++;
                if (withinFor is not null) withinFor[at]++;
            }
        }
        if (rows is null)
        {
            // Only people ready now on competencies, or whose gaps close within a year, can be on the nearer bench
            // (prerequisites only ever push a move later), so only the blocks holding some are looked at, and only they are judged.
            for (var slot = 0; slot < fromSlot.Length; slot++)
                if (fromSlot[slot] is null) incumbents += index.PeopleInSlot(slot);
            var count = index.Count;
            index.ScoreBlocks(needs, (start, readyLanes, near, gaps) =>
            {
                for (var lane = 0; lane < readyLanes.Length && start + lane < count; lane++)
                    if ((readyLanes[lane] | near[lane]) != 0) Add(start + lane, Judge(fromSlot, start + lane, readyLanes[lane] != 0, gaps[lane]));
            });
        }
        else
        {
            var at = 0;
            // ScoreEach calls back once per row given, in order.
            index.ScoreEach(needs, rows, (row, competenciesReady, gaps) =>
            {
                var bench = Judge(fromSlot, row, competenciesReady, gaps);
                if (bench == Incumbent) incumbents++;
                Add(at++, bench);
            });
        }
        var considered = (rows?.Length ?? index.Count) - incumbents;
        return new(new(readyCount, withinCount, considered - readyCount - withinCount), incumbents, first, ready);
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

    internal enum Served { None, InRole, InRoles, ContactCenter }

    /// <summary>A prerequisite worked out once per role and the role a person comes from: time to serve, or who holds what it asks.</summary>
    /// <param name="CurrentRoleListed">How many times a months-in-roles prerequisite lists the role the person is in (the route estimate counts each).</param>
    /// <param name="Holders">The rows that speak the language or hold the credential asked.</param>
    internal sealed record Gate(Served Time, int Months, int CurrentRoleListed, int[] Holders, int MonthsToEarn);

    /// <summary>The move's prerequisites from a role: the move's own when the framework has the move, else the target role's.</summary>
    Gate[] Prerequisites(string from, RoleDto target)
    {
        var list = graph.OutOf(from).FirstOrDefault(e => e.Target == target.Code)?.Prerequisites ?? target.Prerequisites ?? [];
        return [.. list.Select(p => new Gate(
            p.Kind switch { "months-in-role" => Served.InRole, "months-in-roles" => Served.InRoles, "contact-center-experience" => Served.ContactCenter, _ => Served.None },
            p.Months ?? 0, (p.Roles ?? []).Count(r => string.Equals(graph.Role(r)?.Code ?? r, from, StringComparison.OrdinalIgnoreCase)),
            p.Kind == "language" ? facts.Speakers(p.Value ?? "") : facts.HoldersOf(p.Value ?? ""), PathFinder.MonthsToEarn(p.Kind)))];
    }

    /// <summary>As the route estimate waits for a prerequisite: time still to serve, or the months to earn what is missing.</summary>
    (bool Met, int Months) Wait(Gate p, int row)
    {
        if (p.Time != Served.None)
        {
            var have = p.Time switch
            {
                Served.InRole => facts.MonthsInRole(row),
                Served.InRoles => p.CurrentRoleListed * facts.MonthsInRole(row),
                _ => facts.ContactCenterMonths(row),
            };
            var months = Math.Max(0, p.Months - have);
            return (months == 0, months);
        }
        return Array.BinarySearch(p.Holders, row) >= 0 ? (true, 0) : (false, p.MonthsToEarn);
    }
}
