using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Me;

public sealed record NextMove(CareerEdge Move, string Title, Readiness? Readiness, int EstimatedMonths);

public sealed class MovesModel(CareerPaths paths, PeopleDirectory people, CurrentAccount account, TimeProvider clock) : PageModel
{
    public CareerGraph Graph { get; private set; } = null!;
    public PersonState? Person { get; private set; }
    public bool Assessed { get; private set; }
    public IReadOnlyList<(string Group, IReadOnlyList<NextMove> Moves)> Groups { get; private set; } = [];

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
            .Select(g => (g.Key switch { MoveDirection.Promotion => "Promotions", MoveDirection.Lateral => "Lateral moves", _ => "Steps back" },
                (IReadOnlyList<NextMove>)[.. g.OrderByDescending(m => m.Readiness?.Percent ?? 0).ThenBy(m => m.EstimatedMonths).ThenBy(m => m.Title, StringComparer.Ordinal)]))];
    }
}
