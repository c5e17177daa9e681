namespace CareerMap.Reports;

/// <summary>Mobility's figures: CSV holds each role's fills; Excel adds the quarters and the units.</summary>
public static class MobilityExport
{
    static ReportTable Roles(MobilityView view) => new("Roles",
        ["role", "title", "unit", "filled", "internal", "hires", "internal_fill_rate", "promoted_out", "median_months_before_promotion"],
        view.Roles.Select(r => new object?[] { r.Role, r.Title, r.Unit, r.Filled, r.Internal, r.Hires, r.InternalFillRate, r.PromotedOut, r.MedianMonthsBeforePromotion }));

    public static byte[] Csv(MobilityView view) => ReportSheet.Csv(Roles(view));

    public static byte[] Xlsx(MobilityView view) => ReportSheet.Xlsx(
        Roles(view),
        new("Quarters", ["quarter", "promotions", "laterals", "step_backs", "cross_functional", "hires"],
            view.Quarters.Select(q => new object?[] { q.Quarter, q.Promotions, q.Laterals, q.StepBacks, q.CrossFunctional, q.Hires })),
        new("Units", ["unit", "unit_name", "promotions", "laterals", "step_backs", "cross_functional", "hires"],
            view.Units.Select(u => new object?[] { u.Unit, u.Name, u.Promotions, u.Laterals, u.StepBacks, u.CrossFunctional, u.Hires })));
}
