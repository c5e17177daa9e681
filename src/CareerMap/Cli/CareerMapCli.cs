using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using CareerMap.Infrastructure;
using CareerMap.People;
using Spectre.Console;

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

    static readonly Option<bool> Json = new("--json") { Description = "Write machine-readable JSON to standard output", Recursive = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("CareerMap: the career guide of a healthcare operations organization, live. With no command, serves the web app.");
        root.Options.Add(Db);
        root.Options.Add(Json);
        var (rootUrls, rootNoDemo) = ServeOptions(root);
        root.SetAction((p, ct) => ServeAsync(p, p.GetValue(rootUrls)!, p.GetValue(rootNoDemo), ct));

        var serve = new Command("serve", "Serve the web app and API (the default command)");
        var (urls, noDemo) = ServeOptions(serve);
        serve.SetAction((p, ct) => ServeAsync(p, p.GetValue(urls)!, p.GetValue(noDemo), ct));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Create or upgrade the database schema");
        migrate.SetAction(async (p, ct) =>
        {
            var target = Target(p);
            await target.MigrateAsync(ct);
            Console.WriteLine($"Database is up to date: {target.Describe()}");
            return Ok;
        });
        root.Subcommands.Add(migrate);

        root.Subcommands.Add(SeedCommand());
        root.Subcommands.Add(ImportCommand());
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(BackupCommand());
        root.Subcommands.Add(RestoreCommand());
        root.Subcommands.Add(JobDescriptionCommand.Create(Target, Json));
        root.Subcommands.Add(BenchCommand.Create(p => p.GetValue(Db) is { } db ? DatabaseTarget.Parse(db) : null));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run with --help to see the commands and options.");
            return Usage;
        }
        return await parse.InvokeAsync();
    }

    static (Option<string> Urls, Option<bool> NoDemo) ServeOptions(Command command)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => CareerMapWeb.DefaultUrls };
        var noDemo = new Option<bool>("--no-demo") { Description = "Turn off one-click demo sign-in" };
        command.Options.Add(urls);
        command.Options.Add(noDemo);
        return (urls, noDemo);
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

    static async Task<int> ServeAsync(ParseResult p, string urls, bool noDemo, CancellationToken ct)
    {
        var target = Target(p);
        await PrepareAsync(target, ct);
        var app = CareerMapWeb.Build(new WebSettings(target, urls, !noDemo));
        var demo = app.Services.GetRequiredService<DemoMode>().Enabled;
        await app.StartAsync(ct);
        Console.WriteLine($"CareerMap is serving at {string.Join(", ", app.Urls)} ({target.Describe()}; demo sign-in {(demo ? "on" : "off")}). Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync(ct);
        return Ok;
    }

    /// <summary>Migrates; the embedded default also gets the sample organization on first start.</summary>
    public static async Task PrepareAsync(DatabaseTarget target, CancellationToken ct = default)
    {
        if (!target.IsEmbedded)
        {
            await target.MigrateAsync(ct);
            return;
        }
        await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
        await scope.Get<SampleOrganization>().LoadAsync(ct);
    }

    static Command SeedCommand()
    {
        var employees = new Option<int?>("--employees") { Description = "Generate this many people (a pyramid across roles, managers with 8-15 reports, assessments)" };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same people", DefaultValueFactory = _ => SampleOrganization.DefaultSeed };
        var asOf = new Option<string?>("--as-of") { Description = "Date the generated history runs up to (yyyy-MM-dd); default today" };
        var replace = new Option<bool>("--replace") { Description = "Remove existing people and assessments first" };
        var frameworkRoles = new Option<int?>("--framework-roles") { Description = "Load a synthetic framework of this many roles instead of Riverbend Health (for benchmarks; the database must have no framework yet)" };
        var command = new Command("seed", "Load the Riverbend Health sample framework into an empty database and generate people");
        command.Options.Add(employees);
        command.Options.Add(seed);
        command.Options.Add(asOf);
        command.Options.Add(replace);
        command.Options.Add(frameworkRoles);
        command.SetAction(async (p, ct) =>
        {
            var date = TimeProvider.System.Today();
            if (p.GetValue(asOf) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                return Fail($"--as-of: '{text}' is not a date in the form yyyy-MM-dd", Usage);
            var count = p.GetValue(employees);
            if (count is < PeopleGenerator.Minimum) return Fail($"--employees: generate at least {PeopleGenerator.Minimum}", Usage);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var sample = scope.Get<SampleOrganization>();
            var db = scope.Get<CareerMapDb>();
            if (p.GetValue(frameworkRoles) is int synthetic)
            {
                if (synthetic < 10) return Fail("--framework-roles: ask for at least 10 roles", Usage);
                if (await sample.HasFrameworkAsync(ct)) return Fail("the database already holds a framework; use an empty database for a synthetic one", BadInput);
                var watch0 = System.Diagnostics.Stopwatch.StartNew();
                var document = CareerMap.Sample.SyntheticFramework.Build(synthetic, p.GetValue(seed));
                var report = await scope.Get<FrameworkService>().ImportAsync(document, x => x, dryRun: false, ct: ct);
                if (!report.Applied) return Fail(string.Join("; ", report.Problems), BadInput);
                var graph = CareerMap.Paths.CareerGraph.Build(document);
                Console.WriteLine($"Loaded a synthetic framework: {document.Roles.Count:N0} roles, {document.Requirements.Count:N0} requirements, {graph.MoveCount:N0} moves ({document.Moves.Count:N0} explicit) in {watch0.Elapsed.TotalSeconds:F1} s.");
            }
            else if (await sample.LoadFrameworkAsync(ct)) Console.WriteLine("Loaded the Riverbend Health framework.");
            if (count is not int n) return Ok;
            var existing = await PeopleWriter.CountAsync(db, ct);
            if (existing > 0 && !p.GetValue(replace))
                return Fail($"the database already holds {existing} employees; pass --replace to generate a fresh set", BadInput);
            if (existing > 0) await PeopleWriter.ClearAsync(db, ct);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Seeding {n:N0} people");
                await sample.SeedPeopleAsync(new(n, p.GetValue(seed), date), new Progress<double>(v => task.Value = v * 100), ct);
            });
            await sample.CreatePersonasAsync(ct);
            var assessments = db.Assessments.Count();
            Console.WriteLine($"Seeded {n:N0} employees and {assessments:N0} assessments in {watch.Elapsed.TotalSeconds:F1} s ({target.Describe()}).");
            return Ok;
        });
        return command;
    }

    static Command ImportCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "A careermap/1 JSON file or an Excel workbook (.xlsx)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be added, changed and removed; change nothing" };
        var command = new Command("import", "Import a whole framework, all or nothing");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.Subcommands.Add(ImportPeopleCommand());
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var framework = scope.Get<FrameworkService>();
            ImportReport report;
            await using (var stream = path.OpenRead())
                report = await FrameworkFiles.ImportAsync(framework, stream, path.Name, p.GetValue(dryRun),
                    diff => Console.Error.WriteLine($"Writing {diff.Collections.Sum(c => c.Added.Count + c.Changed.Count + c.Removed.Count):N0} changes in one transaction…"), ct);
            if (p.GetValue(Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
                return report.Ok ? Ok : BadInput;
            }
            if (!report.Ok)
            {
                Console.Error.WriteLine($"{path.Name}: {report.Problems.Count} problem(s); nothing was imported.");
                foreach (var problem in report.Problems) Console.Error.WriteLine($"  {path.Name}: {problem}");
                return BadInput;
            }
            var verb = report.DryRun ? "Would change" : report.Applied ? "Imported" : "No changes:";
            Console.WriteLine($"{verb} {path.Name}{(report.Diff!.IsEmpty ? " matches the stored framework" : "")}");
            foreach (var line in report.Diff.Describe()) Console.WriteLine($"  {line}");
            return Ok;
        });
        return command;
    }

    static Command ImportPeopleCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "A roster as .csv or .xlsx with the columns " + string.Join(", ", Roster.Columns) };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report who would be added and changed; change nothing" };
        var command = new Command("people", "Import people from a roster, all or nothing; people not in the file are kept");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.SetAction(async (p, ct) =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) return Fail($"{path.Name}: file not found", BadInput);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var db = scope.Get<CareerMapDb>();
            RosterReport report;
            await using (var stream = path.OpenRead())
            {
                var (rows, problems) = Roster.Read(stream, path.Name);
                report = await Roster.ImportAsync(db, rows, problems, p.GetValue(dryRun), scope.Get<ILoggerFactory>().CreateLogger(typeof(Roster)), ct);
            }
            if (p.GetValue(Json)) Console.WriteLine(JsonSerializer.Serialize(report, JsonFrameworkFormat.Options));
            else if (!report.Ok)
            {
                Console.Error.WriteLine($"{path.Name}: {report.Problems.Count} problem(s); nobody was imported.");
                foreach (var problem in report.Problems) Console.Error.WriteLine($"  {path.Name}: {problem}");
            }
            else Console.WriteLine($"{(report.DryRun ? "Would add" : "Added")} {report.Added.Count}, {(report.DryRun ? "would change" : "changed")} {report.Changed.Count}; {report.Unchanged} stored people left as they were.");
            return report.Ok ? Ok : BadInput;
        });
        return command;
    }

    static Command BackupCommand()
    {
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write", Required = true };
        var command = new Command("backup", "Back up the whole database while it keeps serving (SQLite online backup, or pg_dump)");
        command.Options.Add(output);
        command.SetAction(async (p, ct) =>
        {
            var result = await Backups.BackupAsync(Target(p), p.GetValue(output)!.FullName, ct);
            return Report(result);
        });
        return command;
    }

    static Command RestoreCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "A backup made by careermap backup" };
        var command = new Command("restore", "Replace the whole database with a backup, all or nothing");
        command.Arguments.Add(file);
        command.SetAction(async (p, ct) =>
        {
            var result = await Backups.RestoreAsync(Target(p), p.GetValue(file)!.FullName, ct);
            return Report(result);
        });
        return command;
    }

    static int Report(BackupResult result)
    {
        if (!result.Ok) return Fail(result.Message, BadInput);
        Console.WriteLine(result.Message);
        return Ok;
    }

    static Command ExportCommand()
    {
        var format = new Option<string>("--format") { Description = "json or xlsx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xlsx");
        var output = new Option<FileInfo>("--out") { Description = "File to write", Required = true };
        var command = new Command("export", "Export the whole framework as careermap/1 JSON or an Excel workbook");
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (p, ct) =>
        {
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var document = await scope.Get<FrameworkService>().ExportAsync(ct);
            var path = p.GetValue(output)!;
            var temp = path.FullName + ".partial";
            await using (var stream = File.Create(temp))
                FrameworkFiles.Write(document, p.GetValue(format) == "xlsx" ? FrameworkFileFormat.Xlsx : FrameworkFileFormat.Json, stream);
            File.Move(temp, path.FullName, overwrite: true);
            Console.WriteLine($"Exported {document.Roles.Count} roles and {document.Competencies.Count} competencies to {path.Name}");
            return Ok;
        });
        return command;
    }

    static Command UsersCommand()
    {
        var users = new Command("users", "Manage sign-in accounts");
        var email = new Option<string>("--email") { Description = "The account's email, used to sign in", Required = true };
        var role = new Option<string>("--role") { Description = "employee, manager or admin", Required = true };
        role.AcceptOnlyFromAmong("employee", "manager", "admin");
        var employee = new Option<string?>("--employee") { Description = "The employee number this account signs in as" };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input" };
        var add = new Command("add", "Create an account with a hashed password");
        add.Options.Add(email);
        add.Options.Add(role);
        add.Options.Add(employee);
        add.Options.Add(stdin);
        add.SetAction(async (p, ct) =>
        {
            if (!p.GetValue(stdin)) return Fail("--password-stdin is required: pass the password on standard input, never on the command line", Usage);
            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password)) return Fail("password: standard input was empty", BadInput);
            var target = Target(p);
            await using var scope = await CareerMapServices.OpenCliAsync(target, ct);
            var result = await scope.Get<AccountService>()
                .CreateAsync(p.GetValue(email)!, AppRoles.FromCliName(p.GetValue(role)!)!, p.GetValue(employee), password);
            if (!result.Ok)
            {
                foreach (var e in result.Errors) Console.Error.WriteLine($"error: {e}");
                return BadInput;
            }
            Console.WriteLine($"Created {p.GetValue(role)} account {p.GetValue(email)}");
            return Ok;
        });
        users.Subcommands.Add(add);
        return users;
    }

    static int Fail(string message, int code)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
