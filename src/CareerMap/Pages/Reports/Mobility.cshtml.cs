using CareerMap.Access;
using CareerMap.Paths;
using CareerMap.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Reports;

/// <summary>How people moved over a period among those the viewer may see, and the routes they took between two roles.</summary>
public sealed class MobilityModel(MobilityReport report, CareerPaths paths, PeopleAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? FromRole { get; set; }
    [BindProperty(SupportsGet = true)] public string? ToRole { get; set; }

    public CareerGraph Graph { get; private set; } = null!;
    public MobilityView View { get; private set; } = null!;
    public RoutesView? Routes { get; private set; }
    public bool PeriodRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        Graph = await paths.GraphAsync(ct);
        var (defaultFrom, defaultTo) = MobilityReport.DefaultPeriod(clock.Today());
        // An unreadable date or a period that runs backwards falls back to the default, and says so.
        PeriodRefused = !ModelState.IsValid || (From ?? defaultFrom) > (To ?? defaultTo);
        if (PeriodRefused) (From, To) = (null, null);
        var visible = await access.VisibleIdsAsync(ct);
        View = await report.OfAsync(Graph, From ?? defaultFrom, To ?? defaultTo, visible, ct);
        if (!string.IsNullOrWhiteSpace(FromRole) && !string.IsNullOrWhiteSpace(ToRole))
            Routes = await report.RoutesAsync(Graph, FromRole, ToRole, visible, ct);
        return Page();
    }

    /// <summary>The query string (with its "?") of this view's period, for the exports.</summary>
    public string Query(params (string Name, string? Value)[] more) => ReportQuery.Of(
    [
        ("from", View.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("to", View.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
    ], more);
}
