using CareerMap.Access;
using CareerMap.Paths;
using CareerMap.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Reports;

/// <summary>The people behind one cell of the capability heatmap, biggest gap first.</summary>
public sealed class CapabilityPeopleModel(CapabilityReport report, CareerPaths paths, PeopleAccess access) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public CapabilityGrouping By { get; set; } = CapabilityGrouping.Unit;
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true)] public string? Competency { get; set; }
    [BindProperty(SupportsGet = true)] public string? Leader { get; set; }

    public CareerGraph Graph { get; private set; } = null!;
    public CapabilityPeople Found { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        Graph = await paths.GraphAsync(ct);
        if (Group is null || Competency is null) return NotFound();
        var among = await access.VisibleIdsAsync(ct);
        var head = By == CapabilityGrouping.Team ? await report.LeaderAsync(Leader, access.Account.EmployeeId, among, ct) : 0;
        if (head is null) return NotFound();
        var found = await report.PeopleAsync(Graph, By, Group, Competency, string.IsNullOrWhiteSpace(Unit) ? null : Unit, among, Shown, head.Value, ct);
        if (found is null) return NotFound();
        Found = found;
        return Page();
    }

    public string Back => "/reports/capability" + ReportQuery.Of([("by", WireNames.Of(By)), ("unit", Unit), ("leader", By == CapabilityGrouping.Team ? Leader : null)], []);
}
