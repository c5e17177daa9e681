using CareerMap.Framework;

namespace CareerMap.Pages.Admin.Translations;

/// <summary>How far one item is translated into a language the app speaks besides the framework's own, for its edit page.</summary>
public sealed record TranslationState(string Collection, string Code, string Language, IReadOnlyList<string> Missing)
{
    public static IReadOnlyList<TranslationState> Of(FrameworkDocument document, IFrameworkCollection collection, string code) =>
        [.. Infrastructure.Languages.Supported.Where(l => l != document.Organization.Language).Select(l => new TranslationState(collection.Name, code, l,
            FrameworkTranslations.Missing(document, l).FirstOrDefault(m => m.Collection == collection && string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase))?.Fields ?? []))];
}
