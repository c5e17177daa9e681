namespace CareerMap.Reports;

/// <summary>The bench as one row per role, the same figures in CSV and Excel.</summary>
public static class SuccessionExport
{
    static ReportTable Table(SuccessionView view) => new("Succession",
        ["unit", "unit_name", "role", "title", "grade", "in_role", "ready_now", "within_a_year", "later", "only_ready_now", "interested"],
        view.Roles.Select(r => new object?[]
        {
            r.Unit, r.UnitName, r.Role, r.Title, r.Grade, r.Incumbents, r.Bench.ReadyNow, r.Bench.WithinAYear, r.Bench.Later,
            r.OnlyReady is { } p ? $"{p.EmployeeNumber} {p.Name}" : "", r.Interested,
        }));

    public static byte[] Csv(SuccessionView view) => ReportSheet.Csv(Table(view));

    public static byte[] Xlsx(SuccessionView view) => ReportSheet.Xlsx(Table(view));
}
