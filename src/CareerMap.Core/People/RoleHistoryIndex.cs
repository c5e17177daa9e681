using System.Data.Common;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareerMap.People;

/// <summary>
/// Every role change in memory, person by person in date order: the mobility report reads moves, fills and routes
/// from these arrays, never a query per person. Roles are numbered by code (retired codes included); about 12 bytes a change.
/// </summary>
public sealed class RoleHistoryIndex
{
    public const int NoRole = -1;
    readonly List<string> codes = [];
    readonly Dictionary<string, int> slots = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per change, in order of person, date and entry: who, the day number, the role left (<see cref="NoRole"/> for a first role) and the role entered.</summary>
    public int[] Employee { get; private set; } = [];
    public int[] Day { get; private set; } = [];
    public short[] From { get; private set; } = [];
    public short[] To { get; private set; } = [];
    /// <summary>Whether the change is the role a person already held when the record began, not a move or a hire.</summary>
    public bool[] Existing { get; private set; } = [];

    public int Count => Employee.Length;

    public IReadOnlyList<string> Roles => codes;

    public int SlotOf(string code) => slots.TryGetValue(code, out var s) ? s : NoRole;

    /// <summary>
    /// The changes to read for these people (employee ids), as ranges of positions in ascending order; everyone's when
    /// null. A manager's line reads its own people's changes, never the whole history.
    /// </summary>
    public IEnumerable<(int From, int To)> RangesOf(IReadOnlySet<int>? people)
    {
        if (people is null)
        {
            yield return (0, Count);
            yield break;
        }
        foreach (var id in people.Order())
        {
            // The first change of the person: a lower bound in the ids, which are in order.
            int low = 0, high = Count;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (Employee[mid] < id) low = mid + 1; else high = mid;
            }
            var end = low;
            while (end < Count && Employee[end] == id) end++;
            if (end > low) yield return (low, end);
        }
    }

    const int RememberedAtMost = 32;
    readonly System.Runtime.CompilerServices.ConditionalWeakTable<CareerMap.Paths.CareerGraph, System.Collections.Concurrent.ConcurrentDictionary<string, object>> remembered = [];

    /// <summary>
    /// A figure worked out from this history and a framework's graph, kept while both last (a change of people builds a
    /// new history): a report a hundred people ask for is counted once. Past a few dozen periods asked, new ones are
    /// worked out without being kept, so arbitrary dates cannot fill the memory.
    /// </summary>
    public T Remember<T>(CareerMap.Paths.CareerGraph graph, string key, Func<T> compute) where T : class
    {
        var kept = remembered.GetValue(graph, _ => new());
        if (kept.TryGetValue(key, out var known)) return (T)known;
        var value = compute();
        if (kept.Count < RememberedAtMost) kept.TryAdd(key, value);
        return value;
    }

    public static async Task<RoleHistoryIndex> LoadAsync(CareerMapDb db, CancellationToken ct = default)
    {
        var index = new RoleHistoryIndex();
        List<int> employee = [], day = [];
        List<short> from = [], to = [];
        List<bool> existing = [];
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "EmployeeId", "On", "FromRole", "ToRole", "Source" FROM role_changes ORDER BY "EmployeeId", "On", CASE WHEN "FromRole" IS NULL THEN 1 ELSE 0 END, "Id" """;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) Add(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        index.Employee = [.. employee];
        index.Day = [.. day];
        index.From = [.. from];
        index.To = [.. to];
        index.Existing = [.. existing];
        return index;

        // The reader holds the whole row once read (no sequential access), so reading its fields does not block.
        void Add(DbDataReader reader)
        {
            var person = reader.GetInt32(0);
            // A first role on record after a history file brought what came before it is where the record began, not a hire.
            var laterFirst = reader.IsDBNull(2) && employee.Count > 0 && employee[^1] == person;
            employee.Add(person);
            day.Add(reader.GetFieldValue<DateOnly>(1).DayNumber);
            from.Add((short)(reader.IsDBNull(2) ? NoRole : index.Slot(reader.GetString(2))));
            to.Add((short)index.Slot(reader.GetString(3)));
            existing.Add(laterFirst || reader.GetString(4) == nameof(RoleChangeSource.Existing));
        }
    }

    int Slot(string code)
    {
        if (slots.TryGetValue(code, out var s)) return s;
        slots[code] = s = codes.Count;
        codes.Add(code);
        return s;
    }
}

/// <summary>This app's role-history index, rebuilt when the people change (a role change only ever comes with one).</summary>
public sealed class RoleHistoryCache : IDisposable
{
    readonly SemaphoreSlim gate = new(1, 1);
    long? stamp;
    RoleHistoryIndex? index;

    public async Task<RoleHistoryIndex> GetAsync(CareerMapDb db, CancellationToken ct = default)
    {
        var (_, people) = await ChangeStamps.ReadAsync(db, ct);
        if (index is { } known && stamp == people) return known;
        await gate.WaitAsync(ct);
        try
        {
            if (index is null || stamp != people)
            {
                index = await RoleHistoryIndex.LoadAsync(db, ct);
                stamp = people;
            }
            return index;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
