using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Framework.Formats;
using CareerMap.Framework.Versions;
using CareerMap.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

/// <summary>HR's framework versions: the open draft with what adopting it would do, adoption with an effective day, and the history.</summary>
public sealed class VersionsModel(FrameworkVersions versions, DraftEffect effect, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<FrameworkVersionView> History { get; private set; } = [];
    public FrameworkVersionView? Open { get; private set; }
    public DraftPreview? Preview { get; private set; }
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string? Refusal { get; private set; }
    [TempData] public string? Done { get; set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public DateOnly? EffectiveOn { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public int DraftVersion { get; set; }

    public DateOnly Today { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var outcome = await versions.StartAsync(Name, ct);
        if (outcome.Status == WriteStatus.Saved) return Finished(L["Draft {0} is open. Edit roles and save them to the draft, or upload a framework file into it.", outcome.Draft!.Number]);
        return await RefusedAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(int number, CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), L["Choose a framework file (.json or .xlsx) to put into the draft."]);
            await LoadAsync(ct);
            return Page();
        }
        await using var stream = new MemoryStream();
        await Upload.CopyToAsync(stream, ct);
        stream.Position = 0;
        var read = FrameworkFiles.Read(stream, Upload.FileName, L);
        var outcome = read.Document is null ? new DraftOutcome(WriteStatus.Invalid, Problems: read.Problems)
            : await versions.ReplaceAsync(number, read.Document, read.Place, DraftVersion, read.Problems, ct);
        if (outcome.Status == WriteStatus.Saved) return Finished(L["{0} is in draft {1}; nothing is live until the draft is adopted.", Upload.FileName, number]);
        return await RefusedAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostAdoptAsync(int number, CancellationToken ct)
    {
        var outcome = await versions.AdoptAsync(number, EffectiveOn, Note, DraftVersion, ct);
        if (outcome.Status != WriteStatus.Saved) return await RefusedAsync(outcome, ct);
        var day = outcome.Draft!.EffectiveOn ?? default;
        return Finished(outcome.Draft.State == FrameworkVersionState.Scheduled
            ? L["Draft {0} takes effect on {1}; until then the framework stays as it is.", number, day.ToString("d", System.Globalization.CultureInfo.CurrentCulture)]
            : L["Draft {0} is adopted and in effect from today.", number]);
    }

    public async Task<IActionResult> OnPostDiscardAsync(int number, CancellationToken ct)
    {
        var outcome = await versions.DiscardAsync(number, ct);
        return outcome.Status == WriteStatus.Saved ? Finished(L["Draft {0} is discarded; the framework did not change.", number]) : await RefusedAsync(outcome, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(int number, string? format, [FromServices] CaseExchange cases, CancellationToken ct)
    {
        var file = await versions.FileAsync(number, format ?? "json", cases, $"{Request.Scheme}://{Request.Host}{Request.PathBase}", ct);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.Name);
    }

    IActionResult Finished(string message)
    {
        Done = message;
        return RedirectToPage();
    }

    async Task<IActionResult> RefusedAsync(DraftOutcome outcome, CancellationToken ct)
    {
        Refusal = outcome.Message ?? L["Nothing was saved."];
        Problems = outcome.Problems ?? [];
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Today = HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today();
        History = await versions.ListAsync(ct: ct);
        Open = await versions.OpenAsync(ct);
        if (Open is { State: FrameworkVersionState.Draft }) Preview = await effect.PreviewAsync(Open.Number, ct);
    }

    /// <summary>A collection's changes in words, one line per kind.</summary>
    public IEnumerable<string> Lines(CollectionDiff diff)
    {
        if (FrameworkCollections.Named(diff.Collection) is not { } c) yield break;
        if (diff.Added.Count > 0) yield return L["Added: {0}", string.Join(", ", diff.Added.Select(k => c.Item(k, L)))];
        if (diff.Changed.Count > 0) yield return L["Changed: {0}", string.Join(", ", diff.Changed.Select(k => c.Item(k.Key, L)))];
        if (diff.Removed.Count > 0) yield return L["Removed: {0}", string.Join(", ", diff.Removed.Select(k => c.Item(k, L)))];
    }

    public string State(FrameworkVersionView v) => v.State switch
    {
        FrameworkVersionState.Draft => L["Draft"],
        FrameworkVersionState.Scheduled => L["Scheduled"],
        FrameworkVersionState.Adopted => L["Adopted"],
        _ => L["Discarded"],
    };

    public string What(FrameworkVersionView v) => v.Kind switch
    {
        FrameworkChangeKind.Edit => L["Edited: {0}", FrameworkVersions.Describe(v, L) ?? ""],
        FrameworkChangeKind.Import => v.BasedOn is null && v.EffectiveOn is null ? L["The framework as first kept"] : L["Imported from a file"],
        _ => v.Subject is { } name ? L["Draft “{0}”", name] : L["Draft"],
    };
}
