using System.Text.Json;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

/// <summary>The dry-run parse reads the competencies straight from their table; what it reads is what the framework reader reads.</summary>
public sealed class StoredCompetenciesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_competencies_read_from_their_table_are_the_framework_readers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Target.CreateContext())
        {
            // An organization's own wording, with quotes and a line of its own, so the read cannot be the sample's by chance.
            var edited = await db.Competencies.SingleAsync(c => c.Code == "COMMS", Ct);
            edited.Definition = "Explains \"why\" in plain words —\nto members and colleagues.";
            edited.Levels = [.. edited.Levels.Select((l, i) => i == 2 ? "Writes letters members understand the first time." : l)];
            edited.Indicators = [.. edited.Indicators, "Uses the member's own words"];
            await db.SaveChangesAsync(Ct);
        }
        await using var services = CareerMapServices.BuildCliServices(database.Target);
        await using var scope = services.CreateAsyncScope();
        var framework = await scope.ServiceProvider.GetRequiredService<FrameworkService>().ExportAsync(Ct);

        var read = await StoredCompetencies.ReadAsync(database.Target, Ct);

        Assert.NotNull(read);
        Assert.Equal(framework.Competencies.Count, read.Count);
        Assert.Equal(framework.Competencies.Select(c => JsonSerializer.Serialize(c with { Translations = null })), read.Select(c => JsonSerializer.Serialize(c)));
        Assert.Contains("Uses the member's own words", read.Single(c => c.Code == "COMMS").Indicators);
    }

    [Fact]
    public async Task A_database_without_the_table_is_not_read_and_not_changed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"careermap-bare-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync(Ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "CREATE TABLE notes (text TEXT)";
                await command.ExecuteNonQueryAsync(Ct);
            }
            var before = await File.ReadAllBytesAsync(path, Ct);

            Assert.Null(await StoredCompetencies.ReadAsync(Data.DatabaseTarget.Parse($"Data Source={path};Pooling=False"), Ct));
            Assert.Equal(before, await File.ReadAllBytesAsync(path, Ct));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
