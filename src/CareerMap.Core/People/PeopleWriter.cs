using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CareerMap.People;

/// <summary>Writes generated people in bulk: one prepared statement in one transaction on SQLite, binary COPY on PostgreSQL.</summary>
public static class PeopleWriter
{
    static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    public static async Task<int> CountAsync(CareerMapDb db, CancellationToken ct = default) => await db.Employees.CountAsync(ct);

    public static async Task WriteAsync(CareerMapDb db, GeneratedPeople people, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase, ct);
        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var offset = (await db.Employees.MaxAsync(e => (int?)e.Id, ct)) ?? 0;
        var total = people.Employees.Count + people.Assessments.Count;
        var done = 0;
        void Step() { if (++done % 5000 == 0) progress?.Report((double)done / total); }

        if (db.Database.IsNpgsql())
            await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), people, offset, roles, competencies, Step, ct);
        else
            await InsertAsync(db.Database.GetDbConnection(), people, offset, roles, competencies, Step, ct);
        progress?.Report(1);
    }

    static async Task InsertAsync(DbConnection connection, GeneratedPeople people, int offset, Dictionary<string, int> roles, Dictionary<string, int> competencies, Action step, CancellationToken ct)
    {
        await connection.OpenAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = """
                    INSERT INTO employees ("Id","EmployeeNumber","Name","Email","RoleId","ManagerId","HireDate","RoleStartDate","Location","Languages","Certifications","ContactCenterMonths","Version")
                    VALUES ($id,$number,$name,$email,$role,$manager,$hire,$start,$location,$languages,$certifications,$months,1)
                    """;
                var p = Parameters(cmd, "$id", "$number", "$name", "$email", "$role", "$manager", "$hire", "$start", "$location", "$languages", "$certifications", "$months");
                await cmd.PrepareAsync(ct);
                foreach (var e in people.Employees)
                {
                    p[0].Value = e.Id + offset; p[1].Value = e.EmployeeNumber; p[2].Value = e.Name; p[3].Value = e.Email; p[4].Value = roles[e.Role];
                    p[5].Value = e.ManagerId is int m ? m + offset : DBNull.Value; p[6].Value = Date(e.HireDate); p[7].Value = Date(e.RoleStartDate);
                    p[8].Value = e.Location; p[9].Value = Json(e.Languages); p[10].Value = Json(e.Certifications); p[11].Value = e.ContactCenterMonths;
                    await cmd.ExecuteNonQueryAsync(ct);
                    step();
                }
            }
            await using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = """
                    INSERT INTO assessments ("EmployeeId","CompetencyId","Level","Source","AssessorId","AssessedOn","Evidence")
                    VALUES ($employee,$competency,$level,$source,$assessor,$on,$evidence)
                    """;
                var p = Parameters(cmd, "$employee", "$competency", "$level", "$source", "$assessor", "$on", "$evidence");
                await cmd.PrepareAsync(ct);
                foreach (var a in people.Assessments)
                {
                    p[0].Value = a.EmployeeId + offset; p[1].Value = competencies[a.Competency]; p[2].Value = a.Level; p[3].Value = a.Source.ToString();
                    p[4].Value = a.AssessorId is int m ? m + offset : DBNull.Value; p[5].Value = Date(a.AssessedOn); p[6].Value = (object?)a.Evidence ?? DBNull.Value;
                    await cmd.ExecuteNonQueryAsync(ct);
                    step();
                }
            }
            await ChangeStamps.BumpAsync(connection, tx, ChangeArea.People, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    static async Task CopyAsync(NpgsqlConnection connection, GeneratedPeople people, int offset, Dictionary<string, int> roles, Dictionary<string, int> competencies, Action step, CancellationToken ct)
    {
        await connection.OpenAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using (var w = await connection.BeginBinaryImportAsync("""
                COPY employees ("Id","EmployeeNumber","Name","Email","RoleId","ManagerId","HireDate","RoleStartDate","Location","Languages","Certifications","ContactCenterMonths","Version") FROM STDIN (FORMAT BINARY)
                """, ct))
            {
                // Finishing a COPY of a million rows (checking keys, building indexes) outlasts the default 30 s timeout.
                w.Timeout = CopyTimeout;
                foreach (var e in people.Employees)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(e.Id + offset, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(e.EmployeeNumber, NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(e.Name, NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(e.Email, NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(roles[e.Role], NpgsqlDbType.Integer, ct);
                    if (e.ManagerId is int m) await w.WriteAsync(m + offset, NpgsqlDbType.Integer, ct); else await w.WriteNullAsync(ct);
                    await w.WriteAsync(e.HireDate, NpgsqlDbType.Date, ct);
                    await w.WriteAsync(e.RoleStartDate, NpgsqlDbType.Date, ct);
                    await w.WriteAsync(e.Location, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(Json(e.Languages), NpgsqlDbType.Text, ct);
                    await w.WriteAsync(Json(e.Certifications), NpgsqlDbType.Text, ct);
                    await w.WriteAsync(e.ContactCenterMonths, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                    step();
                }
                await w.CompleteAsync(ct);
            }
            await using (var w = await connection.BeginBinaryImportAsync("""
                COPY assessments ("EmployeeId","CompetencyId","Level","Source","AssessorId","AssessedOn","Evidence") FROM STDIN (FORMAT BINARY)
                """, ct))
            {
                w.Timeout = CopyTimeout;
                foreach (var a in people.Assessments)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(a.EmployeeId + offset, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(competencies[a.Competency], NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(a.Level, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(a.Source.ToString(), NpgsqlDbType.Varchar, ct);
                    if (a.AssessorId is int m) await w.WriteAsync(m + offset, NpgsqlDbType.Integer, ct); else await w.WriteNullAsync(ct);
                    await w.WriteAsync(a.AssessedOn, NpgsqlDbType.Date, ct);
                    if (a.Evidence is null) await w.WriteNullAsync(ct); else await w.WriteAsync(a.Evidence, NpgsqlDbType.Text, ct);
                    step();
                }
                await w.CompleteAsync(ct);
            }
            await using (var cmd = new NpgsqlCommand("""SELECT setval(pg_get_serial_sequence('employees', 'Id'), (SELECT MAX("Id") FROM employees))""", connection, tx))
                await cmd.ExecuteNonQueryAsync(ct);
            await ChangeStamps.BumpAsync(connection, tx, ChangeArea.People, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    static DbParameter[] Parameters(DbCommand cmd, params string[] names) => [.. names.Select(n =>
    {
        var p = cmd.CreateParameter();
        p.ParameterName = n;
        cmd.Parameters.Add(p);
        return p;
    })];

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    static string Json(IReadOnlyList<string> list) => JsonSerializer.Serialize(list, JsonOptions);
}
