using CareerMap.Data;
using CareerMap.Paths;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.People;

/// <summary>
/// Every person's effective rating of every competency in one flat byte array (a row per person, a column per
/// competency), for ranking a whole workforce against a role without asking the database. Built from the database,
/// so each app instance can hold its own; <see cref="CatchUpAsync"/> follows the assessments added since.
/// About 12 bytes plus one per competency for each person: some 36 MB per million people with 24 competencies.
/// </summary>
public sealed class RatingIndex
{
    const byte ManagerRated = 0x80, LevelBits = 0x7F;

    readonly Dictionary<string, int> columns;
    readonly Dictionary<int, int> columnOfCompetencyId;
    readonly int width;
    int[] ids = [];
    byte[] levels = [];
    ushort[] roles = [];
    ushort[] locations = [];
    int[] roleStarts = [];
    readonly List<string?> locationNames = [];
    readonly Dictionary<string, ushort> locationOf = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> roleCodes = [];
    readonly Dictionary<int, ushort> roleOfId = [];
    long lastAssessment;
    DateOnly cutoff;

    RatingIndex(IReadOnlyList<(int Id, string Code)> competencies)
    {
        width = competencies.Count;
        columns = competencies.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        columnOfCompetencyId = competencies.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public int Count => ids.Length;
    public long Bytes => ids.Length * 4L + levels.Length + roles.Length * 2L + locations.Length * 2L + roleStarts.Length * 4L;

    public static async Task<RatingIndex> LoadAsync(CareerMapDb db, DateOnly today, CancellationToken ct = default)
    {
        var competencies = await db.Competencies.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var index = new RatingIndex([.. competencies.Select(c => (c.Id, c.Code))]) { cutoff = today.AddMonths(-EffectiveRatings.ManagerRatingMonths) };
        foreach (var r in await db.Roles.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Code }).ToListAsync(ct))
        {
            index.roleOfId[r.Id] = (ushort)index.roleCodes.Count;
            index.roleCodes.Add(r.Code);
        }
        var people = new List<(int Id, int Role, string? Location, DateOnly Start)>();
        await foreach (var e in db.Employees.AsNoTracking().Where(e => e.DeactivatedOn == null).OrderBy(e => e.Id).Select(e => new { e.Id, e.RoleId, e.Location, e.RoleStartDate }).AsAsyncEnumerable().WithCancellation(ct))
            people.Add((e.Id, e.RoleId, e.Location, e.RoleStartDate));
        index.ids = [.. people.Select(p => p.Id)];
        index.roles = [.. people.Select(p => index.roleOfId[p.Role])];
        index.locations = [.. people.Select(p => index.Location(p.Location))];
        index.roleStarts = [.. people.Select(p => p.Start.DayNumber)];
        index.levels = new byte[people.Count * index.width];
        await index.ReadAssessmentsAsync(db.Assessments.AsNoTracking().OrderBy(a => a.EmployeeId).ThenBy(a => a.CompetencyId).ThenBy(a => a.AssessedOn).ThenBy(a => a.Id), ct);
        return index;
    }

    /// <summary>Applies the assessments recorded since the index was built or last caught up.</summary>
    public Task CatchUpAsync(CareerMapDb db, CancellationToken ct = default) =>
        ReadAssessmentsAsync(db.Assessments.AsNoTracking().Where(a => a.Id > lastAssessment).OrderBy(a => a.AssessedOn).ThenBy(a => a.Id), ct);

    /// <summary>Reads ratings in time order within each cell, so the latest rating of each kind is the one left standing.</summary>
    async Task ReadAssessmentsAsync(IOrderedQueryable<Assessment> source, CancellationToken ct)
    {
        var rows = source.Select(a => new { a.Id, a.EmployeeId, a.CompetencyId, a.Level, a.Source, a.AssessedOn }).AsAsyncEnumerable();
        await foreach (var a in rows.WithCancellation(ct))
        {
            Apply(a.EmployeeId, a.CompetencyId, a.Level, a.Source, a.AssessedOn);
            lastAssessment = Math.Max(lastAssessment, a.Id);
        }
    }

    void Apply(int employeeId, int competencyId, int level, AssessmentSource source, DateOnly on)
    {
        var row = Array.BinarySearch(ids, employeeId);
        if (row < 0 || !columnOfCompetencyId.TryGetValue(competencyId, out var column)) return;
        ref var cell = ref levels[row * width + column];
        if (source == AssessmentSource.Manager && on >= cutoff) cell = (byte)(ManagerRated | level);
        else if (source == AssessmentSource.Self && (cell & ManagerRated) == 0) cell = (byte)level;
    }

    ushort Location(string? name)
    {
        var key = name ?? "";
        if (locationOf.TryGetValue(key, out var i)) return i;
        locationOf[key] = i = (ushort)locationNames.Count;
        locationNames.Add(name);
        return i;
    }

    public string? LocationOf(int row) => locationNames[locations[row]];

    public int MonthsInRole(int row, DateOnly today) => PeopleDirectory.MonthsBetween(DateOnly.FromDayNumber(roleStarts[row]), today);

    public int Level(int row, string competency) => columns.TryGetValue(competency, out var c) ? levels[row * width + c] & LevelBits : 0;

    public int EmployeeId(int row) => ids[row];

    public string Role(int row) => roleCodes[roles[row]];

    /// <summary>Role codes by slot, and each person's slot: filters by role decide once per role, not once per person.</summary>
    public IReadOnlyList<string> RoleCodes => roleCodes;

    public int RoleSlot(int row) => roles[row];

    /// <summary>The best of a ranking, and how everyone considered splits into DESIGN.md's bench on their competencies.</summary>
    public sealed record Ranking(IReadOnlyList<(int Row, double Readiness, bool CriticalMet)> Top, int Considered, int ReadyNow, int WithinAYear, int Later);

    /// <summary>The people most ready for a role: readiness on the competencies alone, every critical one met first.</summary>
    public IReadOnlyList<(int Row, double Readiness, bool CriticalMet)> Rank(IReadOnlyList<Need> needs, int top, Func<int, bool>? include = null) =>
        RankAll(needs, top, include).Top;

    /// <summary>
    /// Ranks and counts the bench in one pass: ready now at 90 % with every critical competency met; within a year when
    /// the gaps close in 12 months at DESIGN.md's months per level; later otherwise. Prerequisites are not in the index.
    /// </summary>
    public Ranking RankAll(IReadOnlyList<Need> needs, int top, Func<int, bool>? include = null)
    {
        var cols = needs.Select(n => columns.GetValueOrDefault(n.Competency, -1)).ToArray();
        var required = needs.Select(n => n.Level).ToArray();
        var weights = needs.Select(n => (double)n.Weight).ToArray();
        var critical = needs.Select(n => n.Critical).ToArray();
        var total = required.Select((r, i) => r * weights[i]).Sum();
        var parts = Math.Max(1, Environment.ProcessorCount);
        var best = new List<Candidate>[parts];
        var counts = new int[parts, 4];
        Parallel.For(0, parts, part =>
        {
            // The smallest is dequeued first, so the heap keeps the best `top`; most people never enter it.
            var heap = new PriorityQueue<Candidate, Candidate>(top + 1, WorstFirst.Instance);
            for (var row = part; row < ids.Length; row += parts)
            {
                if (include is not null && !include(row)) continue;
                var offset = row * width;
                double met = 0;
                var criticalMet = true;
                for (var i = 0; i < cols.Length; i++)
                {
                    var level = cols[i] < 0 ? 0 : levels[offset + cols[i]] & LevelBits;
                    met += Math.Min(level, required[i]) * weights[i];
                    if (critical[i] && level < required[i]) criticalMet = false;
                }
                var candidate = new Candidate(row, ids[row], total == 0 ? 1 : met / total, criticalMet);
                var gaps = 0;
                for (var i = 0; i < cols.Length; i++) gaps += Math.Max(0, required[i] - (cols[i] < 0 ? 0 : levels[offset + cols[i]] & LevelBits));
                counts[part, 0]++;
                counts[part, candidate.Readiness >= Readiness.ReadyThreshold && criticalMet ? 1 : gaps * PathFinder.MonthsPerLevel <= 12 ? 2 : 3]++;
                if (heap.Count == top && WorstFirst.Instance.Compare(candidate, heap.Peek()) <= 0) continue;
                heap.Enqueue(candidate, candidate);
                if (heap.Count > top) heap.Dequeue();
            }
            best[part] = [.. heap.UnorderedItems.Select(x => x.Element)];
        });
        int Sum(int k) => Enumerable.Range(0, parts).Sum(p => counts[p, k]);
        return new([.. best.SelectMany(b => b).OrderDescending(WorstFirst.Instance).Take(top).Select(c => (c.Row, c.Readiness, c.CriticalMet))],
            Sum(0), Sum(1), Sum(2), Sum(3));
    }

    readonly record struct Candidate(int Row, int Id, double Readiness, bool CriticalMet);

    /// <summary>Orders candidates from least to most ready: critical competencies met, then readiness, then the lower id.</summary>
    sealed class WorstFirst : IComparer<Candidate>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(Candidate x, Candidate y) =>
            x.CriticalMet != y.CriticalMet ? (x.CriticalMet ? 1 : -1)
            : x.Readiness != y.Readiness ? x.Readiness.CompareTo(y.Readiness)
            : y.Id.CompareTo(x.Id);
    }

    /// <summary>One person against every role of the graph, most ready first.</summary>
    public IReadOnlyList<(string Role, double Readiness)> ForPerson(int employeeId, CareerGraph graph)
    {
        var row = Array.BinarySearch(ids, employeeId);
        if (row < 0) return [];
        var offset = row * width;
        var result = new List<(string, double)>();
        foreach (var role in graph.Roles)
        {
            double met = 0, total = 0;
            foreach (var n in graph.Needs(role.Code))
            {
                var level = columns.TryGetValue(n.Competency, out var c) ? levels[offset + c] & LevelBits : 0;
                met += Math.Min(level, n.Level) * (double)n.Weight;
                total += n.Level * (double)n.Weight;
            }
            result.Add((role.Code, total == 0 ? 1 : met / total));
        }
        result.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return result;
    }
}
