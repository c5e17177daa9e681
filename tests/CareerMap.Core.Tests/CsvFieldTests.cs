using CsCheck;

namespace CareerMap.Core.Tests;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("=2+3", "\"'=2+3\"")]
    [InlineData("+SUM(1,2)", "\"'+SUM(1,2)\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0", "\"'@SUM(1+1)*cmd|' /C calc'!A0\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=\"a\"", "\"'=\"\"a\"\"\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_a_spreadsheet_would_take_for_a_formula_goes_out_quoted_behind_a_single_quote(string? value, string field) =>
        Assert.Equal(field, CsvField.Of(value));

    [Fact]
    public void No_field_ever_starts_a_formula_and_every_field_reads_back_to_its_text() =>
        Gen.String.Sample(value =>
        {
            var field = CsvField.Of(value);
            var unquoted = field.StartsWith('"') ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
            Assert.False(unquoted.Length > 0 && "=+-@\t\r".Contains(unquoted[0], StringComparison.Ordinal));
            Assert.Equal(value, unquoted.Length > 0 && unquoted[0] == '\'' && value.Length > 0 && value[0] != '\'' ? unquoted[1..] : unquoted);
        });
}
