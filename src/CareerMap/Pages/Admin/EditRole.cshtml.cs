using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

public sealed class RoleInput
{
    public string? Title { get; set; }
    public string? Unit { get; set; }
    public string? Family { get; set; }
    public string? Grade { get; set; }
    public int Level { get; set; }
    public string? Summary { get; set; }
    public string? Scope { get; set; }
    public string? Duties { get; set; }
    public int Version { get; set; }
    /// <summary>The open draft's version as the form was drawn; 0 when no draft was open.</summary>
    public int DraftVersion { get; set; }
    /// <summary>The role's requirements as the form was drawn (see FrameworkSnapshot.RequirementsVersionOf).</summary>
    public string? RequirementsVersion { get; set; }
    public List<RequirementRow> Requirements { get; set; } = [];
}

/// <summary>One row of the requirements table; a row with no competency chosen (the blank rows for adding) is ignored.</summary>
public sealed class RequirementRow
{
    public string? Competency { get; set; }
    public int Level { get; set; }
    /// <summary>As typed: a number field sends "1.5" whatever the page's language, so it is read invariantly here, not by the form culture.</summary>
    public string? Weight { get; set; } = "1";
    public bool Critical { get; set; }
    public bool Remove { get; set; }
}

/// <summary>HR edits a role and its competency requirements together, with the API's validation and concurrency.</summary>
public sealed class EditRoleModel(FrameworkService framework, CareerMap.Framework.Versions.FrameworkVersions versions, IStringLocalizer<SharedResource> L) : PageModel
{
    static readonly string[] Fields = ["title", "unit", "family", "grade", "level", "summary", "scope", "duties"];
    /// <summary>Blank rows offered for adding requirements (no script needed to add more: save, and three more appear).</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public RoleInput Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public FrameworkDocument Document { get; private set; } = new();
    public string? StaleMessage { get; private set; }
    public IReadOnlyList<Translations.TranslationState> Translations { get; private set; } = [];
    /// <summary>What the requirements as typed would do to the role's bench; shown beside the form, nothing saved.</summary>
    public CareerMap.Reports.BenchChange? Preview { get; private set; }
    /// <summary>The open draft, if any; changes can be saved into it instead of going live.</summary>
    public CareerMap.Framework.Versions.FrameworkVersionView? Draft { get; private set; }
    /// <summary>The form shows the role as the open draft has it (it differs there from the role in effect): it saves only to the draft.</summary>
    [BindProperty] public bool FromDraft { get; set; }
    /// <summary>Errors of requirement rows, by row.</summary>
    public Dictionary<int, List<string>> RowErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        Document = snapshot.Document;
        var role = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (role is null) return NotFound();
        Code = role.Code;
        Translations = Admin.Translations.TranslationState.Of(Document, FrameworkCollections.Roles, role.Code);
        var requirements = Document.Requirements.Where(q => q.Role == role.Code).ToList();
        if (await versions.OpenDocumentAsync(ct) is var (draft, drafted))
        {
            Draft = draft;
            var inDraft = drafted.Roles.FirstOrDefault(r => string.Equals(r.Code, role.Code, StringComparison.OrdinalIgnoreCase));
            var draftRequirements = Requirements(drafted, role.Code);
            if (inDraft is not null && (!FrameworkDiff.Same(inDraft, role) || !FrameworkDiff.Same(draftRequirements, requirements)))
                (FromDraft, role, requirements) = (true, inDraft, draftRequirements);
        }
        Input = new RoleInput
        {
            Title = role.Title, Unit = role.Unit, Family = role.Family, Grade = role.Grade, Level = role.Level,
            Summary = role.Summary, Scope = role.Scope, Duties = string.Join("\n", role.Duties ?? []),
            Version = snapshot.VersionOf(FrameworkCollections.Roles, role.Code) ?? 0,
            RequirementsVersion = snapshot.RequirementsVersionOf(role.Code),
            DraftVersion = Draft?.Version ?? 0,
            Requirements = [.. requirements.OrderBy(q => CompetencyOrder(q.Competency))
                .Select(q => new RequirementRow { Competency = q.Competency, Level = q.Level, Weight = q.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture), Critical = q.Critical })],
        };
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Document = await framework.ExportAsync(ct);
        var current = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        if (!ModelState.IsValid) return Again();
        var (role, rows, requirements) = Typed(current);
        var outcome = await framework.UpdateRoleAsync(Code, role, requirements, Input.Version, Input.RequirementsVersion, ct);
        if (outcome.Status == WriteStatus.Saved) return Redirect($"/roles/{Code}?saved=true");
        return Refused(outcome, rows);
    }

    /// <summary>Saves the role as typed into the open draft (starting one when none is open): nothing changes for anyone until HR adopts it.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string code, CancellationToken ct)
    {
        var live = await framework.ExportAsync(ct);
        Document = live;
        var draft = await versions.OpenDocumentAsync(ct);
        if (draft is var (open, drafted)) (Draft, Document) = (open, drafted);
        var current = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        // Shown again after a refusal: the notice and the draft-only save stay for a role the draft already changed.
        var liveRole = live.Roles.FirstOrDefault(r => string.Equals(r.Code, Code, StringComparison.OrdinalIgnoreCase));
        FromDraft = liveRole is not null && (!FrameworkDiff.Same(current, liveRole) || !FrameworkDiff.Same(Requirements(Document, Code), Requirements(live, Code)));
        if (!ModelState.IsValid) return Again();
        if (draft is null)
        {
            var started = await versions.StartAsync(null, ct);
            if (started.Status != WriteStatus.Saved)
            {
                StaleMessage = started.Message;
                return Again();
            }
            (Draft, Input.DraftVersion) = (started.Draft, started.Draft!.Version);
        }
        var (role, rows, requirements) = Typed(current);
        var outcome = await versions.UpdateRoleAsync(Draft!.Number, Code, role, requirements, Input.DraftVersion == 0 ? null : Input.DraftVersion, ct);
        if (outcome.Status != WriteStatus.Saved) return Refused(outcome, rows);
        TempData[nameof(VersionsModel.Done)] = L["{0} is saved in draft {1}; nobody sees the change until the draft is adopted.", Code, Draft.Number].Value;
        return Redirect("/admin/framework/versions#draft");
    }

    /// <summary>The role and requirements as typed; the rows kept (a competency chosen, not marked for removal) keep their place in the form for their errors.</summary>
    (RoleDto Role, List<(RequirementRow Row, int At)> Rows, List<RequirementDto> Requirements) Typed(RoleDto current)
    {
        var duties = (Input.Duties ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var role = current with
        {
            Title = Input.Title?.Trim() ?? "", Unit = Input.Unit ?? "", Family = Input.Family ?? "", Grade = Input.Grade ?? "", Level = Input.Level,
            Summary = Blank(Input.Summary), Scope = Blank(Input.Scope), Duties = duties,
        };
        var rows = Input.Requirements.Select((r, i) => (Row: r, At: i)).Where(x => !string.IsNullOrWhiteSpace(x.Row.Competency) && !x.Row.Remove).ToList();
        var requirements = rows.Select(x => new RequirementDto(Code, x.Row.Competency!.Trim(), x.Row.Level, Weight(x.Row.Weight), x.Row.Critical)).ToList();
        return (role, rows, requirements);
    }

    IActionResult Refused(WriteOutcome outcome, List<(RequirementRow Row, int At)> rows)
    {
        switch (outcome.Status)
        {
            case WriteStatus.Stale:
                StaleMessage = L["Someone else changed this role or its requirements while you were editing, so your changes were not saved."];
                break;
            case WriteStatus.NotFound:
                return NotFound();
            default:
                foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
                {
                    if (field.StartsWith("requirements[", StringComparison.Ordinal) && int.TryParse(field["requirements[".Length..field.IndexOf(']', StringComparison.Ordinal)], out var at) && at < rows.Count)
                    {
                        if (!RowErrors.TryGetValue(rows[at].At, out var list)) RowErrors[rows[at].At] = list = [];
                        // "(requirements[2])" names another kept row: say which row of the table that is.
                        list.AddRange(messages.Select(m => System.Text.RegularExpressions.Regex.Replace(m, @"\(requirements\[(\d+)\]\)",
                            r => int.TryParse(r.Groups[1].Value, out var other) && other < rows.Count ? L["(row {0})", rows[other].At + 1].Value : r.Value))
                            .Select(m => char.ToUpperInvariant(m[0]) + m[1..] + "."));
                    }
                    else ModelErrors.Add(ModelState, field, messages, Fields);
                }
                if (outcome.Message is { } message && (outcome.Errors is null || outcome.Errors.Count == 0)) StaleMessage = message;
                break;
        }
        return Again();
    }

    IActionResult Again()
    {
        AddBlankRows();
        return Page();
    }

    /// <summary>The role's bench with the requirements as typed, before anyone saves them; every field stays as typed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string code, [FromServices] CareerMap.Reports.SuccessionReport succession, [FromServices] CareerMap.Paths.CareerPaths paths,
        CancellationToken ct)
    {
        Document = await framework.ExportAsync(ct);
        var current = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        Draft = await versions.OpenAsync(ct) is { State: CareerMap.Framework.Versions.FrameworkVersionState.Draft } open ? open : null;
        var needs = new List<CareerMap.Paths.Need>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Input.Requirements.Count; i++)
        {
            var row = Input.Requirements[i];
            if (string.IsNullOrWhiteSpace(row.Competency) || row.Remove) continue;
            var known = Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, row.Competency.Trim(), StringComparison.OrdinalIgnoreCase));
            var problem = known is null ? L["No competency {0} in the framework.", row.Competency]
                : !seen.Add(known.Code) ? L["{0} is asked twice.", known.Name]
                : row.Level < 1 || row.Level > Document.Organization.TopLevel ? L["Choose a level from 1 to {0}.", Document.Organization.TopLevel]
                : Weight(row.Weight) <= 0 ? L["The weight must be more than 0."] : null;
            if (problem is not null) RowErrors[i] = [problem];
            else needs.Add(new(known!.Code, row.Level, Weight(row.Weight), row.Critical));
        }
        if (RowErrors.Count == 0) Preview = await succession.WhatIfAsync(await paths.GraphAsync(ct), Code, needs, null, ct);
        AddBlankRows();
        return Page();
    }

    void AddBlankRows()
    {
        var blanks = Input.Requirements.Count(r => string.IsNullOrWhiteSpace(r.Competency));
        for (var i = blanks; i < BlankRows; i++) Input.Requirements.Add(new RequirementRow { Level = 0 });
    }

    static List<RequirementDto> Requirements(FrameworkDocument document, string role) =>
        [.. document.Requirements.Where(q => string.Equals(q.Role, role, StringComparison.OrdinalIgnoreCase))];

    int CompetencyOrder(string code) => Document.Competencies.FindIndex(c => c.Code == code);

    /// <summary>An unreadable weight becomes 0, which the framework refuses with its own message beside the row.</summary>
    static decimal Weight(string? typed) =>
        decimal.TryParse(typed?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0m;

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
