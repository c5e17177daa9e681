using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Me;

public sealed record NextMove(CareerEdge Move, string Title, Readiness? Readiness, int EstimatedMonths);

public sealed class MovesModel(CareerPaths paths, PeopleDirectory people, CurrentAccount account, TimeProvider clock,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public CareerGraph Graph { get; private set; } = null!;
    public PersonState? Person { get; private set; }
    public bool Assessed { get; private set; }
    public IReadOnlyList<(MoveDirection Direction, string Heading, IReadOnlyList<NextMove> Moves)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Graph = await paths.GraphAsync(ct);
        if (account.EmployeeId is not int id) return;
        Person = await people.StateAsync(id, clock.Today(), ct);
        if (Person is null) return;
        Assessed = Person.Levels.Count > 0;
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
}
