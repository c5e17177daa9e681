using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CareerMap.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the test run: CAREERMAP_TEST_PG when set, otherwise one started here
/// from Debian's binaries (initdb as the postgres user into a temp folder, loopback only, a free port),
/// stopped and removed when the test process exits.
/// </summary>
public static class PostgresServer
{
    static readonly Lazy<Task<(string? ConnectionString, string? Reason)>> Server = new(StartAsync);

    /// <summary>The admin connection string, or the reason there is none.</summary>
    public static Task<(string? ConnectionString, string? Reason)> GetAsync() => Server.Value;

    static async Task<(string?, string?)> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("CAREERMAP_TEST_PG");
        if (!string.IsNullOrWhiteSpace(given)) return (given, null);
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null) return (null, "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and CAREERMAP_TEST_PG is not set");

        var dir = Path.Combine(Path.GetTempPath(), $"careermap-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", $"postgres:postgres {dir}");
        var port = FreePort();
        var init = $"{bin}/initdb -D {dir}/data -A trust -U postgres -E UTF8 --no-sync";
        var start = $"{bin}/pg_ctl -D {dir}/data -l {dir}/server.log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start";
        await ShellAsync(init, asRoot);
        await ShellAsync(start, asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var stop = $"{bin}/pg_ctl -D {dir}/data -m immediate stop";
            try
            {
                using var p = Process.Start(Shell(stop, asRoot));
                p?.WaitForExit(10_000);
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException) { }
        };
        return ($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50", null);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // initdb refuses to run as root, so as root every server command runs as the postgres user.
    static ProcessStartInfo Shell(string command, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "su" : "bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres) info.ArgumentList.Add("postgres");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        return info;
    }

    static Task RunAsync(string file, string args) => RunAsync(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true });

    static Task ShellAsync(string command, bool asPostgres) => RunAsync(Shell(command, asPostgres));

    static async Task RunAsync(ProcessStartInfo info)
    {
        var file = info.FileName;
        var args = string.Join(' ', info.ArgumentList.Count > 0 ? info.ArgumentList : [info.Arguments]);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {await output} {await error}");
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
