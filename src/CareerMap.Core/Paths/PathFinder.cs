using CareerMap.Framework;
using Microsoft.Extensions.Localization;

namespace CareerMap.Paths;

/// <summary>What is known of a person when estimating a route: effective ratings, time served, credentials.</summary>
public sealed record PersonState(
    string EmployeeNumber, string Name, string CurrentRole, int MonthsInRole, int ContactCenterMonths,
    IReadOnlyDictionary<string, int> Levels, IReadOnlySet<string> Credentials, IReadOnlySet<string> Languages)
{
    /// <summary>Whose rating each level is and from when; empty when only levels are known.</summary>
    public IReadOnlyDictionary<string, EffectiveRating> Ratings { get; init; } = new Dictionary<string, EffectiveRating>();

    /// <summary>Credentials whose dated record has expired, with their last valid day: not held, and the reason says so.</summary>
    public IReadOnlyDictionary<string, DateOnly> Expired { get; init; } = new Dictionary<string, DateOnly>();
}

/// <summary>The rating that counts for a competency (DESIGN.md): the latest manager rating within 12 months,
/// else the latest self rating, marked self-reported; none means not yet assessed.</summary>
public sealed record EffectiveRating(string Competency, int Level, string Source, DateOnly On)
{
    public bool SelfReported => Source == "self";
}

/// <summary>A prerequisite of a step: met or not, and roughly how many months until it will be.</summary>
public sealed record PrerequisiteStatus(PrerequisiteDto Prerequisite, bool Met, int MonthsToMeet)
{
    /// <summary>When an unmet certification or license is unmet because the person's one expired: its last valid day.</summary>
    public DateOnly? ExpiredOn { get; init; }

    /// <summary>The prerequisite in the reader's words; an expired credential says when it expired and to renew it.</summary>
    public string Text(CareerGraph graph, IStringLocalizer L) => ExpiredOn is { } expired && !Met
        ? L["{0} expired on {1}: renew it", Prerequisite.Value ?? "", expired.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture)]
        : Prerequisite.Describe(graph.Title, L);
}

public sealed record StepGap(string Competency, string Name, int Required, int Current)
{
    public int Gap => Math.Max(0, Required - Current);
}

public sealed record PathStep(CareerEdge Move, IReadOnlyList<PrerequisiteStatus> Prerequisites, IReadOnlyList<StepGap> Gaps, int Months);

/// <summary>A route and its estimate, for a person (their ratings and time served) or for anyone starting out in its first role.</summary>
public sealed record CareerPath(IReadOnlyList<PathStep> Steps, int EstimatedMonths, PersonState? For);

/// <summary>Why there is no route to show.</summary>
public enum NoRoute { AlreadyThere, TooManyMoves, Unreachable }

/// <summary>The best routes between two roles, or why there are none; phrased for a reader by <see cref="PathFinder.Reason"/> and <see cref="PathFinder.Explain"/>.</summary>
public sealed record PathResult(string From, string To, IReadOnlyList<CareerPath> Paths, NoRoute? Missing);

/// <summary>
/// Finds the k best routes of at most four moves. The cost of a step depends on the route so far (time served,
/// levels already reached, credentials earned), so it is not an additive edge weight and a plain k-shortest-paths
/// search cannot rank it; with at most four moves every route can be enumerated instead, meeting in the middle
/// (two moves out from the start, two back from the target) and scored exactly.
/// </summary>
public static class PathFinder
{
    public const int MaxMoves = 4;
    public const int MaxK = 10;
    public const int MonthsPerLevel = 4;
    /// <summary>Most employers ask for six months in a role before an internal move, so no step is quicker.</summary>
    public const int MinimumMonthsInRole = 6;

    /// <summary>Estimated months to earn what cannot be waited for; labeled as estimates wherever shown.</summary>
    public static int MonthsToEarn(string kind) => kind switch
    {
        "certification" => 6,
        "language" => 24,
        "education" => 24,
        "license" => 48,
        _ => 0,
    };

    /// <summary>
    /// A person straight into a role: the move between the two if there is one, else the role's own entry
    /// prerequisites. Says which prerequisites are met today and estimates the months until every one is.
    /// </summary>
    public static PathStep Direct(CareerGraph graph, string role, PersonState person)
    {
        var target = graph.Role(role)!.Code;
        var move = graph.OutOf(person.CurrentRole).FirstOrDefault(e => e.Target == target)
            ?? new CareerEdge(person.CurrentRole, target, default, MoveOrigin.Explicit, "",
                null, string.Equals(person.CurrentRole, target, StringComparison.OrdinalIgnoreCase) ? [] : graph.Role(target)!.Prerequisites ?? [], []);
        return Score(graph, [move], person).Steps[0];
    }

    public static PathResult Find(CareerGraph graph, string from, string to, int k = 3, PersonState? person = null)
    {
        var start = graph.Role(from)!.Code;
        var target = graph.Role(to)!.Code;
        if (start == target) return new(start, target, [], NoRoute.AlreadyThere);

        var forward = Walks(start, graph.OutOf, e => e.Target);
        var backward = Walks(target, graph.Into, e => e.Source);
        var byMeeting = backward.Where(w => w.Count <= 2).GroupBy(w => w.Count == 0 ? target : w[^1].Source)
            .ToDictionary(g => g.Key, g => g.ToList());

        var candidates = new List<List<CareerEdge>>();
        foreach (var f in forward.Where(w => w.Count is 1 or 2))
        {
            var meet = f[^1].Target;
            if (!byMeeting.TryGetValue(meet, out var backs)) continue;
            foreach (var b in backs)
            {
                // Split every route the same way (the first half no shorter), so none is found twice.
                if (b.Count != f.Count && b.Count != f.Count - 1) continue;
                var route = new List<CareerEdge>(f.Count + b.Count);
                route.AddRange(f);
                for (var i = b.Count - 1; i >= 0; i--) route.Add(b[i]);
                if (IsSimple(route)) candidates.Add(route);
            }
        }

        if (candidates.Count == 0)
            return new(start, target, [], Reachable(graph, start, target) ? NoRoute.TooManyMoves : NoRoute.Unreachable);

        var best = candidates
            .Select(route => Score(graph, route, person))
            .OrderBy(p => p.EstimatedMonths).ThenBy(p => p.Steps.Count)
            .ThenBy(p => string.Join('>', p.Steps.Select(s => s.Move.Target)), StringComparer.Ordinal)
            .Take(Math.Clamp(k, 1, MaxK))
            .ToList();
        return new(start, target, best, null);
    }

    /// <summary>Every simple walk of up to two moves from a role, along out-edges (forward) or in-edges (backward).</summary>
    static List<List<CareerEdge>> Walks(string origin, Func<string, IEnumerable<CareerEdge>> next, Func<CareerEdge, string> far)
    {
        var walks = new List<List<CareerEdge>> { new() };
        foreach (var e1 in next(origin))
        {
            walks.Add([e1]);
            foreach (var e2 in next(far(e1)))
                if (far(e2) != origin) walks.Add([e1, e2]);
        }
        return walks;
    }

    static bool IsSimple(List<CareerEdge> route)
    {
        var seen = new HashSet<string> { route[0].Source };
        return route.All(e => seen.Add(e.Target));
    }

    static bool Reachable(CareerGraph graph, string start, string target)
    {
        var seen = new HashSet<string> { start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
            foreach (var e in graph.OutOf(queue.Dequeue()))
            {
                if (e.Target == target) return true;
                if (seen.Add(e.Target)) queue.Enqueue(e.Target);
            }
        return false;
    }

    /// <summary>
    /// Walks the route month by month in outline: each step takes the longer of waiting for its prerequisites and
    /// closing its competency gaps (DESIGN.md's estimate); time served and levels reached carry forward.
    /// </summary>
    public static CareerPath Score(CareerGraph graph, IReadOnlyList<CareerEdge> route, PersonState? person)
    {
        var first = route[0].Source;
        var levels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (person is not null)
            foreach (var (c, l) in person.Levels) levels[c] = l;
        else
            foreach (var n in graph.Needs(first)) levels[n.Competency] = n.Level;
        var credentials = new HashSet<string>(person?.Credentials ?? Entry(graph, first, "certification", "license", "education"), StringComparer.OrdinalIgnoreCase);
        var languages = new HashSet<string>(person?.Languages ?? Entry(graph, first, "language"), StringComparer.OrdinalIgnoreCase);
        var served = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { [first] = person?.MonthsInRole ?? 0 };
        var contactCenter = person?.ContactCenterMonths ?? 0;

        var steps = new List<PathStep>(route.Count);
        foreach (var move in route)
        {
            var current = move.Source;
            var statuses = move.Prerequisites.Select(p =>
            {
                var have = p.Kind switch
                {
                    "months-in-role" => served.GetValueOrDefault(current),
                    "months-in-roles" => (p.Roles ?? []).Sum(r => served.GetValueOrDefault(graph.Role(r)?.Code ?? r)),
                    "contact-center-experience" => contactCenter,
                    "language" => languages.Contains(p.Value ?? "") ? 1 : 0,
                    _ => credentials.Contains(p.Value ?? "") ? 1 : 0,
                };
                var months = p.Kind is "months-in-role" or "months-in-roles" or "contact-center-experience"
                    ? Math.Max(0, (p.Months ?? 0) - have)
                    : have > 0 ? 0 : MonthsToEarn(p.Kind);
                var met = p.Kind is "months-in-role" or "months-in-roles" or "contact-center-experience" ? months == 0 : have > 0;
                // Only the first step is the person as they are today; later steps assume what earlier ones earned.
                var expired = !met && move == route[0] && p.Kind is "certification" or "license" && person?.Expired.TryGetValue(p.Value ?? "", out var last) == true
                    ? last : (DateOnly?)null;
                return new PrerequisiteStatus(p, met, months) { ExpiredOn = expired };
            }).ToList();
            var gaps = graph.Needs(move.Target)
                .Select(n => new StepGap(n.Competency, graph.CompetencyName(n.Competency), n.Level, levels.GetValueOrDefault(n.Competency)))
                .Where(x => x.Gap > 0).OrderByDescending(x => x.Gap).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
            var tenure = Math.Max(0, MinimumMonthsInRole - served.GetValueOrDefault(current));
            var months = Math.Max(Math.Max(statuses.Select(s => s.MonthsToMeet).DefaultIfEmpty(0).Max(), gaps.Sum(x => x.Gap) * MonthsPerLevel), tenure);
            steps.Add(new PathStep(move, statuses, gaps, months));

            served[current] = served.GetValueOrDefault(current) + months;
            contactCenter += months;
            foreach (var n in graph.Needs(move.Target)) levels[n.Competency] = Math.Max(levels.GetValueOrDefault(n.Competency), n.Level);
            foreach (var s in statuses.Where(s => !s.Met))
                (s.Prerequisite.Kind == "language" ? languages : credentials).Add(s.Prerequisite.Value ?? "");
            served.TryAdd(move.Target, 0);
        }
        return new CareerPath(steps, steps.Sum(s => s.Months), person);
    }

    static IEnumerable<string> Entry(CareerGraph graph, string role, params string[] kinds) =>
        (graph.Role(role)?.Prerequisites ?? []).Where(p => kinds.Contains(p.Kind) && p.Value is not null).Select(p => p.Value!);

    /// <summary>Why a search found no route, in the reader's language; null when it found some.</summary>
    public static string? Reason(CareerGraph graph, PathResult result, IStringLocalizer L) => result.Missing switch
    {
        null => (string?)null,
        NoRoute.AlreadyThere => L["You are already in {0}.", graph.Title(result.To)],
        NoRoute.TooManyMoves => L["{0} can be reached from {1}, but only in more than {2} moves.", graph.Title(result.To), graph.Title(result.From), MaxMoves],
        _ => L["No sequence of moves leads from {0} to {1}.", graph.Title(result.From), graph.Title(result.To)],
    };

    /// <summary>The route in sentences, in the reader's language: the estimate and what it rests on, then what each step asks.</summary>
    public static string Explain(CareerGraph graph, CareerPath path, IStringLocalizer L)
    {
        var (months, moves, person) = (Durations.Months(path.EstimatedMonths, L), path.Steps.Count, path.For?.Name);
        var sentences = new List<string>(moves + 1)
        {
            (moves == 1, person is null) switch
            {
                (true, true) => L["About {0} in 1 move (an estimate, starting from what the current role asks).", months],
                (false, true) => L["About {0} in {1} moves (an estimate, starting from what the current role asks).", months, moves],
                (true, false) => L["About {0} in 1 move (an estimate, from {1}'s ratings and time served).", months, person!],
                _ => L["About {0} in {1} moves (an estimate, from {2}'s ratings and time served).", months, moves, person!],
            },
        };
        for (var i = 0; i < moves; i++)
        {
            var s = path.Steps[i];
            var needs = new List<string>();
            needs.AddRange(s.Prerequisites.Where(p => !p.Met).Select(p => p.MonthsToMeet > 0
                ? L["{0} (about {1})", Lower(p.Text(graph, L)), Durations.Months(p.MonthsToMeet, L)]
                : Lower(p.Text(graph, L))));
            if (s.Gaps.Count > 0)
            {
                var raises = string.Join(", ", s.Gaps.Take(3).Select(g => L["{0} from {1} to {2}", g.Name, g.Current, g.Required].Value));
                needs.Add(s.Gaps.Count > 3 ? L["raise {0} and {1} more", raises, s.Gaps.Count - 3] : L["raise {0}", raises]);
            }
            var (from, to, kind, wait) = (graph.Title(s.Move.Source), graph.Title(s.Move.Target), s.Move.Kind.Phrase(L), Durations.Months(s.Months, L));
            sentences.Add(needs.Count == 0
                ? L["{0}. {1} → {2}, a {3}: nothing stands in the way — about {4}.", i + 1, from, to, kind, wait]
                : L["{0}. {1} → {2}, a {3}: {4} — about {5}.", i + 1, from, to, kind, string.Join("; ", needs), wait]);
        }
        return string.Join(" ", sentences);
    }

    static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
