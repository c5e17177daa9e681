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

    public CareerGraph Graph { get; private set; } = null!;
    public CapabilityHeatmap Map { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        Graph = await paths.GraphAsync(ct);
        if (Unit is { } u && !Graph.Document.Units.Any(x => string.Equals(x.Code, u, StringComparison.OrdinalIgnoreCase))) Unit = null;
        Map = await report.HeatmapAsync(Graph, By, string.IsNullOrWhiteSpace(Unit) ? null : Unit, await access.VisibleIdsAsync(ct), ct);
        return Page();
    }

    /// <summary>The query string (with its "?") that reproduces this view, for the drill links and exports.</summary>
    public string Query(params (string Name, string? Value)[] more) => QueryString.Create(new (string, string?)[]
    {
        ("by", WireNames.Of(By)), ("unit", Unit),
    }.Concat(more).Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => new KeyValuePair<string, string?>(x.Item1, x.Item2))).ToUriComponent();

    /// <summary>Five steps from weak to strong, so a cell's colour says the same thing whatever the measure.</summary>
    public static int Heat(CapabilityCell cell, CapabilityMeasure measure) => measure switch
    {
        CapabilityMeasure.Gap => cell.AverageGap switch { <= 0.1 => 4, <= 0.3 => 3, <= 0.6 => 2, <= 1 => 1, _ => 0 },
        CapabilityMeasure.Coverage => Steps(cell.Coverage),
        _ => Steps(cell.ShareMeeting),
    };

    static int Steps(double share) => share switch { >= 0.9 => 4, >= 0.75 => 3, >= 0.6 => 2, >= 0.4 => 1, _ => 0 };
}
