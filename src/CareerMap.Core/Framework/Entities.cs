namespace CareerMap.Framework;

/// <summary>The one organization whose framework this database holds.</summary>
public sealed class Organization
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>The top of the competency scale; levels run 1..TopLevel.</summary>
    public int TopLevel { get; set; } = 5;
    /// <summary>The language the framework's own texts are written in; translations hold the others.</summary>
    public string Language { get; set; } = "en";
    public int Version { get; set; } = 1;
}

public sealed class BusinessUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, NameText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

public sealed class Grade
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    /// <summary>Position on the organization's single grade scale; higher is more senior.</summary>
    public int Rank { get; set; }
    public Dictionary<string, NameText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

public enum FamilyTrack { IndividualContributor, Leadership }

public sealed class JobFamily
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public BusinessUnit Unit { get; set; } = null!;
    public FamilyTrack Track { get; set; }
    public string? Description { get; set; }
    public Dictionary<string, NameText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

public sealed class Role
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public int UnitId { get; set; }
    public BusinessUnit Unit { get; set; } = null!;
    public int FamilyId { get; set; }
    public JobFamily Family { get; set; } = null!;
    public int GradeId { get; set; }
    public Grade Grade { get; set; } = null!;
    public int Level { get; set; }
    public string? Summary { get; set; }
    /// <summary>What the role handles, e.g. which client account types a records specialist level may work.</summary>
    public string? Scope { get; set; }
    public List<string> Duties { get; set; } = [];
    public List<Prerequisite> Prerequisites { get; set; } = [];
    public List<RoleRequirement> Requirements { get; set; } = [];
    public Dictionary<string, RoleText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

public enum PrerequisiteKind { MonthsInRole, MonthsInRoles, Certification, License, Language, Education, ContactCenterExperience }

/// <summary>A hard gate to enter a role or take a move.</summary>
public sealed record Prerequisite(PrerequisiteKind Kind, int? Months = null, IReadOnlyList<string>? Roles = null, string? Value = null);

public enum CompetencyCategory { Core, Leadership, JobKnowledge }

public sealed class Competency
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CompetencyCategory Category { get; set; }
    public required string Definition { get; set; }
    /// <summary>One descriptor per level of the scale: Levels[0] describes level 1.</summary>
    public List<string> Levels { get; set; } = [];
    public List<string> Indicators { get; set; } = [];
    public List<DevelopmentStrategy> Strategies { get; set; } = [];
    public Dictionary<string, CompetencyText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

public sealed class RoleRequirement
{
    public int Id { get; set; }
    public int RoleId { get; set; }
    public Role Role { get; set; } = null!;
    public int CompetencyId { get; set; }
    public Competency Competency { get; set; } = null!;
    public int Level { get; set; }
    public decimal Weight { get; set; } = 1m;
    public bool Critical { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>One row of a family's duty matrix: which levels perform the duty, and how.</summary>
public sealed class Duty
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int FamilyId { get; set; }
    public JobFamily Family { get; set; } = null!;
    public required string Name { get; set; }
    public int Order { get; set; }
    public List<DutyMark> Marks { get; set; } = [];
    public Dictionary<string, DutyText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

/// <summary>A cell of the duty matrix: "X", or words that narrow the duty at that level.</summary>
public sealed record DutyMark(int Level, string Mark);

public sealed class DevelopmentStrategy
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<Competency> Competencies { get; set; } = [];
    public Dictionary<string, NameText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}

/// <summary>An explicit, allowed transition between roles. Its kind is derived from grades and units.</summary>
public sealed class Move
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int FromRoleId { get; set; }
    public Role FromRole { get; set; } = null!;
    public int ToRoleId { get; set; }
    public Role ToRole { get; set; } = null!;
    public string? Note { get; set; }
    public List<Prerequisite> Prerequisites { get; set; } = [];
    /// <summary>Switches off the rule-made move between the same roles rather than allowing one.</summary>
    public bool Off { get; set; }
    public Dictionary<string, MoveText> Translations { get; set; } = [];
    public int Version { get; set; } = 1;
}
