using CareerMap.Framework;
using CareerMap.Pages.Admin.Translations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

public sealed class CompetencyInput
{
    public string? Name { get; set; }
    public string? Category { get; set; }
    public string? Definition { get; set; }
    public List<string?> Levels { get; set; } = [];
    public string? Indicators { get; set; }
    public int Version { get; set; }
    /// <summary>The open draft's version as the form was drawn; 0 when no draft was open.</summary>
    public int DraftVersion { get; set; }
}

public sealed class EditCompetencyModel(FrameworkService framework, CareerMap.Framework.Versions.FrameworkVersions versions, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public CompetencyInput Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public string? StaleMessage { get; private set; }
    public IReadOnlyList<TranslationState> Translations { get; private set; } = [];
    /// <summary>The open draft, if any; changes can be saved into it instead of going live.</summary>
    public CareerMap.Framework.Versions.FrameworkVersionView? Draft { get; private set; }
    /// <summary>The form shows the competency as the open draft has it (it differs there from the one in effect): it saves only to the draft.</summary>
    [BindProperty] public bool FromDraft { get; set; }
    readonly Dictionary<int, string> levelErrors = [];

    public string? LevelError(int index) => levelErrors.GetValueOrDefault(index);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        var c = snapshot.Document.Competencies.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
        if (c is null) return NotFound();
        Code = c.Code;
        Translations = TranslationState.Of(snapshot.Document, FrameworkCollections.Competencies, c.Code);
        var version = snapshot.VersionOf(FrameworkCollections.Competencies, c.Code) ?? 0;
        if (await versions.OpenDocumentAsync(ct) is var (draft, drafted))
        {
            Draft = draft;
            if (drafted.Competencies.FirstOrDefault(x => string.Equals(x.Code, c.Code, StringComparison.OrdinalIgnoreCase)) is { } inDraft && !FrameworkDiff.Same(inDraft, c))
                (FromDraft, c) = (true, inDraft);
        }
        Input = new CompetencyInput
        {
            Name = c.Name, Category = c.Category, Definition = c.Definition, Levels = [.. c.Levels],
            Indicators = string.Join("\n", c.Indicators), Version = version, DraftVersion = Draft?.Version ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var current = (await framework.ExportAsync(ct)).Competencies.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        var outcome = await framework.UpdateAsync(FrameworkCollections.Competencies, Code, Typed(current), Input.Version, ct);
        if (outcome.Status == WriteStatus.Saved) return Redirect($"/competencies/{Code}?saved=true");
        return Refused(outcome);
    }

    /// <summary>Saves the competency as typed into the open draft (starting one when none is open): nothing changes for anyone until HR adopts it.</summary>
    public async Task<IActionResult> OnPostDraftAsync(string code, CancellationToken ct)
    {
        var live = (await framework.ExportAsync(ct)).Competencies.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
        var draft = await versions.OpenDocumentAsync(ct);
        var current = draft is var (open, drafted) ? drafted.Competencies.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase)) : live;
        if (current is null) return NotFound();
        Code = current.Code;
        Draft = draft?.Draft;
        // Shown again after a refusal: the notice and the draft-only save stay for a competency the draft already changed.
        FromDraft = live is not null && !FrameworkDiff.Same(current, live);
        if (draft is null)
        {
            var started = await versions.StartAsync(null, ct);
            if (started.Status != WriteStatus.Saved)
            {
                StaleMessage = started.Message;
                return Page();
            }
            (Draft, Input.DraftVersion) = (started.Draft, started.Draft!.Version);
        }
        var outcome = await versions.UpdateItemAsync(Draft!.Number, FrameworkCollections.Competencies, Code, Typed(current), Input.DraftVersion == 0 ? null : Input.DraftVersion, ct);
        if (outcome.Status != WriteStatus.Saved) return Refused(outcome);
        TempData[nameof(VersionsModel.Done)] = L["{0} is saved in draft {1}; nobody sees the change until the draft is adopted.", Code, Draft.Number].Value;
        return Redirect("/admin/framework/versions#draft");
    }

    CompetencyDto Typed(CompetencyDto current) => current with
    {
        Name = Input.Name?.Trim() ?? "", Category = Input.Category ?? "", Definition = Input.Definition?.Trim() ?? "",
        Levels = [.. Input.Levels.Select(l => l?.Trim() ?? "")],
        Indicators = [.. (Input.Indicators ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)],
    };

    IActionResult Refused(WriteOutcome outcome)
    {
        switch (outcome.Status)
        {
            case WriteStatus.Stale:
                StaleMessage = L["Someone else changed this competency while you were editing it, so your changes were not saved."];
                return Page();
            case WriteStatus.NotFound:
                return NotFound();
            default:
                foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
                    ModelErrors.Add(ModelState, field, messages, ["name", "category", "definition"], levelErrors);
                if (outcome.Message is { } message && (outcome.Errors is null || outcome.Errors.Count == 0)) StaleMessage = message;
                return Page();
        }
    }
}
