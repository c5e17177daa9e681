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

    public bool Speaks(int row, string language) => Has(Language + language, row);

    public bool Holds(int row, string credential) => Has(Credential + credential, row);

    bool Has(string key, int row) => holders.TryGetValue(key, out var rows) && Array.BinarySearch(rows, row) >= 0;
}
