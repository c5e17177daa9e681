using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;

namespace CareerMap.Reports;

/// <summary>Moves in a quarter by direction, the cross-functional ones among them, and people hired into a first role.</summary>
public sealed record QuarterMoves(string Quarter, int Promotions, int Laterals, int StepBacks, int CrossFunctional, int Hires)
{
    public int Moves => Promotions + Laterals + StepBacks;
}

/// <summary>Moves into a unit's roles by direction; cross-functional ones came from another unit.</summary>
public sealed record UnitMoves(string Unit, string Name, int Promotions, int Laterals, int StepBacks, int CrossFunctional, int Hires);

/// <summary>
/// How a role was filled in the period: by people moving in from another role (internal) or hired into it; and how long
/// people promoted out of it had been in it (median, months).
/// </summary>
public sealed record RoleFill(string Role, string Title, string Unit, int Filled, int Internal, int Hires, double? InternalFillRate, int PromotedOut, double? MedianMonthsBeforePromotion);

public sealed record MobilityView(DateOnly From, DateOnly To, int People, int Moves, int Promotions, int Hires, double? InternalFillRate, double? MedianMonthsBeforePromotion,
    IReadOnlyList<QuarterMoves> Quarters, IReadOnlyList<UnitMoves> Units, IReadOnlyList<RoleFill> Roles);

/// <summary>A sequence of roles people took, how many took it, and the median months it took them from the first role to the last.</summary>
public sealed record TakenRoute(IReadOnlyList<string> Roles, int People, double MedianMonths);

/// <summary>A route the map suggests, with its estimate for someone starting out in the first role.</summary>
public sealed record SuggestedRoute(IReadOnlyList<string> Roles, int EstimatedMonths);

public sealed record RoutesView(string From, string To, int People, IReadOnlyList<TakenRoute> Taken, IReadOnlyList<SuggestedRoute> Suggested);

/// <summary>
/// How people actually move: moves per quarter by kind and by unit, how roles were filled, time in role before a
/// promotion, and the routes people took between two roles beside the routes the map suggests. All from the role-history
/// index, among the people the viewer may see (for HR, people who have left too).
/// </summary>
public sealed class MobilityReport(CareerMapDb db, RoleHistoryCache histories)
{
    public const int RoutesShown = 10;

    /// <summary>The default period: the last eight quarters, this one included.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-21), today);

    public static string QuarterOf(DateOnly day) => $"{day.Year}-Q{(day.Month - 1) / 3 + 1}";

    public async Task<MobilityView> OfAsync(CareerGraph graph, DateOnly from, DateOnly to, IReadOnlyCollection<int>? visible, CancellationToken ct = default)
    {
        var h = await histories.GetAsync(db, ct);
        // Everyone's view of a period is the same for every HR admin until the people change: counted once.
        return visible is null ? h.Remember(graph, $"mobility:{from.DayNumber}:{to.DayNumber}:{System.Globalization.CultureInfo.CurrentCulture.Name}", () => Count(graph, h, from, to, null))
            : Count(graph, h, from, to, visible as IReadOnlySet<int> ?? visible.ToHashSet());
    }

    /// <summary>The report worked out afresh from the history: one pass over every change.</summary>
    public static MobilityView Count(CareerGraph graph, RoleHistoryIndex h, DateOnly from, DateOnly to, IReadOnlySet<int>? among)
    {
        var kinds = Kinds(graph, h);
        var unitNames = graph.Document.Units.Select(u => u.Code).ToList();
        // Each role's unit as a number, and quarters as numbers from the period's first: no text per change.
        var unitOf = h.Roles.Select(code => graph.Role(code) is { } r ? unitNames.FindIndex(u => string.Equals(u, r.Unit, StringComparison.OrdinalIgnoreCase)) : -1).ToArray();
        static int QuarterNumber(DateOnly day) => day.Year * 4 + (day.Month - 1) / 3;
        var firstQuarter = QuarterNumber(from);
        var quarters = new int[QuarterNumber(to) - firstQuarter + 1, 5];
        var units = new int[unitNames.Count, 5];
        var unitSeen = new bool[unitNames.Count];
        var filled = new int[h.Roles.Count];
        var internalFill = new int[h.Roles.Count];
        var monthsBefore = Enumerable.Range(0, h.Roles.Count).Select(_ => new List<int>()).ToArray();
        int first = from.DayNumber, last = to.DayNumber, people = 0, lastPerson = -1;
        foreach (var (begin, stop) in h.RangesOf(among))
        {
            for (var i = begin; i < stop; i++)
            {
                if (h.Existing[i] || h.Day[i] < first || h.Day[i] > last) continue;
                // Changes come person by person, so a person is counted once.
                if (h.Employee[i] != lastPerson) (people, lastPerson) = (people + 1, h.Employee[i]);
                var quarter = QuarterNumber(DateOnly.FromDayNumber(h.Day[i])) - firstQuarter;
                var unit = unitOf[h.To[i]];
                if (unit >= 0) unitSeen[unit] = true;
                filled[h.To[i]]++;
                if (h.From[i] == RoleHistoryIndex.NoRole)
                {
                    Add(quarter, unit, 4);
                    continue;
                }
                internalFill[h.To[i]]++;
                if (kinds[h.From[i], h.To[i]] is not { } kind) continue;
                Add(quarter, unit, (int)kind.Direction);
                if (kind.Scope == MoveScope.CrossFunctional) Add(quarter, unit, 3);
                // Time in the role left: since the same person's previous change, when they entered it.
                if (kind.Direction == MoveDirection.Promotion && i > 0 && h.Employee[i - 1] == h.Employee[i])
                    monthsBefore[h.From[i]].Add(PeopleDirectory.MonthsBetween(DateOnly.FromDayNumber(h.Day[i - 1]), DateOnly.FromDayNumber(h.Day[i])));
            }
        }

        var roles = graph.Document.Roles.Select(r => (Role: r, Slot: h.SlotOf(r.Code)))
            .Where(x => x.Slot >= 0)
            .Select(x => new RoleFill(x.Role.Code, graph.Title(x.Role.Code), x.Role.Unit, filled[x.Slot], internalFill[x.Slot], filled[x.Slot] - internalFill[x.Slot],
                filled[x.Slot] == 0 ? null : Math.Round((double)internalFill[x.Slot] / filled[x.Slot], 4), monthsBefore[x.Slot].Count, Median(monthsBefore[x.Slot])))
            .Where(r => r.Filled > 0 || r.PromotedOut > 0)
            .OrderBy(r => r.Title, StringComparer.CurrentCulture).ToList();
        var quarterRows = Enumerable.Range(0, quarters.GetLength(0)).Select(q => new QuarterMoves(
            $"{(firstQuarter + q) / 4}-Q{(firstQuarter + q) % 4 + 1}", quarters[q, 0], quarters[q, 1], quarters[q, 2], quarters[q, 3], quarters[q, 4])).ToList();
        var unitRows = Enumerable.Range(0, unitNames.Count).Where(u => unitSeen[u])
            .Select(u => new UnitMoves(unitNames[u], graph.Document.Units[u].Name, units[u, 0], units[u, 1], units[u, 2], units[u, 3], units[u, 4]))
            .OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        var allFilled = filled.Sum();
        return new(from, to, people, quarterRows.Sum(q => q.Moves), quarterRows.Sum(q => q.Promotions), quarterRows.Sum(q => q.Hires),
            allFilled == 0 ? null : Math.Round((double)internalFill.Sum() / allFilled, 4), Median([.. monthsBefore.SelectMany(m => m)]), quarterRows, unitRows, roles);

        void Add(int quarter, int unit, int column)
        {
            quarters[quarter, column]++;
            if (unit >= 0) units[unit, column]++;
        }
    }

    /// <summary>
    /// Everyone who held <paramref name="from"/> and later entered <paramref name="to"/>: the roles they went through on
    /// the way, grouped, most taken first; beside the map's best routes. Null when either role is unknown.
    /// </summary>
    public async Task<RoutesView?> RoutesAsync(CareerGraph graph, string from, string to, IReadOnlyCollection<int>? visible, CancellationToken ct = default)
    {
        var among = visible is null ? null : visible as IReadOnlySet<int> ?? visible.ToHashSet();
        if (graph.Role(from) is not { } start || graph.Role(to) is not { } end) return null;
        var h = await histories.GetAsync(db, ct);
        // Everyone's routes between two roles are the same for every HR admin until the people change: found once.
        return among is null ? h.Remember(graph, $"routes:{start.Code}:{end.Code}", () => Routes(graph, h, start.Code, end.Code, null))
            : Routes(graph, h, start.Code, end.Code, among);
    }

    static RoutesView Routes(CareerGraph graph, RoleHistoryIndex h, string from, string to, IReadOnlySet<int>? among)
    {
        var (start, end) = (graph.Role(from)!, graph.Role(to)!);
        var (a, b) = (h.SlotOf(start.Code), h.SlotOf(end.Code));
        var taken = new Dictionary<string, (List<string> Roles, List<int> Months)>(StringComparer.Ordinal);
        var people = 0;
        foreach (var (begin, stop) in a >= 0 && b >= 0 ? h.RangesOf(among) : [])
        {
            for (var i = begin; i < stop;)
            {
                var person = h.Employee[i];
                var next = i;
                while (next < stop && h.Employee[next] == person) next++;
                if (Route(h, i, next, a, b) is { } route)
                {
                    people++;
                    var key = string.Join('>', route.Roles);
                    if (!taken.TryGetValue(key, out var group)) taken[key] = group = (route.Roles, []);
                    group.Months.Add(route.Months);
                }
                i = next;
            }
        }
        var path = PathFinder.Find(graph, start.Code, end.Code, 3);
        return new(start.Code, end.Code, people,
            [.. taken.Values.OrderByDescending(t => t.Months.Count).ThenBy(t => t.Roles.Count).ThenBy(t => string.Join('>', t.Roles), StringComparer.Ordinal).Take(RoutesShown)
                .Select(t => new TakenRoute(t.Roles, t.Months.Count, Median(t.Months) ?? 0))],
            [.. path.Paths.Select(p => new SuggestedRoute([p.Steps[0].Move.Source, .. p.Steps.Select(s => s.Move.Target)], p.EstimatedMonths))]);

        // The person's last time in the first role before their first entry into the target after it: the roles between, and the months.
        (List<string> Roles, int Months)? Route(RoleHistoryIndex h, int begin, int end, int a, int b)
        {
            var left = -1;
            for (var i = begin; i < end; i++)
            {
                if (h.To[i] == a) left = i;
                else if (h.To[i] == b && left >= 0)
                {
                    List<string> roles = [.. Enumerable.Range(left, i - left + 1).Select(k => h.Roles[h.To[k]])];
                    return (roles, PeopleDirectory.MonthsBetween(DateOnly.FromDayNumber(h.Day[left]), DateOnly.FromDayNumber(h.Day[i])));
                }
            }
            return null;
        }
    }

    /// <summary>The kind of every move between two roles of the history, worked out once per report from today's framework; null for a role it no longer has.</summary>
    static MoveKind?[,] Kinds(CareerGraph graph, RoleHistoryIndex h)
    {
        var kinds = new MoveKind?[h.Roles.Count, h.Roles.Count];
        for (var f = 0; f < h.Roles.Count; f++)
            for (var t = 0; t < h.Roles.Count; t++)
                if (f != t && graph.Role(h.Roles[f]) is not null && graph.Role(h.Roles[t]) is not null) kinds[f, t] = graph.Document.KindOf(h.Roles[f], h.Roles[t]);
        return kinds;
    }

    static double? Median(List<int> values)
    {
        if (values.Count == 0) return null;
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
