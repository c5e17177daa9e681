using System.Collections.Concurrent;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.People;

/// <summary>
/// One rating index per database in this process. Each use catches up with the assessments added since (by any
/// instance); a change to people, roles or competencies, or a new day (manager ratings age out after 12 months),
/// rebuilds it from the database.
/// </summary>
public static class RatingIndexCache
{
    // Entries live as long as the process, so their gates are never disposed.
#pragma warning disable CA1001
    sealed class Entry
#pragma warning restore CA1001
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public string? Stamp;
        public RatingIndex? Index;
    }

    static readonly ConcurrentDictionary<string, Entry> Entries = new();

    public static async Task<RatingIndex> GetAsync(CareerMapDb db, DateOnly today, CancellationToken ct = default)
    {
        var entry = Entries.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new Entry());
        var stamp = string.Join('|', today.DayNumber,
            await db.Employees.CountAsync(ct), await db.Employees.SumAsync(e => (long)e.Version, ct), await db.Employees.MaxAsync(e => (int?)e.Id, ct),
            await db.Roles.CountAsync(ct), await db.Roles.MaxAsync(r => (int?)r.Id, ct), await db.Competencies.CountAsync(ct), await db.Competencies.MaxAsync(c => (int?)c.Id, ct));
        await entry.Gate.WaitAsync(ct);
        try
        {
            if (entry.Index is null || entry.Stamp != stamp)
            {
                entry.Index = await RatingIndex.LoadAsync(db, today, ct);
                entry.Stamp = stamp;
            }
            else await entry.Index.CatchUpAsync(db, ct);
            return entry.Index;
        }
        finally
        {
            entry.Gate.Release();
        }
    }
}
