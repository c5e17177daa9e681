namespace CareerMap;

/// <summary>
/// How the app writes one CSV field, for every CSV it hands out: RFC 4180 quoting, and a cell a spreadsheet would take
/// for a formula (starting with <c>= + - @</c>, tab or carriage return) is prefixed with a single quote and quoted, as the
/// OWASP CSV injection guidance asks, so opening an export never runs what someone typed into a name.
/// </summary>
public static class CsvField
{
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    static readonly char[] NeedQuotes = [',', '"', '\n', '\r'];

    public static string Of(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var formula = FormulaStarts.Contains(value[0]);
        if (!formula && value.IndexOfAny(NeedQuotes) < 0) return value;
        return $"\"{(formula ? "'" : "")}{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
