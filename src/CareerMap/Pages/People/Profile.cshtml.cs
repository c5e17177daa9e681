using CareerMap.Access;
using CareerMap.Badges;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.People;

public sealed class ProfileModel(PeopleDirectory people, PersonInRoute who, CareerPaths paths, CareerInterests interests, TimeProvider clock,
    IStringLocalizer<SharedResource> L, RatingContests contests, PeopleAccess access, Credentials credentials, OpenBadges badges)
    : PersonPage(people, who, paths, clock)
{
    /// <summary>The rating being contested and the comment typed, kept when the contest is refused so nothing typed is lost.</summary>
    [BindProperty] public long? ContestedRating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    /// <summary>The contest being answered, and the answer typed.</summary>
    [BindProperty] public int? AnsweredContest { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty] public int? NewLevel { get; set; }
    [BindProperty] public string? Answer { get; set; }
    public IReadOnlyList<ContestView> Contests { get; private set; } = [];
    /// <summary>The rating each contest is about, for the history's rows.</summary>
    public ContestView? ContestOf(long assessmentId) => Contests.FirstOrDefault(c => c.AssessmentId == assessmentId);
    public int TopLevel => Graph.Document.Organization.TopLevel;
    public string? ManagerName { get; private set; }
    public string? ManagerNumber { get; private set; }
    /// <summary>The manager's page opens only to those above the person (the manager among them) and HR: anyone else sees the name alone.</summary>
    public bool ManagerLinked => Relation is Access.Relation.Leader or Access.Relation.HrAdmin;
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public IReadOnlyList<AssessmentView> History { get; private set; } = [];
    public IReadOnlyList<RoleChangeView> RolesHeld { get; private set; } = [];
    public IReadOnlyList<CareerInterestView> Interests { get; private set; } = [];
    /// <summary>The person's dated certifications and licenses, soonest to expire first.</summary>
    public IReadOnlyList<CredentialView> Credentials { get; private set; } = [];

    /// <summary>The person's Open Badges, newest first.</summary>
    public IReadOnlyList<BadgeView> Badges { get; private set; } = [];
    /// <summary>The badge already issued for a competency at a level, if any.</summary>
    public BadgeView? BadgeFor(string competency, int level) =>
        Badges.FirstOrDefault(b => b.Level == level && string.Equals(b.Competency, competency, StringComparison.OrdinalIgnoreCase));
    [BindProperty] public string? BadgeCompetency { get; set; }
    [BindProperty] public int? BadgeLevel { get; set; }

    /// <summary>HR admins keep people's credentials here; everyone else who may see the person reads the list.</summary>
    public bool KeepsCredentials => access.Account.IsHrAdmin;
    /// <summary>The credential HR typed, kept when it is refused so nothing typed is lost.</summary>
    [BindProperty] public CredentialForm NewCredential { get; set; } = new();
    /// <summary>Whether HR has just removed a credential (else saved one), for the notice after the redirect.</summary>
    public bool CredentialRemoved => Request.Query["credential"] == "removed";
    /// <summary>The name of the credential HR removes.</summary>
    [BindProperty] public string? RemovedCredential { get; set; }

    public sealed class CredentialForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Issuer { get; set; }
        public string? Number { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public DateOnly? ExpiresOn { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await PrepareAsync(ct);

    /// <summary>The person, a leader or HR has a manager's rating issued as an Open Badge; the badge is then listed to download.</summary>
    public async Task<IActionResult> OnPostBadgeAsync(CancellationToken ct)
    {
        await LoadPersonAsync(ct);
        var (badge, _, errors) = await badges.IssueAsync(Person.Id, BadgeCompetency, BadgeLevel, ct);
        if (badge is not null) return Redirect($"/people/{Uri.EscapeDataString(Person.EmployeeNumber)}?badge={badge.Id}#badges-h");
        foreach (var messages in errors.Values) foreach (var m in messages) ModelState.AddModelError("", m);
        await PrepareAsync(ct);
        return Page();
    }

    /// <summary>HR records a credential, or replaces the one of that name; a refusal says why beside the field and keeps what was typed.</summary>
    public async Task<IActionResult> OnPostCredentialAsync(CancellationToken ct)
    {
        if (!KeepsCredentials) return Forbid();
        await LoadPersonAsync(ct);
        var f = NewCredential;
        // A date the browser could not send as one is refused by the binder; it is said beside its field like the rest.
        foreach (var (key, entry) in ModelState.Where(m => m.Key.StartsWith(nameof(NewCredential) + ".", StringComparison.Ordinal) && m.Value?.Errors.Count > 0).ToList())
        {
            entry!.Errors.Clear();
            ModelState.AddModelError(key, L["Type a date, or leave it empty."]);
        }
        if (ModelState.IsValid)
        {
            var (saved, problem) = await credentials.SaveAsync(Person.Id, f.Name ?? "", f.Kind, f.Issuer, f.Number, f.IssuedOn, f.ExpiresOn, ct);
            if (saved is not null) return Redirect($"/people/{Uri.EscapeDataString(Person.EmployeeNumber)}?credential=saved#credentials-h");
            var field = problem!.Field switch { "kind" => nameof(f.Kind), "issuer" => nameof(f.Issuer), "number" => nameof(f.Number), "issuedOn" => nameof(f.IssuedOn),
                "expiresOn" => nameof(f.ExpiresOn), _ => nameof(f.Name) };
            ModelState.AddModelError($"{nameof(NewCredential)}.{field}", problem.Say(L));
        }
        await PrepareAsync(ct);
        return Page();
    }

    /// <summary>HR removes a dated credential; the plain certifications list from the roster stays as it is.</summary>
    public async Task<IActionResult> OnPostRemoveCredentialAsync(CancellationToken ct)
    {
        if (!KeepsCredentials) return Forbid();
        await LoadPersonAsync(ct);
        await credentials.RemoveAsync(Person.Id, RemovedCredential ?? "", ct);
        return Redirect($"/people/{Uri.EscapeDataString(Person.EmployeeNumber)}?credential=removed#credentials-h");
    }

    /// <summary>The person contests one of their manager's ratings.</summary>
    public async Task<IActionResult> OnPostContestAsync(CancellationToken ct)
    {
        if (Relation != Access.Relation.Self) return Forbid();
        await LoadPersonAsync(ct);
        var (opened, errors) = await contests.OpenAsync(Person.Id, ContestedRating ?? 0, Comment, ct);
        if (opened is not null) return Redirect($"/people/{Uri.EscapeDataString(Person.EmployeeNumber)}?contested=1#contests-h");
        foreach (var (field, messages) in errors) foreach (var m in messages) ModelState.AddModelError(field == "comment" ? nameof(Comment) : "", m);
        await PrepareAsync(ct);
        return Page();
    }

    /// <summary>Someone above the person answers a contest: the rating kept, or changed to a new level.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        if (Relation != Access.Relation.Leader) return Forbid();
        await LoadPersonAsync(ct);
        var (answered, errors) = await contests.AnswerAsync(Person.Id, AnsweredContest ?? 0, access.Account.EmployeeId!.Value, Outcome, Outcome == "changed" ? NewLevel : null, Answer, ct);
        if (answered is not null) return Redirect($"/people/{Uri.EscapeDataString(Person.EmployeeNumber)}?answered=1#contests-h");
        if (errors.Count == 0) return NotFound();
        foreach (var (field, messages) in errors) foreach (var m in messages) ModelState.AddModelError(field switch { "answer" => nameof(Answer), "level" => nameof(NewLevel), "outcome" => nameof(Outcome), _ => "" }, m);
        await PrepareAsync(ct);
        return Page();
    }

    async Task PrepareAsync(CancellationToken ct)
    {
        await LoadPersonAsync(ct);
        if (Person.ManagerId is int m)
            (ManagerName, ManagerNumber) = (await People.NameOfAsync(m, ct), await People.NumberOfAsync(m, ct));
        Recommendations = [.. Paths.Recommendations.For(Graph, Person.State, L, Relation == CareerMap.Access.Relation.Self).Take(5)];
        History = await People.HistoryAsync(Person.Id, ct);
        RolesHeld = await People.RolesHeldAsync(Person.Id, ct);
        Contests = await contests.OfAsync(Person.Id, ct);
        Interests = await interests.OfAsync(Graph, Person.Id, ct);
        Credentials = await credentials.OfAsync(Person.Id, ct);
        Badges = await badges.OfAsync(Person.Id, ct);
    }
}
