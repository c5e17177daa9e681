using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Me;

public sealed record NextMove(CareerEdge Move, string Title, Readiness? Readiness, int EstimatedMonths);

public sealed class MovesModel(CareerPaths paths, PeopleDirectory people, CareerInterests interests, CurrentAccount account, TimeProvider clock,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public CareerGraph Graph { get; private set; } = null!;
    public PersonState? Person { get; private set; }
    public bool Assessed { get; private set; }
    /// <summary>The roles the person has marked as ones they are interested in.</summary>
    public IReadOnlySet<string> Interests { get; private set; } = new HashSet<string>();
    public IReadOnlyList<(MoveDirection Direction, string Heading, IReadOnlyList<NextMove> Moves)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Graph = await paths.GraphAsync(ct);
        if (account.EmployeeId is not int id) return;
        Person = await people.StateAsync(id, clock.Today(), ct);
        if (Person is null) return;
        Assessed = Person.Levels.Count > 0;
        if (await interests.MineAsync(id, ct) is { } mine) Interests = mine.Roles;
        var moves = Graph.OutOf(Person.CurrentRole).Select(e =>
        {
            var step = PathFinder.Score(Graph, [e], Person);
            var readiness = Assessed ? Readiness.Of(Graph, e.Target, Person, step.Steps[0].Prerequisites) : null;
            return new NextMove(e, Graph.Title(e.Target), readiness, step.EstimatedMonths);
        }).ToList();
        Groups = [.. moves
            .GroupBy(m => m.Move.Kind.Direction)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (string)(g.Key switch { MoveDirection.Promotion => L["Promotions"], MoveDirection.Lateral => L["Lateral moves"], _ => L["Steps back"] }),
                (IReadOnlyList<NextMove>)[.. g.OrderByDescending(m => m.Readiness?.Percent ?? 0).ThenBy(m => m.EstimatedMonths).ThenBy(m => m.Title, StringComparer.Ordinal)]))];
    }

    /// <summary>Marks or unmarks one move's role, and returns to that move.</summary>
    public async Task<IActionResult> OnPostInterestAsync(string? role, bool interested, CancellationToken ct)
    {
        if (account.EmployeeId is not int id) return Forbid();
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(role ?? "") is not { } target) return NotFound();
        if (interested && (await interests.MarkAsync(graph, id, target.Code, null, ct)).Problem is not null) return BadRequest();
        if (!interested) await interests.UnmarkAsync(graph, id, target.Code, ct);
        return Redirect($"/me/moves#move-{Uri.EscapeDataString(target.Code)}");
    }
}
