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
        await Stamp(db.Organizations.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Grades.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Units.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Families.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Competencies.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Roles.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Requirements.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Duties.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Strategies.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct),
        await Stamp(db.Moves.Select(x => new StampRow { Version = x.Version, Id = x.Id }), ct));

    sealed class StampRow
    {
        public int Version { get; init; }
        public int Id { get; init; }
    }

    /// <summary>Count, version sum and highest id of a table in one query: any insert, update or delete moves one of them.</summary>
    static async Task<string> Stamp(IQueryable<StampRow> rows, CancellationToken ct)
    {
        // One group at most, so Single: First without an order makes EF Core warn each time the query is compiled.
        var s = await rows.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Versions = g.Sum(x => (long)x.Version), Top = g.Max(x => x.Id) }).SingleOrDefaultAsync(ct);
        return s is null ? "0" : $"{s.Count}:{s.Versions}:{s.Top}";
    }
}
