using Microsoft.Extensions.Localization;

namespace CareerMap.Framework;

/// <summary>A list of the framework document and how its items are told apart.</summary>
public interface IFrameworkCollection
{
    /// <summary>The document's property name, used in paths: "roles".</summary>
    string Name { get; }
    /// <summary>One item in words: "role".</summary>
    string Singular { get; }
    /// <summary>One item by its code, as a sentence names it: "role CC-REP-1" ("el puesto CC-REP-1").</summary>
    string Item(string code, IStringLocalizer L);
    IEnumerable<(string Key, object Item)> Keyed(FrameworkDocument document);
}

public sealed class FrameworkCollection<T>(string name, string singular, Func<FrameworkDocument, List<T>> items, Func<T, string> key, Func<string, IStringLocalizer, string> item)
    : IFrameworkCollection where T : class
{
    public string Name => name;
    public string Singular => singular;
    public string Item(string code, IStringLocalizer L) => item(code, L);
    public List<T> Items(FrameworkDocument document) => items(document);
    public string Key(T item) => key(item);

    public IEnumerable<(string Key, object Item)> Keyed(FrameworkDocument document) =>
        items(document).Select(i => (key(i), (object)i));

    public int IndexOf(FrameworkDocument document, string itemKey) =>
        items(document).FindIndex(i => string.Equals(key(i), itemKey, StringComparison.OrdinalIgnoreCase));
}

public static class FrameworkCollections
{
    public static readonly FrameworkCollection<GradeDto> Grades = new("grades", "grade", d => d.Grades, x => x.Code, (code, L) => L["grade {0}", code]);
    public static readonly FrameworkCollection<UnitDto> Units = new("units", "unit", d => d.Units, x => x.Code, (code, L) => L["unit {0}", code]);
    public static readonly FrameworkCollection<FamilyDto> Families = new("families", "family", d => d.Families, x => x.Code, (code, L) => L["family {0}", code]);
    public static readonly FrameworkCollection<CompetencyDto> Competencies = new("competencies", "competency", d => d.Competencies, x => x.Code, (code, L) => L["competency {0}", code]);
    public static readonly FrameworkCollection<RoleDto> Roles = new("roles", "role", d => d.Roles, x => x.Code, (code, L) => L["role {0}", code]);
    public static readonly FrameworkCollection<RequirementDto> Requirements = new("requirements", "requirement", d => d.Requirements, x => RequirementKey(x.Role, x.Competency), (code, L) => L["requirement {0}", code]);
    public static readonly FrameworkCollection<DutyDto> Duties = new("duties", "duty", d => d.Duties, x => x.Code, (code, L) => L["duty-matrix row {0}", code]);
    public static readonly FrameworkCollection<StrategyDto> Strategies = new("strategies", "strategy", d => d.Strategies, x => x.Code, (code, L) => L["strategy {0}", code]);
    public static readonly FrameworkCollection<MoveDto> Moves = new("moves", "move", d => d.Moves, x => x.Code, (code, L) => L["move {0}", code]);

    /// <summary>In dependency order: an item refers only to items of collections before it.</summary>
    public static readonly IReadOnlyList<IFrameworkCollection> All = [Grades, Units, Families, Competencies, Roles, Requirements, Duties, Strategies, Moves];

    /// <summary>The collections whose items have texts people read, and so translations.</summary>
    public static readonly IReadOnlyList<IFrameworkCollection> Translatable = [Grades, Units, Families, Competencies, Roles, Duties, Strategies, Moves];

    public static IFrameworkCollection? Named(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string RequirementKey(string role, string competency) => $"{role}/{competency}";
}
