namespace CareerMap.People;

/// <summary>
/// Per row of a <see cref="RatingIndex"/>: months in role on the index's day, months in contact centers, and who speaks each language and holds each
/// credential (the rows of each, ascending; names compared without case, as the route estimate does).
/// </summary>
public sealed class PrerequisiteFacts(int[] monthsInRole, int[] contactCenterMonths, IReadOnlyDictionary<string, int[]> holders)
{
    internal const string Language = "language:", Credential = "credential:";

    public int MonthsInRole(int row) => monthsInRole[row];

    public int ContactCenterMonths(int row) => contactCenterMonths[row];

    /// <summary>The rows of everyone who speaks the language, ascending.</summary>
    public int[] Speakers(string language) => holders.GetValueOrDefault(Language + language) ?? [];

    /// <summary>The rows of everyone who holds the credential (a certification, license or education), ascending.</summary>
    public int[] HoldersOf(string credential) => holders.GetValueOrDefault(Credential + credential) ?? [];
}
