using CareerMap.Framework;
using Microsoft.Extensions.Localization;

namespace CareerMap.Paths;

public sealed record Recommendation(string Role, string Title, string Kind, MoveDirection Direction, MoveScope Scope, double Readiness, bool ReadyNow, int EstimatedMonths, int Moves, string Reason);

public static class Recommendations
{
    public const int Shown = 12;

    /// <summary>One move away, and promotions two moves away; ranked by readiness, then promotions before laterals, then time.</summary>
    /// <param name="own">The reader is the person (each reason says "you"), not someone reading about them.</param>
    public static IReadOnlyList<Recommendation> For(CareerGraph graph, PersonState person, IStringLocalizer L, bool own = true)
    {
        var here = person.CurrentRole;
        var options = graph.OutOf(here).Select(e => (Target: e.Target, Route: (IReadOnlyList<CareerEdge>)[e]))
            .Concat(graph.OutOf(here).SelectMany(e => graph.OutOf(e.Target)
                .Where(f => f.Target != here && graph.Rank(f.Target) > graph.Rank(here))
                .Select(f => (Target: f.Target, Route: (IReadOnlyList<CareerEdge>)[e, f]))))
            .GroupBy(o => o.Target).Select(g => g.First());
        return [.. options.Select(o =>
            {
                var path = PathFinder.Score(graph, o.Route, person);
                var readiness = Readiness.Of(graph, o.Target, person, PathFinder.Direct(graph, o.Target, person).Prerequisites);
                var kind = MoveKind.Of(graph.Rank(here), graph.Role(here)!.Unit, graph.Role(here)!.Family, graph.Rank(o.Target), graph.Role(o.Target)!.Unit,
                    graph.Role(o.Target)!.Family, graph.Role(here)!.Level, graph.Role(o.Target)!.Level);
                return new Recommendation(o.Target, graph.Title(o.Target), kind.ToString(), kind.Direction, kind.Scope, Math.Round(readiness.Percent, 4),
                    readiness.ReadyNow, path.EstimatedMonths, o.Route.Count, readiness.Summary(graph, L, own ? null : person.Name));
            })
            // The enum's order is the order people weigh moves in: promotions, then laterals, then steps back.
            .OrderByDescending(r => r.ReadyNow).ThenByDescending(r => r.Readiness).ThenBy(r => r.Direction)
            .ThenBy(r => r.EstimatedMonths).ThenBy(r => r.Title, StringComparer.Ordinal)
            .Take(Shown)];
    }

    /// <summary>The promotion to propose when a person starts a plan without naming a target: the best-ranked one, else their own role.</summary>
    public static string DefaultTarget(CareerGraph graph, PersonState person, IStringLocalizer L) =>
        For(graph, person, L).FirstOrDefault(r => r.Direction == MoveDirection.Promotion)?.Role ?? person.CurrentRole;
}
