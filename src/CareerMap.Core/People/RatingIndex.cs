using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CareerMap.Data;
using CareerMap.Paths;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace CareerMap.People;

/// <summary>
/// Every person's effective rating of every competency, one contiguous byte array per competency (a byte per person),
/// for ranking a whole workforce against a role without asking the database: a ranking reads only the role's
/// competencies, a vector of people at a time. Built from the database, so each app instance can hold its own;
/// <see cref="CatchUpAsync"/> follows the assessments added since. About 12 bytes plus one per competency for each person.
/// </summary>
public sealed class RatingIndex
{
    const byte ManagerRated = 0x80, LevelBits = 0x7F;
    const int ParallelFromRows = 1 << 16;
    static readonly int Lanes = Vector<byte>.Count;

    readonly Dictionary<string, int> columns;
    readonly Dictionary<int, int> columnOfCompetencyId;
    readonly int width;
    int[] ids = [];
    byte[][] levels = [];
    byte[]? unrated;
    ushort[] roles = [];
    ushort[] locations = [];
    int[] roleStarts = [];
    int[] managers = [];
    int[] formerIds = [], formerManagers = [];
    ReportingTree? tree;
    readonly List<string?> locationNames = [];
    readonly Dictionary<string, ushort> locationOf = new(StringComparer.OrdinalIgnoreCase);
    readonly List<string> roleCodes = [];
    readonly Dictionary<int, ushort> roleOfId = [];
    readonly ConditionalWeakTable<CareerGraph, RoleNeeds> needsByGraph = [];
    long lastAssessment;
    DateOnly cutoff;
    ConditionalWeakTable<CareerGraph, ConcurrentDictionary<string, object>> remembered = [];

    RatingIndex(IReadOnlyList<(int Id, string Code)> competencies)
    {
        width = competencies.Count;
        columns = competencies.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        columnOfCompetencyId = competencies.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
    }

    public int Count => ids.Length;

    /// <summary>Rows rounded up to whole vectors; the rows past <see cref="Count"/> are unrated and never ranked.</summary>
    int Capacity => levels.Length == 0 ? 0 : levels[0].Length;

    public long Bytes => ids.Length * 4L + (long)width * Capacity + roles.Length * 2L + locations.Length * 2L + roleStarts.Length * 4L + managers.Length * 4L
        + (formerIds.Length + formerManagers.Length) * 4L + (tree?.Bytes ?? 0);

    public static async Task<RatingIndex> LoadAsync(CareerMapDb db, DateOnly today, CancellationToken ct = default)
    {
        var competencies = await db.Competencies.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var index = new RatingIndex([.. competencies.Select(c => (c.Id, c.Code))]) { cutoff = today.AddMonths(-EffectiveRatings.ManagerRatingMonths) };
        foreach (var r in await db.Roles.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Code }).ToListAsync(ct))
        {
            index.roleOfId[r.Id] = (ushort)index.roleCodes.Count;
            index.roleCodes.Add(r.Code);
        }
        await using var connection = await DirectConnection.OpenAsync(db, ct);
        await index.ReadPeopleAsync(connection, ct);
        var to = await connection.ScalarAsync("""SELECT COALESCE(MAX("Id"), 0) FROM assessments""", ct);
        // The day of the rating standing in each cell, so that a later-dated rating read earlier is not overwritten.
        var days = new int[index.Count * index.width];
        var cells = new Cells(index.levels, days, null);
        if (index.Count < ParallelFromRows || Environment.ProcessorCount < 2 || !connection.CanOpenAnother)
            await index.ReadRatingsAsync(connection, 0, to, """ ORDER BY "Id" """, cells, ct);
        else
        {
            // Two readers, each on its own connection with half the people, so their cells never meet (the unary plus
            // keeps SQLite on the table in id order rather than on the employee index and a sort).
            var middle = index.ids[index.Count / 2];
            await using var second = await connection.AnotherAsync(ct);
            await Task.WhenAll(
                Task.Run(() => index.ReadRatingsAsync(connection, 0, to, $""" AND +"EmployeeId" < {middle} ORDER BY "Id" """, cells, ct), ct),
                Task.Run(() => index.ReadRatingsAsync(second, 0, to, $""" AND +"EmployeeId" >= {middle} ORDER BY "Id" """, cells, ct), ct));
        }
        index.lastAssessment = to;
        return index;
    }

    async Task ReadPeopleAsync(DirectConnection connection, CancellationToken ct)
    {
        List<int> people = [], starts = [], leaders = [];
        List<ushort> roleSlots = [], places = [];
        await using (var reader = await connection.ReadAsync($"""
            SELECT "Id", "RoleId", "Location", {connection.DayNumber("RoleStartDate")}, "ManagerId" FROM employees WHERE "DeactivatedOn" IS NULL ORDER BY "Id"
            """, ct))
        {
            while (await reader.ReadAsync(ct)) AddPerson(reader);
        }
        List<int> former = [], formerLeaders = [];
        await using (var reader = await connection.ReadAsync("""
            SELECT "Id", "ManagerId" FROM employees WHERE "DeactivatedOn" IS NOT NULL ORDER BY "Id"
            """, ct))
        {
            while (await reader.ReadAsync(ct)) AddFormer(reader);
        }
        formerIds = [.. former];
        formerManagers = [.. formerLeaders];
        ids = [.. people];
        roles = [.. roleSlots];
        locations = [.. places];
        roleStarts = [.. starts];
        managers = [.. leaders];
        var capacity = (ids.Length + Lanes - 1) / Lanes * Lanes;
        levels = [.. Enumerable.Range(0, width).Select(_ => new byte[capacity])];

        // The reader holds the whole row once read (no sequential access), so reading its fields does not block.
        void AddFormer(DbDataReader reader)
        {
            former.Add(reader.GetInt32(0));
            formerLeaders.Add(reader.IsDBNull(1) ? 0 : reader.GetInt32(1));
        }

        void AddPerson(DbDataReader reader)
        {
            people.Add(reader.GetInt32(0));
            roleSlots.Add(roleOfId[reader.GetInt32(1)]);
            places.Add(Location(reader.IsDBNull(2) ? null : reader.GetString(2)));
            starts.Add(reader.GetInt32(3));
            leaders.Add(reader.IsDBNull(4) ? 0 : reader.GetInt32(4));
        }
    }

    /// <summary>
    /// Applies the counting ratings with ids in (from, to], narrowed and ordered by `rest` (SQL), which must keep each
    /// cell's ratings in id order. A cell takes a rating dated no earlier than the one it holds; a manager rating always
    /// displaces a self rating.
    /// </summary>
    async Task ReadRatingsAsync(DirectConnection connection, long from, long to, string rest, Cells into, CancellationToken ct)
    {
        // Only the ratings that can count: self ratings, and manager ratings still inside their window.
        var sql = $"""
            SELECT "EmployeeId", "CompetencyId", "Level", CASE WHEN "Source" = 'Manager' THEN 1 ELSE 0 END, {connection.DayNumber("AssessedOn")} FROM assessments
            WHERE "Id" > @from AND "Id" <= @to AND ("Source" = 'Self' OR ("Source" = 'Manager' AND "AssessedOn" >= @cutoff))
            """ + rest;
        var rows = new RowOfEmployee(ids);
        if (connection.Sqlite is { } sqlite)
        {
            ReadRatings(sqlite, sql, from, to, rows, into, ct);
            return;
        }
        await using var reader = await connection.ReadAsync(sql, ct, ("@from", from), ("@to", to), ("@cutoff", cutoff));
        while (await reader.ReadAsync(ct)) Apply(rows, into, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3) == 1, reader.GetInt32(4));
    }

    /// <summary>The same straight off SQLite's statement: the data reader's checks cost more than SQLite's own work here.</summary>
    void ReadRatings(SqliteConnection connection, string sql, long from, long to, RowOfEmployee rows, Cells into, CancellationToken ct)
    {
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        using (statement)
        {
            Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@from"), from));
            Check(raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "@to"), to));
            Check(raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, "@cutoff"), cutoff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            int result, read = 0;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (++read % 65536 == 0) ct.ThrowIfCancellationRequested();
                Apply(rows, into, raw.sqlite3_column_int(statement, 0), raw.sqlite3_column_int(statement, 1), raw.sqlite3_column_int(statement, 2),
                    raw.sqlite3_column_int(statement, 3) == 1, raw.sqlite3_column_int(statement, 4));
            }
            Check(result);
        }

        void Check(int code)
        {
            if (code is not (raw.SQLITE_OK or raw.SQLITE_DONE)) throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), code);
        }
    }

    void Apply(RowOfEmployee rows, Cells into, int employee, int competency, int level, bool manager, int day)
    {
        var row = rows.Of(employee);
        if (row < 0 || !columnOfCompetencyId.TryGetValue(competency, out var column)) return;
        var slot = into.SlotOf?.Invoke(row) ?? row;
        ref var cell = ref into.Levels[column][slot];
        ref var standing = ref into.Days[slot * width + column];
        var managerRated = (cell & ManagerRated) != 0;
        if (manager ? !managerRated || day >= standing : !managerRated && day >= standing)
        {
            cell = (byte)((manager ? ManagerRated : 0) | level);
            standing = day;
        }
    }

    /// <summary>Rows of employee ids, remembering the last: ratings mostly arrive person by person.</summary>
    sealed class RowOfEmployee(int[] ids)
    {
        int employee = -1, row = -1;

        public int Of(int id)
        {
            if (id != employee) (employee, row) = (id, Array.BinarySearch(ids, id));
            return row;
        }
    }

    /// <summary>Where ratings land: level columns and the day of the rating standing in each cell, by slot (the row unless mapped).</summary>
    sealed record Cells(byte[][] Levels, int[] Days, Func<int, int>? SlotOf);

    /// <summary>
    /// Follows the assessments recorded since the index was built or last caught up: each person rated since has
    /// their cells worked out again from their whole history, so a rating dated in the past lands where it belongs.
    /// </summary>
    public async Task CatchUpAsync(CareerMapDb db, CancellationToken ct = default)
    {
        await using var connection = await DirectConnection.OpenAsync(db, ct);
        var to = await connection.ScalarAsync("""SELECT COALESCE(MAX("Id"), 0) FROM assessments""", ct);
        if (to <= lastAssessment) return;
        var rated = new List<int>();
        await using (var reader = await connection.ReadAsync("""SELECT DISTINCT "EmployeeId" FROM assessments WHERE "Id" > @from AND "Id" <= @to""", ct, ("@from", lastAssessment), ("@to", to)))
            while (await reader.ReadAsync(ct))
                if (Array.BinarySearch(ids, reader.GetInt32(0)) is >= 0 and var row) rated.Add(row);
        foreach (var batch in rated.Order().Chunk(500))
        {
            // Worked out aside and copied in, so a ranking running meanwhile never sees a person half rated.
            var slot = batch.Select((row, i) => (row, i)).ToDictionary(x => x.row, x => x.i);
            var fresh = new byte[width][];
            for (var c = 0; c < width; c++) fresh[c] = new byte[batch.Length];
            var days = new int[batch.Length * width];
            await ReadRatingsAsync(connection, 0, to, $""" AND "EmployeeId" IN ({string.Join(',', batch.Select(r => ids[r]))}) ORDER BY "EmployeeId", "Id" """,
                new(fresh, days, row => slot[row]), ct);
            foreach (var row in batch)
                for (var c = 0; c < width; c++) levels[c][row] = fresh[c][slot[row]];
        }
        lastAssessment = to;
        remembered = [];
    }

    /// <summary>
    /// A figure worked out from this index and a framework's graph, kept until the next rating reaches the index (a
    /// change of people or framework builds a new index or graph): a report a hundred people ask for is tallied once.
    /// </summary>
    public T Remember<T>(CareerGraph graph, string key, Func<T> compute) where T : class =>
        (T)remembered.GetValue(graph, _ => new()).GetOrAdd(key, _ => compute());

    /// <summary>The same for what takes reading the database too: asked at once, it is worked out once; a failure is forgotten.</summary>
    public async Task<T> RememberAsync<T>(CareerGraph graph, string key, Func<Task<T>> compute) where T : class
    {
        var kept = remembered.GetValue(graph, _ => new());
        var work = (Task<T>)kept.GetOrAdd(key, _ => compute());
        try { return await work; }
        catch { kept.TryRemove(new KeyValuePair<string, object>(key, work)); throw; }
    }

    /// <summary>What prerequisites ask beyond ratings and time in role, once read (see <see cref="RatingIndexCache.FactsAsync"/>).</summary>
    internal PrerequisiteFacts? Facts { get; private set; }

    internal async Task<PrerequisiteFacts> LoadFactsAsync(CareerMapDb db, DateOnly today, CancellationToken ct)
    {
        var contactCenter = new int[Count];
        var holders = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var records = await Credentials.RecordsAsync(db, null, ct);
        await using var connection = await DirectConnection.OpenAsync(db, ct);
        await using (var reader = await connection.ReadAsync("""
            SELECT "Id", "Languages", "Certifications", "ContactCenterMonths" FROM employees WHERE "DeactivatedOn" IS NULL ORDER BY "Id"
            """, ct))
        {
            while (await reader.ReadAsync(ct)) AddPerson(reader);
        }
        var monthsInRole = Enumerable.Range(0, Count).Select(row => MonthsInRole(row, today)).ToArray();
        return Facts = new PrerequisiteFacts(monthsInRole, contactCenter, holders.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase));

        // The reader holds the whole row once read (no sequential access), so reading its fields does not block.
        void AddPerson(DbDataReader reader)
        {
            var row = RowOf(reader.GetInt32(0));
            if (row < 0) return;
            contactCenter[row] = reader.GetInt32(3);
            Hold(PrerequisiteFacts.Language, Listed(reader.IsDBNull(1) ? null : reader.GetString(1)), row);
            var dated = records[reader.GetInt32(0)];
            var listed = Listed(reader.IsDBNull(2) ? null : reader.GetString(2));
            Hold(PrerequisiteFacts.Credential, dated.Any() ? CredentialHolding.Of(listed, dated, today).Held : listed, row);
        }

        // Most people hold nothing: "[]" is not worth parsing.
        static IEnumerable<string> Listed(string? json) =>
            json is null || json.Length <= 2 ? [] : System.Text.Json.JsonSerializer.Deserialize<List<string>>(json) ?? [];

        void Hold(string kind, IEnumerable<string> values, int row)
        {
            foreach (var value in values)
            {
                var key = kind + value;
                if (!holders.TryGetValue(key, out var rows)) holders[key] = rows = [];
                if (rows.Count == 0 || rows[^1] != row) rows.Add(row);
            }
        }
    }

    ushort Location(string? name)
    {
        var key = name ?? "";
        if (locationOf.TryGetValue(key, out var i)) return i;
        locationOf[key] = i = (ushort)locationNames.Count;
        locationNames.Add(name);
        return i;
    }

    public string? LocationOf(int row) => locationNames[locations[row]];

    /// <summary>The day number the person started in their role.</summary>
    public int RoleStartDay(int row) => roleStarts[row];

    public int MonthsInRole(int row, DateOnly today) => PeopleDirectory.MonthsBetween(DateOnly.FromDayNumber(roleStarts[row]), today);

    public int Level(int row, string competency) => columns.TryGetValue(competency, out var c) ? levels[c][row] & LevelBits : 0;

    public int EmployeeId(int row) => ids[row];

    /// <summary>The employee id of the person's manager; 0 for none.</summary>
    public int ManagerOf(int row) => managers[row];

    /// <summary>
    /// The employee ids of the leader and everyone below them at any depth, people who left included, ascending: the
    /// people of <see cref="ReportingLine.SelfAndBelow"/>, worked out from memory (as of the index's build; a change of
    /// the people builds a new index).
    /// </summary>
    public IReadOnlyList<int> LineIds(int leaderId) =>
        LazyInitializer.EnsureInitialized(ref tree, () => new ReportingTree(ids, managers, formerIds, formerManagers)).Line(leaderId);

    /// <summary>The person's row; negative when they are not in the index (deactivated, or added since it was built).</summary>
    public int RowOf(int employeeId) => Array.BinarySearch(ids, employeeId);

    public string Role(int row) => roleCodes[roles[row]];

    /// <summary>Role codes by slot, and each person's slot: filters by role decide once per role, not once per person.</summary>
    public IReadOnlyList<string> RoleCodes => roleCodes;

    /// <summary>Every location someone works at, in order.</summary>
    public IReadOnlyList<string> Locations => [.. locationNames.OfType<string>().Order(StringComparer.CurrentCulture)];

    public int RoleSlot(int row) => roles[row];

    int[]? peopleInSlot;

    /// <summary>How many people hold the role of a slot.</summary>
    public int PeopleInSlot(int slot)
    {
        if (peopleInSlot is null)
        {
            var counts = new int[roleCodes.Count];
            foreach (var r in roles) counts[r]++;
            peopleInSlot = counts;
        }
        return peopleInSlot[slot];
    }

    /// <summary>The best of a ranking, and how everyone considered splits into DESIGN.md's bench on their competencies.</summary>
    public sealed record Ranking(IReadOnlyList<(int Row, double Readiness, bool CriticalMet)> Top, int Considered, int ReadyNow, int WithinAYear, int Later);

    /// <summary>The people most ready for a role: readiness on the competencies alone, every critical one met first.</summary>
    public IReadOnlyList<(int Row, double Readiness, bool CriticalMet)> Rank(IReadOnlyList<Need> needs, int top, Func<int, bool>? include = null) =>
        RankAll(needs, top, include).Top;

    /// <summary>
    /// Ranks and counts the bench in one pass: ready now at 90 % with every critical competency met; within a year when
    /// the gaps close in 12 months at DESIGN.md's months per level; later otherwise. Prerequisites are not in the index.
    /// </summary>
    /// <param name="among">When set, only these people (employee ids) are considered: a manager's line of a few hundred
    /// is scored in the blocks that hold them, not across a million rows.</param>
    public Ranking RankAll(IReadOnlyList<Need> needs, int top, Func<int, bool>? include = null, IReadOnlyCollection<int>? among = null)
    {
        var role = new RoleScan(this, needs);
        var blocks = Capacity / Math.Max(1, Lanes);
        var parts = Count >= ParallelFromRows ? Math.Max(1, Environment.ProcessorCount) : 1;
        var results = new PartRanking[parts];
        if (among is not null)
        {
            var rows = among.Select(id => Array.BinarySearch(ids, id)).Where(r => r >= 0).Order().ToArray();
            results = [Scan(role, 0, blocks, top, include, rows)];
        }
        else if (parts == 1) results[0] = Scan(role, 0, blocks, top, include);
        else Parallel.For(0, parts, part => results[part] = Scan(role, blocks * part / parts, blocks * (part + 1) / parts, top, include));
        var best = results.SelectMany(r => r.Best).OrderByDescending(c => c.Key).ThenBy(c => c.Row).Take(top)
            .Select(c => (c.Row, role.Readiness(c.Key), c.Key > role.Total)).ToList();
        var considered = results.Sum(r => r.Considered);
        var ready = results.Sum(r => r.ReadyNow);
        var within = results.Sum(r => r.WithinAYear);
        return new(best, considered, ready, within, considered - ready - within);
    }

    sealed record PartRanking(List<(int Row, int Key)> Best, int Considered, int ReadyNow, int WithinAYear);

    /// <summary>A row scored against a role on competencies alone: ready now on them (90 % with every critical one met), and its summed level gaps (saturating past 128).</summary>
    public delegate void RowScored(int row, bool competenciesReady, int gaps);

    /// <summary>Scores every row (or only <paramref name="rows"/>, ascending) against a role, a vector of rows at a time.</summary>
    public void ScoreEach(IReadOnlyList<Need> needs, int[]? rows, RowScored each)
    {
        var role = new RoleScan(this, needs);
        Span<Vector<int>> key = stackalloc Vector<int>[4];
        var quarter = Vector<int>.Count;
        var next = 0;
        for (var block = 0; block < Capacity / Math.Max(1, Lanes); block++)
        {
            if (rows is not null)
            {
                if (next == rows.Length) break;
                block = Math.Max(block, rows[next] / Lanes);
            }
            var start = block * Lanes;
            role.Score(start, key, out var gaps);
            for (var lane = 0; lane < Lanes && start + lane < Count; lane++)
            {
                var row = start + lane;
                if (rows is not null)
                {
                    if (next == rows.Length || rows[next] != row) continue;
                    next++;
                }
                each(row, key[lane / quarter][lane % quarter] >= role.ReadyKey[0], gaps[lane]);
            }
        }
    }

    /// <summary>
    /// A block of rows from <paramref name="start"/> (a vector's worth; rows past <see cref="Count"/> are unrated): per
    /// lane, nonzero when the row is ready now on competencies, nonzero when its summed gaps close within a year, and the gaps.
    /// </summary>
    public delegate void BlockScored(int start, ReadOnlySpan<byte> ready, ReadOnlySpan<byte> near, ReadOnlySpan<byte> gaps);

    /// <summary>Scores every row against a role a vector at a time and hands over, whole, each block where some row is ready or near: most blocks of most roles hold neither.</summary>
    public void ScoreBlocks(IReadOnlyList<Need> needs, BlockScored each)
    {
        var role = new RoleScan(this, needs);
        Span<Vector<int>> key = stackalloc Vector<int>[4];
        Span<byte> ready = stackalloc byte[Lanes], near = stackalloc byte[Lanes], gapBytes = stackalloc byte[Lanes];
        for (var block = 0; block < Capacity / Math.Max(1, Lanes); block++)
        {
            var start = block * Lanes;
            role.Score(start, key, out var gaps);
            // The four quarters' comparisons (all ones or zero per int) narrowed back to a byte per lane.
            var readyLanes = Vector.AsVectorByte(Vector.Narrow(
                Vector.Narrow(Vector.GreaterThanOrEqual(key[0], role.ReadyKey), Vector.GreaterThanOrEqual(key[1], role.ReadyKey)),
                Vector.Narrow(Vector.GreaterThanOrEqual(key[2], role.ReadyKey), Vector.GreaterThanOrEqual(key[3], role.ReadyKey))));
            var nearLanes = Vector.LessThanOrEqual(gaps, role.MaxGaps);
            if (Vector.EqualsAll(readyLanes | nearLanes, Vector<byte>.Zero)) continue;
            readyLanes.CopyTo(ready);
            nearLanes.CopyTo(near);
            gaps.CopyTo(gapBytes);
            each(start, ready, near, gapBytes);
        }
    }

    /// <summary>The rows of these people (employee ids), ascending; those not in the index are left out.</summary>
    public int[] RowsOf(IEnumerable<int> employeeIds) => [.. employeeIds.Select(id => Array.BinarySearch(ids, id)).Where(r => r >= 0).Distinct().Order()];


    /// <summary>
    /// Scores the blocks [from, to) of rows. A person's key is their weighted met levels, plus more than any such sum
    /// when every critical competency is met, so one integer orders people as DESIGN.md does; among equal keys the
    /// lower row (the lower employee id) comes first, so a later row enters the best only with a strictly higher key.
    /// </summary>
    PartRanking Scan(RoleScan role, int from, int to, int top, Func<int, bool>? include, int[]? rows = null)
    {
        // Worst first: the lowest key, and among equal keys the highest row.
        var heap = new PriorityQueue<int, long>(top + 1);
        var threshold = top > 0 ? int.MinValue : int.MaxValue;
        int considered = 0, ready = 0, within = 0;
        Vector<int> readyCount = Vector<int>.Zero, withinCount = Vector<int>.Zero;
        var quarter = Vector<int>.Count;
        Span<int> keys = stackalloc int[Lanes];
        Span<byte> gaps = stackalloc byte[Lanes];
        Span<Vector<int>> key = stackalloc Vector<int>[4];
        var next = 0;
        for (var block = from; block < to; block++)
        {
            if (rows is not null)
            {
                if (next == rows.Length) break;
                block = Math.Max(block, rows[next] / Lanes);
            }
            var start = block * Lanes;
            role.Score(start, key, out var gapSum);
            if (include is null && rows is null && start + Lanes <= Count)
            {
                considered += Lanes;
                var soon = Vector.AsVectorSByte(Vector.LessThanOrEqual(gapSum, role.MaxGaps));
                Vector.Widen(soon, out var soonLow, out var soonHigh);
                Vector.Widen(soonLow, out var soon0, out var soon1);
                Vector.Widen(soonHigh, out var soon2, out var soon3);
                ReadOnlySpan<Vector<int>> soonQuarters = [soon0, soon1, soon2, soon3];
                for (var q = 0; q < 4; q++)
                {
                    var isReady = Vector.GreaterThanOrEqual(key[q], role.ReadyKey);
                    readyCount -= isReady;
                    withinCount -= Vector.AndNot(soonQuarters[q], isReady);
                    if (!Vector.GreaterThanAny(key[q], new Vector<int>(threshold))) continue;
                    for (var lane = 0; lane < quarter; lane++)
                        if (key[q][lane] > threshold) Offer(start + q * quarter + lane, key[q][lane]);
                }
                continue;
            }
            for (var q = 0; q < 4; q++) key[q].CopyTo(keys[(q * quarter)..]);
            gapSum.CopyTo(gaps);
            for (var lane = 0; lane < Lanes && start + lane < Count; lane++)
            {
                var row = start + lane;
                if (rows is not null)
                {
                    if (next == rows.Length || rows[next] != row) continue;
                    next++;
                }
                if (include is not null && !include(row)) continue;
                considered++;
                if (keys[lane] >= role.ReadyKey[0]) ready++;
                else if (gaps[lane] <= role.MaxGaps[0]) within++;
                if (keys[lane] > threshold) Offer(row, keys[lane]);
            }
        }
        return new([.. heap.UnorderedItems.Select(x => (x.Element, (int)(x.Priority >> 32)))], considered,
            ready + Vector.Sum(readyCount), within + Vector.Sum(withinCount));

        void Offer(int row, int key)
        {
            heap.Enqueue(row, ((long)key << 32) | (uint)(int.MaxValue - row));
            if (heap.Count > top) heap.Dequeue();
            if (heap.Count == top && heap.TryPeek(out _, out var worst)) threshold = (int)(worst >> 32);
        }
    }

    /// <summary>A role's needs laid out for the scan: its competencies' columns, levels and integer weights.</summary>
    sealed class RoleScan
    {
        readonly byte[][] columns;
        readonly Vector<byte>[] required;
        readonly Vector<uint>[] weights;
        readonly bool[] critical;
        readonly Vector<int> criticalBonus;
        public readonly int Total;
        public readonly Vector<int> ReadyKey;
        public readonly Vector<byte> MaxGaps = new((byte)(12 / PathFinder.MonthsPerLevel));

        public RoleScan(RatingIndex index, IReadOnlyList<Need> needs)
        {
            var units = WeightUnits(needs);
            columns = [.. needs.Select(n => index.columns.TryGetValue(n.Competency, out var c) ? index.levels[c] : index.unrated ??= new byte[index.Capacity])];
            required = [.. needs.Select(n => new Vector<byte>((byte)n.Level))];
            weights = [.. units.Select(u => new Vector<uint>((uint)u))];
            critical = [.. needs.Select(n => n.Critical)];
            Total = checked((int)needs.Select((n, i) => (long)n.Level * units[i]).Sum());
            if (Total >= int.MaxValue / 2) throw new NotSupportedException("the role's weights are too fine to rank in the index");
            criticalBonus = new Vector<int>(Total + 1);
            // The smallest weighted sum that reaches the threshold, worked out as readiness itself is compared.
            var met = 0;
            while (met <= Total && Readiness(met) < Paths.Readiness.ReadyThreshold) met++;
            ReadyKey = new Vector<int>(Total + 1 + met);
        }

        public double Readiness(int key)
        {
            var met = key > Total ? key - Total - 1 : key;
            return Total == 0 ? 1 : (double)met / Total;
        }

        /// <summary>Keys of the rows [start, start + lanes) in four quarters, and their summed level gaps (saturating past 128).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Score(int start, Span<Vector<int>> key, out Vector<byte> gaps)
        {
            var levelBits = new Vector<byte>(LevelBits);
            var cap = new Vector<byte>(128);
            Vector<uint> met0 = default, met1 = default, met2 = default, met3 = default;
            var criticalMet = Vector<byte>.AllBitsSet;
            gaps = Vector<byte>.Zero;
            for (var i = 0; i < columns.Length; i++)
            {
                var need = required[i];
                var level = Vector.Min(Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(columns[i]), (nuint)start) & levelBits, need);
                if (critical[i]) criticalMet &= Vector.Equals(level, need);
                gaps = Vector.Min(gaps, cap) + (need - level);
                Vector.Widen(level, out var low, out var high);
                Vector.Widen(low, out var l0, out var l1);
                Vector.Widen(high, out var l2, out var l3);
                var w = weights[i];
                met0 += l0 * w;
                met1 += l1 * w;
                met2 += l2 * w;
                met3 += l3 * w;
            }
            Vector.Widen(Vector.AsVectorSByte(criticalMet), out var cLow, out var cHigh);
            Vector.Widen(cLow, out var c0, out var c1);
            Vector.Widen(cHigh, out var c2, out var c3);
            key[0] = Vector.AsVectorInt32(met0) + (c0 & criticalBonus);
            key[1] = Vector.AsVectorInt32(met1) + (c1 & criticalBonus);
            key[2] = Vector.AsVectorInt32(met2) + (c2 & criticalBonus);
            key[3] = Vector.AsVectorInt32(met3) + (c3 & criticalBonus);
        }

        /// <summary>Weights as whole multiples of the finest decimal among them, so sums are exact integers.</summary>
        static long[] WeightUnits(IReadOnlyList<Need> needs)
        {
            var scale = 0;
            while (scale < 6 && needs.Any(n => decimal.Truncate(n.Weight * Pow10(scale)) != n.Weight * Pow10(scale))) scale++;
            var units = needs.Select(n => (long)decimal.Round(n.Weight * Pow10(scale))).ToArray();
            var common = units.Aggregate(0L, (a, b) => (long)BigInteger.GreatestCommonDivisor(a, b));
            return common > 1 ? [.. units.Select(u => u / common)] : units;
        }

        static decimal Pow10(int n) => n == 0 ? 1m : 10m * Pow10(n - 1);
    }

    /// <summary>Per group and competency: people whose role asks for it, how many meet the level, their summed gaps, and how many a manager rated within the window.</summary>
    public sealed record Tally(int Groups, IReadOnlyList<string> Competencies, int[] Headcount, int[] Required, int[] Meeting, int[] Gaps, int[] ManagerRated)
    {
        public int At(int group, int competency) => group * Competencies.Count + competency;
    }

    /// <summary>
    /// Tallies everyone (or only <paramref name="among"/>, employee ids) against their own role's requirements, in one pass
    /// over the index: <paramref name="groupOf"/> puts a row in a group (negative leaves it out).
    /// </summary>
    public Tally TallyRequirements(CareerGraph graph, int groups, Func<int, int> groupOf, IReadOnlyCollection<int>? among = null)
    {
        var codes = columns.OrderBy(c => c.Value).Select(c => c.Key).ToArray();
        var slotNeeds = roleCodes.Select(code => graph.Needs(code).Where(n => columns.ContainsKey(n.Competency)).Select(n => (Column: columns[n.Competency], Level: n.Level)).ToArray()).ToArray();
        var headcount = new int[groups];
        int[] required = new int[groups * width], meeting = new int[groups * width], gaps = new int[groups * width], managerRated = new int[groups * width];
        void Add(int row)
        {
            var g = groupOf(row);
            if (g < 0) return;
            headcount[g]++;
            foreach (var (column, level) in slotNeeds[roles[row]])
            {
                var cell = levels[column][row];
                var at = g * width + column;
                var have = cell & LevelBits;
                required[at]++;
                if (have >= level) meeting[at]++;
                else gaps[at] += level - have;
                if ((cell & ManagerRated) != 0) managerRated[at]++;
            }
        }
        if (among is null) for (var row = 0; row < Count; row++) Add(row);
        else foreach (var id in among) if (Array.BinarySearch(ids, id) is >= 0 and var row) Add(row);
        return new(groups, codes, headcount, required, meeting, gaps, managerRated);
    }

    /// <summary>How many people (everyone, or only <paramref name="among"/>) stand on a manager's rating from the window on any competency, on their own ratings only, or on none.</summary>
    public (int ManagerRated, int SelfRatedOnly, int NotAssessed) Coverage(IReadOnlyCollection<int>? among = null)
    {
        int manager = 0, self = 0, none = 0;
        void Add(int row)
        {
            var rated = false;
            for (var c = 0; c < width; c++)
            {
                var cell = levels[c][row];
                if ((cell & ManagerRated) != 0) { manager++; return; }
                rated |= cell != 0;
            }
            if (rated) self++; else none++;
        }
        if (among is null) for (var row = 0; row < Count; row++) Add(row);
        else foreach (var id in among) if (Array.BinarySearch(ids, id) is >= 0 and var row) Add(row);
        return (manager, self, none);
    }

    /// <summary>The rows of a group whose role asks for the competency, with the level they have, the level asked and whether a manager rated it.</summary>
    public IEnumerable<(int Row, int Level, int Required, bool ManagerRated)> Behind(CareerGraph graph, Func<int, bool> inGroup, string competency, IReadOnlyCollection<int>? among = null)
    {
        if (!columns.TryGetValue(competency, out var column)) yield break;
        var asked = roleCodes.Select(code => graph.Needs(code).FirstOrDefault(n => string.Equals(n.Competency, competency, StringComparison.OrdinalIgnoreCase))?.Level ?? 0).ToArray();
        IEnumerable<int> rows = among is null ? Enumerable.Range(0, Count) : among.Select(id => Array.BinarySearch(ids, id)).Where(r => r >= 0).Order();
        foreach (var row in rows)
        {
            var level = asked[roles[row]];
            if (level == 0 || !inGroup(row)) continue;
            var cell = levels[column][row];
            yield return (row, cell & LevelBits, level, (cell & ManagerRated) != 0);
        }
    }

    /// <summary>One person against every role of the graph, most ready first.</summary>
    public IReadOnlyList<(string Role, double Readiness)> ForPerson(int employeeId, CareerGraph graph)
    {
        var row = Array.BinarySearch(ids, employeeId);
        if (row < 0) return [];
        var mine = new int[width + 1];
        for (var c = 0; c < width; c++) mine[c] = levels[c][row] & LevelBits;
        var roleNeeds = needsByGraph.GetValue(graph, g => new RoleNeeds(this, g));
        var result = new List<(string, double)>(roleNeeds.Roles.Length);
        for (var r = 0; r < roleNeeds.Roles.Length; r++)
        {
            double met = 0, total = 0;
            for (var i = roleNeeds.Starts[r]; i < roleNeeds.Starts[r + 1]; i++)
            {
                met += Math.Min(mine[roleNeeds.Columns[i]], roleNeeds.Levels[i]) * roleNeeds.Weights[i];
                total += roleNeeds.Levels[i] * roleNeeds.Weights[i];
            }
            result.Add((roleNeeds.Roles[r], total == 0 ? 1 : met / total));
        }
        result.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return result;
    }

    /// <summary>The competencies (codes) on which a person falls short of what a role asks, into <paramref name="into"/> (cleared first); none for a role the graph does not know.</summary>
    public void Shortfalls(CareerGraph graph, int row, string role, List<string> into)
    {
        into.Clear();
        var roleNeeds = needsByGraph.GetValue(graph, g => new RoleNeeds(this, g));
        if (!roleNeeds.RoleNumbers.TryGetValue(role, out var r)) return;
        for (var i = roleNeeds.Starts[r]; i < roleNeeds.Starts[r + 1]; i++)
        {
            var column = roleNeeds.Columns[i];
            var level = column == width ? 0 : levels[column][row] & LevelBits;
            if (level < roleNeeds.Levels[i]) into.Add(roleNeeds.Competencies[i]);
        }
    }

    /// <summary>Every role's needs as column numbers, laid end to end once per graph; an unknown competency reads the always-zero column past the last.</summary>
    sealed class RoleNeeds
    {
        public readonly string[] Roles;
        public readonly int[] Starts, Columns, Levels;
        public readonly double[] Weights;
        public readonly string[] Competencies;
        public readonly Dictionary<string, int> RoleNumbers;

        public RoleNeeds(RatingIndex index, CareerGraph graph)
        {
            Roles = [.. graph.Roles.Select(r => r.Code)];
            RoleNumbers = Roles.Select((code, r) => (code, r)).ToDictionary(x => x.code, x => x.r, StringComparer.OrdinalIgnoreCase);
            Competencies = [.. Roles.SelectMany(graph.Needs).Select(n => n.Competency)];
            var needs = Roles.Select(graph.Needs).ToList();
            Starts = [0, .. needs.Select(n => n.Count)];
            for (var r = 1; r < Starts.Length; r++) Starts[r] += Starts[r - 1];
            Columns = [.. needs.SelectMany(n => n).Select(n => index.columns.TryGetValue(n.Competency, out var c) ? c : index.width)];
            Levels = [.. needs.SelectMany(n => n).Select(n => n.Level)];
            Weights = [.. needs.SelectMany(n => n).Select(n => (double)n.Weight)];
        }
    }

    /// <summary>The context's connection for reading rows straight off a data reader: no entities, no tracking.</summary>
    sealed class DirectConnection(CareerMapDb db, DbConnection connection, bool owned) : IAsyncDisposable
    {
        public static async Task<DirectConnection> OpenAsync(CareerMapDb db, CancellationToken ct)
        {
            await db.Database.OpenConnectionAsync(ct);
            return new(db, db.Database.GetDbConnection(), false);
        }

        /// <summary>Whether a second connection reaches the same database: not so for a private in-memory SQLite one.</summary>
        public bool CanOpenAnother => connection is not SqliteConnection sqlite
            || new SqliteConnectionStringBuilder(sqlite.ConnectionString) is { Mode: not SqliteOpenMode.Memory, DataSource: not (":memory:" or "") };

        /// <summary>A second connection to the same database, outside any transaction, for reading in parallel.</summary>
        public async Task<DirectConnection> AnotherAsync(CancellationToken ct)
        {
            var other = DbProviderFactories.GetFactory(connection)!.CreateConnection()!;
            other.ConnectionString = db.Database.GetConnectionString();
            await other.OpenAsync(ct);
            return new(db, other, true);
        }

        /// <summary>A date column as its <see cref="DateOnly.DayNumber"/>, worked out by the database rather than parsed here row by row.</summary>
        public string DayNumber(string column) => db.Database.IsNpgsql()
            ? $"""("{column}" - DATE '0001-01-01')"""
            : $"""CAST(julianday("{column}") - 1721425.5 AS INTEGER)""";

        public async Task<long> ScalarAsync(string sql, CancellationToken ct)
        {
            await using var command = Command(sql, []);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        public async Task<DbDataReader> ReadAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
        {
            var command = Command(sql, parameters);
            return await command.ExecuteReaderAsync(ct);
        }

        DbCommand Command(string sql, (string Name, object Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = owned ? null : db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            return command;
        }

        /// <summary>The SQLite connection, for reading straight off its statements; null on PostgreSQL.</summary>
        public SqliteConnection? Sqlite => connection as SqliteConnection;

        public ValueTask DisposeAsync() => owned ? connection.DisposeAsync() : new(db.Database.CloseConnectionAsync());
    }
}
