using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace CareerMap.Reports;

/// <summary>One table of a report's export: a name (the Excel sheet), its column names, and rows of numbers and text.</summary>
public sealed record ReportTable(string Name, string[] Header, IEnumerable<object?[]> Rows);

/// <summary>
/// How every report's export is written: CSV with RFC 4180 quoting and formula-safe text, Excel with numbers as numbers
/// and text as text (a name starting with '=' stays a name), one sheet per table, header bold and frozen.
/// </summary>
public static class ReportSheet
{
    public static byte[] Csv(ReportTable table)
    {
        var csv = new StringBuilder().AppendJoin(',', table.Header).Append('\n');
        foreach (var row in table.Rows)
            csv.AppendJoin(',', row.Select(v => v switch
            {
                int n => n.ToString(CultureInfo.InvariantCulture),
                double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                null => "",
                _ => CsvField.Of(Convert.ToString(v, CultureInfo.InvariantCulture)),
            })).Append('\n');
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Xlsx(params ReportTable[] tables)
    {
        using var wb = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = wb.AddWorksheet(table.Name);
            for (var i = 0; i < table.Header.Length; i++) sheet.Cell(1, i + 1).Value = table.Header[i];
            var r = 2;
            foreach (var row in table.Rows)
            {
                for (var i = 0; i < row.Length; i++)
                    sheet.Cell(r, i + 1).Value = row[i] switch { int n => n, double d => d, null => "", var v => Convert.ToString(v, CultureInfo.InvariantCulture) };
                r++;
            }
            sheet.Row(1).Style.Font.Bold = true;
            sheet.SheetView.FreezeRows(1);
        }
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }
}
