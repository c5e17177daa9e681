using CareerMap.Access;
using CareerMap.Paths;
using CareerMap.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Reports;

/// <summary>Whether development is happening among the people the viewer may see: plans, reviews, actions, ratings.</summary>
public sealed class DevelopmentModel(DevelopmentHealth health, CareerPaths paths, PeopleAccess access) : PageModel
{
    /// <summary>Only people in roles of this unit; none for every unit.</summary>
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public CareerGraph Graph { get; private set; } = null!;
    public DevelopmentHealthView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        Graph = await paths.GraphAsync(ct);
        Unit = Graph.Document.Units.FirstOrDefault(x => string.Equals(x.Code, Unit?.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;
        View = await health.OfAsync(Graph, await access.VisibleIdsAsync(ct), access.VisibleKey, Unit, ct);
        return Page();
    }

    public string Query(params (string Name, string? Value)[] more) => ReportQuery.Of([("unit", Unit)], more);

    public string StrategyName(string? code) =>
        code is null ? "—" : Graph.Document.Strategies.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;
}
