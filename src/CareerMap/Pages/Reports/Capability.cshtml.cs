using CareerMap.Access;
using CareerMap.Paths;
using CareerMap.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Reports;

/// <summary>Which figure the heatmap's colour and number show.</summary>
public enum CapabilityMeasure { Meeting, Gap, Coverage }

/// <summary>The capability heatmap among the people the viewer may see: a manager their line, HR everyone.</summary>
public sealed class CapabilityModel(CapabilityReport report, CareerPaths paths, PeopleAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public CapabilityGrouping By { get; set; } = CapabilityGrouping.Unit;
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public CapabilityMeasure Measure { get; set; } = CapabilityMeasure.Meeting;
    /// <summary>By team: the employee number whose direct reports head the rows; none for the viewer's own line (HR: the top).</summary>
    [BindProperty(SupportsGet = true)] public string? Leader { get; set; }

    /// <summary>By team, whether the view can go up a level: HR always, a manager not above themselves.</summary>
    public bool CanGoUp { get; private set; }

    public CareerGraph Graph { get; private set; } = null!;
    public CapabilityHeatmap Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        Graph = await paths.GraphAsync(ct);
        if (Unit is { } u && !Graph.Document.Units.Any(x => string.Equals(x.Code, u, StringComparison.OrdinalIgnoreCase))) Unit = null;
        var among = await access.VisibleIdsAsync(ct);
        var head = 0;
        if (By == CapabilityGrouping.Team)
        {
            // A number the viewer may not see (or that is gone) falls back to their own line rather than an error page.
            head = await report.LeaderAsync(Leader, access.Account.EmployeeId, among, ct) ?? await report.LeaderAsync(null, access.Account.EmployeeId, among, ct) ?? 0;
            CanGoUp = head != 0 && (among is null || head != access.Account.EmployeeId);
        }
        Map = await report.HeatmapAsync(Graph, By, string.IsNullOrWhiteSpace(Unit) ? null : Unit, among, head, ct);
        Leader = Map.Leader?.EmployeeNumber;
        return Page();
    }

    /// <summary>The query string that reproduces this view (see <see cref="ReportQuery"/>).</summary>
    public string Query(params (string Name, string? Value)[] more) =>
        ReportQuery.Of([("by", WireNames.Of(By)), ("unit", Unit), ("leader", By == CapabilityGrouping.Team ? Leader : null)], more);

    /// <summary>Five steps from weak to strong, so a cell's colour says the same thing whatever the measure.</summary>
    public static int Heat(CapabilityCell cell, CapabilityMeasure measure) => measure switch
    {
        CapabilityMeasure.Gap => cell.AverageGap switch { <= 0.1 => 4, <= 0.3 => 3, <= 0.6 => 2, <= 1 => 1, _ => 0 },
        CapabilityMeasure.Coverage => Steps(cell.Coverage),
        _ => Steps(cell.ShareMeeting),
    };

    static int Steps(double share) => share switch { >= 0.9 => 4, >= 0.75 => 3, >= 0.6 => 2, >= 0.4 => 1, _ => 0 };
}
