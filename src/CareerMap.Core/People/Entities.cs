using CareerMap.Framework;

namespace CareerMap.People;

public sealed class Employee
{
    public int Id { get; set; }
    public required string EmployeeNumber { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public int RoleId { get; set; }
    public Role Role { get; set; } = null!;
    public int? ManagerId { get; set; }
    public Employee? Manager { get; set; }
    public DateOnly HireDate { get; set; }
    public DateOnly RoleStartDate { get; set; }
    public string? Location { get; set; }
    public List<string> Languages { get; set; } = [];
    public List<string> Certifications { get; set; } = [];
    public int ContactCenterMonths { get; set; }
    /// <summary>When the person left (SCIM deactivation): their history stays, they drop out of lists, candidates and sign-in.</summary>
    public DateOnly? DeactivatedOn { get; set; }
    public int Version { get; set; } = 1;
}

public enum AssessmentSource { Self, Manager, Other }

/// <summary>One rating of one competency. Append-only: a new rating never overwrites an old one.</summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee Employee { get; set; } = null!;
    public int CompetencyId { get; set; }
    public Competency Competency { get; set; } = null!;
    public int Level { get; set; }
    public AssessmentSource Source { get; set; }
    public int? AssessorId { get; set; }
    public DateOnly AssessedOn { get; set; }
    public string? Evidence { get; set; }
    /// <summary>The review cycle it was made in, when one was open for the person.</summary>
    public int? CycleId { get; set; }
}
