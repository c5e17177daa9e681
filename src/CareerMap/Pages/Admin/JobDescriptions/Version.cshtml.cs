using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Admin.JobDescriptions;

/// <summary>One stored version: the structured description and the suggested competency links HR confirms or corrects.</summary>
public sealed class VersionModel(JobDescriptionLibrary library, CareerMap.Framework.FrameworkService framework) : PageModel
{
    public JdVersionView View { get; private set; } = null!;
    /// <summary>The framework in the reader's language: the names of the role and its competencies, and for a proposal the units, families and grades to place the new role.</summary>
    public CareerMap.Framework.FrameworkDocument Framework { get; private set; } = new();
    [BindProperty] public NewRole Input { get; set; } = new();

    public sealed class NewRole
    {
        public string? Code { get; set; }
        public string? Unit { get; set; }
        public string? Family { get; set; }
        public string? Grade { get; set; }
        public int Level { get; set; } = 1;
    }
    public int Imported { get; private set; }
    public bool Confirmed { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int imported, bool confirmed, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is not { } view) return NotFound();
        (View, Imported, Confirmed) = (view, imported, confirmed);
        Framework = (await framework.ReadingAsync(ct)).Document;
        return Page();
    }

    public async Task<IActionResult> OnPostAddRoleAsync(int id, CancellationToken ct)
    {
        if (await library.GetAsync(id, ct) is not { } view) return NotFound();
        var errors = await library.AddRoleAsync(id, Input.Code, Input.Unit, Input.Family, Input.Grade, Input.Level, ct);
        if (errors.Count == 0) return RedirectToPage(new { id });
        foreach (var (field, messages) in errors)
            foreach (var message in messages)
                ModelState.AddModelError(field.Split('[', '.')[0] is var root && root is "code" or "unit" or "family" or "grade" or "level" ? $"Input.{char.ToUpperInvariant(root[0])}{root[1..]}" : "", message);
        View = view;
        Framework = (await framework.ReadingAsync(ct)).Document;
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
        Framework = (await framework.ReadingAsync(ct)).Document;
        Problems = [.. problems.Select(p => $"{p.Place}: {p.Message}")];
        return Page();
    }

    /// <summary>The described role's title as the reader reads it; the description itself stays as it was written.</summary>
    public string RoleTitle => Framework.Roles.FirstOrDefault(r => r.Code == View.Role)?.Title ?? View.RoleTitle ?? "";

    public string CompetencyName(CompetencyMatch match) => Framework.Competencies.FirstOrDefault(c => c.Code == match.Code)?.Name ?? match.Name;
}
