using CareerMap.Framework;

namespace CareerMap.Pages.Admin.Translations;

/// <summary>How far one item is translated into a language the app speaks besides the framework's own, for its edit page.</summary>
public sealed record TranslationState(string Collection, string Code, string Language, IReadOnlyList<string> Missing, IReadOnlyList<string> Stale)
{
    public static IReadOnlyList<TranslationState> Of(FrameworkDocument document, IFrameworkCollection collection, string code) =>
        [.. Infrastructure.Languages.Supported.Where(l => l != document.Organization.Language).Select(l =>
            FrameworkTranslations.Missing(document, l).FirstOrDefault(m => m.Collection == collection && string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase)) is { } m
                ? new TranslationState(collection.Name, code, l, m.Fields, m.Stale)
                : new TranslationState(collection.Name, code, l, [], []))];
}
