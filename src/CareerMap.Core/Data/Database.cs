using Microsoft.EntityFrameworkCore;

namespace CareerMap.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Where the data lives: a connection string and the provider it names.</summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=careermap.db";

    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL when the string names a host (key/value or URI form); otherwise a SQLite file.</summary>
    public static DatabaseTarget Parse(string? connectionString)
    {
        var cs = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString.Trim();
        if (cs.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || cs.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Postgres, FromUri(new Uri(cs)));
        if (cs.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            return new(DatabaseProvider.Postgres, cs);
        if (!cs.Contains('=', StringComparison.Ordinal))
            cs = $"Data Source={cs}";
        return new(DatabaseProvider.Sqlite, cs);
    }

    static string FromUri(Uri uri)
    {
        var user = uri.UserInfo.Split(':', 2);
        var parts = new List<string> { $"Host={uri.Host}", $"Port={(uri.Port > 0 ? uri.Port : 5432)}", $"Database={uri.AbsolutePath.TrimStart('/')}" };
        if (user[0].Length > 0) parts.Add($"Username={Uri.UnescapeDataString(user[0])}");
        if (user.Length > 1) parts.Add($"Password={Uri.UnescapeDataString(user[1])}");
        return string.Join(';', parts);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("CareerMap.Data.Postgres"));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("CareerMap.Data.Sqlite"));
    }

    public CareerMapDb CreateContext()
    {
        var options = new DbContextOptionsBuilder<CareerMapDb>();
        Configure(options);
        return new CareerMapDb(options.Options);
    }

    /// <summary>Creates or upgrades the schema; SQLite files switch to WAL so readers never block the writer.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(ct);
        if (Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Connection string with the password hidden, for messages.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite ({ConnectionString})"
        : "PostgreSQL (" + string.Join(';', ConnectionString.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase))) + ")";
}
