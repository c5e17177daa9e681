using CareerMap.Data;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class BackupTests : IDisposable
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    readonly string folder = Directory.CreateTempSubdirectory("careermap-backup-").FullName;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_backup_restores_the_database_as_it_was_and_a_bad_file_changes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(folder, "careermap.backup");
        var backup = await Backups.BackupAsync(database.Target, file, Ct);
        Assert.True(backup.Ok, backup.Message);

        await using (var db = database.Target.CreateContext())
        {
            await db.Assessments.Where(a => a.Level == 1).ExecuteDeleteAsync(Ct);
            await db.Roles.Where(r => r.Code == "CC-REP-1").ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, "Changed after the backup"), Ct);
        }
        var bad = Path.Combine(folder, "not-a-backup.db");
        await File.WriteAllTextAsync(bad, "this is not a database", Ct);
        var refused = await Backups.RestoreAsync(database.Target, bad, Ct);
        Assert.False(refused.Ok);
        Assert.Contains("the database was not touched", refused.Message);
        await using (var db = database.Target.CreateContext())
            Assert.Equal("Changed after the backup", await db.Roles.Where(r => r.Code == "CC-REP-1").Select(r => r.Title).SingleAsync(Ct));

        var restored = await Backups.RestoreAsync(database.Target, file, Ct);
        Assert.True(restored.Ok, restored.Message);
        await using (var db = database.Target.CreateContext())
        {
            Assert.Equal("Care Representative I", await db.Roles.Where(r => r.Code == "CC-REP-1").Select(r => r.Title).SingleAsync(Ct));
            Assert.True(await db.Assessments.AnyAsync(a => a.Level == 1, Ct));
            Assert.Equal(300, await db.Employees.CountAsync(Ct));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
