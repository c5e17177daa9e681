using CareerMap.Data;

namespace CareerMap.Framework;

/// <summary>
/// The framework as last read from this app's database, kept until the framework's change stamp moves (one row,
/// read on every call), so an edit made by any app instance is seen by all of them at once.
/// </summary>
public sealed class FrameworkCache : IDisposable
{
    sealed record Entry(long Stamp, FrameworkSnapshot Snapshot);

    readonly SemaphoreSlim gate = new(1, 1);
    Entry? last;

    public async Task<FrameworkSnapshot> SnapshotAsync(CareerMapDb db, CancellationToken ct)
    {
        // The stamp is read before the data, so data read after it is never older than the stamp it is kept under.
        var stamp = (await ChangeStamps.ReadAsync(db, ct)).Framework;
        if (Volatile.Read(ref last) is { } hit && hit.Stamp == stamp) return hit.Snapshot;
        await gate.WaitAsync(ct);
        try
        {
            if (last is { } again && again.Stamp == stamp) return again.Snapshot;
            var entry = new Entry(stamp, await FrameworkReader.ReadAsync(db, ct));
            Volatile.Write(ref last, entry);
            return entry.Snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
