using System.CommandLine;
using CareerMap.Data;

namespace CareerMap.Cli;

/// <summary>The `careermap` command line. Exit codes: 0 ok, 1 bad input or failed check, 2 usage error.</summary>
public static class CareerMapCli
{
    public const int Ok = 0, BadInput = 1, Usage = 2;

    static readonly Option<string?> Db = new("--db")
    {
        Description = "Database connection string: a SQLite file (Data Source=careermap.db) or PostgreSQL (Host=...;Database=...). Default: CAREERMAP_DB, then configuration, then careermap.db",
        Recursive = true,
    };

    internal static readonly Option<bool> Json = new("--json") { Description = "Write machine-readable JSON to standard output", Recursive = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("CareerMap: the career guide of a healthcare operations organization, live. With no command, serves the web app.");
        root.Options.Add(Db);
        root.Options.Add(Json);
        var (rootUrls, rootNoDemo) = ServeCommand.Options(root);
        root.SetAction((p, ct) => ServeCommand.RunAsync(p, p.GetValue(rootUrls)!, p.GetValue(rootNoDemo), ct));
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(BackupCommands.Backup());
        root.Subcommands.Add(BackupCommands.Restore());
        root.Subcommands.Add(JobDescriptionCommand.Create(Target, Json));
        root.Subcommands.Add(BenchCommand.Create(p => p.GetValue(Db) is { } db ? DatabaseTarget.Parse(db) : null, Json));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await Console.Error.WriteLineAsync($"error: {e.Message}");
            await Console.Error.WriteLineAsync("Run with --help to see the commands and options.");
            return Usage;
        }
        return await parse.InvokeAsync();
    }


    static Command MigrateCommand()
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema");
        migrate.SetAction(async (p, ct) =>
        {
            var target = Target(p);
            await target.MigrateAsync(ct);
            Console.WriteLine($"Database is up to date: {target.Describe()}");
            return Ok;
        });
        return migrate;
    }

    /// <summary>--db, then CAREERMAP_DB, then ConnectionStrings:CareerMap in appsettings.json, then careermap.db.</summary>
    public static DatabaseTarget Target(ParseResult p)
    {
        var cs = p.GetValue(Db) ?? Environment.GetEnvironmentVariable("CAREERMAP_DB");
        if (string.IsNullOrWhiteSpace(cs))
        {
            var config = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            cs = config.GetConnectionString("CareerMap");
        }
        return DatabaseTarget.Parse(cs);
    }

    internal static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
