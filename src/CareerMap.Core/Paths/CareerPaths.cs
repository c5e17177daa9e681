using CareerMap.Data;
using CareerMap.Framework;

namespace CareerMap.Paths;

/// <summary>The career graph of the stored framework, rebuilt only when the framework changes.</summary>
public sealed class CareerPaths(CareerMapDb db)
{
    public Task<CareerGraph> GraphAsync(CancellationToken ct = default) => FrameworkCache.GraphAsync(db, ct);
}
