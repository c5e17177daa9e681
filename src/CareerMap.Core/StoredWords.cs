using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace CareerMap;

/// <summary>
/// The app's words as they are stored: each key itself, the English, whatever the reader's language; a sentence with
/// values as its key beside its values (a small JSON object), so that no value has to be picked back out of a sentence.
/// For the texts kept in the database (a plan's reflection questions, "Plan started", why a provisioned user waits,
/// what the job-description reader noticed) that are phrased for the reader when shown, by <see cref="Phrase"/>.
/// </summary>
public sealed class StoredWords : IStringLocalizer
{
    public static readonly StoredWords Instance = new();

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A sentence as kept: numbers stay numbers, so each reader sees them written their way (2,000,001 or 2.000.001).</summary>
    sealed record Sentence(string Text, IReadOnlyList<object> Values);

    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] =>
        new(name, JsonSerializer.Serialize(new Sentence(name, [.. arguments.Select(Keep)]), Json));

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

    /// <summary>
    /// A stored text in the reader's language. Plain text is a key, or English stored before sentences kept their values
    /// apart, which is shown as it is; so is a sentence the app no longer says.
    /// </summary>
    public static string Phrase(string stored, IStringLocalizer reader)
    {
        if (Read(stored) is not { } sentence) return reader[stored];
        // The key comes back from the database: where the sentence was made it was looked up by its literal text, which is
        // where the language test checks that it has its Spanish.
        return reader[sentence.Text, [.. sentence.Values.Select(Restore)]];
    }

    static object Keep(object? value) => value is int or long or decimal or double ? value : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    static object Restore(object? kept) => kept is JsonElement { ValueKind: JsonValueKind.Number } number
        ? number.TryGetInt64(out var whole) ? whole : number.GetDecimal()
        : kept is JsonElement { ValueKind: JsonValueKind.String } text ? text.GetString()! : kept?.ToString() ?? "";

    static Sentence? Read(string stored)
    {
        if (!stored.StartsWith('{')) return null;
        try
        {
            return JsonSerializer.Deserialize<Sentence>(stored, Json) is { Text: not null, Values: not null } sentence ? sentence : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
