using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>The two providers hold the same data and give the same answers; the schema each migrates to is the model.</summary>
public sealed class ConsistencyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_migrations_of_each_provider_match_the_model(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, empty: true);
        await using var db = database.Target.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(), $"the {provider} migrations lag the model: run `dotnet ef migrations add` in both provider projects");
    }

    [Fact]
    public async Task SQLite_and_PostgreSQL_seed_the_same_people_and_answer_the_same_questions_the_same_way()
    {
        await using var sqlite = await TestApp.StartAsync(Providers.Sqlite);
        await using var postgres = await TestApp.StartAsync(Providers.Postgres);
        var persona = (await Cast.LoadAsync(sqlite)).Employee;
        Assert.Equal(persona, (await Cast.LoadAsync(postgres)).Employee);
        string[] questions =
        [
            "/api/employees?pageSize=500",
            "/api/employees?q=scottsdale&pageSize=500",
            $"/api/employees/{persona}",
            $"/api/employees/{persona}/assessments",
            $"/api/employees/{persona}/readiness?role=CC-REP-SR",
            $"/api/employees/{persona}/recommendations",
            $"/api/paths?from=CC-REP-2&to=CC-MGR&employee={persona}",
            "/api/roles/CC-REP-SR/candidates?top=25",
            "/api/roles/CC-SUP/candidates?top=25&minTenure=12",
            "/api/career-map",
            "/api/roles?pageSize=500",
        ];
        var onSqlite = await sqlite.SignedInAsync(AppRoles.HrAdmin);
        var onPostgres = await postgres.SignedInAsync(AppRoles.HrAdmin);
        var differences = new List<string>();
        foreach (var question in questions)
        {
            var a = await onSqlite.GetFromJsonAsync<JsonElement>(question, Ct);
            var b = await onPostgres.GetFromJsonAsync<JsonElement>(question, Ct);
            if (a.GetRawText() != b.GetRawText()) differences.Add($"{question}\n  sqlite:   {Cut(a.GetRawText())}\n  postgres: {Cut(b.GetRawText())}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        var counts = await Task.WhenAll(sqlite.WithDbAsync(Counts), postgres.WithDbAsync(Counts));
        Assert.Equal(counts[0], counts[1]);
        Assert.True(counts[0].Employees >= 300 && counts[0].Assessments > 1000);
    }

    static async Task<(int Employees, int Assessments, int Managers)> Counts(CareerMap.Data.CareerMapDb db) =>
        (await db.Employees.CountAsync(Ct), await db.Assessments.CountAsync(Ct), await db.Employees.Select(e => e.ManagerId).Distinct().CountAsync(Ct));

    /// <summary>Where two long documents first differ, with some context.</summary>
    static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
