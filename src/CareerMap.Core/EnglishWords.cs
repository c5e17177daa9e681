using System.Globalization;
using Microsoft.Extensions.Localization;

namespace CareerMap;

/// <summary>
/// The app's sentences in English, as the code writes them (English is every key, so no resource is read): for what is
/// read with no reader to ask, such as the operator's log.
/// </summary>
public sealed class EnglishWords : IStringLocalizer<SharedResource>
{
    public static readonly EnglishWords Instance = new();

    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
