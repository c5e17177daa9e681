using CareerMap.Framework;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Admin.Translations;

/// <summary>What of the framework people reading another language still see in the organization's language.</summary>
public sealed class IndexModel(FrameworkService framework) : PageModel
{
    public string Language { get; private set; } = "";
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public string OwnLanguage { get; private set; } = "";
    public IReadOnlyList<MissingTranslation> Missing { get; private set; } = [];
    public int Items { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? language, CancellationToken ct)
    {
        var document = (await framework.SnapshotAsync(ct)).Document;
        OwnLanguage = document.Organization.Language;
        Languages = [.. Infrastructure.Languages.Supported.Where(l => l != OwnLanguage)];
        if (Languages.Count == 0) return Page();
        Language = Infrastructure.Languages.Normalize(language) is { } asked && Languages.Contains(asked) ? asked : Languages[0];
        Missing = FrameworkTranslations.Missing(document, Language);
        Items = FrameworkCollections.Translatable.Sum(c => c.Keyed(document).Count());
        return Page();
    }
}
