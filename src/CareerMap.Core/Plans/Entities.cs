using CareerMap.People;

namespace CareerMap.Plans;

public enum PlanStatus { Draft, Submitted, Approved, ChangesRequested, InProgress, Completed }

public enum ActionStatus { NotStarted, InProgress, Done }

/// <summary>An Individual Development Plan: one per employee per cycle, with its proposals filled from the assessment.</summary>
public sealed class DevelopmentPlan
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee Employee { get; set; } = null!;
    public required string Cycle { get; set; }
    public PlanStatus Status { get; set; }
    public string? Education { get; set; }
    public string? Experience { get; set; }
    public string? ShortTermProfessional { get; set; }
    public string? ShortTermPersonal { get; set; }
    public string? MidTermProfessional { get; set; }
    public string? MidTermPersonal { get; set; }
    public string? LongTermProfessional { get; set; }
    public string? LongTermPersonal { get; set; }
    public List<string> TargetRoles { get; set; } = [];
    public List<string> Strengths { get; set; } = [];
    public List<string> Opportunities { get; set; } = [];
    public List<string> Needs { get; set; } = [];
    public List<Reflection> Reflections { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];
    public DateOnly CreatedOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public int Version { get; set; } = 1;
}

public sealed record Reflection(string Question, string? Answer);

public sealed class PlanAction
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Competency { get; set; }
    public string? Strategy { get; set; }
    public required string Description { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public string? Evidence { get; set; }
    /// <summary>The learning activity the action is (a course's link, an xAPI activity id): statements the learning system sends about it show beside the action.</summary>
    public string? Activity { get; set; }
}

public enum PlanEventKind { Status, Comment, CheckIn }

/// <summary>What happened to a plan, append-only: status changes, manager comments, dated check-ins.</summary>
public sealed class PlanEvent
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public DateTime At { get; set; }
    public int? ByEmployeeId { get; set; }
    public string? By { get; set; }
    public PlanEventKind Kind { get; set; }
    public PlanStatus? From { get; set; }
    public PlanStatus? To { get; set; }
    public string? Text { get; set; }
}
