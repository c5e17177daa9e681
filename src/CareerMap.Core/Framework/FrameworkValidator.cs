using System.Text.RegularExpressions;

namespace CareerMap.Framework;

/// <summary>A problem with a framework document: where (a path such as roles[3].grade) and why.</summary>
public sealed record FrameworkProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>Every rule a framework must keep, checked on the whole document so that imports and API writes share them.</summary>
public static partial class FrameworkValidator
{
    public static readonly IReadOnlyDictionary<string, FamilyTrack> Tracks = new Dictionary<string, FamilyTrack>(StringComparer.OrdinalIgnoreCase)
    {
        ["individual-contributor"] = FamilyTrack.IndividualContributor,
        ["leadership"] = FamilyTrack.Leadership,
    };

    public static readonly IReadOnlyDictionary<string, CompetencyCategory> Categories = new Dictionary<string, CompetencyCategory>(StringComparer.OrdinalIgnoreCase)
    {
        ["core"] = CompetencyCategory.Core,
        ["leadership"] = CompetencyCategory.Leadership,
        ["job-knowledge"] = CompetencyCategory.JobKnowledge,
    };

    public static readonly IReadOnlyDictionary<string, PrerequisiteKind> PrerequisiteKinds = new Dictionary<string, PrerequisiteKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["months-in-role"] = PrerequisiteKind.MonthsInRole,
        ["months-in-roles"] = PrerequisiteKind.MonthsInRoles,
        ["certification"] = PrerequisiteKind.Certification,
        ["license"] = PrerequisiteKind.License,
        ["language"] = PrerequisiteKind.Language,
        ["education"] = PrerequisiteKind.Education,
        ["contact-center-experience"] = PrerequisiteKind.ContactCenterExperience,
    };

    public const int MaxTopLevel = 10;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();

    public static List<FrameworkProblem> Validate(FrameworkDocument d)
    {
        var problems = new List<FrameworkProblem>();
        void Add(string path, string message) => problems.Add(new(path, message));

        if (d.Format != FrameworkDocument.CurrentFormat)
            Add("format", $"format '{d.Format}' is not supported; expected '{FrameworkDocument.CurrentFormat}'");

        var org = d.Organization;
        Required("organization.code", org.Code, Add);
        if (!string.IsNullOrWhiteSpace(org.Code)) CheckCode("organization.code", org.Code, Add);
        Required("organization.name", org.Name, Add);
        var topLevel = org.TopLevel;
        if (topLevel < 2 || topLevel > MaxTopLevel)
        {
            Add("organization.topLevel", $"top level {topLevel} is outside 2..{MaxTopLevel}");
            topLevel = Math.Clamp(topLevel, 2, MaxTopLevel);
        }

        var grades = Index(FrameworkCollections.Grades, d, Add);
        var units = Index(FrameworkCollections.Units, d, Add);
        var families = Index(FrameworkCollections.Families, d, Add);
        var competencies = Index(FrameworkCollections.Competencies, d, Add);
        var roles = Index(FrameworkCollections.Roles, d, Add);
        Index(FrameworkCollections.Duties, d, Add);
        Index(FrameworkCollections.Strategies, d, Add);
        Index(FrameworkCollections.Moves, d, Add);

        var gradeScale = string.Join(", ", d.Grades.Select(g => g.Code));
        var ranks = new Dictionary<int, string>();
        for (var i = 0; i < d.Grades.Count; i++)
        {
            var g = d.Grades[i];
            Required($"grades[{i}].name", g.Name, Add);
            if (!ranks.TryAdd(g.Rank, g.Code))
                Add($"grades[{i}].rank", $"rank {g.Rank} is already held by grade {ranks[g.Rank]}");
        }

        for (var i = 0; i < d.Units.Count; i++)
            Required($"units[{i}].name", d.Units[i].Name, Add);

        for (var i = 0; i < d.Families.Count; i++)
        {
            var f = d.Families[i];
            Required($"families[{i}].name", f.Name, Add);
            Reference($"families[{i}].unit", f.Unit, units, "unit", Add);
            if (string.IsNullOrWhiteSpace(f.Track))
                Add($"families[{i}].track", "track is required (individual-contributor or leadership)");
            else if (!Tracks.ContainsKey(f.Track))
                Add($"families[{i}].track", $"track '{f.Track}' is not individual-contributor or leadership");
        }

        for (var i = 0; i < d.Competencies.Count; i++)
        {
            var c = d.Competencies[i];
            Required($"competencies[{i}].name", c.Name, Add);
            Required($"competencies[{i}].definition", c.Definition, Add);
            if (string.IsNullOrWhiteSpace(c.Category))
                Add($"competencies[{i}].category", "category is required (core, leadership or job-knowledge)");
            else if (!Categories.ContainsKey(c.Category))
                Add($"competencies[{i}].category", $"category '{c.Category}' is not core, leadership or job-knowledge");
            var levels = c.Levels ?? [];
            if (levels.Count != topLevel)
                Add($"competencies[{i}].levels", $"has {levels.Count} level descriptors; the scale has {topLevel}");
            for (var l = 0; l < levels.Count; l++)
                if (string.IsNullOrWhiteSpace(levels[l]))
                    Add($"competencies[{i}].levels[{l}]", $"the descriptor of level {l + 1} is empty");
        }

        var familyUnit = d.Families.GroupBy(f => f.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.OrdinalIgnoreCase);
        var familyLevels = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Roles.Count; i++)
        {
            var r = d.Roles[i];
            var path = $"roles[{i}]";
            Required($"{path}.title", r.Title, Add);
            Reference($"{path}.unit", r.Unit, units, "unit", Add);
            var familyKnown = Reference($"{path}.family", r.Family, families, "family", Add);
            if (!string.IsNullOrWhiteSpace(r.Grade) && !grades.ContainsKey(r.Grade))
                Add($"{path}.grade", $"grade {r.Grade} is not on the scale ({gradeScale})");
            else if (string.IsNullOrWhiteSpace(r.Grade))
                Add($"{path}.grade", "grade is required");
            if (r.Level < 1)
                Add($"{path}.level", $"level {r.Level} must be 1 or more");
            if (familyKnown && units.ContainsKey(r.Unit ?? "") && !string.Equals(familyUnit[r.Family], r.Unit, StringComparison.OrdinalIgnoreCase))
                Add($"{path}.family", $"family {r.Family} belongs to unit {familyUnit[r.Family]}, not {r.Unit}");
            if (familyKnown)
            {
                if (!familyLevels.TryGetValue(r.Family, out var used)) familyLevels[r.Family] = used = [];
                used.Add(r.Level);
            }
            var duties = r.Duties ?? [];
            for (var k = 0; k < duties.Count; k++)
                if (string.IsNullOrWhiteSpace(duties[k])) Add($"{path}.duties[{k}]", "duty is empty");
            Prerequisites($"{path}.prerequisites", r.Prerequisites, roles, Add);
        }

        var pairs = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Requirements.Count; i++)
        {
            var q = d.Requirements[i];
            var path = $"requirements[{i}]";
            var ok = Reference($"{path}.role", q.Role, roles, "role", Add);
            ok &= Reference($"{path}.competency", q.Competency, competencies, "competency", Add);
            if (q.Level > topLevel)
                Add($"{path}.level", $"level {q.Level} is above the framework's top level ({topLevel})");
            else if (q.Level < 1)
                Add($"{path}.level", $"level {q.Level} is below 1");
            if (q.Weight <= 0 || q.Weight > 100)
                Add($"{path}.weight", $"weight {q.Weight} must be more than 0 and at most 100");
            if (ok && !pairs.TryAdd(FrameworkCollections.RequirementKey(q.Role, q.Competency), i))
                Add($"{path}.competency", $"role {q.Role} already requires {q.Competency} (requirements[{pairs[FrameworkCollections.RequirementKey(q.Role, q.Competency)]}])");
        }

        for (var i = 0; i < d.Duties.Count; i++)
        {
            var u = d.Duties[i];
            var path = $"duties[{i}]";
            Required($"{path}.name", u.Name, Add);
            var known = Reference($"{path}.family", u.Family, families, "family", Add);
            var seen = new HashSet<int>();
            var marks = u.Marks ?? [];
            for (var k = 0; k < marks.Count; k++)
            {
                var m = marks[k];
                if (!seen.Add(m.Level))
                    Add($"{path}.marks[{k}].level", $"level {m.Level} is marked twice");
                else if (known && (!familyLevels.TryGetValue(u.Family, out var levels) || !levels.Contains(m.Level)))
                    Add($"{path}.marks[{k}].level", $"family {u.Family} has no role at level {m.Level}");
                if (string.IsNullOrWhiteSpace(m.Mark))
                    Add($"{path}.marks[{k}].mark", "mark is empty");
            }
        }

        for (var i = 0; i < d.Strategies.Count; i++)
        {
            var s = d.Strategies[i];
            Required($"strategies[{i}].name", s.Name, Add);
            var built = s.Competencies ?? [];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var k = 0; k < built.Count; k++)
            {
                Reference($"strategies[{i}].competencies[{k}]", built[k], competencies, "competency", Add);
                if (!string.IsNullOrWhiteSpace(built[k]) && !seen.Add(built[k]))
                    Add($"strategies[{i}].competencies[{k}]", $"competency {built[k]} is listed twice");
            }
        }

        var edges = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Moves.Count; i++)
        {
            var m = d.Moves[i];
            var path = $"moves[{i}]";
            var ok = Reference($"{path}.from", m.From, roles, "role", Add);
            ok &= Reference($"{path}.to", m.To, roles, "role", Add);
            if (ok && string.Equals(m.From, m.To, StringComparison.OrdinalIgnoreCase))
                Add($"{path}.to", "a move must lead to another role");
            else if (ok && !edges.TryAdd($"{m.From}>{m.To}", m.Code))
                Add($"{path}.to", $"move {edges[$"{m.From}>{m.To}"]} already leads from {m.From} to {m.To}");
            Prerequisites($"{path}.prerequisites", m.Prerequisites, roles, Add);
        }

        FrameworkTranslations.Validate(d, Add);
        return problems;
    }

    static void Prerequisites(string path, IReadOnlyList<PrerequisiteDto>? list, Dictionary<string, int> roles, Action<string, string> add)
    {
        if (list is null) return;
        for (var k = 0; k < list.Count; k++)
        {
            var p = list[k];
            var at = $"{path}[{k}]";
            if (string.IsNullOrWhiteSpace(p.Kind) || !PrerequisiteKinds.TryGetValue(p.Kind, out var kind))
            {
                add($"{at}.kind", string.IsNullOrWhiteSpace(p.Kind)
                    ? "kind is required"
                    : $"kind '{p.Kind}' is not one of {string.Join(", ", PrerequisiteKinds.Keys)}");
                continue;
            }
            switch (kind)
            {
                case PrerequisiteKind.MonthsInRole or PrerequisiteKind.ContactCenterExperience:
                    if (p.Months is not > 0) add($"{at}.months", "months must be a positive number");
                    break;
                case PrerequisiteKind.MonthsInRoles:
                    if (p.Months is not > 0) add($"{at}.months", "months must be a positive number");
                    if (p.Roles is not { Count: > 0 }) add($"{at}.roles", "name at least one role whose time counts");
                    else
                        for (var r = 0; r < p.Roles.Count; r++)
                            Reference($"{at}.roles[{r}]", p.Roles[r], roles, "role", add);
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(p.Value)) add($"{at}.value", $"name the {p.Kind.ToLowerInvariant()} required");
                    break;
            }
        }
    }

    static Dictionary<string, int> Index<T>(FrameworkCollection<T> collection, FrameworkDocument d, Action<string, string> add) where T : class
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var items = collection.Items(d);
        if (collection == (object)FrameworkCollections.Requirements) return index;
        for (var i = 0; i < items.Count; i++)
        {
            var code = collection.Key(items[i]);
            var path = $"{collection.Name}[{i}].code";
            if (string.IsNullOrWhiteSpace(code)) { add(path, "code is required"); continue; }
            if (!CheckCode(path, code, add)) continue;
            if (!index.TryAdd(code, i))
                add(path, $"duplicate code {code}: {collection.Name}[{index[code]}] has it too");
        }
        return index;
    }

    static bool CheckCode(string path, string code, Action<string, string> add)
    {
        if (CodePattern().IsMatch(code)) return true;
        add(path, $"code '{code}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        return false;
    }

    static void Required(string path, string? value, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value)) add(path, $"{Field(path)} is required");
    }

    static bool Reference(string path, string? code, Dictionary<string, int> known, string what, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(code)) { add(path, $"{what} is required"); return false; }
        if (known.ContainsKey(code)) return true;
        add(path, $"unknown {what} '{code}'");
        return false;
    }

    static string Field(string path) => path[(path.LastIndexOf('.') + 1)..];
}
