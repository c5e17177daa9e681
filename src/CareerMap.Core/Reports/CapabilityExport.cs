namespace CareerMap.Reports;

/// <summary>The heatmap as one row per group and competency, the same figures in CSV and Excel.</summary>
public static class CapabilityExport
{
    static ReportTable Table(CapabilityHeatmap map) => new("Capability",
        ["group", "group_name", "people_in_group", "competency", "competency_name", "people_asked", "meeting", "share_meeting", "average_gap", "manager_rated", "coverage"],
        map.Rows.Append(map.Total with { Group = "(total)", Name = "(total)" })
            .SelectMany(r => map.Competencies.Select((c, i) => (Row: r, Column: c, Cell: r.Cells[i])))
            .Where(x => x.Cell is not null)
            .Select(x => new object?[] { x.Row.Group, x.Row.Name, x.Row.People, x.Column.Code, x.Column.Name, x.Cell!.People, x.Cell.Meeting, x.Cell.ShareMeeting,
                x.Cell.AverageGap, x.Cell.ManagerRated, x.Cell.Coverage }));

    public static byte[] Csv(CapabilityHeatmap map) => ReportSheet.Csv(Table(map));

    public static byte[] Xlsx(CapabilityHeatmap map) => ReportSheet.Xlsx(Table(map));
}
