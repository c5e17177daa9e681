using System.CommandLine;
using CareerMap.Data;
using static CareerMap.Cli.CareerMapCli;

namespace CareerMap.Cli;

/// <summary>`careermap backup` and `careermap restore`: the whole database, all or nothing.</summary>
static class BackupCommands
{
    public static Command Backup()
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

    public static Command Restore()
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
}
