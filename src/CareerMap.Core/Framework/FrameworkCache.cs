using System.Collections.Concurrent;
using CareerMap.Data;
using CareerMap.Paths;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Framework;

/// <summary>
/// The last framework read from each database, with its career graph, kept until the database says the framework
/// changed. The check (counts, version sums and highest ids per table) runs on every call, so an edit made by any
/// app instance is seen by all of them at once.
/// </summary>
public static class FrameworkCache
{
    sealed record Entry(string Stamp, FrameworkSnapshot Snapshot, Lazy<CareerGraph> Graph);

    static readonly ConcurrentDictionary<string, Entry> Entries = new();

    public static async Task<FrameworkSnapshot> SnapshotAsync(CareerMapDb db, CancellationToken ct) => (await EntryAsync(db, ct)).Snapshot;

    public static async Task<CareerGraph> GraphAsync(CareerMapDb db, CancellationToken ct) => (await EntryAsync(db, ct)).Graph.Value;

    static async Task<Entry> EntryAsync(CareerMapDb db, CancellationToken ct)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var stamp = await StampAsync(db, ct);
        if (Entries.TryGetValue(key, out var hit) && hit.Stamp == stamp) return hit;
        var snapshot = await FrameworkReader.ReadAsync(db, ct);
        var entry = new Entry(stamp, snapshot, new Lazy<CareerGraph>(() => CareerGraph.Build(snapshot.Document)));
        Entries[key] = entry;
        return entry;
    }

    static async Task<string> StampAsync(CareerMapDb db, CancellationToken ct) => string.Join('|',
        await Stamp(db.Organizations, x => x.Version, x => x.Id, ct),
        await Stamp(db.Grades, x => x.Version, x => x.Id, ct),
        await Stamp(db.Units, x => x.Version, x => x.Id, ct),
        await Stamp(db.Families, x => x.Version, x => x.Id, ct),
        await Stamp(db.Competencies, x => x.Version, x => x.Id, ct),
        await Stamp(db.Roles, x => x.Version, x => x.Id, ct),
        await Stamp(db.Requirements, x => x.Version, x => x.Id, ct),
        await Stamp(db.Duties, x => x.Version, x => x.Id, ct),
        await Stamp(db.Strategies, x => x.Version, x => x.Id, ct),
        await Stamp(db.Moves, x => x.Version, x => x.Id, ct));

    static async Task<string> Stamp<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, int>> version, System.Linq.Expressions.Expression<Func<T, int>> id, CancellationToken ct)
    {
        var count = await rows.CountAsync(ct);
        if (count == 0) return "0";
        return $"{count}:{await rows.SumAsync(version, ct)}:{await rows.MaxAsync(id, ct)}";
    }
}
