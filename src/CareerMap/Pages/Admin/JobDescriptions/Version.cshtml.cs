using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Admin.JobDescriptions;

/// <summary>One stored version: the structured description and the suggested competency links HR confirms or corrects.</summary>
public sealed class VersionModel(JobDescriptionLibrary library) : PageModel
{
    public JdVersionView View { get; private set; } = null!;
    public int Imported { get; private set; }
    public bool Confirmed { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int imported, bool confirmed, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is not { } view) return NotFound();
        (View, Imported, Confirmed) = (view, imported, confirmed);
        return Page();
    }

    /// <summary>The form posts link.CODE=on for each chosen competency and level.CODE=N for its level.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is not { } view) return NotFound();
        var form = await Request.ReadFormAsync(ct);
        var links = form.Keys.Where(k => k.StartsWith("link.", StringComparison.Ordinal)).Select(k => k[5..])
            .Select(code => new LinkDecision(code, int.TryParse(form[$"level.{code}"], out var level) ? level : 0)).ToList();
        var problems = await library.ConfirmAsync(id, links, User.Identity?.Name ?? "unknown", ct);
        if (problems.Count == 0) return RedirectToPage(new { id, confirmed = true });
        View = view;
        Problems = [.. problems.Select(p => $"{p.Place}: {p.Message}")];
        return Page();
    }
}
