namespace CareerMap.Framework;

/// <summary>A list of the framework document and how its items are told apart.</summary>
public interface IFrameworkCollection
{
    /// <summary>The document's property name, used in paths: "roles".</summary>
    string Name { get; }
    /// <summary>One item in words: "role".</summary>
    string Singular { get; }
    IEnumerable<(string Key, object Item)> Keyed(FrameworkDocument document);
}

public sealed class FrameworkCollection<T>(string name, string singular, Func<FrameworkDocument, List<T>> items, Func<T, string> key)
    : IFrameworkCollection where T : class
{
    public string Name => name;
    public string Singular => singular;
    public List<T> Items(FrameworkDocument document) => items(document);
    public string Key(T item) => key(item);

    public IEnumerable<(string Key, object Item)> Keyed(FrameworkDocument document) =>
        items(document).Select(i => (key(i), (object)i));

    public int IndexOf(FrameworkDocument document, string itemKey) =>
        items(document).FindIndex(i => string.Equals(key(i), itemKey, StringComparison.OrdinalIgnoreCase));
}

public static class FrameworkCollections
{
    public static readonly FrameworkCollection<GradeDto> Grades = new("grades", "grade", d => d.Grades, x => x.Code);
    public static readonly FrameworkCollection<UnitDto> Units = new("units", "unit", d => d.Units, x => x.Code);
    public static readonly FrameworkCollection<FamilyDto> Families = new("families", "family", d => d.Families, x => x.Code);
    public static readonly FrameworkCollection<CompetencyDto> Competencies = new("competencies", "competency", d => d.Competencies, x => x.Code);
    public static readonly FrameworkCollection<RoleDto> Roles = new("roles", "role", d => d.Roles, x => x.Code);
    public static readonly FrameworkCollection<RequirementDto> Requirements = new("requirements", "requirement", d => d.Requirements, x => RequirementKey(x.Role, x.Competency));
    public static readonly FrameworkCollection<DutyDto> Duties = new("duties", "duty", d => d.Duties, x => x.Code);
    public static readonly FrameworkCollection<StrategyDto> Strategies = new("strategies", "strategy", d => d.Strategies, x => x.Code);
    public static readonly FrameworkCollection<MoveDto> Moves = new("moves", "move", d => d.Moves, x => x.Code);

    /// <summary>In dependency order: an item refers only to items of collections before it.</summary>
    public static readonly IReadOnlyList<IFrameworkCollection> All = [Grades, Units, Families, Competencies, Roles, Requirements, Duties, Strategies, Moves];

    /// <summary>The collections whose items have texts people read, and so translations.</summary>
    public static readonly IReadOnlyList<IFrameworkCollection> Translatable = [Grades, Units, Families, Competencies, Roles, Duties, Strategies, Moves];

    public static IFrameworkCollection? Named(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public static string RequirementKey(string role, string competency) => $"{role}/{competency}";
}
