using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace CareerMap.Reports;

/// <summary>The heatmap as one row per group and competency, the same figures in CSV (formula-safe) and Excel (numbers as numbers).</summary>
public static class CapabilityExport
{
    static readonly string[] Header = ["group", "group_name", "people_in_group", "competency", "competency_name", "people_asked", "meeting", "share_meeting", "average_gap", "manager_rated", "coverage"];

    static IEnumerable<(CapabilityRow Row, CapabilityColumn Column, CapabilityCell Cell)> Cells(CapabilityHeatmap map) =>
        map.Rows.Append(map.Total with { Group = "(total)", Name = "(total)" })
            .SelectMany(r => map.Competencies.Select((c, i) => (r, c, r.Cells[i])).Where(x => x.Item3 is not null).Select(x => (x.r, x.c, x.Item3!)));

    public static byte[] Csv(CapabilityHeatmap map)
    {
        var csv = new StringBuilder().AppendJoin(',', Header).Append('\n');
        foreach (var (row, column, cell) in Cells(map))
            csv.AppendJoin(',', [CsvField.Of(row.Group), CsvField.Of(row.Name), Number(row.People), CsvField.Of(column.Code), CsvField.Of(column.Name), Number(cell.People),
                Number(cell.Meeting), Number(cell.ShareMeeting), Number(cell.AverageGap), Number(cell.ManagerRated), Number(cell.Coverage)]).Append('\n');
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    public static byte[] Xlsx(CapabilityHeatmap map)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.AddWorksheet("Capability");
        for (var i = 0; i < Header.Length; i++) sheet.Cell(1, i + 1).Value = Header[i];
        var r = 2;
        foreach (var (row, column, cell) in Cells(map))
        {
            // Text goes in as text: a name starting with '=' stays a name.
            sheet.Cell(r, 1).Value = row.Group; sheet.Cell(r, 2).Value = row.Name; sheet.Cell(r, 3).Value = row.People;
            sheet.Cell(r, 4).Value = column.Code; sheet.Cell(r, 5).Value = column.Name; sheet.Cell(r, 6).Value = cell.People;
            sheet.Cell(r, 7).Value = cell.Meeting; sheet.Cell(r, 8).Value = cell.ShareMeeting; sheet.Cell(r, 9).Value = cell.AverageGap;
            sheet.Cell(r, 10).Value = cell.ManagerRated; sheet.Cell(r, 11).Value = cell.Coverage;
            r++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        wb.SaveAs(stream);
        return stream.ToArray();
    }

    static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
