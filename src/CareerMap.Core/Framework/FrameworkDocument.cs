namespace CareerMap.Framework;

/// <summary>
/// The whole framework as one document: the shape of the JSON file (format careermap/1), of the
/// Excel workbook and of the API's bodies. Codes stand in for references. Texts are in the organization's language;
/// an item's Translations hold the same texts in other languages, keyed by language code ("es"), each field optional.
/// </summary>
public sealed class FrameworkDocument
{
    public const string CurrentFormat = "careermap/1";

    public string Format { get; set; } = CurrentFormat;
    public OrganizationDto Organization { get; set; } = new("ORG", "Organization", 5);
    public List<GradeDto> Grades { get; set; } = [];
    public List<UnitDto> Units { get; set; } = [];
    public List<FamilyDto> Families { get; set; } = [];
    public List<CompetencyDto> Competencies { get; set; } = [];
    public List<RoleDto> Roles { get; set; } = [];
    public List<RequirementDto> Requirements { get; set; } = [];
    public List<DutyDto> Duties { get; set; } = [];
    public List<StrategyDto> Strategies { get; set; } = [];
    public List<MoveDto> Moves { get; set; } = [];
}

/// <summary>Language is the language the framework's own texts are written in (en by default); other languages are translations.</summary>
public sealed record OrganizationDto(string Code, string Name, int TopLevel, string Language = "en");

public sealed record GradeDto(string Code, string Name, int Rank, IReadOnlyDictionary<string, NameText>? Translations = null);

public sealed record UnitDto(string Code, string Name, string? Description = null, IReadOnlyDictionary<string, NameText>? Translations = null);

/// <summary>Track is "individual-contributor" or "leadership".</summary>
public sealed record FamilyDto(string Code, string Name, string Unit, string Track, string? Description = null, IReadOnlyDictionary<string, NameText>? Translations = null);

/// <summary>Category is "core", "leadership" or "job-knowledge"; Levels[0] describes level 1.</summary>
public sealed record CompetencyDto(string Code, string Name, string Category, string Definition, IReadOnlyList<string> Levels, IReadOnlyList<string> Indicators,
    IReadOnlyDictionary<string, CompetencyText>? Translations = null);

public sealed record RoleDto(
    string Code, string Title, string Unit, string Family, string Grade, int Level,
    string? Summary = null, string? Scope = null,
    IReadOnlyList<string>? Duties = null, IReadOnlyList<PrerequisiteDto>? Prerequisites = null, IReadOnlyDictionary<string, RoleText>? Translations = null);

/// <summary>
/// Kind is one of months-in-role, months-in-roles, certification, license, language, education,
/// contact-center-experience. Months counts time; Roles names the roles whose time counts; Value names
/// the certification, license, language or education.
/// </summary>
public sealed record PrerequisiteDto(string Kind, int? Months = null, IReadOnlyList<string>? Roles = null, string? Value = null);

public sealed record RequirementDto(string Role, string Competency, int Level, decimal Weight = 1m, bool Critical = false);

public sealed record DutyDto(string Code, string Family, string Name, int Order, IReadOnlyList<DutyMarkDto> Marks, IReadOnlyDictionary<string, DutyText>? Translations = null);

public sealed record DutyMarkDto(int Level, string Mark);

public sealed record StrategyDto(string Code, string Name, string? Description, IReadOnlyList<string> Competencies, IReadOnlyDictionary<string, NameText>? Translations = null);

/// <summary>An explicit move. Off switches a rule-made move between the same roles off instead of allowing one.</summary>
public sealed record MoveDto(string Code, string From, string To, string? Note = null, IReadOnlyList<PrerequisiteDto>? Prerequisites = null, bool Off = false,
    IReadOnlyDictionary<string, MoveText>? Translations = null);

/// <summary>A translation of a name and description (grades, units, families, strategies).</summary>
public sealed record NameText(string? Name = null, string? Description = null, IReadOnlyDictionary<string, string>? Sources = null) : ITranslatedText;

/// <summary>A competency's texts in another language; a list, when given, has one entry per entry of the original.</summary>
public sealed record CompetencyText(string? Name = null, string? Definition = null, IReadOnlyList<string>? Levels = null, IReadOnlyList<string>? Indicators = null,
    IReadOnlyDictionary<string, string>? Sources = null) : ITranslatedText;

/// <summary>A role's texts in another language; Duties, when given, has one entry per duty of the original.</summary>
public sealed record RoleText(string? Title = null, string? Summary = null, string? Scope = null, IReadOnlyList<string>? Duties = null,
    IReadOnlyDictionary<string, string>? Sources = null) : ITranslatedText;

/// <summary>A duty-matrix row in another language; Marks translate the marks written in words, by level.</summary>
public sealed record DutyText(string? Name = null, IReadOnlyList<DutyMarkDto>? Marks = null, IReadOnlyDictionary<string, string>? Sources = null) : ITranslatedText;

public sealed record MoveText(string? Note = null, IReadOnlyDictionary<string, string>? Sources = null) : ITranslatedText;

/// <summary>
/// A translation into one language. Sources holds, per translated field ("name", "level 3"), a fingerprint of the original
/// the translation was made from, so a later edit of the original shows the translation as out of date.
/// </summary>
public interface ITranslatedText
{
    IReadOnlyDictionary<string, string>? Sources { get; }
}
