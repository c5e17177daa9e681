using NetArchTest.Rules;

namespace CareerMap.Tests;

/// <summary>
/// The layout STYLE.md asks for, checked on the compiled assemblies: feature folders do not depend on each other in a
/// circle, and pages and the command line call Core, never the API.
/// </summary>
public sealed class ArchitectureTests
{
    static readonly System.Reflection.Assembly[] Assemblies = [typeof(CareerMap.Data.CareerMapDb).Assembly, typeof(CareerMap.Api.PeopleApi).Assembly];

    // CareerMap.Data (the DbContext, which must know every entity) and the root namespace (Clock, WireNames) are shared
    // by every feature and depend on none of their logic, so they are left out of the cycle check.
    static readonly string[] Features =
    [
        "CareerMap.Accounts", "CareerMap.Audit", "CareerMap.Framework", "CareerMap.JobDescriptions", "CareerMap.Paths", "CareerMap.People",
        "CareerMap.Plans", "CareerMap.Provisioning", "CareerMap.Sample", "CareerMap.Learning", "CareerMap.Notifications",
        "CareerMap.Api", "CareerMap.Pages", "CareerMap.Cli", "CareerMap.Infrastructure", "CareerMap.Hosting",
    ];

    /// <summary>Razor compiles each .cshtml into this namespace; what a view references counts as the pages'.</summary>
    const string CompiledViews = "AspNetCoreGeneratedDocument";

    static PredicateList In(string feature)
    {
        var pattern = $"^{System.Text.RegularExpressions.Regex.Escape(feature)}(\\.|$)";
        var types = Types.InAssemblies(Assemblies).That().ResideInNamespaceMatching(pattern);
        return feature == "CareerMap.Pages" ? types.Or().ResideInNamespace(CompiledViews) : types;
    }

    static IReadOnlyList<string> Offenders(string feature, string dependency) =>
        [.. (In(feature).Should().NotHaveDependencyOnAny(dependency).GetResult().FailingTypes ?? []).Select(x => x.FullName)];

    [Fact]
    public void No_feature_folder_depends_on_another_in_a_cycle()
    {
        var edges = Features.ToDictionary(f => f, f => Features.Where(d => d != f && Offenders(f, d).Count > 0).ToHashSet());
        Assert.True(edges["CareerMap.Hosting"].Count > 3, "the check must see dependencies at all: the host composes the features");
        var cycles = new List<string>();
        foreach (var a in Features)
            foreach (var b in edges[a].Where(b => string.CompareOrdinal(a, b) < 0 && Reaches(edges, b, a)))
                cycles.Add($"{a} -> {b} -> … -> {a} ({string.Join(", ", Offenders(a, b).Take(3))} / {string.Join(", ", Offenders(b, a).Concat(edges[b].SelectMany(c => Offenders(c, a))).Take(3))})");
        Assert.True(cycles.Count == 0, "feature folders in a cycle:\n" + string.Join("\n", cycles));
    }

    [Theory]
    [InlineData("CareerMap.Pages")]
    [InlineData("CareerMap.Cli")]
    [InlineData("CareerMap.Infrastructure")]
    public void Pages_the_command_line_and_infrastructure_never_call_into_the_api(string feature)
    {
        var offenders = Offenders(feature, "CareerMap.Api");
        Assert.True(offenders.Count == 0, $"{feature} uses CareerMap.Api in: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_check_catches_a_dependency_that_is_there()
    {
        Assert.NotEmpty(Offenders("CareerMap.Api", "CareerMap.People"));
        Assert.NotEmpty(Offenders("CareerMap.Pages", "CareerMap.People"));
    }

    static bool Reaches(Dictionary<string, HashSet<string>> edges, string from, string to)
    {
        var seen = new HashSet<string> { from };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
            foreach (var next in edges[queue.Dequeue()])
            {
                if (next == to) return true;
                if (seen.Add(next)) queue.Enqueue(next);
            }
        return false;
    }
}
