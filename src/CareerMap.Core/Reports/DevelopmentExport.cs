using CareerMap.Plans;

namespace CareerMap.Reports;

/// <summary>
/// Development health as one long table (measure, item, value), the same in CSV and Excel; Excel adds the actions by
/// strategy as a sheet of their own.
/// </summary>
public static class DevelopmentExport
{
    static ReportTable Figures(DevelopmentHealthView view) => new("Development", ["measure", "item", "value"],
    [
        ["cycle", "", view.Cycle],
        ["unit", "", view.Unit ?? "(every unit)"],
        ["people", "", view.People],
        ["people_with_plan", "", view.WithPlan],
        .. view.Plans.Select(p => new object?[] { "plans", WireNames.Of(p.Status), p.Plans }),
        ["reviews_overdue", "", view.Overdue],
        ["gaps", "", view.Gaps],
        ["gaps_with_action", "", view.GapsWithAction],
        ["approvals", "", view.Approvals],
        ["median_days_to_approval", "", view.MedianDaysToApproval],
        ["ratings", "manager", view.Coverage.ManagerRated],
        ["ratings", "self_only", view.Coverage.SelfRatedOnly],
        ["ratings", "none", view.Coverage.NotAssessed],
        .. view.Actions.SelectMany(a => new object?[][]
        {
            ["actions_not_started", a.Strategy ?? "(none)", a.NotStarted],
            ["actions_in_progress", a.Strategy ?? "(none)", a.InProgress],
            ["actions_done", a.Strategy ?? "(none)", a.Done],
        }),
    ]);

    static ReportTable Actions(DevelopmentHealthView view) => new("Actions", ["strategy", "not_started", "in_progress", "done"],
        view.Actions.Select(a => new object?[] { a.Strategy ?? "(none)", a.NotStarted, a.InProgress, a.Done }));

    public static byte[] Csv(DevelopmentHealthView view) => ReportSheet.Csv(Figures(view));

    public static byte[] Xlsx(DevelopmentHealthView view) => ReportSheet.Xlsx(Figures(view), Actions(view));
}
