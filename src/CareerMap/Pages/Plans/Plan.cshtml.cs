using CareerMap.Access;
using CareerMap.Framework;
using CareerMap.Infrastructure;
using CareerMap.Learning;
using CareerMap.Pages.People;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Plans;

public sealed class ActionInput
{
    public string? Competency { get; set; }
    public string? Strategy { get; set; }
    public string? Description { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Status { get; set; }
    /// <summary>Not shown on the page (the API keeps it), carried through a save so it is not lost.</summary>
    public string? Evidence { get; set; }
    public string? Activity { get; set; }
}

public sealed class PlanInput
{
    public string? Education { get; set; }
    public string? Experience { get; set; }
    public string? ShortTermProfessional { get; set; }
    public string? ShortTermPersonal { get; set; }
    public string? MidTermProfessional { get; set; }
    public string? MidTermPersonal { get; set; }
    public string? LongTermProfessional { get; set; }
    public string? LongTermPersonal { get; set; }
    /// <summary>One role code per picker; empty pickers are ignored.</summary>
    public List<string?> Targets { get; set; } = [];
    public string? Strengths { get; set; }
    public string? Opportunities { get; set; }
    public string? Needs { get; set; }
    public List<string?> Answers { get; set; } = [];
    public List<ActionInput> Actions { get; set; } = [];
}

public sealed class PlanModel(PeopleDirectory people, PersonInRoute who, CareerPaths paths, TimeProvider clock, PlanService plans, FrameworkService framework,
    PeopleAccess access, LearningRecords learning, IStringLocalizer<SharedResource> L) : PersonPage(people, who, paths, clock)
{
    [BindProperty] public PlanInput Input { get; set; } = new();
    public DevelopmentPlan? Plan { get; private set; }
    public IReadOnlyList<PlanEvent> History { get; private set; } = [];
    public IReadOnlyList<PlanStatus> NextSteps { get; private set; } = [];
    public FrameworkDocument Document { get; private set; } = new();
    public bool CanEdit => Relation == Relation.Self && Plan is not null && PlanService.Editable(Plan.Status);
    public string? Message { get; private set; }
    public string? Recommended { get; private set; }
    /// <summary>What the learning system reported about each action's activity, newest first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LearningRecordView>> Learning { get; private set; } = new Dictionary<string, IReadOnlyList<LearningRecordView>>();
    PlanActor actor = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(string number, string? target, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Relation != Relation.Self || Plan is not null) return Forbid();
        if (Graph.Role(target ?? "") is null) { Message = L["Choose the role you are aiming for."]; return Page(); }
        await plans.StartAsync(Person.Id, Person.State, Graph, target!, actor, Today, ct);
        return Redirect($"/plans/{Uri.EscapeDataString(number)}");
    }

    public async Task<IActionResult> OnPostSaveAsync(string number, CancellationToken ct) =>
        await SaveInputAsync(ct) ?? Redirect($"/plans/{Uri.EscapeDataString(number)}?saved=true");

    /// <summary>Submitting from the plan form saves what was typed in it first, so no edit is lost on the way to review.</summary>
    public async Task<IActionResult> OnPostSaveAndSubmitAsync(string number, CancellationToken ct)
    {
        if (await SaveInputAsync(ct) is { } refused) return refused;
        Message = await plans.TransitionAsync(Plan!, PlanStatus.Submitted, actor, null, Today, ct);
        if (Message is not null) return Page();
        return Redirect($"/plans/{Uri.EscapeDataString(number)}");
    }

    /// <summary>Saves the plan form; null when saved, else the page with the problems (and what was typed kept).</summary>
    async Task<IActionResult?> SaveInputAsync(CancellationToken ct)
    {
        await LoadAsync(ct, keepInput: true);
        if (Relation != Relation.Self || Plan is null) return Forbid();
        static List<string> Lines(string? text) => [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
        var edit = new PlanEdit(Input.Education, Input.Experience, Input.ShortTermProfessional, Input.ShortTermPersonal, Input.MidTermProfessional, Input.MidTermPersonal,
            Input.LongTermProfessional, Input.LongTermPersonal, [.. Input.Targets.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)], Lines(Input.Strengths), Lines(Input.Opportunities), Lines(Input.Needs), Input.Answers,
            [.. Input.Actions.Where(a => !string.IsNullOrWhiteSpace(a.Description) && !string.IsNullOrWhiteSpace(a.Competency))
                .Select(a => new ActionEdit(a.Competency!, string.IsNullOrWhiteSpace(a.Strategy) ? null : a.Strategy, a.Description!, a.DueOn, a.Status, a.Evidence, a.Activity))]);
        var errors = await plans.UpdateAsync(Plan, edit, Graph, ct);
        foreach (var (field, messages) in errors) foreach (var m in messages) ModelState.AddModelError("", $"{field}: {m}");
        return errors.Count > 0 ? Page() : null;
    }

    public async Task<IActionResult> OnPostStatusAsync(string number, string? to, string? comment, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Plan is null || WireNames.Parse<PlanStatus>(to) is not { } status) return BadRequest();
        Message = await plans.TransitionAsync(Plan, status, actor, comment, Today, ct);
        if (Message is not null) return Page();
        return Redirect($"/plans/{Uri.EscapeDataString(number)}");
    }

    public async Task<IActionResult> OnPostNoteAsync(string number, string? kind, string? text, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Plan is null || Relation is not (Relation.Self or Relation.Leader)) return Forbid();
        if (string.IsNullOrWhiteSpace(text)) { Message = L["Write something first."]; return Page(); }
        await plans.AddNoteAsync(Plan, WireNames.Parse<PlanEventKind>(kind) == PlanEventKind.CheckIn ? PlanEventKind.CheckIn : PlanEventKind.Comment, actor, text, ct);
        return Redirect($"/plans/{Uri.EscapeDataString(number)}#history");
    }

    public async Task<IActionResult> OnGetDocxAsync(string number, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Plan is null) return NotFound();
        var bytes = PlanDocx.Write(Plan, Person.Name, Graph.Title, Graph.CompetencyName, L);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"IDP-{Person.EmployeeNumber}-{Plan.Cycle}.docx");
    }

    async Task LoadAsync(CancellationToken ct, bool keepInput = false)
    {
        await LoadPersonAsync(ct);
        actor = PlanService.Actor(access.Account, Relation);
        Document = (await framework.ReadingAsync(ct)).Document;
        Plan = await plans.CurrentAsync(Person.Id, ct);
        if (Plan is null)
        {
            Recommended = Recommendations.For(Graph, Person.State, L).FirstOrDefault(r => r.Direction == MoveDirection.Promotion)?.Role;
            return;
        }
        History = await plans.EventsAsync(Plan.Id, ct);
        Learning = await learning.ForActivitiesAsync(Person.Id, [.. Plan.Actions.Where(a => a.Activity is not null).Select(a => a.Activity!).Distinct()], ct);
        NextSteps = PlanService.Allowed(Plan.Status, actor);
        if (!keepInput) Fill();
    }

    /// <summary>At least this many target-role pickers, and always one empty one to add another.</summary>
    public const int TargetPickers = 3;

    void Fill() => Input = new PlanInput
    {
        Education = Plan!.Education, Experience = Plan.Experience, ShortTermProfessional = Plan.ShortTermProfessional, ShortTermPersonal = Plan.ShortTermPersonal,
        MidTermProfessional = Plan.MidTermProfessional, MidTermPersonal = Plan.MidTermPersonal, LongTermProfessional = Plan.LongTermProfessional, LongTermPersonal = Plan.LongTermPersonal,
        Targets = [.. Plan.TargetRoles, .. Enumerable.Repeat<string?>(null, Math.Max(1, TargetPickers - Plan.TargetRoles.Count))], Strengths = string.Join("\n", Plan.Strengths), Opportunities = string.Join("\n", Plan.Opportunities), Needs = string.Join("\n", Plan.Needs),
        Answers = [.. Plan.Reflections.Select(r => r.Answer)],
        Actions = [.. Plan.Actions.Select(a => new ActionInput { Competency = a.Competency, Strategy = a.Strategy, Description = a.Description, DueOn = a.DueOn, Status = a.Status.ToString(), Evidence = a.Evidence, Activity = a.Activity }), new ActionInput()],
    };

    /// <summary>The button that moves a plan to a status.</summary>
    public static string Label(PlanStatus s, IStringLocalizer L) => s switch
    {
        PlanStatus.Submitted => L["Submit for review"],
        PlanStatus.Approved => L["Approve"],
        PlanStatus.ChangesRequested => L["Request changes"],
        PlanStatus.InProgress => L["Start working on it"],
        PlanStatus.Completed => L["Mark completed"],
        _ => PlanService.Words(s, L),
    };
}
