using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CareerMap.People;

/// <summary>One person as the bulk writer stores them, with their own and their manager's id resolved.</summary>
public sealed record PersonRow(int Id, string Number, string Name, string Email, int RoleId, int? ManagerId, DateOnly HireDate, DateOnly RoleStartDate,
    string? Location, IReadOnlyList<string> Languages, IReadOnlyList<string> Certifications, int ContactCenterMonths);

/// <summary>
/// Writes people in bulk inside the context's transaction: one prepared statement a row on SQLite, binary COPY on
/// PostgreSQL. Managers may come after their reports: foreign keys are checked when the statement (PostgreSQL) or the
/// transaction (SQLite) ends.
/// </summary>
public static class PeopleWriter
{
    internal static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(30);

    const string Columns = """
        "Id","EmployeeNumber","Name","Email","RoleId","ManagerId","HireDate","RoleStartDate","Location","Languages","Certifications","ContactCenterMonths","Version"
        """;

    public static async Task<int> CountAsync(CareerMapDb db, CancellationToken ct = default) => await db.Employees.CountAsync(ct);

    public static async Task WriteAsync(CareerMapDb db, GeneratedPeople people, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Code, r => r.Id, StringComparer.OrdinalIgnoreCase, ct);
        var competencies = await db.Competencies.ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var total = people.Employees.Count + people.Assessments.Count;
        var done = 0;
        void Step() { if (++done % 5000 == 0) progress?.Report((double)done / total); }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var offset = (await db.Employees.MaxAsync(e => (int?)e.Id, ct)) ?? 0;
        await AddAsync(db, people.Employees.Select(e => new PersonRow(e.Id + offset, e.EmployeeNumber, e.Name, e.Email, roles[e.Role], e.ManagerId + offset,
            e.HireDate, e.RoleStartDate, e.Location, e.Languages, e.Certifications, e.ContactCenterMonths)), Step, ct);
        if (db.Database.IsNpgsql())
        {
            await CopyAssessmentsAsync((NpgsqlConnection)db.Database.GetDbConnection(), people, offset, competencies, Step, ct);
            await db.Database.ExecuteSqlRawAsync("""SELECT setval(pg_get_serial_sequence('employees', 'Id'), (SELECT MAX("Id") FROM employees))""", ct);
        }
        else await InsertAssessmentsAsync(db, people, offset, competencies, Step, ct);
        await RoleHistory.AddAsync(db, [.. people.RoleChanges.Select(c => new RoleChangeRow(c.EmployeeId + offset, c.On, c.From, c.To, RoleChangeSource.Generated))], ct);
        await ChangeStamps.BumpAsync(db, ChangeArea.People, ct);
        await tx.CommitAsync(ct);
        progress?.Report(1);
    }

    /// <summary>Ids for this many new people, taken inside the caller's transaction so no one else takes them.</summary>
    public static async Task<List<int>> NewIdsAsync(CareerMapDb db, int count, CancellationToken ct = default)
    {
        if (count == 0) return [];
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQuery<int>($"""SELECT nextval(pg_get_serial_sequence('employees', 'Id'))::int AS "Value" FROM generate_series(1, {count})""").ToListAsync(ct);
        // AUTOINCREMENT never hands out an id again, even one whose person was removed: start past both.
        var last = await db.Database.SqlQuery<int>($"""
            SELECT MAX(COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'employees'), 0), COALESCE((SELECT MAX("Id") FROM employees), 0)) AS "Value"
            """).SingleAsync(ct);
        return [.. Enumerable.Range(last + 1, count)];
    }

    /// <summary>Adds people with the ids given, inside the context's transaction.</summary>
    public static async Task AddAsync(CareerMapDb db, IEnumerable<PersonRow> people, Action? step = null, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            await using var w = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync($"COPY employees ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
            // Finishing a COPY of a million rows (checking keys, building indexes) outlasts the default 30 s timeout.
            w.Timeout = CopyTimeout;
            foreach (var e in people)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(e.Id, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(e.Number, NpgsqlDbType.Varchar, ct);
                await WriteFieldsAsync(w, e, ct);
                await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                step?.Invoke();
            }
            await w.CompleteAsync(ct);
            return;
        }
        await DeferForeignKeysAsync(db, ct);
        await using var cmd = Command(db, $"INSERT INTO employees ({Columns}) VALUES ($id,$number,$name,$email,$role,$manager,$hire,$start,$location,$languages,$certifications,$months,1)");
        var p = Parameters(cmd, "$id", "$number", "$name", "$email", "$role", "$manager", "$hire", "$start", "$location", "$languages", "$certifications", "$months");
        await cmd.PrepareAsync(ct);
        foreach (var e in people)
        {
            p[0].Value = e.Id; p[1].Value = e.Number;
            SetFields(p.AsSpan(2), e);
            await cmd.ExecuteNonQueryAsync(ct);
            step?.Invoke();
        }
    }

    /// <summary>Rewrites everything but the number of people already stored (by id), moving each one's version, inside the context's transaction.</summary>
    public static async Task UpdateAsync(CareerMapDb db, IReadOnlyCollection<PersonRow> people, CancellationToken ct = default)
    {
        if (people.Count == 0) return;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TEMP TABLE people_changes ("Id" integer PRIMARY KEY, "Name" text, "Email" text, "RoleId" integer, "ManagerId" integer, "HireDate" date,
                    "RoleStartDate" date, "Location" text, "Languages" text, "Certifications" text, "ContactCenterMonths" integer) ON COMMIT DROP
                """, ct);
            await using (var w = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginBinaryImportAsync("""
                COPY people_changes ("Id","Name","Email","RoleId","ManagerId","HireDate","RoleStartDate","Location","Languages","Certifications","ContactCenterMonths") FROM STDIN (FORMAT BINARY)
                """, ct))
            {
                w.Timeout = CopyTimeout;
                foreach (var e in people)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(e.Id, NpgsqlDbType.Integer, ct);
                    await WriteFieldsAsync(w, e, ct);
                }
                await w.CompleteAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE employees e SET "Name" = c."Name", "Email" = c."Email", "RoleId" = c."RoleId", "ManagerId" = c."ManagerId", "HireDate" = c."HireDate",
                    "RoleStartDate" = c."RoleStartDate", "Location" = c."Location", "Languages" = c."Languages", "Certifications" = c."Certifications",
                    "ContactCenterMonths" = c."ContactCenterMonths", "Version" = e."Version" + 1
                FROM people_changes c WHERE e."Id" = c."Id"
                """, ct);
            return;
        }
        await DeferForeignKeysAsync(db, ct);
        await using var cmd = Command(db, """
            UPDATE employees SET "Name" = $name, "Email" = $email, "RoleId" = $role, "ManagerId" = $manager, "HireDate" = $hire, "RoleStartDate" = $start,
                "Location" = $location, "Languages" = $languages, "Certifications" = $certifications, "ContactCenterMonths" = $months, "Version" = "Version" + 1
            WHERE "Id" = $id
            """);
        var p = Parameters(cmd, "$id", "$name", "$email", "$role", "$manager", "$hire", "$start", "$location", "$languages", "$certifications", "$months");
        await cmd.PrepareAsync(ct);
        foreach (var e in people)
        {
            p[0].Value = e.Id;
            SetFields(p.AsSpan(1), e);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Name through contact-centre months, in column order.</summary>
    static async Task WriteFieldsAsync(NpgsqlBinaryImporter w, PersonRow e, CancellationToken ct)
    {
        await w.WriteAsync(e.Name, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(e.Email, NpgsqlDbType.Varchar, ct);
        await w.WriteAsync(e.RoleId, NpgsqlDbType.Integer, ct);
        if (e.ManagerId is int m) await w.WriteAsync(m, NpgsqlDbType.Integer, ct); else await w.WriteNullAsync(ct);
        await w.WriteAsync(e.HireDate, NpgsqlDbType.Date, ct);
        await w.WriteAsync(e.RoleStartDate, NpgsqlDbType.Date, ct);
        if (e.Location is null) await w.WriteNullAsync(ct); else await w.WriteAsync(e.Location, NpgsqlDbType.Text, ct);
        await w.WriteAsync(Json(e.Languages), NpgsqlDbType.Text, ct);
        await w.WriteAsync(Json(e.Certifications), NpgsqlDbType.Text, ct);
        await w.WriteAsync(e.ContactCenterMonths, NpgsqlDbType.Integer, ct);
    }

    /// <summary>Name through contact-centre months, in column order.</summary>
    static void SetFields(Span<DbParameter> p, PersonRow e)
    {
        p[0].Value = e.Name; p[1].Value = e.Email; p[2].Value = e.RoleId; p[3].Value = e.ManagerId is int m ? m : DBNull.Value;
        p[4].Value = Date(e.HireDate); p[5].Value = Date(e.RoleStartDate); p[6].Value = (object?)e.Location ?? DBNull.Value;
        p[7].Value = Json(e.Languages); p[8].Value = Json(e.Certifications); p[9].Value = e.ContactCenterMonths;
    }

    /// <summary>A report may come before their manager: SQLite checks the keys at commit instead of at each row.</summary>
    static Task DeferForeignKeysAsync(CareerMapDb db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);

    /// <summary>A command inside the context's transaction, for the bulk paths.</summary>
    internal static DbCommand Command(CareerMapDb db, string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("bulk writes run inside a transaction");
        cmd.CommandText = sql;
        return cmd;
    }

    static async Task InsertAssessmentsAsync(CareerMapDb db, GeneratedPeople people, int offset, Dictionary<string, int> competencies, Action step, CancellationToken ct)
    {
        await using var cmd = Command(db, """
            INSERT INTO assessments ("EmployeeId","CompetencyId","Level","Source","AssessorId","AssessedOn","Evidence")
            VALUES ($employee,$competency,$level,$source,$assessor,$on,$evidence)
            """);
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

    static async Task CopyAssessmentsAsync(NpgsqlConnection connection, GeneratedPeople people, int offset, Dictionary<string, int> competencies, Action step, CancellationToken ct)
    {
        await using var w = await connection.BeginBinaryImportAsync("""
            COPY assessments ("EmployeeId","CompetencyId","Level","Source","AssessorId","AssessedOn","Evidence") FROM STDIN (FORMAT BINARY)
            """, ct);
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

    internal static DbParameter[] Parameters(DbCommand cmd, params string[] names) => [.. names.Select(n =>
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
