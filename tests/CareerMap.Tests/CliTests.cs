using System.Text;
using CareerMap.Cli;
using CareerMap.Data;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

[CollectionDefinition(nameof(ConsoleBound), DisableParallelization = true)]
public sealed class ConsoleBound;

/// <summary>The CLI in-process, as a user would call it. Serial: the commands read standard input.</summary>
[Collection(nameof(ConsoleBound))]
public sealed class CliTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("careermap-cli-").FullName;
    string Db => $"Data Source={Path.Combine(folder, "cli.db")};Pooling=False";
    string File(string name) => Path.Combine(folder, name);

    static Task<int> Run(params string[] args) => CareerMapCli.RunAsync(args);

    [Fact]
    public async Task Usage_errors_exit_2_and_help_exits_0()
    {
        Assert.Equal(0, await Run("--help"));
        Assert.Equal(0, await Run("import", "--help"));
        Assert.Equal(2, await Run("frobnicate"));
        Assert.Equal(2, await Run("import"));
        Assert.Equal(2, await Run("export", "--format", "xml", "--out", File("x.xml"), "--db", Db));
        Assert.Equal(2, await Run("seed", "--employees", "5", "--db", Db));
        Assert.Equal(2, await Run("seed", "--as-of", "yesterday", "--db", Db));
    }

    [Fact]
    public async Task Jd_parse_prints_the_structure_as_json_and_refuses_what_it_cannot_read()
    {
        System.IO.File.WriteAllText(File("two.txt"), """
            Care Representative I

            Reports To: Supervisor, Customer Care
            Revised: 2/18/2025

            Responsibilities
            - Answer member calls about prescriptions and claims.
            - Document every call accurately.

            Supervisor, Customer Care

            Summary
            Leads a team of representatives.

            Responsibilities
            - Hire and coach representatives.
            """);
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try { Assert.Equal(0, await Run("jd", "parse", File("two.txt"), "--json", "--db", Db)); }
        finally { Console.SetOut(original); }
        var documents = System.Text.Json.JsonDocument.Parse(output.ToString()).RootElement.GetProperty("documents");
        Assert.Equal(["Care Representative I", "Supervisor, Customer Care"], documents.EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        Assert.Equal("2025-02-18", documents[0].GetProperty("header").GetProperty("revisedDate").GetString());
        // A dry run: parsing never creates or changes a database.
        Assert.False(System.IO.File.Exists(File("cli.db")));

        System.IO.File.WriteAllBytes(File("bad.docx"), [1, 2, 3]);
        Assert.Equal(1, await Run("jd", "parse", File("bad.docx"), "--db", Db));
        Assert.Equal(1, await Run("jd", "parse", File("missing.txt"), "--db", Db));
        Assert.Equal(2, await Run("jd", "parse"));

        // Import stores a version of the role's description; the framework itself is left alone.
        Assert.Equal(0, await Run("migrate", "--db", Db));
        Assert.Equal(0, await Run("seed", "--db", Db));
        var requirements = await Count(db => db.Requirements.SumAsync(r => r.Level));
        Assert.Equal(1, await Run("jd", "import", File("two.txt"), "--role", "NOPE", "--db", Db));
        Assert.Equal(1, await Run("jd", "import", File("two.txt"), "--role", "CC-REP-1", "--db", Db));
        Assert.Equal(0, await Run("jd", "import", File("two.txt"), "--db", Db));
        var stored = await Count(db => db.JobDescriptions.OrderBy(v => v.Id).Select(v => new { Role = v.Role!.Code, v.Title, v.CreatedBy }).ToListAsync());
        Assert.Equal([("CC-REP-1", "Care Representative I"), ("CC-SUP", "Supervisor, Customer Care")], stored.Select(v => (v.Role, v.Title)));
        Assert.All(stored, v => Assert.StartsWith("cli:", v.CreatedBy));
        Assert.Equal(requirements, await Count(db => db.Requirements.SumAsync(r => r.Level)));
    }

    [Fact]
    public async Task Seed_export_import_and_refuse_a_bad_file()
    {
        Assert.Equal(0, await Run("migrate", "--db", Db));
        Assert.Equal(0, await Run("seed", "--employees", "500", "--seed", "3", "--as-of", "2026-11-01", "--db", Db));
        Assert.Equal(500, await Count(db => db.Employees.CountAsync()));
        Assert.Equal(1, await Run("seed", "--employees", "500", "--db", Db));
        Assert.Equal(0, await Run("seed", "--employees", "600", "--replace", "--db", Db));
        Assert.Equal(600, await Count(db => db.Employees.CountAsync()));

        Assert.Equal(0, await Run("export", "--format", "json", "--out", File("framework.json"), "--db", Db));
        Assert.Equal(0, await Run("export", "--format", "xlsx", "--out", File("framework.xlsx"), "--db", Db));
        Assert.Contains("\"format\": \"careermap/1\"", await System.IO.File.ReadAllTextAsync(File("framework.json"), TestContext.Current.CancellationToken));
        Assert.Equal(0, await Run("import", File("framework.xlsx"), "--dry-run", "--db", Db));
        Assert.Equal(0, await Run("import", File("framework.json"), "--db", Db));

        var before = await System.IO.File.ReadAllTextAsync(File("framework.json"), TestContext.Current.CancellationToken);
        await System.IO.File.WriteAllTextAsync(File("bad.json"), before.Replace("\"grade\": \"105\"", "\"grade\": \"112\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Assert.Equal(1, await Run("import", File("bad.json"), "--db", Db));
        Assert.Equal(1, await Run("import", File("missing.json"), "--db", Db));
        Assert.Equal(0, await Run("export", "--out", File("after.json"), "--db", Db));
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(File("after.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Users_add_reads_the_password_from_standard_input_and_stores_only_a_hash()
    {
        Assert.Equal(0, await Run("seed", "--employees", "100", "--as-of", "2026-11-01", "--db", Db));
        var number = await Count(db => db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync());
        Assert.Equal(2, await Run("users", "add", "--email", "a@b.example", "--role", "manager", "--db", Db));
        Assert.Equal(2, await Run("users", "add", "--email", "a@b.example", "--role", "wizard", "--password-stdin", "--db", Db));
        var stdin = Console.In;
        try
        {
            Console.SetIn(new StringReader("a-long-enough-password\n"));
            Assert.Equal(0, await Run("users", "add", "--email", "lead@b.example", "--role", "manager", "--employee", number, "--password-stdin", "--db", Db));
            Console.SetIn(new StringReader("a-long-enough-password\n"));
            Assert.Equal(1, await Run("users", "add", "--email", "x@b.example", "--role", "employee", "--employee", "E999999", "--password-stdin", "--db", Db));
            Console.SetIn(new StringReader("a-long-enough-password\n"));
            var errors = new StringWriter();
            var stderr = Console.Error;
            Console.SetError(errors);
            try { Assert.Equal(1, await Run("users", "add", "--email", "z@b.example", "--role", "employee", "--employee", "Z/1", "--password-stdin", "--db", Db)); }
            finally { Console.SetError(stderr); }
            Assert.Contains("employee: 'Z/1' is not an employee number (1–64 characters", errors.ToString(), StringComparison.Ordinal);
            Console.SetIn(new StringReader("short\n"));
            Assert.Equal(1, await Run("users", "add", "--email", "y@b.example", "--role", "employee", "--password-stdin", "--db", Db));
            // Long enough, but among the most common leaked passwords (NIST SP 800-63B).
            Console.SetIn(new StringReader("password12\n"));
            Assert.Equal(1, await Run("users", "add", "--email", "z@b.example", "--role", "employee", "--password-stdin", "--db", Db));
        }
        finally
        {
            Console.SetIn(stdin);
        }
        var user = await Count(db => db.Users.SingleAsync(u => u.Email == "lead@b.example"));
        Assert.NotNull(user.EmployeeId);
        Assert.DoesNotContain("a-long-enough-password", user.PasswordHash!, StringComparison.Ordinal);
        Assert.False(await Count(db => db.Users.AnyAsync(u => u.Email == "y@b.example" || u.Email == "z@b.example")));
    }

    [Fact]
    public async Task Bench_rank_json_prints_its_figures_as_one_document()
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try { Assert.Equal(0, await Run("bench", "rank", "--employees", "400", "--runs", "3", "--direct-runs", "1", "--json", "--db", Db)); }
        finally { Console.SetOut(original); }
        var figures = System.Text.Json.JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal(400, figures.GetProperty("employees").GetInt32());
        Assert.Equal("CC-REP-SR", figures.GetProperty("role").GetString());
        Assert.Equal("Sqlite", figures.GetProperty("database").GetString());
        Assert.True(figures.GetProperty("sameTop10").GetBoolean());
        Assert.Equal(5000, figures.GetProperty("onePersonRoles").GetInt32());
        foreach (var measure in new[] { "indexBuildSeconds", "rankMedianMs", "directMedianMs", "onePersonMedianMs", "newRatingVisibleMs", "indexMegabytesPerMillion" })
            Assert.True(figures.GetProperty(measure).GetDouble() > 0, measure);
        // The rating the benchmark added to time catching up is taken out again.
        Assert.False(await Count(db => db.Assessments.AnyAsync(a => a.Evidence == "bench rank")));
    }

    async Task<T> Count<T>(Func<CareerMapDb, Task<T>> query)
    {
        await using var db = DatabaseTarget.Parse(Db).CreateContext();
        return await query(db);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
