using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareerMap.Plans;

/// <summary>An action as development health counts it.</summary>
public readonly record struct ActionFact(string Competency, string? Strategy, ActionStatus Status);

/// <summary>
/// What development health counts of one plan: its person, status, submission day, target roles, actions, and the days
/// each approval waited since the submission it answered. <paramref name="Version"/> is the plan's version when read.
/// </summary>
public sealed record PlanFact(int Id, int Version, int EmployeeId, PlanStatus Status, DateOnly? SubmittedOn, IReadOnlyList<string> TargetRoles,
    IReadOnlyList<ActionFact> Actions, IReadOnlyList<double> ApprovalWaits);

/// <summary>
/// A cycle's plans as development health counts them, kept in memory. When the plans' stamp moves (any instance wrote a
/// plan), one narrow read of every plan's id and version finds what changed, and only those plans are read again: at a
/// million people a plan submitted costs a few hundred plans' worth of reading, not the whole cycle.
/// </summary>
/// <remarks>
/// A plan's version moves with every change of the plan or of what it owns (its actions through <see cref="ChangeStamps.Touch"/>,
/// its status events with its status), so a plan whose version and person are unchanged is the plan already read.
/// </remarks>
public sealed class PlanFactsCache : IDisposable
{
    /// <summary>Plans read again per query when only some changed.</summary>
    const int Batch = 500;

    /// <summary>Changes kept for those who count plan by plan; one further behind counts the whole cycle again.</summary>
    const int ChangesKept = 256;

    readonly SemaphoreSlim gate = new(1, 1);
    string? cycle;
    long? stamp;
    long sequence;
    Dictionary<int, PlanFact> plans = [];
    Snapshot? current;
    readonly Queue<Change> changes = new();

    /// <summary>
    /// The cycle's plans as of one plans' stamp; <see cref="Stamp"/> names the state, for keeping what is worked out from
    /// it, and <see cref="Sequence"/> orders the states this cache has seen, for <see cref="ChangesSince"/>.
    /// </summary>
    public sealed record Snapshot(string Cycle, long Stamp, long Sequence, IReadOnlyCollection<PlanFact> Plans);

    /// <summary>From the state before <see cref="Sequence"/> to it: the plans as they were read before (changed or gone), and as read now (changed or new).</summary>
    public sealed record Change(long Sequence, IReadOnlyList<PlanFact> Removed, IReadOnlyList<PlanFact> Added);

    /// <summary>The changes from one state to a later one, in order; null when they are no longer all kept (or the cycle was read afresh between them).</summary>
    public IReadOnlyList<Change>? ChangesSince(long from, long to)
    {
        lock (changes)
        {
            var between = changes.Where(c => c.Sequence > from && c.Sequence <= to).ToList();
            return between.Count == to - from && (between.Count == 0 || between[0].Sequence == from + 1) ? between : null;
        }
    }

    public async Task<Snapshot> GetAsync(CareerMapDb db, string cycle, CancellationToken ct = default)
    {
        var now = await ChangeStamps.PlansAsync(db, ct);
        await gate.WaitAsync(ct);
        try
        {
            if (current is not null && this.cycle == cycle && stamp == now) return current;
            if (this.cycle != cycle) plans = [];
            var versions = await VersionsAsync(db, cycle, ct);
            var kept = new Dictionary<int, PlanFact>(versions.Count);
            var stale = new List<int>();
            foreach (var v in versions)
            {
                if (plans.TryGetValue(v.Id, out var known) && known.Version == v.Version && known.EmployeeId == v.EmployeeId) kept[v.Id] = known;
                else stale.Add(v.Id);
            }
            // Most of a cycle unread (the first read, a new cycle, a bulk load): one pass over the cycle beats lists of ids.
            var whole = this.cycle != cycle || stale.Count > versions.Count / 4;
            var fresh = whole
                ? await ReadAsync(db, db.Plans.Where(p => p.Cycle == cycle), ct)
                : await ReadBatchesAsync(db, stale, ct);
            var added = new List<PlanFact>();
            foreach (var fact in fresh)
                if (kept.TryAdd(fact.Id, fact)) added.Add(fact);
            var removed = whole ? [] : plans.Values.Where(old => !kept.TryGetValue(old.Id, out var read) || !ReferenceEquals(read, old)).ToList();
            lock (changes)
            {
                sequence++;
                // Read afresh, the cycle starts a new line of changes: no one counts across it plan by plan.
                if (whole) changes.Clear();
                else
                {
                    changes.Enqueue(new Change(sequence, removed, added));
                    while (changes.Count > ChangesKept) changes.Dequeue();
                }
            }
            plans = kept;
            this.cycle = cycle;
            stamp = now;
            return current = new(cycle, now, sequence, plans.Values);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Every plan of the cycle's id, version and employee, off the covering index: read straight from a data reader, as
    /// EF Core's materializing of 300,000 rows cost as much as the database's work.
    /// </summary>
    static async Task<List<(int Id, int Version, int EmployeeId)>> VersionsAsync(CareerMapDb db, string cycle, CancellationToken ct)
    {
        var versions = new List<(int Id, int Version, int EmployeeId)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "Id", "Version", "EmployeeId" FROM development_plans WHERE "Cycle" = @cycle""";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@cycle";
            parameter.Value = cycle;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) versions.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return versions;
    }

    static async Task<List<PlanFact>> ReadBatchesAsync(CareerMapDb db, List<int> ids, CancellationToken ct)
    {
        var read = new List<PlanFact>(ids.Count);
        foreach (var batch in ids.Chunk(Batch)) read.AddRange(await ReadAsync(db, db.Plans.Where(p => batch.Contains(p.Id)), ct));
        return read;
    }

    static async Task<List<PlanFact>> ReadAsync(CareerMapDb db, IQueryable<DevelopmentPlan> which, CancellationToken ct)
    {
        which = which.AsNoTracking();
        var rows = await which.Select(p => new { p.Id, p.Version, p.EmployeeId, p.Status, p.SubmittedOn, p.TargetRoles }).ToListAsync(ct);
        var actions = (await db.PlanActions.AsNoTracking().Where(a => which.Select(p => p.Id).Contains(a.PlanId))
            .Select(a => new { a.PlanId, a.Competency, a.Strategy, a.Status }).ToListAsync(ct))
            .ToLookup(a => a.PlanId, a => new ActionFact(a.Competency, a.Strategy, a.Status));
        var events = (await db.PlanEvents.AsNoTracking()
            .Where(e => e.Kind == PlanEventKind.Status && (e.To == PlanStatus.Submitted || e.To == PlanStatus.Approved) && which.Select(p => p.Id).Contains(e.PlanId))
            .Select(e => new { e.PlanId, e.At, e.To }).ToListAsync(ct))
            .ToLookup(e => e.PlanId, e => (e.At, To: e.To!.Value));
        return [.. rows.Select(p => new PlanFact(p.Id, p.Version, p.EmployeeId, p.Status, p.SubmittedOn, p.TargetRoles, [.. actions[p.Id]], Waits(events[p.Id])))];
    }

    /// <summary>Each approval, timed from the submission it answered (the latest one before it).</summary>
    static double[] Waits(IEnumerable<(DateTime At, PlanStatus To)> events)
    {
        List<double>? waits = null;
        DateTime? submitted = null;
        foreach (var (at, to) in events.OrderBy(e => e.At))
        {
            if (to == PlanStatus.Submitted) submitted = at;
            else if (submitted is { } from) (waits ??= []).Add((at - from).TotalDays);
        }
        return waits is null ? [] : [.. waits];
    }

    public void Dispose() => gate.Dispose();
}
