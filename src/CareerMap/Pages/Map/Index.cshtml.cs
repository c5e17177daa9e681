using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Map;

public sealed class IndexModel(CareerPaths paths, PeopleDirectory people, CurrentAccount account, TimeProvider clock,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public static readonly MoveDirection[] Kinds = Enum.GetValues<MoveDirection>();

    [BindProperty(SupportsGet = true, Name = "unit")] public string[] Units { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "kind")] public string[] MoveKinds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public int Route { get; set; } = 1;

    public CareerGraph Graph { get; private set; } = null!;
    public IReadOnlyList<UnitDto> ShownUnits { get; private set; } = [];
    public ISet<MoveDirection> ShownKinds { get; private set; } = new HashSet<MoveDirection>();
    public PathResult? Result { get; private set; }
    public PersonState? Person { get; private set; }
    public string Svg { get; private set; } = "";
    public string? Problem { get; private set; }

    public bool UnitShown(string code) => ShownUnits.Any(u => u.Code == code);

    /// <summary>The kinds of move the query asks for by their wire names (step-back).</summary>
    public IReadOnlySet<MoveDirection> AskedKinds { get; private set; } = new HashSet<MoveDirection>();

    /// <summary>Laterals to similar roles elsewhere are many; they are shown when lateral moves are asked for.</summary>
    public bool ShowSimilar => AskedKinds.Contains(MoveDirection.Lateral);

    public IEnumerable<CareerEdge> MovesOutOf(string role) =>
        Graph.OutOf(role).Where(e => ShownKinds.Contains(e.Kind.Direction) && (ShowSimilar || e.Origin != MoveOrigin.SimilarLateral));

    /// <summary>The same map with another route drawn.</summary>
    public string RouteLink(int route)
    {
        var query = Request.Query.Where(q => q.Key != "route").SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? "")}"));
        return "/map?" + string.Join("&", query.Append($"route={route}")) + "#routes";
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Graph = await paths.GraphAsync(ct);
        var units = Graph.Document.Units;
        ShownUnits = Units.Length == 0 ? units : [.. units.Where(u => Units.Contains(u.Code, StringComparer.OrdinalIgnoreCase))];
        if (ShownUnits.Count == 0) ShownUnits = units;
        AskedKinds = MoveKinds.Select(WireNames.Parse<MoveDirection>).OfType<MoveDirection>().ToHashSet();
        ShownKinds = AskedKinds.ToHashSet();
        if (ShownKinds.Count == 0) ShownKinds = Kinds.ToHashSet();

        IReadOnlyList<CareerEdge> route = [];
        if (!string.IsNullOrWhiteSpace(From) && !string.IsNullOrWhiteSpace(To))
        {
            if (Graph.Role(From) is null) Problem = L["There is no role {0}.", From];
            else if (Graph.Role(To) is null) Problem = L["There is no role {0}.", To];
            else
            {
                if (account.EmployeeId is int id)
                {
                    var me = await people.StateAsync(id, clock.Today(), ct);
                    if (me is not null && string.Equals(me.CurrentRole, From, StringComparison.OrdinalIgnoreCase)) Person = me;
                }
                Result = PathFinder.Find(Graph, From, To, 3, Person);
                Route = Math.Clamp(Route, 1, Math.Max(1, Result.Paths.Count));
                if (Result.Paths.Count > 0) route = [.. Result.Paths[Route - 1].Steps.Select(s => s.Move)];
                // A route is drawn whole, so its units are shown even when filtered out.
                var needed = route.SelectMany(e => new[] { Graph.Role(e.Source)!.Unit, Graph.Role(e.Target)!.Unit }).ToHashSet();
                ShownUnits = [.. units.Where(u => ShownUnits.Contains(u) || needed.Contains(u.Code))];
                foreach (var e in route) ShownKinds.Add(e.Kind.Direction);
            }
        }
        Svg = MapDrawing.Svg(Graph, ShownUnits, ShownKinds, ShowSimilar, route, Graph.Role(From ?? "")?.Code, Graph.Role(To ?? "")?.Code, L);
    }
}
