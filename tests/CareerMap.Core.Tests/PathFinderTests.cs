using System.Globalization;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.Sample;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerMap.Core.Tests;

public sealed class PathFinderTests
{
    static readonly CareerGraph Riverbend = CareerGraph.Build(RiverbendHealth.Build());

    static readonly IStringLocalizer Strings = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    /// <summary>What a reader of one language reads: the sentence phrased with the UI culture set to it.</summary>
    static string? In(string culture, Func<IStringLocalizer, string?> phrase)
    {
        var was = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return phrase(Strings); }
        finally { CultureInfo.CurrentUICulture = was; }
    }

    static string? English(Func<IStringLocalizer, string?> phrase) => In("en", phrase);

    [Fact]
    public void Care_representative_to_care_manager_climbs_the_ladder_through_senior_and_supervisor()
    {
        var result = PathFinder.Find(Riverbend, "CC-REP-1", "CC-MGR", k: 3);
        Assert.Null(result.Missing);
        Assert.Equal(3, result.Paths.Count);
        Assert.Equal(["CC-REP-SR", "CC-SUP", "CC-MGR"], result.Paths[0].Steps.Select(s => s.Move.Target));
        Assert.Equal(["CC-REP-2", "CC-REP-SR", "CC-SUP", "CC-MGR"], result.Paths[1].Steps.Select(s => s.Move.Target));
        foreach (var path in result.Paths.Take(2))
        {
            var roles = path.Steps.Select(s => s.Move.Target).ToList();
            Assert.Contains("CC-REP-SR", roles);
            Assert.Contains("CC-SUP", roles);
            Assert.Equal("CC-MGR", roles[^1]);
            Assert.All(path.Steps, s => Assert.Equal(MoveDirection.Promotion, s.Move.Kind.Direction));
            Assert.True(path.Steps.Count <= PathFinder.MaxMoves);
        }
        Assert.Equal(result.Paths.OrderBy(p => p.EstimatedMonths).ThenBy(p => p.Steps.Count).Select(p => p.EstimatedMonths), result.Paths.Select(p => p.EstimatedMonths));
        var explained = English(L => PathFinder.Explain(Riverbend, result.Paths[0], L));
        Assert.StartsWith("About ", explained);
        Assert.Contains("Care Representative I → ", explained);
    }

    [Fact]
    public void Rule_made_moves_fill_in_the_ladders_and_the_leadership_step()
    {
        var next = Riverbend.OutOf("CC-REP-2").Single(e => e.Target == "CC-REP-3");
        Assert.Equal(MoveOrigin.NextLevel, next.Origin);
        var lead = Riverbend.OutOf("CC-REP-SR").Single(e => e.Target == "CC-SUP");
        Assert.Equal(MoveOrigin.LeadershipStep, lead.Origin);
        Assert.Equal(MoveDirection.Promotion, lead.Kind.Direction);
        Assert.Contains(lead.Delta, d => d.Competency == "LEAD" && d.From == 0 && d.Rise > 0);
        var laterals = Riverbend.Edges.Where(e => e.Origin == MoveOrigin.SimilarLateral).ToList();
        Assert.NotEmpty(laterals);
        Assert.All(laterals, e => Assert.Equal((MoveDirection.Lateral, MoveScope.CrossFunctional), (e.Kind.Direction, e.Kind.Scope)));
        Assert.All(Riverbend.Roles, r => Assert.True(Riverbend.OutOf(r.Code).Count(e => e.Origin == MoveOrigin.SimilarLateral) <= CareerGraph.LateralsPerRole));
    }

    [Fact]
    public void Pharmacy_technician_moves_demand_the_certification()
    {
        var into = Riverbend.Into("PS-TECH-1").ToList();
        Assert.NotEmpty(into);
        Assert.All(into, e => Assert.Contains(e.Prerequisites, p => p.Kind == "certification" && p.Value == "Certified Pharmacy Technician"));
        var path = PathFinder.Find(Riverbend, "CC-REP-3", "PS-TECH-1", k: 1).Paths.Single();
        var gate = path.Steps[0].Prerequisites.Single(p => p.Prerequisite.Kind == "certification");
        Assert.False(gate.Met);
        Assert.True(path.EstimatedMonths >= gate.MonthsToMeet);
    }

    [Fact]
    public void A_representative_with_tenure_can_move_to_project_management_and_one_without_must_wait()
    {
        var edge = Riverbend.OutOf("CC-REP-3").Single(e => e.Target == "CI-AN-PM");
        Assert.Equal("cross-functional promotion", edge.Kind.ToString());
        Assert.Contains(edge.Prerequisites, p => p.Kind == "months-in-roles" && p.Months == 24);
        var levels = Riverbend.Needs("CI-AN-PM").ToDictionary(n => n.Competency, n => n.Level);
        PersonState Person(int months) => new("E1", "Ana", "CC-REP-3", months, months, levels, new HashSet<string>(), new HashSet<string> { "English" });
        var seasoned = PathFinder.Score(Riverbend, [edge], Person(30));
        var newcomer = PathFinder.Score(Riverbend, [edge], Person(3));
        Assert.True(seasoned.Steps[0].Prerequisites.Single(p => p.Prerequisite.Kind == "months-in-roles").Met);
        Assert.Equal(0, seasoned.EstimatedMonths);
        Assert.Equal(21, newcomer.EstimatedMonths);
    }

    [Fact]
    public void Switching_a_rule_made_move_off_removes_it_and_explicit_moves_keep_their_own_prerequisites()
    {
        var d = RiverbendHealth.Build();
        d.Moves.Add(new("OFF-1", "CC-REP-2", "CC-REP-3", Off: true));
        var graph = CareerGraph.Build(d);
        Assert.DoesNotContain(graph.OutOf("CC-REP-2"), e => e.Target == "CC-REP-3");
        Assert.Equal(MoveOrigin.Explicit, graph.OutOf("CC-REP-SR").Single(e => e.Target == "VM-AN").Origin);
    }

    [Fact]
    public void Unreachable_and_far_targets_say_why()
    {
        var d = RiverbendHealth.Build();
        d.Units.Add(new("ISLAND", "Island"));
        d.Families.Add(new("ISLAND-F", "Island family", "ISLAND", "individual-contributor"));
        d.Roles.Add(new("ISLAND-1", "Islander", "ISLAND", "ISLAND-F", "103", 1));
        var graph = CareerGraph.Build(d);
        var none = PathFinder.Find(graph, "CC-REP-1", "ISLAND-1");
        Assert.Empty(none.Paths);
        Assert.Equal("No sequence of moves leads from Care Representative I to Islander.", English(L => PathFinder.Reason(graph, none, L)));
        Assert.Equal("Ninguna secuencia de movimientos lleva de Care Representative I a Islander.", In("es-MX", L => PathFinder.Reason(graph, none, L)));
        var far = PathFinder.Find(graph, "MR-OUT-1", "OPS-VP");
        Assert.Empty(far.Paths);
        Assert.Contains("only in more than 4 moves", English(L => PathFinder.Reason(graph, far, L)));
    }

    [Fact]
    public void A_person_starts_from_their_own_ratings_and_time_served()
    {
        var levels = Riverbend.Needs("CC-REP-SR").ToDictionary(n => n.Competency, n => n.Level);
        var ready = new PersonState("E1", "Ana", "CC-REP-3", 12, 40, levels, new HashSet<string>(), new HashSet<string>());
        var path = PathFinder.Find(Riverbend, "CC-REP-3", "CC-REP-SR", k: 1, ready).Paths.Single();
        Assert.Equal(0, path.EstimatedMonths);
        var unrated = ready with { Levels = new Dictionary<string, int>() };
        var slow = PathFinder.Find(Riverbend, "CC-REP-3", "CC-REP-SR", k: 1, unrated).Paths.Single();
        Assert.Equal(Riverbend.Needs("CC-REP-SR").Sum(n => n.Level) * PathFinder.MonthsPerLevel, slow.EstimatedMonths);
        Assert.Contains("Ana's ratings", English(L => PathFinder.Explain(Riverbend, slow, L)));
    }
}
