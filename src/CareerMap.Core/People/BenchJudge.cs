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
        var bench = new sbyte[rows?.Length ?? index.Count];
        var at = 0;
        var fromSlot = index.RoleCodes.Select(code => string.Equals(code, target.Code, StringComparison.OrdinalIgnoreCase) ? null : Prerequisites(code, target)).ToArray();
        index.ScoreEach(needs, rows, (row, competenciesReady, gaps) =>
        {
            // ScoreEach calls back once per row given, in order.
            var i = rows is null ? row : at++;
            if (fromSlot[index.RoleSlot(row)] is not { } prerequisites)
            {
                bench[i] = Incumbent;
                return;
            }
            var months = Math.Max(gaps * PathFinder.MonthsPerLevel, Math.Max(0, PathFinder.MinimumMonthsInRole - facts.MonthsInRole(row)));
            if (!competenciesReady && months > 12)
            {
                bench[i] = Later;
                return;
            }
            var met = true;
            foreach (var p in prerequisites)
            {
                var wait = Wait(p, row);
                met &= wait.Met;
                months = Math.Max(months, wait.Months);
            }
            bench[i] = (sbyte)(competenciesReady && met ? ReadyNow : months <= 12 ? WithinAYear : Later);
        });
        return bench;
    }

    /// <param name="CurrentRoleListed">How many times a months-in-roles prerequisite lists the role the person is in (the route estimate counts each).</param>
    sealed record Gate(string Kind, int Months, int CurrentRoleListed, string? Value);

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
