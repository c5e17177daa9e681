using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace CareerMap.Reports;

/// <summary>The bench as one row per role, the same figures in CSV (formula-safe) and Excel (numbers as numbers).</summary>
public static class SuccessionExport
{
    static readonly string[] Header = ["unit", "unit_name", "role", "title", "grade", "in_role", "ready_now", "within_a_year", "later", "only_ready_now", "interested"];

    static IEnumerable<object?[]> Rows(SuccessionView view) => view.Roles.Select(r => new object?[]
    {
        r.Unit, r.UnitName, r.Role, r.Title, r.Grade, r.Incumbents, r.Bench.ReadyNow, r.Bench.WithinAYear, r.Bench.Later,
        r.OnlyReady is { } p ? $"{p.EmployeeNumber} {p.Name}" : "", r.Interested,
    });

    public static byte[] Csv(SuccessionView view)
    {
        var csv = new StringBuilder().AppendJoin(',', Header).Append('\n');
        foreach (var row in Rows(view))
            csv.AppendJoin(',', row.Select(v => v is int n ? n.ToString(CultureInfo.InvariantCulture) : CsvField.Of((string?)v ?? ""))).Append('\n');
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Xlsx(SuccessionView view)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.AddWorksheet("Succession");
        for (var i = 0; i < Header.Length; i++) sheet.Cell(1, i + 1).Value = Header[i];
        var r = 2;
        foreach (var row in Rows(view))
        {
            // Text goes in as text: a name starting with '=' stays a name.
            for (var i = 0; i < row.Length; i++) sheet.Cell(r, i + 1).Value = row[i] is int n ? n : (string?)row[i] ?? "";
            r++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }
}
