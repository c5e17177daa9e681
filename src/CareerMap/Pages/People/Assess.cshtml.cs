using CareerMap.Access;
using CareerMap.Framework;
using CareerMap.Learning;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.People;

/// <summary>Only the person and their leaders rate; HR admin reads.</summary>
[ForRelations(Relation.Self, Relation.Leader)]
public sealed class AssessModel(PeopleDirectory people, PersonInRoute who, CareerPaths paths, TimeProvider clock, FrameworkService framework, PeopleAccess access,
    LearningRecords learning, IStringLocalizer<SharedResource> L)
    : PersonPage(people, who, paths, clock)
{
    // Named, so that a form with no level chosen binds an empty dictionary instead of falling back to every form
    // field (which tried the antiforgery token as a level and showed it on screen).
    [BindProperty(Name = "Levels")] public Dictionary<string, int?> Levels { get; set; } = [];
    [BindProperty(Name = "Evidence")] public Dictionary<string, string?> Evidence { get; set; } = [];
    public IReadOnlyList<CompetencyDto> Competencies { get; private set; } = [];
    public IReadOnlyDictionary<string, AssessmentView> LatestSelf { get; private set; } = new Dictionary<string, AssessmentView>();
    public bool AsManager => Relation == Relation.Leader;
    /// <summary>What the learning system reported lately: evidence beside the rating, never a rating itself.</summary>
    public IReadOnlyList<LearningRecordView> Learning { get; private set; } = [];

    public int Required(string competency) => Graph.Needs(Person.Role).FirstOrDefault(n => n.Competency == competency)?.Level ?? 0;

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PrepareAsync(ct);
        var source = AsManager ? AssessmentSource.Manager : AssessmentSource.Self;
        var me = access.Account.EmployeeId;
        var saved = 0;
        foreach (var c in Competencies)
        {
            if (Levels.GetValueOrDefault(c.Code) is not int level) continue;
            var (ok, errors) = await People.RecordAsync(Person.Id, c.Code, level, source, me, Evidence.GetValueOrDefault(c.Code), Today, ct);
            if (ok is null) foreach (var e in errors.Values.SelectMany(x => x)) ModelState.AddModelError($"Levels[{c.Code}]", e);
            else saved++;
        }
        if (ModelState.IsValid && saved == 0) ModelState.AddModelError("", L["Choose a level for at least one competency; nothing was saved."]);
        if (!ModelState.IsValid) return Page();
        return Redirect($"/people/{Uri.EscapeDataString(Person.EmployeeNumber)}?rated={saved}");
    }

    async Task PrepareAsync(CancellationToken ct)
    {
        await LoadPersonAsync(ct);
        var document = (await framework.ReadingAsync(ct)).Document;
        var codes = Graph.Needs(Person.Role).Select(n => n.Competency).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Competencies = [.. document.Competencies.Where(c => codes.Contains(c.Code)).OrderBy(c => c.Category == "core" ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)];
        Learning = await learning.OfAsync(Person.Id, 10, ct);
        LatestSelf = (await People.HistoryAsync(Person.Id, ct)).Where(a => a.Source == AssessmentSource.Self).GroupBy(a => a.Competency)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }
}
