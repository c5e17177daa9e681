using System.Globalization;

namespace CareerMap.Framework.Case;

/// <summary>
/// How the competency framework is written in CASE, in one place (README: "CASE 1.1"). A competency is a CFItem of type
/// Competency (humanCodingScheme its code, abbreviatedStatement its name, fullStatement its definition), the child of its
/// category's CFItem (type Competency Category); each level descriptor a Proficiency Level item and each behavioral
/// indicator a Behavioral Indicator item, children of the competency in order, levels linked by precedes; the level
/// descriptors again as one CFRubricCriterion per competency, its CFRubricCriterionLevels scored 1..top level.
/// </summary>
public static class CaseMapping
{
    public const string CompetencyType = "Competency";
    public const string LevelType = "Proficiency Level";
    public const string IndicatorType = "Behavioral Indicator";
    public const string CategoryType = "Competency Category";

    public const string Document = "CFDocument";
    public const string Items = "CFItems";
    public const string Associations = "CFAssociations";
    public const string Rubrics = "CFRubrics";
    public const string Definitions = "CFDefinitions";
    public const string ItemTypes = "CFItemTypes";
    public const string Groupings = "CFAssociationGroupings";
    /// <summary>The definition lists in the order a package carries them.</summary>
    public static readonly string[] DefinitionLists = ["CFConcepts", "CFSubjects", "CFLicenses", ItemTypes, Groupings];
    public const string PackageExtensions = "CFPackage.extensions";
    public const string DefinitionExtensions = "CFDefinitions.extensions";

    /// <summary>Associations whose both ends must be in the package: they build its structure.</summary>
    public static readonly HashSet<string> Structural = new(StringComparer.Ordinal) { "isChildOf", "precedes", "isPartOf", "hasSkillLevel" };

    /// <summary>When CareerMap's own item types were defined: their lastChangeDateTime.</summary>
    public static readonly DateTimeOffset VocabularyDefined = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyDictionary<string, string> ItemTypeDescriptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [CompetencyType] = "A competency of the framework, described at each level of its proficiency scale.",
        [LevelType] = "What a competency looks like at one level of the proficiency scale.",
        [IndicatorType] = "An observable behavior that shows a competency.",
        [CategoryType] = "A group of competencies: core, leadership, or job knowledge and technical.",
    };

    public static readonly IReadOnlyDictionary<string, string> CategoryStatements = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["core"] = "Core competencies",
        ["leadership"] = "Leadership competencies",
        ["job-knowledge"] = "Job knowledge and technical competencies",
    };

    public static readonly string[] CategoryOrder = ["core", "leadership", "job-knowledge"];

    public const int NameLength = 200;

    /// <summary>A competency's name when a package gives it only a full statement; the name is exported again only when it differs from this.</summary>
    public static string NameFrom(string fullStatement)
    {
        var text = fullStatement.Trim();
        return text.Length <= NameLength ? text : text[..(NameLength - 1)].TrimEnd() + "…";
    }

    public static string CompetencyKey(string code) => $"competency/{code.ToUpperInvariant()}";
    public static string LevelKey(string code, int level) => $"{CompetencyKey(code)}/level/{level}";
    public static string IndicatorKey(string code, int index) => $"{CompetencyKey(code)}/indicator/{index}";
    public static string CategoryKey(string category) => $"category/{category.ToLowerInvariant()}";
    public static string InCategoryKey(string code) => $"{CompetencyKey(code)}/in-category";
    public static string CategoryInDocumentKey(string category) => $"{CategoryKey(category)}/in-document";
    public static string LevelInCompetencyKey(string code, int level) => $"{LevelKey(code, level)}/in-competency";
    public static string PrecedesKey(string code, int level) => $"{LevelKey(code, level)}/precedes";
    public static string IndicatorInCompetencyKey(string code, int index) => $"{IndicatorKey(code, index)}/in-competency";
    public const string RubricKey = "rubric";
    public static string ItemTypeKey(string title) => $"item-type/{title.ToLowerInvariant()}";

    /// <summary>CASE's lastChangeDateTime: UTC to the second.</summary>
    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? Truncated(t) : null;

    public static DateTimeOffset Truncated(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }
}
