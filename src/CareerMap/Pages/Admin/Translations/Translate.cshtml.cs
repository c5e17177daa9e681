using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin.Translations;

/// <summary>One item's texts beside their translation into one language, saved together with the item's version.</summary>
public sealed class TranslateModel(FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty]
    public Dictionary<string, string?> Texts { get; set; } = [];
    [BindProperty]
    public int Version { get; set; }
    /// <summary>Stale translations HR checked and kept as still right for the edited original.</summary>
    [BindProperty]
    public List<string> Confirmed { get; set; } = [];
    public IFrameworkCollection Collection { get; private set; } = FrameworkCollections.Competencies;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string OwnLanguage { get; private set; } = "";
    public IReadOnlyList<TranslatableText> Fields { get; private set; } = [];
    public string? StaleMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string collection, string code, string? language, CancellationToken ct)
    {
        if (!await ReadAsync(collection, code, language, ct)) return NotFound();
        Texts = Fields.ToDictionary(f => f.Key, f => f.Translated);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string collection, string code, string? language, CancellationToken ct)
    {
        if (!await ReadAsync(collection, code, language, ct)) return NotFound();
        var outcome = await framework.TranslateAsync(Collection, Code, Language, Texts, Version, Confirmed.ToHashSet(), ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                return Redirect($"/admin/translations/{Collection.Name}/{Code}?language={Language}&saved=true");
            case WriteStatus.NotFound:
                return NotFound();
            case WriteStatus.Stale:
                StaleMessage = L["Someone else changed this item while you were translating it, so your translation was not saved. Your text is still in the form; reload to see theirs."];
                return Page();
            default:
                foreach (var message in (outcome.Errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value).DefaultIfEmpty(outcome.Message ?? ""))
                    ModelState.AddModelError("", message);
                return Page();
        }
    }

    async Task<bool> ReadAsync(string collection, string code, string? language, CancellationToken ct)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        OwnLanguage = snapshot.Document.Organization.Language;
        Language = Infrastructure.Languages.Normalize(language) ?? "";
        if (FrameworkCollections.Named(collection) is not { } found || !FrameworkCollections.Translatable.Contains(found)) return false;
        if (Language.Length == 0 || Language == OwnLanguage) return false;
        var item = found.Keyed(snapshot.Document).FirstOrDefault(i => string.Equals(i.Key, code, StringComparison.OrdinalIgnoreCase));
        if (item.Item is null) return false;
        Collection = found;
        Code = item.Key;
        Fields = FrameworkTranslations.Texts(item.Item, Language);
        Name = Fields.Count > 0 ? Fields[0].Original : Code;
        if (Request.Method == HttpMethods.Get) Version = snapshot.VersionOf(found, Code) ?? 0;
        return true;
    }
}
