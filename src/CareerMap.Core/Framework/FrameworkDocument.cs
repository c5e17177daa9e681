namespace CareerMap.Framework;

/// <summary>
/// The whole framework as one document: the shape of the JSON file (format careermap/1), of the
/// Excel workbook and of the API's bodies. Codes stand in for references.
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

public sealed record OrganizationDto(string Code, string Name, int TopLevel);

public sealed record GradeDto(string Code, string Name, int Rank);

public sealed record UnitDto(string Code, string Name, string? Description = null);

/// <summary>Track is "individual-contributor" or "leadership".</summary>
public sealed record FamilyDto(string Code, string Name, string Unit, string Track, string? Description = null);

/// <summary>Category is "core", "leadership" or "job-knowledge"; Levels[0] describes level 1.</summary>
public sealed record CompetencyDto(string Code, string Name, string Category, string Definition, IReadOnlyList<string> Levels, IReadOnlyList<string> Indicators);

public sealed record RoleDto(
    string Code, string Title, string Unit, string Family, string Grade, int Level,
    string? Summary = null, string? Scope = null,
    IReadOnlyList<string>? Duties = null, IReadOnlyList<PrerequisiteDto>? Prerequisites = null);

/// <summary>
/// Kind is one of months-in-role, months-in-roles, certification, license, language, education,
/// contact-center-experience. Months counts time; Roles names the roles whose time counts; Value names
/// the certification, license, language or education.
/// </summary>
public sealed record PrerequisiteDto(string Kind, int? Months = null, IReadOnlyList<string>? Roles = null, string? Value = null);

public sealed record RequirementDto(string Role, string Competency, int Level, decimal Weight = 1m, bool Critical = false);

public sealed record DutyDto(string Code, string Family, string Name, int Order, IReadOnlyList<DutyMarkDto> Marks);

public sealed record DutyMarkDto(int Level, string Mark);

public sealed record StrategyDto(string Code, string Name, string? Description, IReadOnlyList<string> Competencies);

/// <summary>An explicit move. Off switches a rule-made move between the same roles off instead of allowing one.</summary>
public sealed record MoveDto(string Code, string From, string To, string? Note = null, IReadOnlyList<PrerequisiteDto>? Prerequisites = null, bool Off = false);
