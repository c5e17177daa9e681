using System.Globalization;
using CareerMap.Access;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Plans;

/// <summary>Who is acting on a plan: its owner, a leader above them, or neither (HR admin reads).</summary>
public sealed record PlanActor(int? EmployeeId, string Name, bool IsOwner, bool IsLeader);

public sealed record PlanEdit(
    string? Education, string? Experience,
    string? ShortTermProfessional, string? ShortTermPersonal, string? MidTermProfessional, string? MidTermPersonal,
    string? LongTermProfessional, string? LongTermPersonal,
    IReadOnlyList<string>? TargetRoles, IReadOnlyList<string>? Strengths, IReadOnlyList<string>? Opportunities, IReadOnlyList<string>? Needs,
    IReadOnlyList<string?>? ReflectionAnswers, IReadOnlyList<ActionEdit>? Actions);

public sealed record ActionEdit(string Competency, string? Strategy, string Description, DateOnly? DueOn, string? Status, string? Evidence, string? Activity = null);

public sealed record OverduePlan(string EmployeeNumber, string Name, string ManagerName, DateOnly SubmittedOn, int DaysWaiting);

/// <summary>
/// The IDP: proposed from the assessment, edited by its owner, reviewed by their manager, every step recorded.
/// What a plan proposes (strengths, needs, actions) is written in its owner's language when they start it: from then on
/// it is their text to edit. The app's own words in a plan (the reflection questions, "Plan started") are stored in
/// English, which is their resource key, and shown in the reader's language by <see cref="Question"/> and <see cref="Note"/>.
/// </summary>
public sealed class PlanService(CareerMapDb db, FrameworkService framework, TimeProvider clock, ILogger<PlanService> logger, IStringLocalizer<SharedResource> L)
{
    public const int ReviewDays = 14;
    /// <summary>How long a learning activity's link may be.</summary>
    public const int ActivityLength = 1000;

    /// <summary>The guide's questions for a career conversation, in this project's words.</summary>
    static string[] Questions(IStringLocalizer L) =>
    [
        L["Which parts of your job do you enjoy most, and which least?"],
        L["What gives you energy and keeps you motivated at work?"],
        L["Which skills would help you master the role you have now?"],
        L["How do your personal goals connect with the organization's goals?"],
        L["Which training or experiences (committees, projects, teams) would build on your strengths?"],
        L["Which training or experiences would help you make up for a weakness or a lack of experience?"],
    ];

    static string Started(IStringLocalizer L) => L["Plan started"];

    /// <summary>The questions as a plan stores them, in English whatever the owner's language.</summary>
    public static readonly string[] ReflectionQuestions = Questions(StoredWords.Instance);

    /// <summary>A stored reflection question in the reader's language; a question the app no longer asks is shown as stored.</summary>
    public static string Question(string stored, IStringLocalizer L) =>
        Array.IndexOf(ReflectionQuestions, stored) is var i and >= 0 ? Questions(L)[i] : stored;

    /// <summary>The text of a plan's history entry in the reader's language: the app's "Plan started", or what a person wrote.</summary>
    public static string? Note(PlanEvent e, IStringLocalizer L) =>
        e.Kind == PlanEventKind.Status && e.From is null && e.Text == Started(StoredWords.Instance) ? Started(L) : e.Text;

    static readonly Dictionary<(PlanStatus From, PlanStatus To), string> Moves = new()
    {
        [(PlanStatus.Draft, PlanStatus.Submitted)] = "owner",
        [(PlanStatus.ChangesRequested, PlanStatus.Submitted)] = "owner",
        [(PlanStatus.Submitted, PlanStatus.Approved)] = "leader",
        [(PlanStatus.Submitted, PlanStatus.ChangesRequested)] = "leader",
        [(PlanStatus.Approved, PlanStatus.InProgress)] = "either",
        [(PlanStatus.InProgress, PlanStatus.Completed)] = "either",
    };

    public static IReadOnlyList<PlanStatus> Allowed(PlanStatus from, PlanActor actor) =>
        [.. Moves.Where(m => m.Key.From == from && (m.Value == "either" ? actor.IsOwner || actor.IsLeader : m.Value == "owner" ? actor.IsOwner : actor.IsLeader)).Select(m => m.Key.To)];

    public static bool Editable(PlanStatus status) => status is PlanStatus.Draft or PlanStatus.ChangesRequested;

    /// <summary>The account acting on a plan, as its owner, a leader above them, or a reader.</summary>
    public static PlanActor Actor(CurrentAccount account, Relation relation) =>
        new(account.EmployeeId, account.EmployeeName ?? account.Email ?? "unknown", relation == Relation.Self, relation == Relation.Leader);

    public static string Cycle(DateOnly today) => today.Year.ToString(CultureInfo.InvariantCulture);

    public Task<DevelopmentPlan?> CurrentAsync(int employeeId, CancellationToken ct = default) =>
        db.Plans.Include(p => p.Actions).Where(p => p.EmployeeId == employeeId).OrderByDescending(p => p.Cycle).ThenByDescending(p => p.Id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<PlanEvent>> EventsAsync(int planId, CancellationToken ct = default) =>
        await db.PlanEvents.AsNoTracking().Where(e => e.PlanId == planId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);

    /// <summary>A new draft with strengths, opportunities, needs and actions proposed from the person's ratings toward the target.</summary>
    public async Task<DevelopmentPlan> StartAsync(int employeeId, PersonState person, CareerGraph graph, string target, PlanActor actor, DateOnly today, CancellationToken ct = default)
    {
        var document = (await framework.ReadingAsync(ct)).Document;
        var strengths = graph.Needs(person.CurrentRole)
            .Select(n => (n, rated: person.Levels.GetValueOrDefault(n.Competency)))
            .Where(x => x.rated >= x.n.Level && x.rated > 0)
            .OrderByDescending(x => x.rated - x.n.Level).ThenBy(x => graph.CompetencyName(x.n.Competency), StringComparer.Ordinal).Take(3)
            .Select(x => L["{0} (rated {1}; the role asks {2})", graph.CompetencyName(x.n.Competency), x.rated, x.n.Level].Value).ToList();
        var readiness = Readiness.Of(graph, target, person, []);
        var gaps = readiness.Competencies.Where(c => c.Gap > 0).Take(3).ToList();
        var plan = new DevelopmentPlan
        {
            EmployeeId = employeeId, Cycle = Cycle(today), Status = PlanStatus.Draft, CreatedOn = today,
            TargetRoles = [graph.Role(target)!.Code],
            Strengths = strengths,
            Opportunities = [.. gaps.Select(g => g.Name)],
            Needs = [.. gaps.Select(g => L["Raise {0} from {1} to {2} for {3}", g.Name, g.Effective, g.Required, graph.Title(target)].Value)],
            Reflections = [.. ReflectionQuestions.Select(q => new Reflection(q, null))],
        };
        var due = 0;
        foreach (var gap in gaps)
        {
            var strategies = document.Strategies.Where(s => s.Competencies.Contains(gap.Competency, StringComparer.OrdinalIgnoreCase))
                .OrderBy(s => s.Competencies.Count).ThenBy(s => s.Code, StringComparer.Ordinal).Take(2);
            foreach (var s in strategies)
                plan.Actions.Add(new PlanAction
                {
                    Competency = gap.Competency, Strategy = s.Code, Description = L["{0}: {1} To build {2}.", s.Name, s.Description ?? "", gap.Name],
                    DueOn = today.AddMonths(2 * ++due), Status = ActionStatus.NotStarted,
                });
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await RecordAsync(plan.Id, actor, PlanEventKind.Status, null, PlanStatus.Draft, Started(StoredWords.Instance), ct);
        logger.PlanStarted(plan.Id, employeeId, actor.EmployeeId);
        return plan;
    }

    public async Task<Dictionary<string, string[]>> UpdateAsync(DevelopmentPlan plan, PlanEdit edit, CareerGraph graph, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Editable(plan.Status)) errors["status"] = [L["a plan that {0} can't be edited; only a draft or one sent back for changes", Being(plan.Status)]];
        var targets = (edit.TargetRoles ?? plan.TargetRoles).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        for (var i = 0; i < targets.Count; i++)
            if (graph.Role(targets[i]) is null) errors[$"targetRoles[{i}]"] = [L["unknown role '{0}'", targets[i]]];
        var actions = edit.Actions ?? [];
        for (var i = 0; i < actions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(actions[i].Description)) errors[$"actions[{i}].description"] = [L["description is required"]];
            if (actions[i].Status is { } s && !Enum.TryParse<ActionStatus>(s.Replace("-", "", StringComparison.Ordinal), true, out _))
                errors[$"actions[{i}].status"] = [L["status '{0}' is not not-started, in-progress or done", s]];
            if (actions[i].Activity is { Length: > 0 } activity && (activity.Trim().Length > ActivityLength || !Uri.TryCreate(activity.Trim(), UriKind.Absolute, out var link) || link.Scheme is "javascript" or "data" or "vbscript" or "file"))
                errors[$"actions[{i}].activity"] = [L["the learning activity is a full link such as https://learning.example.org/course/42, at most {0} characters", ActivityLength]];
        }
        if (errors.Count > 0) return errors;
        plan.Education = edit.Education ?? plan.Education;
        plan.Experience = edit.Experience ?? plan.Experience;
        plan.ShortTermProfessional = edit.ShortTermProfessional ?? plan.ShortTermProfessional;
        plan.ShortTermPersonal = edit.ShortTermPersonal ?? plan.ShortTermPersonal;
        plan.MidTermProfessional = edit.MidTermProfessional ?? plan.MidTermProfessional;
        plan.MidTermPersonal = edit.MidTermPersonal ?? plan.MidTermPersonal;
        plan.LongTermProfessional = edit.LongTermProfessional ?? plan.LongTermProfessional;
        plan.LongTermPersonal = edit.LongTermPersonal ?? plan.LongTermPersonal;
        plan.TargetRoles = [.. targets.Select(t => graph.Role(t)!.Code)];
        if (edit.Strengths is not null) plan.Strengths = [.. edit.Strengths];
        if (edit.Opportunities is not null) plan.Opportunities = [.. edit.Opportunities];
        if (edit.Needs is not null) plan.Needs = [.. edit.Needs];
        if (edit.ReflectionAnswers is not null)
            plan.Reflections = [.. plan.Reflections.Select((r, i) => r with { Answer = i < edit.ReflectionAnswers.Count ? edit.ReflectionAnswers[i] : r.Answer })];
        if (edit.Actions is not null)
        {
            plan.Actions.Clear();
            plan.Actions.AddRange(edit.Actions.Select(a => new PlanAction
            {
                Competency = a.Competency, Strategy = a.Strategy, Description = a.Description.Trim(), DueOn = a.DueOn, Evidence = a.Evidence,
                Activity = string.IsNullOrWhiteSpace(a.Activity) ? null : a.Activity.Trim(),
                Status = a.Status is { } s ? Enum.Parse<ActionStatus>(s.Replace("-", "", StringComparison.Ordinal), true) : ActionStatus.NotStarted,
            }));
        }
        // Actions are rows of their own: the plan itself must still move on, so a save racing a submit is refused.
        ChangeStamps.Touch(db, plan);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Moves the plan along its status flow; returns why not when the move is not this actor's to make.</summary>
    public async Task<string?> TransitionAsync(DevelopmentPlan plan, PlanStatus to, PlanActor actor, string? comment, DateOnly today, CancellationToken ct = default)
    {
        if (!Allowed(plan.Status, actor).Contains(to))
        {
            logger.PlanMoveRefused(plan.Id, plan.EmployeeId, plan.Status, to, actor.EmployeeId);
            return actor.IsOwner ? L["a plan that {0} can't be {1} by its owner", Being(plan.Status), Marked(to)]
                : actor.IsLeader ? L["a plan that {0} can't be {1} by a manager", Being(plan.Status), Marked(to)]
                : L["a plan that {0} can't be {1} by you", Being(plan.Status), Marked(to)];
        }
        if (to == PlanStatus.ChangesRequested && string.IsNullOrWhiteSpace(comment))
            return L["say what should change: a comment is required when sending a plan back"];
        var from = plan.Status;
        plan.Status = to;
        if (to == PlanStatus.Submitted) plan.SubmittedOn = today;
        await db.SaveChangesAsync(ct);
        await RecordAsync(plan.Id, actor, PlanEventKind.Status, from, to, comment, ct);
        logger.PlanMoved(plan.Id, plan.EmployeeId, from, to, actor.EmployeeId);
        CareerMapTelemetry.PlanTransitions.Add(1, new KeyValuePair<string, object?>("from", from.ToString()), new KeyValuePair<string, object?>("to", to.ToString()));
        return null;
    }

    public Task AddNoteAsync(DevelopmentPlan plan, PlanEventKind kind, PlanActor actor, string text, CancellationToken ct = default) =>
        RecordAsync(plan.Id, actor, kind, null, null, text.Trim(), ct);

    async Task RecordAsync(int planId, PlanActor actor, PlanEventKind kind, PlanStatus? from, PlanStatus? to, string? text, CancellationToken ct)
    {
        db.PlanEvents.Add(new PlanEvent { PlanId = planId, At = clock.UtcNow(), ByEmployeeId = actor.EmployeeId, By = actor.Name, Kind = kind, From = from, To = to, Text = text });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submitted plans of a manager's direct reports, waiting for their review.</summary>
    public async Task<IReadOnlyList<OverduePlan>> AwaitingAsync(int managerId, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.Plans.AsNoTracking().Where(p => p.Status == PlanStatus.Submitted && p.Employee.ManagerId == managerId)
            .Select(p => new { p.Employee.EmployeeNumber, p.Employee.Name, p.SubmittedOn }).ToListAsync(ct);
        return [.. rows.Select(r => new OverduePlan(r.EmployeeNumber, r.Name, "you", r.SubmittedOn ?? today, today.DayNumber - (r.SubmittedOn ?? today).DayNumber))
            .OrderByDescending(r => r.DaysWaiting)];
    }

    /// <summary>Plans submitted more than 14 days ago and still unreviewed, for the manager's manager (or everyone's, for HR).</summary>
    public async Task<IReadOnlyList<OverduePlan>> OverdueAsync(int? skipLevelId, DateOnly today, CancellationToken ct = default)
    {
        var cutoff = today.AddDays(-ReviewDays);
        var rows = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Submitted && p.SubmittedOn != null && p.SubmittedOn < cutoff)
            .Where(p => skipLevelId == null || (p.Employee.Manager != null && p.Employee.Manager.ManagerId == skipLevelId))
            .Select(p => new { p.Employee.EmployeeNumber, p.Employee.Name, Manager = p.Employee.Manager != null ? p.Employee.Manager.Name : "", p.SubmittedOn })
            .ToListAsync(ct);
        return [.. rows.Select(r => new OverduePlan(r.EmployeeNumber, r.Name, r.Manager, r.SubmittedOn!.Value, today.DayNumber - r.SubmittedOn.Value.DayNumber))
            .OrderByDescending(r => r.DaysWaiting)];
    }

    /// <summary>A status as a plan's badge shows it ("Draft", "Changes requested").</summary>
    public static string Words(PlanStatus status, IStringLocalizer L) => status switch
    {
        PlanStatus.Draft => L["Draft"],
        PlanStatus.Submitted => L["Submitted"],
        PlanStatus.Approved => L["Approved"],
        PlanStatus.ChangesRequested => L["Changes requested"],
        PlanStatus.InProgress => L["In progress"],
        _ => L["Completed"],
    };

    public static string Words(ActionStatus status, IStringLocalizer L) => status switch
    {
        ActionStatus.NotStarted => L["Not started"],
        ActionStatus.InProgress => L["In progress"],
        _ => L["Done"],
    };

    /// <summary>What a plan is, as a refusal says it ("a plan that is a draft").</summary>
    string Being(PlanStatus status) => status switch
    {
        PlanStatus.Draft => L["is a draft"],
        PlanStatus.Submitted => L["is submitted"],
        PlanStatus.Approved => L["is approved"],
        PlanStatus.ChangesRequested => L["is sent back for changes"],
        PlanStatus.InProgress => L["is in progress"],
        _ => L["is completed"],
    };

    /// <summary>What a plan was to become, as a refusal says it ("can't be marked approved").</summary>
    string Marked(PlanStatus status) => status switch
    {
        PlanStatus.Draft => L["marked a draft"],
        PlanStatus.Submitted => L["marked submitted"],
        PlanStatus.Approved => L["marked approved"],
        PlanStatus.ChangesRequested => L["marked sent back for changes"],
        PlanStatus.InProgress => L["marked in progress"],
        _ => L["marked completed"],
    };
}
