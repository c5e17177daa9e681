using System.Data.Common;
using CareerMap.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareerMap.Framework;

/// <summary>
/// The stored framework's competencies, read straight from their table for a command that needs nothing else (the dry-run
/// <c>careermap jd parse</c>): building the EF model and checking the migrations cost a cold command more than a second,
/// several times the parse itself. The texts are the organization's own; translations are left out. Guarded against
/// <see cref="FrameworkReader"/> on both providers by <c>StoredCompetenciesTests</c>.
/// </summary>
public static class StoredCompetencies
{
    const string Query = """SELECT "Code", "Name", "Category", "Definition", "Levels", "Indicators" FROM competencies ORDER BY "Code" """;

    /// <summary>The competencies; null when the database cannot be read this way (no such table yet, an older schema).</summary>
    public static async Task<IReadOnlyList<CompetencyDto>?> ReadAsync(DatabaseTarget target, CancellationToken ct = default)
    {
        await using DbConnection connection = target.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(target.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(target.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = Query;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var competencies = new List<CompetencyDto>();
            while (await reader.ReadAsync(ct))
                competencies.Add(new(reader.GetString(0), reader.GetString(1), Enum.Parse<CompetencyCategory>(reader.GetString(2)).Name(), reader.GetString(3),
                    JsonColumn.Deserialize<string>(reader.GetString(4)), JsonColumn.Deserialize<string>(reader.GetString(5))));
            return competencies;
        }
        catch (DbException)
        {
            return null;
        }
    }
}
