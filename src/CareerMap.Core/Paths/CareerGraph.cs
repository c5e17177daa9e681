using CareerMap.Framework;
using QuikGraph;

namespace CareerMap.Paths;

/// <summary>Where a move comes from: the framework itself, or one of the rules that fill in the obvious moves.</summary>
public enum MoveOrigin { Explicit, NextLevel, LeadershipStep, SimilarLateral }

/// <summary>How far a requirement rises on a move: the target asks Competency at To where the source asked From.</summary>
public sealed record CompetencyDelta(string Competency, int From, int To)
{
    public int Rise => To - From;
}

/// <summary>An allowed move between two roles, with its derived kind, every prerequisite and the requirements that rise.</summary>
public sealed record CareerEdge(string Source, string Target, MoveKind Kind, MoveOrigin Origin, string Code, string? Note,
    IReadOnlyList<PrerequisiteDto> Prerequisites, IReadOnlyList<CompetencyDelta> Delta) : IEdge<string>;

/// <summary>A role's requirement as the path finder needs it.</summary>
public sealed record Need(string Competency, int Level, decimal Weight, bool Critical);

/// <summary>
/// The framework as a graph of roles and moves: explicit moves plus the rule-made ones (next level in the family,
/// the leadership step from the top of an individual-contributor family, and the closest same-grade roles in other
/// units). Built once per framework version; read-only afterwards, so it can be shared across requests.
/// </summary>
public sealed class CareerGraph
{
    /// <summary>A same-grade role elsewhere is a lateral option when it asks mostly for what this role already has.</summary>
    public const double LateralOverlap = 0.7;
    public const int LateralsPerRole = 3;

    readonly BidirectionalGraph<string, CareerEdge> graph = new(allowParallelEdges: false);
    readonly Dictionary<string, RoleDto> roles;
    readonly Dictionary<string, int> ranks;
    readonly Dictionary<string, IReadOnlyList<Need>> needs;
    readonly Dictionary<string, string> competencyNames;

    public FrameworkDocument Document { get; }

    CareerGraph(FrameworkDocument d)
    {
        Document = d;
        var cmp = StringComparer.OrdinalIgnoreCase;
        roles = d.Roles.ToDictionary(r => r.Code, cmp);
        var gradeRanks = d.Grades.ToDictionary(g => g.Code, g => g.Rank, cmp);
        ranks = d.Roles.ToDictionary(r => r.Code, r => gradeRanks.GetValueOrDefault(r.Grade), cmp);
        needs = d.Roles.ToDictionary(r => r.Code, _ => (IReadOnlyList<Need>)[], cmp);
        foreach (var g in d.Requirements.GroupBy(q => q.Role, cmp))
            needs[g.Key] = [.. g.Select(q => new Need(q.Competency, q.Level, q.Weight, q.Critical))];
        competencyNames = d.Competencies.ToDictionary(c => c.Code, c => c.Name, cmp);
        graph.AddVertexRange(d.Roles.Select(r => r.Code));
    }

    public IEnumerable<RoleDto> Roles => roles.Values;
    public IEnumerable<CareerEdge> Edges => graph.Edges;
    public int MoveCount => graph.EdgeCount;

    public RoleDto? Role(string code) => roles.GetValueOrDefault(code);
    public int Rank(string role) => ranks.GetValueOrDefault(role);
    public IReadOnlyList<Need> Needs(string role) => needs.GetValueOrDefault(role) ?? [];
    public string CompetencyName(string code) => competencyNames.GetValueOrDefault(code) ?? code;
    public string Title(string role) => roles.TryGetValue(role, out var r) ? r.Title : role;

    public IEnumerable<CareerEdge> OutOf(string role) => graph.TryGetOutEdges(Canonical(role), out var edges) ? edges : [];
    public IEnumerable<CareerEdge> Into(string role) => graph.TryGetInEdges(Canonical(role), out var edges) ? edges : [];

    string Canonical(string role) => roles.TryGetValue(role, out var r) ? r.Code : role;

    public static CareerGraph Build(FrameworkDocument d)
    {
        var g = new CareerGraph(d);
        var cmp = StringComparer.OrdinalIgnoreCase;
        var families = d.Families.ToDictionary(f => f.Code, cmp);
        bool Leads(RoleDto r) => families.TryGetValue(r.Family, out var f) && f.Track == "leadership";
        var suppressed = d.Moves.Where(m => m.Off).Select(m => Pair(m.From, m.To)).ToHashSet(cmp);
        var taken = new HashSet<string>(cmp);

        void Add(string from, string to, MoveOrigin origin, string? code = null, string? note = null, IReadOnlyList<PrerequisiteDto>? prerequisites = null)
        {
            var pair = Pair(from, to);
            if (!g.roles.TryGetValue(from, out var a) || !g.roles.TryGetValue(to, out var b) || a.Code == b.Code) return;
            if (origin != MoveOrigin.Explicit && suppressed.Contains(pair)) return;
            if (!taken.Add(pair)) return;
            var kind = MoveKind.Of(g.Rank(a.Code), a.Unit, a.Family, g.Rank(b.Code), b.Unit, b.Family, a.Level, b.Level);
            var gates = (prerequisites ?? []).Concat(b.Prerequisites ?? []).Distinct(PrerequisiteComparer.Instance).ToList();
            g.graph.AddEdge(new CareerEdge(a.Code, b.Code, kind, origin, code ?? $"{a.Code}-TO-{b.Code}", note, gates, g.DeltaOf(a.Code, b.Code)));
        }

        foreach (var m in d.Moves.Where(m => !m.Off))
            Add(m.From, m.To, MoveOrigin.Explicit, m.Code, m.Note, m.Prerequisites);

        foreach (var family in d.Roles.GroupBy(r => r.Family, cmp))
        {
            var levels = family.GroupBy(r => r.Level).OrderBy(l => l.Key).ToList();
            for (var i = 0; i + 1 < levels.Count; i++)
                foreach (var from in levels[i])
                    foreach (var to in levels[i + 1])
                        Add(from.Code, to.Code, MoveOrigin.NextLevel, note: "The next level of the family.");
        }

        var leadersByUnit = d.Roles.Where(Leads).GroupBy(r => r.Unit, cmp).ToDictionary(x => x.Key, x => x.ToList(), cmp);
        foreach (var family in d.Roles.Where(r => !Leads(r)).GroupBy(r => r.Family, cmp))
        {
            var topLevel = family.Max(r => r.Level);
            foreach (var top in family.Where(r => r.Level == topLevel))
            {
                if (!leadersByUnit.TryGetValue(top.Unit, out var leaders)) continue;
                var above = leaders.Where(l => g.Rank(l.Code) >= g.Rank(top.Code)).ToList();
                if (above.Count == 0) continue;
                var first = above.Min(l => g.Rank(l.Code));
                foreach (var leader in above.Where(l => g.Rank(l.Code) == first))
                    Add(top.Code, leader.Code, MoveOrigin.LeadershipStep, note: "The step into leadership from the top of the family.");
            }
        }

        // Every pair of same-grade roles is compared, so competency sets are bit sets.
        var index = d.Competencies.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, cmp);
        var words = Math.Max(1, (index.Count + 63) / 64);
        var sets = g.needs.ToDictionary(n => n.Key, n =>
        {
            var bits = new ulong[words];
            foreach (var x in n.Value)
                if (index.TryGetValue(x.Competency, out var i)) bits[i / 64] |= 1UL << (i % 64);
            return bits;
        }, cmp);
        var leads = d.Roles.ToDictionary(r => r.Code, Leads, cmp);
        foreach (var grade in d.Roles.GroupBy(r => g.Rank(r.Code)))
        {
            var peers = grade.Select(r => (Role: r, Bits: sets[r.Code], Size: sets[r.Code].Sum(System.Numerics.BitOperations.PopCount), Leads: leads[r.Code])).ToList();
            var best = new List<(RoleDto Role, double Overlap)>();
            foreach (var a in peers)
            {
                best.Clear();
                foreach (var b in peers)
                {
                    if (b.Size == 0 || a.Leads != b.Leads || string.Equals(a.Role.Unit, b.Role.Unit, StringComparison.OrdinalIgnoreCase)) continue;
                    var shared = 0;
                    for (var w = 0; w < words; w++) shared += System.Numerics.BitOperations.PopCount(a.Bits[w] & b.Bits[w]);
                    var overlap = shared / (double)b.Size;
                    if (overlap >= LateralOverlap) best.Add((b.Role, overlap));
                }
                foreach (var (b, overlap) in best.OrderByDescending(x => x.Overlap).ThenBy(x => x.Role.Code, StringComparer.Ordinal).Take(LateralsPerRole))
                    Add(a.Role.Code, b.Code, MoveOrigin.SimilarLateral, note: $"A same-grade role that asks for {overlap:P0} of the same competencies.");
            }
        }
        return g;
    }

    IReadOnlyList<CompetencyDelta> DeltaOf(string from, string to)
    {
        var had = Needs(from).ToDictionary(n => n.Competency, n => n.Level, StringComparer.OrdinalIgnoreCase);
        return [.. Needs(to).Select(n => new CompetencyDelta(n.Competency, had.GetValueOrDefault(n.Competency), n.Level)).Where(x => x.Rise > 0)];
    }

    static string Pair(string from, string to) => $"{from}>{to}";

    sealed class PrerequisiteComparer : IEqualityComparer<PrerequisiteDto>
    {
        public static readonly PrerequisiteComparer Instance = new();
        public bool Equals(PrerequisiteDto? x, PrerequisiteDto? y) => x is not null && y is not null && Key(x) == Key(y);
        public int GetHashCode(PrerequisiteDto obj) => Key(obj).GetHashCode(StringComparison.Ordinal);
        static string Key(PrerequisiteDto p) => $"{p.Kind}|{p.Months}|{string.Join(',', p.Roles ?? [])}|{p.Value}".ToUpperInvariant();
    }
}
