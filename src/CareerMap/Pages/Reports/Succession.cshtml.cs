using CareerMap.Access;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Reports;

/// <summary>
/// Bench and succession among the people the viewer may see, and what one requirement change would do to a role's
/// bench before anyone confirms it.
/// </summary>
public sealed class SuccessionModel(SuccessionReport report, CareerPaths paths, PeopleAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    /// <summary>The what-if: a role, one of the framework's competencies, and the level it would ask (0: no longer asked).</summary>
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Competency { get; set; }
    [BindProperty(SupportsGet = true)] public int? Level { get; set; }

    public CareerGraph Graph { get; private set; } = null!;
    public SuccessionView View { get; private set; } = null!;
    public BenchChange? Change { get; private set; }
    /// <summary>The level the role asks today of the what-if's competency; 0 when it asks none.</summary>
    public int LevelToday { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        Graph = await paths.GraphAsync(ct);
        if (Unit is { } u && !Graph.Document.Units.Any(x => string.Equals(x.Code, u, StringComparison.OrdinalIgnoreCase))) Unit = null;
        var visible = await access.VisibleIdsAsync(ct);
        View = await report.BenchAsync(Graph, string.IsNullOrWhiteSpace(Unit) ? null : Unit, visible, access.VisibleKey, ct);
        if (Graph.Role(Role ?? "") is { } role && Known(Competency) is { } competency && Level is { } level && level >= 0 && level <= Graph.Document.Organization.TopLevel)
        {
            var needs = Graph.Needs(role.Code).ToList();
            var at = needs.FindIndex(n => string.Equals(n.Competency, competency.Code, StringComparison.OrdinalIgnoreCase));
            LevelToday = at < 0 ? 0 : needs[at].Level;
            if (level == 0 && at >= 0) needs.RemoveAt(at);
            else if (level > 0 && at >= 0) needs[at] = needs[at] with { Level = level };
            else if (level > 0) needs.Add(new Need(competency.Code, level, 1m, false));
            Change = await report.WhatIfAsync(Graph, role.Code, needs, visible, ct);
        }
        return Page();
    }

    CompetencyDto? Known(string? code) =>
        Graph.Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public string CompetencyName => Known(Competency)?.Name ?? "";

    /// <summary>The query string (with its "?") of this view's filter, for the exports.</summary>
    public string Query(params (string Name, string? Value)[] more) => ReportQuery.Of([("unit", Unit)], more);
}
