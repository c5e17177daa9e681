using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework;

/// <summary>A problem with a framework document: where (a path such as roles[3].grade) and why.</summary>
public sealed record FrameworkProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// Every rule a framework must keep, checked on the whole document so that imports and API writes share them. Each
/// problem's reason is in the reader's language (<c>L</c>); its place (roles[3].grade) is the document's, in any language.
/// </summary>
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

    public static List<FrameworkProblem> Validate(FrameworkDocument d, IStringLocalizer L)
    {
        var problems = new List<FrameworkProblem>();
        void Add(string path, string message) => problems.Add(new(path, message));

        if (d.Format != FrameworkDocument.CurrentFormat)
            Add("format", L["format '{0}' is not supported; expected '{1}'", d.Format, FrameworkDocument.CurrentFormat]);

        var org = d.Organization;
        Required("organization.code", org.Code, Add, L);
        if (!string.IsNullOrWhiteSpace(org.Code)) CheckCode("organization.code", org.Code, Add, L);
        Required("organization.name", org.Name, Add, L);
        var topLevel = org.TopLevel;
        if (topLevel < 2 || topLevel > MaxTopLevel)
        {
            Add("organization.topLevel", L["top level {0} is outside 2..{1}", topLevel, MaxTopLevel]);
            topLevel = Math.Clamp(topLevel, 2, MaxTopLevel);
        }

        var grades = Index(FrameworkCollections.Grades, d, Add, L);
        var units = Index(FrameworkCollections.Units, d, Add, L);
        var families = Index(FrameworkCollections.Families, d, Add, L);
        var competencies = Index(FrameworkCollections.Competencies, d, Add, L);
        var roles = Index(FrameworkCollections.Roles, d, Add, L);
        Index(FrameworkCollections.Duties, d, Add, L);
        Index(FrameworkCollections.Strategies, d, Add, L);
        Index(FrameworkCollections.Moves, d, Add, L);

        var gradeScale = string.Join(", ", d.Grades.Select(g => g.Code));
        var ranks = new Dictionary<int, string>();
        for (var i = 0; i < d.Grades.Count; i++)
        {
            var g = d.Grades[i];
            Required($"grades[{i}].name", g.Name, Add, L);
            if (!ranks.TryAdd(g.Rank, g.Code))
                Add($"grades[{i}].rank", L["rank {0} is already held by grade {1}", g.Rank, ranks[g.Rank]]);
        }

        for (var i = 0; i < d.Units.Count; i++)
            Required($"units[{i}].name", d.Units[i].Name, Add, L);

        for (var i = 0; i < d.Families.Count; i++)
        {
            var f = d.Families[i];
            Required($"families[{i}].name", f.Name, Add, L);
            Reference($"families[{i}].unit", f.Unit, units, UnitWords, Add, L);
            if (string.IsNullOrWhiteSpace(f.Track))
                Add($"families[{i}].track", L["track is required (individual-contributor or leadership)"]);
            else if (!Tracks.ContainsKey(f.Track))
                Add($"families[{i}].track", L["track '{0}' is not individual-contributor or leadership", f.Track]);
        }

        for (var i = 0; i < d.Competencies.Count; i++)
        {
            var c = d.Competencies[i];
            Required($"competencies[{i}].name", c.Name, Add, L);
            Required($"competencies[{i}].definition", c.Definition, Add, L);
            if (string.IsNullOrWhiteSpace(c.Category))
                Add($"competencies[{i}].category", L["category is required (core, leadership or job-knowledge)"]);
            else if (!Categories.ContainsKey(c.Category))
                Add($"competencies[{i}].category", L["category '{0}' is not core, leadership or job-knowledge", c.Category]);
            var levels = c.Levels ?? [];
            if (levels.Count != topLevel)
                Add($"competencies[{i}].levels", L["has {0} level descriptors; the scale has {1}", levels.Count, topLevel]);
            for (var l = 0; l < levels.Count; l++)
                if (string.IsNullOrWhiteSpace(levels[l]))
                    Add($"competencies[{i}].levels[{l}]", L["the descriptor of level {0} is empty", l + 1]);
        }

        var familyUnit = d.Families.GroupBy(f => f.Code, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.OrdinalIgnoreCase);
        var familyLevels = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Roles.Count; i++)
        {
            var r = d.Roles[i];
            var path = $"roles[{i}]";
            Required($"{path}.title", r.Title, Add, L);
            Reference($"{path}.unit", r.Unit, units, UnitWords, Add, L);
            var familyKnown = Reference($"{path}.family", r.Family, families, FamilyWords, Add, L);
            if (!string.IsNullOrWhiteSpace(r.Grade) && !grades.ContainsKey(r.Grade))
                Add($"{path}.grade", L["grade {0} is not on the scale ({1})", r.Grade, gradeScale]);
            else if (string.IsNullOrWhiteSpace(r.Grade))
                Add($"{path}.grade", L["grade is required"]);
            if (r.Level < 1)
                Add($"{path}.level", L["level {0} must be 1 or more", r.Level]);
            if (familyKnown && units.ContainsKey(r.Unit ?? "") && !string.Equals(familyUnit[r.Family], r.Unit, StringComparison.OrdinalIgnoreCase))
                Add($"{path}.family", L["family {0} belongs to unit {1}, not {2}", r.Family, familyUnit[r.Family], r.Unit!]);
            if (familyKnown)
            {
                if (!familyLevels.TryGetValue(r.Family, out var used)) familyLevels[r.Family] = used = [];
                used.Add(r.Level);
            }
            var duties = r.Duties ?? [];
            for (var k = 0; k < duties.Count; k++)
                if (string.IsNullOrWhiteSpace(duties[k])) Add($"{path}.duties[{k}]", L["duty is empty"]);
            Prerequisites($"{path}.prerequisites", r.Prerequisites, roles, Add, L);
        }

        var pairs = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Requirements.Count; i++)
        {
            var q = d.Requirements[i];
            var path = $"requirements[{i}]";
            var ok = Reference($"{path}.role", q.Role, roles, RoleWords, Add, L);
            ok &= Reference($"{path}.competency", q.Competency, competencies, CompetencyWords, Add, L);
            if (q.Level > topLevel)
                Add($"{path}.level", L["level {0} is above the framework's top level ({1})", q.Level, topLevel]);
            else if (q.Level < 1)
                Add($"{path}.level", L["level {0} is below 1", q.Level]);
            if (q.Weight <= 0 || q.Weight > 100)
                Add($"{path}.weight", L["weight {0} must be more than 0 and at most 100", q.Weight]);
            if (ok && !pairs.TryAdd(FrameworkCollections.RequirementKey(q.Role, q.Competency), i))
                Add($"{path}.competency", L["role {0} already requires {1} ({2})", q.Role, q.Competency, $"requirements[{pairs[FrameworkCollections.RequirementKey(q.Role, q.Competency)]}]"]);
        }

        for (var i = 0; i < d.Duties.Count; i++)
        {
            var u = d.Duties[i];
            var path = $"duties[{i}]";
            Required($"{path}.name", u.Name, Add, L);
            var known = Reference($"{path}.family", u.Family, families, FamilyWords, Add, L);
            var seen = new HashSet<int>();
            var marks = u.Marks ?? [];
            for (var k = 0; k < marks.Count; k++)
            {
                var m = marks[k];
                if (!seen.Add(m.Level))
                    Add($"{path}.marks[{k}].level", L["level {0} is marked twice", m.Level]);
                else if (known && (!familyLevels.TryGetValue(u.Family, out var levels) || !levels.Contains(m.Level)))
                    Add($"{path}.marks[{k}].level", L["family {0} has no role at level {1}", u.Family, m.Level]);
                if (string.IsNullOrWhiteSpace(m.Mark))
                    Add($"{path}.marks[{k}].mark", L["mark is empty"]);
            }
        }

        for (var i = 0; i < d.Strategies.Count; i++)
        {
            var s = d.Strategies[i];
            Required($"strategies[{i}].name", s.Name, Add, L);
            var built = s.Competencies ?? [];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var k = 0; k < built.Count; k++)
            {
                Reference($"strategies[{i}].competencies[{k}]", built[k], competencies, CompetencyWords, Add, L);
                if (!string.IsNullOrWhiteSpace(built[k]) && !seen.Add(built[k]))
                    Add($"strategies[{i}].competencies[{k}]", L["competency {0} is listed twice", built[k]]);
            }
        }

        var edges = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Moves.Count; i++)
        {
            var m = d.Moves[i];
            var path = $"moves[{i}]";
            var ok = Reference($"{path}.from", m.From, roles, RoleWords, Add, L);
            ok &= Reference($"{path}.to", m.To, roles, RoleWords, Add, L);
            if (ok && string.Equals(m.From, m.To, StringComparison.OrdinalIgnoreCase))
                Add($"{path}.to", L["a move must lead to another role"]);
            else if (ok && !edges.TryAdd($"{m.From}>{m.To}", m.Code))
                Add($"{path}.to", L["move {0} already leads from {1} to {2}", edges[$"{m.From}>{m.To}"], m.From, m.To]);
            Prerequisites($"{path}.prerequisites", m.Prerequisites, roles, Add, L);
        }

        FrameworkTranslations.Validate(d, Add, L);
        return problems;
    }

    static void Prerequisites(string path, IReadOnlyList<PrerequisiteDto>? list, Dictionary<string, int> roles, Action<string, string> add, IStringLocalizer L)
    {
        if (list is null) return;
        for (var k = 0; k < list.Count; k++)
        {
            var p = list[k];
            var at = $"{path}[{k}]";
            if (string.IsNullOrWhiteSpace(p.Kind) || !PrerequisiteKinds.TryGetValue(p.Kind, out var kind))
            {
                add($"{at}.kind", string.IsNullOrWhiteSpace(p.Kind)
                    ? L["kind is required"]
                    : L["kind '{0}' is not one of {1}", p.Kind, string.Join(", ", PrerequisiteKinds.Keys)]);
                continue;
            }
            switch (kind)
            {
                case PrerequisiteKind.MonthsInRole or PrerequisiteKind.ContactCenterExperience:
                    if (p.Months is not > 0) add($"{at}.months", L["months must be a positive number"]);
                    break;
                case PrerequisiteKind.MonthsInRoles:
                    if (p.Months is not > 0) add($"{at}.months", L["months must be a positive number"]);
                    if (p.Roles is not { Count: > 0 }) add($"{at}.roles", L["name at least one role whose time counts"]);
                    else
                        for (var r = 0; r < p.Roles.Count; r++)
                            Reference($"{at}.roles[{r}]", p.Roles[r], roles, RoleWords, add, L);
                    break;
                default:
                    if (string.IsNullOrWhiteSpace(p.Value))
                        add($"{at}.value", kind switch
                        {
                            PrerequisiteKind.Certification => L["name the certification required"],
                            PrerequisiteKind.License => L["name the license required"],
                            PrerequisiteKind.Language => L["name the language required"],
                            _ => L["name the education required"],
                        });
                    break;
            }
        }
    }

    static Dictionary<string, int> Index<T>(FrameworkCollection<T> collection, FrameworkDocument d, Action<string, string> add, IStringLocalizer L) where T : class
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var items = collection.Items(d);
        if (collection == (object)FrameworkCollections.Requirements) return index;
        for (var i = 0; i < items.Count; i++)
        {
            var code = collection.Key(items[i]);
            var path = $"{collection.Name}[{i}].code";
            if (string.IsNullOrWhiteSpace(code)) { add(path, L["code is required"]); continue; }
            if (!CheckCode(path, code, add, L)) continue;
            if (!index.TryAdd(code, i))
                add(path, L["duplicate code {0}: {1} has it too", code, $"{collection.Name}[{index[code]}]"]);
        }
        return index;
    }

    static bool CheckCode(string path, string code, Action<string, string> add, IStringLocalizer L)
    {
        if (CodePattern().IsMatch(code)) return true;
        add(path, L["code '{0}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", code]);
        return false;
    }

    static void Required(string path, string? value, Action<string, string> add, IStringLocalizer L)
    {
        if (string.IsNullOrWhiteSpace(value))
            add(path, path[(path.LastIndexOf('.') + 1)..] switch
            {
                "code" => L["code is required"],
                "title" => L["title is required"],
                "definition" => L["definition is required"],
                _ => L["name is required"],
            });
    }

    /// <summary>What a reference to an item of one kind is told when it is missing or names nothing: each kind in its own words.</summary>
    sealed record ReferenceWords(Func<IStringLocalizer, string> Required, Func<IStringLocalizer, string, string> Unknown);

    static readonly ReferenceWords UnitWords = new(L => L["unit is required"], (L, code) => L["unknown unit '{0}'", code]);
    static readonly ReferenceWords FamilyWords = new(L => L["family is required"], (L, code) => L["unknown family '{0}'", code]);
    static readonly ReferenceWords RoleWords = new(L => L["role is required"], (L, code) => L["unknown role '{0}'", code]);
    static readonly ReferenceWords CompetencyWords = new(L => L["competency is required"], (L, code) => L["unknown competency '{0}'", code]);

    static bool Reference(string path, string? code, Dictionary<string, int> known, ReferenceWords words, Action<string, string> add, IStringLocalizer L)
    {
        if (string.IsNullOrWhiteSpace(code)) { add(path, words.Required(L)); return false; }
        if (known.ContainsKey(code)) return true;
        add(path, words.Unknown(L, code));
        return false;
    }
}
