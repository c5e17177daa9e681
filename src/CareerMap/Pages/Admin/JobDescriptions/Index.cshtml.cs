using CareerMap.Framework;
using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin.JobDescriptions;

/// <summary>The job-description library: upload a description, see every stored version.</summary>
public sealed class IndexModel(JobDescriptionLibrary library, FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<JdVersionSummary> Versions { get; private set; } = [];
    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Role { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null) ModelState.AddModelError(nameof(Upload), L["Choose a job description file (.txt, .docx or .pdf)."]);
        else
        {
            await using var stream = Upload.OpenReadStream();
            var (stored, problem) = await library.ImportAsync(stream, Upload.FileName, string.IsNullOrWhiteSpace(Role) ? null : Role, User.Identity?.Name ?? "unknown",
                L["upload one file per role, or choose \"The role with its title\" so that each description goes to its own role"], ct);
            if (problem is null) return RedirectToPage("Version", new { id = stored[0].Id, imported = stored.Count });
            ModelState.AddModelError(problem.Field == "role" ? nameof(Role) : nameof(Upload), problem.Message);
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Versions = await library.VersionsAsync(null, ct);
        Roles = ((await framework.ReadingAsync(ct)).Document).Roles;
    }
}
