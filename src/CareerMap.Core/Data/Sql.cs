namespace CareerMap.Data;

public static class Sql
{
    /// <summary>Why a query compares with parameterless ToLower()/Contains(string): EF Core turns only those into SQL lower()/LIKE.</summary>
    public const string CaseInsensitiveMatch =
        "Runs inside an EF Core query: parameterless ToLower() and Contains(string) become SQL lower() and LIKE; the culture and StringComparison overloads cannot be translated.";
}
