using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace CareerMap.Reports;

/// <summary>Mobility's figures: CSV holds each role's fills (formula-safe); Excel adds the quarters and the units, numbers as numbers.</summary>
public static class MobilityExport
{
    static readonly string[] RoleHeader = ["role", "title", "unit", "filled", "internal", "hires", "internal_fill_rate", "promoted_out", "median_months_before_promotion"];
    static readonly string[] QuarterHeader = ["quarter", "promotions", "laterals", "step_backs", "cross_functional", "hires"];
    static readonly string[] UnitHeader = ["unit", "unit_name", "promotions", "laterals", "step_backs", "cross_functional", "hires"];

    static IEnumerable<object?[]> Roles(MobilityView view) => view.Roles.Select(r => new object?[]
        { r.Role, r.Title, r.Unit, r.Filled, r.Internal, r.Hires, r.InternalFillRate, r.PromotedOut, r.MedianMonthsBeforePromotion });

    public static byte[] Csv(MobilityView view)
    {
        var csv = new StringBuilder().AppendJoin(',', RoleHeader).Append('\n');
        foreach (var row in Roles(view))
            csv.AppendJoin(',', row.Select(v => v switch
            {
                int n => n.ToString(CultureInfo.InvariantCulture),
                double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                null => "",
                _ => CsvField.Of((string)v),
            })).Append('\n');
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Xlsx(MobilityView view)
    {
        using var wb = new XLWorkbook();
        Sheet(wb, "Roles", RoleHeader, Roles(view));
        Sheet(wb, "Quarters", QuarterHeader, view.Quarters.Select(q => new object?[] { q.Quarter, q.Promotions, q.Laterals, q.StepBacks, q.CrossFunctional, q.Hires }));
        Sheet(wb, "Units", UnitHeader, view.Units.Select(u => new object?[] { u.Unit, u.Name, u.Promotions, u.Laterals, u.StepBacks, u.CrossFunctional, u.Hires }));
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    static void Sheet(XLWorkbook wb, string name, string[] header, IEnumerable<object?[]> rows)
    {
        var sheet = wb.AddWorksheet(name);
        for (var i = 0; i < header.Length; i++) sheet.Cell(1, i + 1).Value = header[i];
        var r = 2;
        foreach (var row in rows)
        {
            // Text goes in as text: a title starting with '=' stays a title.
            for (var i = 0; i < row.Length; i++)
                sheet.Cell(r, i + 1).Value = row[i] switch { int n => n, double d => d, null => "", _ => (string)row[i]! };
            r++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }
}
