using System.Text.Json;

namespace CareerMap;

/// <summary>
/// How enum values are named outside the code: kebab-case (<c>changes-requested</c>, <c>step-back</c>). The web app's one
/// JSON enum converter uses <see cref="Policy"/>; pages and forms name values through <see cref="Of{T}"/>.
/// </summary>
public static class WireNames
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.KebabCaseLower;

    public static string Of<T>(T value) where T : struct, Enum => Policy.ConvertName(value.ToString());

    /// <summary>The value a person or client named, forgiving case, dashes and spaces ("In progress", "checkin"); null if none.</summary>
    public static T? Parse<T>(string? text) where T : struct, Enum
    {
        var squeezed = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (squeezed.Length == 0 || char.IsAsciiDigit(squeezed[0])) return null;
        return Enum.TryParse<T>(squeezed, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
    }
}
