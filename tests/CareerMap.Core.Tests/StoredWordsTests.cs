using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerMap.Core.Tests;

/// <summary>A sentence kept in the database is phrased for whoever reads it, and what was kept before reads as it was.</summary>
public sealed class StoredWordsTests
{
    static readonly IStringLocalizer Strings = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    static string In(string culture, string stored)
    {
        var was = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return StoredWords.Phrase(stored, Strings); }
        finally { CultureInfo.CurrentUICulture = was; }
    }

    [Fact]
    public void A_sentence_with_values_is_kept_in_no_language_and_read_in_each_readers()
    {
        IStringLocalizer L = StoredWords.Instance;
        string stored = L["header field '{0}' is empty", "Revisado «sí»"];
        Assert.DoesNotContain("header field 'Revisado", stored);
        Assert.Equal("header field 'Revisado «sí»' is empty", In("en", stored));
        Assert.Equal("el campo de encabezado 'Revisado «sí»' está vacío", In("es-MX", stored));
        Assert.Equal("header field 'Revisado «sí»' is empty", StoredWords.Phrase(stored, EnglishWords.Instance));
    }

    [Fact]
    public void A_sentence_without_values_is_kept_as_its_key_and_old_english_reads_as_it_was()
    {
        IStringLocalizer L = StoredWords.Instance;
        string stored = L["no title found"];
        Assert.Equal("no title found", stored);
        Assert.Equal("no se encontró el título", In("es", stored));
        Assert.Equal("no role for title 'Patient Concierge': HR maps it under Admin → Provisioning → Title aliases",
            In("es", "no role for title 'Patient Concierge': HR maps it under Admin → Provisioning → Title aliases"));
        Assert.Equal("{not a sentence", In("es", "{not a sentence"));
        Assert.Equal("a sentence the app no longer says about x", In("es", """{"text":"a sentence the app no longer says about {0}","values":["x"]}"""));
    }
}
