using CareerMap.Data;

namespace CareerMap.People;

/// <summary>
/// This app's rating index. Each use catches up with the assessments added since (by any instance); a change to the
/// people or the framework (their change stamps, one query), or a new day (manager ratings age out after 12 months),
/// rebuilds it from the database.
/// </summary>
public sealed class RatingIndexCache : IDisposable
{
    readonly SemaphoreSlim gate = new(1, 1);
    (long Framework, long People, int Day)? stamp;
    RatingIndex? index;

    public async Task<RatingIndex> GetAsync(CareerMapDb db, DateOnly today, CancellationToken ct = default)
    {
        var (framework, people) = await ChangeStamps.ReadAsync(db, ct);
        var now = (framework, people, today.DayNumber);
        await gate.WaitAsync(ct);
        try
        {
            if (index is null || stamp != now)
            {
                index = await RatingIndex.LoadAsync(db, today, ct);
                stamp = now;
            }
            else await index.CatchUpAsync(db, ct);
            return index;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The index's prerequisite facts (languages, credentials, contact-center months), read the first time a report asks.</summary>
    public async Task<PrerequisiteFacts> FactsAsync(CareerMapDb db, RatingIndex of, DateOnly today, CancellationToken ct = default)
    {
        if (of.Facts is { } known) return known;
        await gate.WaitAsync(ct);
        try
        {
            return of.Facts ?? await of.LoadFactsAsync(db, today, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
