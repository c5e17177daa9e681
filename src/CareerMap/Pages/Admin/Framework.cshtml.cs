using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Framework.Moodle;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

/// <summary>HR's exchange of the competency framework as CASE 1.1 and as Moodle's CSV: download, or upload one to check or import.</summary>
public sealed class FrameworkModel(CaseExchange cases, MoodleExchange moodle, FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public CaseImportReport? Report { get; private set; }
    [BindProperty] public IFormFile? MoodleUpload { get; set; }
    public ImportReport? MoodleReport { get; private set; }
    public string? UploadName { get; private set; }
    public int Competencies { get; private set; }

    string RequestBase => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    public string DocumentsUrl => $"{RequestBase}/ims/case/v1p1/CFDocuments";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await cases.WriteAsync(buffer, RequestBase, ct);
        var code = (await framework.SnapshotAsync(ct)).Document.Organization.Code.ToLowerInvariant();
        return File(buffer.ToArray(), "application/json", $"{code}-competencies-case.json");
    }

    public async Task<IActionResult> OnPostAsync(bool dryRun, CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), L["Choose a CASE package (.json) to check or import."]);
        else
        {
            UploadName = Upload.FileName;
            await using var stream = Upload.OpenReadStream();
            Report = await cases.ImportAsync(stream, dryRun, RequestBase, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetMoodleAsync(CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await moodle.WriteAsync(buffer, ct);
        var code = (await framework.SnapshotAsync(ct)).Document.Organization.Code.ToLowerInvariant();
        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"{code}-competencies-moodle.csv");
    }

    public async Task<IActionResult> OnPostMoodleAsync(bool dryRun, CancellationToken ct)
    {
        if (MoodleUpload is null || MoodleUpload.Length == 0) ModelState.AddModelError(nameof(MoodleUpload), L["Choose a Moodle competency framework CSV (.csv) to check or import."]);
        else
        {
            UploadName = MoodleUpload.FileName;
            await using var stream = MoodleUpload.OpenReadStream();
            MoodleReport = await moodle.ImportAsync(stream, dryRun, ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct) => Competencies = (await framework.SnapshotAsync(ct)).Document.Competencies.Count;

    /// <summary>What the import changed or would change in the competencies, one line per kind of change.</summary>
    public IEnumerable<string> Changes(FrameworkDiff? diff)
    {
        if (diff is null) yield break;
        if (diff.OrganizationChanged) yield return L["The organization changes (its top level, or, in an empty database, its name and code)."];
        var c = diff.For(FrameworkCollections.Competencies);
        if (c.Added.Count > 0) yield return L["Competencies added: {0}", string.Join(", ", c.Added)];
        if (c.Changed.Count > 0) yield return L["Competencies changed: {0}", string.Join(", ", c.Changed.Select(x => x.Key))];
        if (c.Removed.Count > 0) yield return L["Competencies removed: {0}", string.Join(", ", c.Removed)];
    }
}
