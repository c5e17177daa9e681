using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Admin.JobDescriptions;

/// <summary>Every version of a role's description, and a side-by-side diff of any two.</summary>
public sealed class HistoryModel(JobDescriptionLibrary library, CareerMap.Framework.FrameworkService framework) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Role { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public IReadOnlyList<JdVersionSummary> Versions { get; private set; } = [];
    public IReadOnlyList<DiffLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Versions = await library.VersionsAsync(Role, ct);
        // A role with no description yet has an empty history (and a way to upload one); only an unknown role is not found.
        if (Versions.Count == 0)
            return (await framework.SnapshotAsync(ct)).Document.Roles.Any(r => string.Equals(r.Code, Role, StringComparison.OrdinalIgnoreCase)) ? Page() : NotFound();
        // Newest against the one before it, unless two are chosen.
        To ??= Versions[0].Id;
        From ??= Versions.Count > 1 ? Versions[1].Id : Versions[0].Id;
        Lines = await library.DiffAsync(From.Value, To.Value, ct) ?? [];
        return Page();
    }

    /// <summary>The number of a listed version, or a dash for an id that is none of them.</summary>
    public string NumberOf(int? id) => Versions.FirstOrDefault(v => v.Id == id)?.Number.ToString(System.Globalization.CultureInfo.CurrentCulture) ?? "—";
}
