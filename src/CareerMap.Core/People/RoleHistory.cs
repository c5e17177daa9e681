using System.Globalization;
using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CareerMap.People;

/// <summary>Where a role change came from; Existing is the role a person already held when history began (the upgrade that added it); Imported, a history file of the past.</summary>
public enum RoleChangeSource { Roster, Scim, Generated, Existing, Imported }

/// <summary>
/// One change of a person's role, append-only. Roles are kept by code, not by key: the history outlives a role HR later
/// retires. A change with no <see cref="FromRole"/> is the first role on record (a hire, or a person brought in mid-career).
/// </summary>
public sealed class RoleChange
{
    public long Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee Employee { get; set; } = null!;
    public DateOnly On { get; set; }
    public string? FromRole { get; set; }
    public required string ToRole { get; set; }
    public RoleChangeSource Source { get; set; }
}

/// <summary>A change as a person reads it: the kind of move is derived from today's framework, never stored.</summary>
public sealed record RoleChangeView(DateOnly On, string? FromRole, string ToRole, MoveKind? Kind, RoleChangeSource Source);

/// <summary>A change for the bulk writer, with the person's id resolved.</summary>
public sealed record RoleChangeRow(int EmployeeId, DateOnly On, string? FromRole, string ToRole, RoleChangeSource Source);

public static class RoleHistory
{

    /// <summary>The person's role changes, newest first.</summary>
    public static async Task<IReadOnlyList<RoleChangeView>> OfAsync(CareerMapDb db, FrameworkDocument framework, int employeeId, CancellationToken ct = default)
    {
        var rows = await db.RoleChanges.AsNoTracking().Where(c => c.EmployeeId == employeeId).OrderByDescending(c => c.On).ThenByDescending(c => c.Id).ToListAsync(ct);
        // A first role on record that a history file has since put a past before is where the record began, not a first role: left out.
        var oldest = rows.Count > 0 ? rows[^1] : null;
        rows.RemoveAll(c => c.FromRole is null && (c != oldest || rows.Any(o => o != c && o.On == c.On && o.ToRole == c.ToRole)));
        return [.. rows.Select(c => new RoleChangeView(c.On, c.FromRole, c.ToRole, c.FromRole is null ? null : framework.KindOf(c.FromRole, c.ToRole), c.Source))];
    }

    /// <summary>Appends changes in bulk inside the context's transaction: one prepared statement a row on SQLite, binary COPY on PostgreSQL.</summary>
    public static async Task AddAsync(CareerMapDb db, IReadOnlyCollection<RoleChangeRow> changes, CancellationToken ct = default)
    {
        if (changes.Count == 0) return;
        if (db.Database.IsNpgsql())
        {
            await using var w = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync(
                """COPY role_changes ("EmployeeId","On","FromRole","ToRole","Source") FROM STDIN (FORMAT BINARY)""", ct);
            w.Timeout = PeopleWriter.CopyTimeout;
            foreach (var c in changes)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(c.EmployeeId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(c.On, NpgsqlDbType.Date, ct);
                if (c.FromRole is null) await w.WriteNullAsync(ct); else await w.WriteAsync(c.FromRole, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.ToRole, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(c.Source.ToString(), NpgsqlDbType.Varchar, ct);
            }
            await w.CompleteAsync(ct);
            return;
        }
        await using var cmd = PeopleWriter.Command(db, """INSERT INTO role_changes ("EmployeeId","On","FromRole","ToRole","Source") VALUES ($employee,$on,$from,$to,$source)""");
        var p = PeopleWriter.Parameters(cmd, "$employee", "$on", "$from", "$to", "$source");
        await cmd.PrepareAsync(ct);
        foreach (var c in changes)
        {
            p[0].Value = c.EmployeeId; p[1].Value = c.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); p[2].Value = (object?)c.FromRole ?? DBNull.Value;
            p[3].Value = c.ToRole; p[4].Value = c.Source.ToString();
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
