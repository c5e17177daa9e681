using System.Runtime.CompilerServices;
using CareerMap.Framework;

namespace CareerMap.Paths;

/// <summary>The career graph of the stored framework in the reader's language, built once per framework snapshot and language.</summary>
public sealed class CareerPaths(FrameworkService framework, CareerGraphs graphs)
{
    public async Task<CareerGraph> GraphAsync(CancellationToken ct = default) => graphs.Of(await framework.ReadingAsync(ct));
}

/// <summary>The graphs built so far, one per snapshot the framework cache still holds (a replaced snapshot's graph goes with it).</summary>
public sealed class CareerGraphs
{
    readonly ConditionalWeakTable<FrameworkSnapshot, Lazy<CareerGraph>> built = new();

    public CareerGraph Of(FrameworkSnapshot snapshot) => built.GetValue(snapshot, s => new Lazy<CareerGraph>(() => CareerGraph.Build(s.Document))).Value;
}
