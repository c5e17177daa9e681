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
}

public sealed class EditCompetencyModel(FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public CompetencyInput Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public string? StaleMessage { get; private set; }
    public IReadOnlyList<TranslationState> Translations { get; private set; } = [];
    readonly Dictionary<int, string> levelErrors = [];

    public string? LevelError(int index) => levelErrors.GetValueOrDefault(index);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        var c = snapshot.Document.Competencies.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
        if (c is null) return NotFound();
        Code = c.Code;
        Translations = TranslationState.Of(snapshot.Document, FrameworkCollections.Competencies, c.Code);
        Input = new CompetencyInput
        {
            Name = c.Name, Category = c.Category, Definition = c.Definition, Levels = [.. c.Levels],
            Indicators = string.Join("\n", c.Indicators), Version = snapshot.VersionOf(FrameworkCollections.Competencies, c.Code) ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var current = (await framework.ExportAsync(ct)).Competencies.FirstOrDefault(x => string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        var competency = current with
        {
            Name = Input.Name?.Trim() ?? "", Category = Input.Category ?? "", Definition = Input.Definition?.Trim() ?? "",
            Levels = [.. Input.Levels.Select(l => l?.Trim() ?? "")],
            Indicators = [.. (Input.Indicators ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)],
        };
        var outcome = await framework.UpdateAsync(FrameworkCollections.Competencies, Code, competency, Input.Version, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                return Redirect($"/competencies/{Code}?saved=true");
            case WriteStatus.Stale:
                StaleMessage = L["Someone else changed this competency while you were editing it, so your changes were not saved."];
                return Page();
            case WriteStatus.NotFound:
                return NotFound();
            default:
                foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
                    ModelErrors.Add(ModelState, field, messages, ["name", "category", "definition"], levelErrors);
                return Page();
        }
    }
}
