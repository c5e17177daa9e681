using CareerMap.Data;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Reports;

/// <summary>What the rows of the capability heatmap are; Team: each of a leader's direct reports with everyone below them.</summary>
public enum CapabilityGrouping { Unit, Family, Role, Location, Team }

/// <summary>
/// One group × competency: of the people whose role asks for the competency, how many meet the level asked, their average
/// gap in levels (people who meet it count as 0), and how many have a manager rating within the last 12 months.
/// </summary>
public sealed record CapabilityCell(int People, int Meeting, double ShareMeeting, double AverageGap, int ManagerRated, double Coverage);

public sealed record CapabilityRow(string Group, string Name, int People, IReadOnlyList<CapabilityCell?> Cells);

public sealed record CapabilityColumn(string Code, string Name, string Category);

/// <summary>Whose teams a grouping by team shows: the leader, and the leader's own manager to go up to (null at the top).</summary>
public sealed record CapabilityLeader(string EmployeeNumber, string Name, string? ManagerNumber);

/// <summary>
/// The heatmap: a row per group with anyone in it, a column per competency anyone's role asks for, and the total. By
/// team, a row's group is the employee number of the direct report at its head; <see cref="Leader"/> is null at the top
/// of the organization (each row then a whole line without a manager above it).
/// </summary>
public sealed record CapabilityHeatmap(CapabilityGrouping By, string? Unit, int People, IReadOnlyList<CapabilityColumn> Competencies, IReadOnlyList<CapabilityRow> Rows, CapabilityRow Total,
    CapabilityLeader? Leader = null);

public sealed record CapabilityPerson(string EmployeeNumber, string Name, string Role, string? Location, int Level, int Required, int Gap, bool ManagerRated);

/// <summary>The people behind one cell, biggest gap first.</summary>
public sealed record CapabilityPeople(CapabilityGrouping By, string Group, string GroupName, string Competency, string CompetencyName, int Count, IReadOnlyList<CapabilityPerson> People);

/// <summary>
/// Where the organization's capability stands against what its roles ask, by unit, family, role or location, among the
/// people the viewer may see: one pass over the rating index, never a query per person.
/// </summary>
public sealed class CapabilityReport(CareerMapDb db, RatingIndexCache ratings, TimeProvider clock)
{
    public const string NoLocation = "";
    static readonly string[] CategoryOrder = ["core", "leadership", "job-knowledge"];

    /// <param name="unit">Only people in roles of this unit; null for every unit.</param>
    /// <param name="among">The people the viewer may see (employee ids); null for everyone.</param>
    /// <param name="leader">By team: whose direct reports head the rows (an employee id); 0 for the top of the organization.</param>
    public async Task<CapabilityHeatmap> HeatmapAsync(CareerGraph graph, CapabilityGrouping by, string? unit, IReadOnlyCollection<int>? among,
        int leader = 0, CancellationToken ct = default)
    {
        var index = await ratings.GetAsync(db, clock.Today(), ct);
        // The whole organization's view is the same for every HR admin until the next rating: tallied once.
        var map = among is null
            ? index.Remember(graph, $"capability:{by}:{unit?.ToUpperInvariant()}:{leader}:{System.Globalization.CultureInfo.CurrentCulture.Name}", () => Tally(graph, index, by, unit, null, leader))
            : Tally(graph, index, by, unit, among, leader);
        if (by != CapabilityGrouping.Team) return map;
        // Teams are tallied by employee id; their heads' numbers and names are read for the few rows there are.
        var heads = map.Rows.Select(r => int.Parse(r.Group, System.Globalization.CultureInfo.InvariantCulture)).Append(leader).ToList();
        var named = await db.Employees.AsNoTracking().Where(e => heads.Contains(e.Id))
            .Select(e => new { e.Id, e.EmployeeNumber, e.Name, Manager = e.Manager != null ? e.Manager.EmployeeNumber : null }).ToDictionaryAsync(e => e.Id, ct);
        return map with
        {
            Rows = [.. map.Rows.Select(r => named[int.Parse(r.Group, System.Globalization.CultureInfo.InvariantCulture)] switch { var head => r with { Group = head.EmployeeNumber, Name = head.Name } })
                .OrderBy(r => r.Name, StringComparer.CurrentCulture)],
            Leader = named.TryGetValue(leader, out var l) ? new(l.EmployeeNumber, l.Name, l.Manager) : null,
        };
    }

    /// <summary>
    /// Whose teams a grouping by team starts from: the person with this number when the viewer may see them (null when
    /// not); without a number, the viewer's own line, or the top of the organization (0) for one who sees everyone.
    /// </summary>
    public async Task<int?> LeaderAsync(string? number, int? viewer, IReadOnlyCollection<int>? among, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number)) return among is null ? 0 : viewer;
        var id = await db.Employees.Where(e => e.EmployeeNumber == number.Trim()).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        return id is int found && (among is null || among.Contains(found)) ? found : null;
    }

    /// <summary>The heatmap worked out afresh from the index: one pass over everyone (or the people given).</summary>
    public static CapabilityHeatmap Tally(CareerGraph graph, RatingIndex index, CapabilityGrouping by, string? unit, IReadOnlyCollection<int>? among, int leader = 0)
    {
        var groups = Groups(graph, index, by, unit, leader);
        var tally = index.TallyRequirements(graph, groups.Keys.Count, groups.Of, among);
        var columns = Enumerable.Range(0, tally.Competencies.Count)
            .Where(c => Enumerable.Range(0, tally.Groups).Any(g => tally.Required[tally.At(g, c)] > 0))
            .Select(c => (Column: c, Competency: graph.Document.Competencies.FirstOrDefault(x => string.Equals(x.Code, tally.Competencies[c], StringComparison.OrdinalIgnoreCase))))
            .Where(c => c.Competency is not null)
            .OrderBy(c => Array.IndexOf(CategoryOrder, c.Competency!.Category) is var i and >= 0 ? i : CategoryOrder.Length).ThenBy(c => c.Competency!.Name, StringComparer.CurrentCulture)
            .ToList();
        CapabilityCell? Cell(int required, int meeting, int gaps, int managerRated) => required == 0 ? null
            : new(required, meeting, Math.Round((double)meeting / required, 4), Math.Round((double)gaps / required, 2), managerRated, Math.Round((double)managerRated / required, 4));
        var rows = Enumerable.Range(0, tally.Groups).Where(g => tally.Headcount[g] > 0)
            .Select(g => new CapabilityRow(groups.Keys[g], groups.Names[g], tally.Headcount[g],
                [.. columns.Select(c => Cell(tally.Required[tally.At(g, c.Column)], tally.Meeting[tally.At(g, c.Column)], tally.Gaps[tally.At(g, c.Column)], tally.ManagerRated[tally.At(g, c.Column)]))]))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        int Sum(int[] figures, int column) => Enumerable.Range(0, tally.Groups).Sum(g => figures[tally.At(g, column)]);
        var total = new CapabilityRow("", "", tally.Headcount.Sum(),
            [.. columns.Select(c => Cell(Sum(tally.Required, c.Column), Sum(tally.Meeting, c.Column), Sum(tally.Gaps, c.Column), Sum(tally.ManagerRated, c.Column)))]);
        return new(by, unit, total.People, [.. columns.Select(c => new CapabilityColumn(c.Competency!.Code, c.Competency.Name, c.Competency.Category))], rows, total);
    }

    /// <summary>The people of one group whose role asks for the competency; null when the group or competency is unknown.</summary>
    public async Task<CapabilityPeople?> PeopleAsync(CareerGraph graph, CapabilityGrouping by, string group, string competency, string? unit, IReadOnlyCollection<int>? among,
        int take, int leader = 0, CancellationToken ct = default)
    {
        var known = graph.Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, competency, StringComparison.OrdinalIgnoreCase));
        if (known is null) return null;
        var index = await ratings.GetAsync(db, clock.Today(), ct);
        var groups = Groups(graph, index, by, unit, leader);
        // By team the group named is the head's employee number; the grouping knows heads by id.
        var head = by != CapabilityGrouping.Team ? null
            : await db.Employees.Where(e => e.EmployeeNumber == group).Select(e => new { e.Id, e.EmployeeNumber, e.Name }).FirstOrDefaultAsync(ct);
        var wanted = by != CapabilityGrouping.Team ? group : head?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var g = wanted is null ? -1 : groups.Keys.FindIndex(k => string.Equals(k, wanted, StringComparison.OrdinalIgnoreCase));
        if (g < 0) return null;
        // A cell of the whole organization can stand for hundreds of thousands of people: one pass counts them and keeps
        // the biggest gaps (lowest id first among equals) in a bounded heap, never sorting them all.
        var count = 0;
        var best = new PriorityQueue<(int Row, int Level, int Required, bool ManagerRated), long>(take + 1);
        foreach (var b in index.Behind(graph, row => groups.Of(row) == g, known.Code, among))
        {
            count++;
            var key = ((long)Math.Max(0, b.Required - b.Level) << 32) | (uint)(int.MaxValue - index.EmployeeId(b.Row));
            if (best.Count == take && best.TryPeek(out _, out var least) && key <= least) continue;
            best.Enqueue(b, key);
            if (best.Count > take) best.Dequeue();
        }
        var shown = best.UnorderedItems.Select(x => x.Element).ToList();
        var ids = shown.Select(b => index.EmployeeId(b.Row)).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => new { e.EmployeeNumber, e.Name }, ct);
        var (groupKey, groupName) = head is null ? (groups.Keys[g], groups.Names[g]) : (head.EmployeeNumber, head.Name);
        return new(by, groupKey, groupName, known.Code, known.Name, count,
            [.. shown.Select(b => (b, Person: people[index.EmployeeId(b.Row)]))
                .Select(x => new CapabilityPerson(x.Person.EmployeeNumber, x.Person.Name, index.Role(x.b.Row), index.LocationOf(x.b.Row), x.b.Level, x.b.Required,
                    Math.Max(0, x.b.Required - x.b.Level), x.b.ManagerRated))
                .OrderByDescending(p => p.Gap).ThenBy(p => p.Name, StringComparer.CurrentCulture)]);
    }

    sealed record Grouping(List<string> Keys, List<string> Names, Func<int, int> Of);

    /// <summary>
    /// For each row of the index, the row of the leader's direct report whose line it is in (-1: the leader, or outside
    /// their line). Leader 0 is the top: people without a manager (or whose manager has left) head the lines. Each walk up
    /// stops at a person already placed, so everyone is placed in one pass.
    /// </summary>
    static int[] Heads(RatingIndex index, int leader)
    {
        const int Unknown = -2;
        var head = new int[index.Count];
        Array.Fill(head, Unknown);
        var walk = new List<int>();
        for (var row = 0; row < index.Count; row++)
        {
            walk.Clear();
            var at = row;
            int found;
            while (true)
            {
                if (head[at] != Unknown) { found = head[at]; break; }
                if (index.EmployeeId(at) == leader || walk.Count > index.Count) { found = -1; break; }
                var manager = index.ManagerOf(at);
                var above = manager == 0 ? -1 : index.RowOf(manager);
                if (manager == leader || (leader == 0 && above < 0)) { head[at] = found = at; break; }
                if (above < 0) { found = -1; break; }
                walk.Add(at);
                at = above;
            }
            if (head[at] == Unknown) head[at] = found;
            foreach (var w in walk) head[w] = found;
        }
        return head;
    }

    /// <summary>The groups of a grouping and which one each row of the index falls in (-1: outside the unit asked for).</summary>
    static Grouping Groups(CareerGraph graph, RatingIndex index, CapabilityGrouping by, string? unit, int leader)
    {
        var roles = index.RoleCodes.Select(graph.Role).ToArray();
        var inUnit = roles.Select(r => r is not null && (unit is null || string.Equals(r.Unit, unit, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (by == CapabilityGrouping.Team)
        {
            var head = Heads(index, leader);
            var heads = Enumerable.Range(0, index.Count).Where(r => head[r] == r).ToList();
            var placeOf = new Dictionary<int, int>(heads.Count);
            foreach (var h in heads) placeOf[h] = placeOf.Count;
            var keys = heads.Select(h => index.EmployeeId(h).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            return new(keys, keys, row => inUnit[index.RoleSlot(row)] && head[row] >= 0 ? placeOf[head[row]] : -1);
        }
        if (by == CapabilityGrouping.Location)
        {
            var keys = index.Locations.Append(NoLocation).ToList();
            var slot = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.OrdinalIgnoreCase);
            return new(keys, keys, row => inUnit[index.RoleSlot(row)] ? slot[index.LocationOf(row) ?? NoLocation] : -1);
        }
        var d = graph.Document;
        List<(string Key, string Name)> all = by switch
        {
            CapabilityGrouping.Unit => [.. d.Units.Select(u => (u.Code, u.Name))],
            CapabilityGrouping.Family => [.. d.Families.Select(f => (f.Code, f.Name))],
            _ => [.. d.Roles.Select(r => (r.Code, r.Title))],
        };
        var position = all.Select((x, i) => (x.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.OrdinalIgnoreCase);
        var groupOfSlot = roles.Select((r, s) => !inUnit[s] ? -1 : position.GetValueOrDefault(by switch
        {
            CapabilityGrouping.Unit => r!.Unit,
            CapabilityGrouping.Family => r!.Family,
            _ => r!.Code,
        }, -1)).ToArray();
        return new([.. all.Select(x => x.Key)], [.. all.Select(x => x.Name)], row => groupOfSlot[index.RoleSlot(row)]);
    }
}
