using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CareerMap;

/// <summary>
/// The app's words as they are stored: each key itself, the English, whatever the reader's language. For the few fixed
/// texts kept in the database (a plan's reflection questions, "Plan started") that are phrased for the reader when shown.
/// </summary>
public sealed class StoredWords : IStringLocalizer
{
    public static readonly StoredWords Instance = new();

    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
