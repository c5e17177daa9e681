using CareerMap.Data;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Sample;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareerMap.Tests.Support;

public static class Providers
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => [Sqlite, Postgres];
}

/// <summary>A database of its own for one test: a copy of a prepared SQLite file, or a PostgreSQL database cloned from a template.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static string? sqliteTemplate;
    static bool postgresTemplate;
    const string Template = "careermap_template";
    const string EmptyTemplate = "careermap_empty";
    static string? sqliteEmpty;

    public required DatabaseTarget Target { get; init; }
    Func<Task> cleanup = () => Task.CompletedTask;

    /// <summary>Riverbend Health with its sample people and demo personas, on the given provider; or only the schema.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, bool empty = false)
    {
        if (provider == Providers.Sqlite)
        {
            var template = empty ? await SqliteEmptyAsync() : await SqliteTemplateAsync();
            var path = Path.Combine(Path.GetTempPath(), $"careermap-test-{Guid.NewGuid():N}.db");
            File.Copy(template, path);
            // Pooled, as the product runs it: a connection opened per query would read the schema afresh each time.
            var connectionString = $"Data Source={path}";
            return new TestDatabase
            {
                Target = DatabaseTarget.Parse(connectionString),
                cleanup = () =>
                {
                    using (var pooled = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(pooled);
                    foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
                    return Task.CompletedTask;
                },
            };
        }

        var (admin, reason) = await PostgresServer.GetAsync();
        if (admin is null)
        {
            // Under CI a missing PostgreSQL is a failure, never a quiet skip.
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"PostgreSQL is required under CI=true: {reason}");
            Assert.Skip(reason!);
        }
        await PostgresTemplateAsync(admin!);
        var name = $"careermap_test_{Guid.NewGuid():N}";
        await PostgresServer.ExecuteAsync(admin!, $"CREATE DATABASE {name} TEMPLATE {(empty ? EmptyTemplate : Template)}");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase
        {
            Target = DatabaseTarget.Parse(builder.ConnectionString),
            cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresServer.ExecuteAsync(admin!, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            },
        };
    }

    static async Task<string> SqliteTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (sqliteTemplate is not null) return sqliteTemplate;
            var path = Path.Combine(Path.GetTempPath(), $"careermap-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            var target = DatabaseTarget.Parse($"Data Source={path};Pooling=False");
            await target.MigrateAsync();
            await SeedAsync(target);
            // Fold the WAL back into the file so a plain copy carries everything.
            await using (var db = target.CreateContext())
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE);");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f); };
            return sqliteTemplate = path;
        }
        finally
        {
            Gate.Release();
        }
    }

    static async Task<string> SqliteEmptyAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (sqliteEmpty is not null) return sqliteEmpty;
            var path = Path.Combine(Path.GetTempPath(), $"careermap-empty-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            var target = DatabaseTarget.Parse($"Data Source={path};Pooling=False");
            await target.MigrateAsync();
            await using (var db = target.CreateContext())
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "PRAGMA wal_checkpoint(TRUNCATE);");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => { foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f); };
            return sqliteEmpty = path;
        }
        finally
        {
            Gate.Release();
        }
    }

    static async Task PostgresTemplateAsync(string admin)
    {
        await Gate.WaitAsync();
        try
        {
            if (postgresTemplate) return;
            await PostgresServer.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {EmptyTemplate} WITH (FORCE)");
            await PostgresServer.ExecuteAsync(admin, $"CREATE DATABASE {EmptyTemplate}");
            await DatabaseTarget.Parse(new NpgsqlConnectionStringBuilder(admin) { Database = EmptyTemplate }.ConnectionString).MigrateAsync();
            await PostgresServer.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
            await PostgresServer.ExecuteAsync(admin, $"CREATE DATABASE {Template}");
            var target = DatabaseTarget.Parse(new NpgsqlConnectionStringBuilder(admin) { Database = Template }.ConnectionString);
            await target.MigrateAsync();
            await SeedAsync(target);
            NpgsqlConnection.ClearAllPools();
            postgresTemplate = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The sample organization as the app loads it on first start, on the tests' day: the same people on both providers.</summary>
    static async Task SeedAsync(DatabaseTarget target)
    {
        await using var services = CareerMapServices.BuildCliServices(target, TestClock.Create());
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SampleOrganization>().LoadAsync();
    }

    public async ValueTask DisposeAsync() => await cleanup();
}
