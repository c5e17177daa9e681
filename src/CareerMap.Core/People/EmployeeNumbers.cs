using System.Text.RegularExpressions;

namespace CareerMap.People;

/// <summary>
/// What an employee number may look like, wherever one enters (roster, SCIM, API, accounts): 1–64 characters, letters,
/// digits and <c>. _ - @</c>, starting with a letter or digit. Numbers travel in page and API addresses, so characters
/// that mean something in a URL (<c>/ ? # %</c>, spaces) are refused at the door rather than escaped forever after.
/// </summary>
public static partial class EmployeeNumbers
{
    public const int MaxLength = 64;

    public const string Rule = "1–64 characters: letters, digits and . _ - @, starting with a letter or digit";

    public static bool IsValid(string? number) => number is not null && Pattern().IsMatch(number);

    /// <summary>Why a number is refused, or null when it is valid.</summary>
    public static string? Problem(string? number) =>
        IsValid(number) ? null : $"'{number}' is not an employee number ({Rule})";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}\z")]
    private static partial Regex Pattern();
}
