using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareerMap.Data;

public sealed record BackupResult(bool Ok, string Message);

/// <summary>
/// Whole-database backup and restore. SQLite uses its online backup API, so the app may keep serving;
/// PostgreSQL uses pg_dump and pg_restore (custom format, restored in a single transaction).
/// </summary>
public static class Backups
{
    public static async Task<BackupResult> BackupAsync(DatabaseTarget target, string file, CancellationToken ct = default)
    {
        var temp = file + ".partial";
        File.Delete(temp);
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            await using (var source = new SqliteConnection(target.ConnectionString))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
            }
        }
        else
        {
            var run = await PgToolAsync("pg_dump", target, ["--format=custom", "--no-owner", $"--file={temp}"], ct);
            if (!run.Ok) { File.Delete(temp); return run; }
        }
        File.Move(temp, file, overwrite: true);
        return new(true, $"Backed up {target.Describe()} to {Path.GetFileName(file)} ({new FileInfo(file).Length:N0} bytes)");
    }

    public static async Task<BackupResult> RestoreAsync(DatabaseTarget target, string file, CancellationToken ct = default)
    {
        if (!File.Exists(file)) return new(false, $"{Path.GetFileName(file)}: file not found");
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var problem = await CheckSqliteBackupAsync(file, ct);
            if (problem is not null) return new(false, $"{Path.GetFileName(file)}: {problem}; the database was not touched");
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var live = new SqliteConnection(target.ConnectionString);
            await backup.OpenAsync(ct);
            await live.OpenAsync(ct);
            backup.BackupDatabase(live);
            SqliteConnection.ClearAllPools();
            return new(true, $"Restored {Path.GetFileName(file)} into {target.Describe()}");
        }
        var header = new byte[5];
        await using (var stream = File.OpenRead(file)) _ = await stream.ReadAsync(header, ct);
        if (!header.AsSpan().SequenceEqual("PGDMP"u8)) return new(false, $"{Path.GetFileName(file)}: not a pg_dump custom-format backup; the database was not touched");
        var run = await PgToolAsync("pg_restore", target, ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", file], ct);
        NpgsqlConnection.ClearAllPools();
        return run.Ok ? new(true, $"Restored {Path.GetFileName(file)} into {target.Describe()}") : run with { Message = run.Message + "; nothing was restored" };
    }

    static async Task<string?> CheckSqliteBackupAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('__EFMigrationsHistory', 'roles', 'employees')";
            return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 3 ? null : "not a CareerMap database";
        }
        catch (SqliteException e)
        {
            return $"not a readable SQLite database ({e.SqliteErrorCode})";
        }
    }

    static async Task<BackupResult> PgToolAsync(string tool, DatabaseTarget target, string[] args, CancellationToken ct)
    {
        var path = FindTool(tool);
        if (path is null) return new(false, $"{tool} was not found on PATH or in /usr/lib/postgresql/*/bin; install the PostgreSQL client");
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        var info = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.ArgumentList.Add($"--dbname={cs.Database}");
        info.Environment["PGHOST"] = cs.Host;
        info.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cs.Username is { } user) info.Environment["PGUSER"] = user;
        if (cs.Password is { } password) info.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? new(true, "") : new(false, $"{tool} failed: {(await error).Trim()}");
    }

    static string? FindTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
    }
}
