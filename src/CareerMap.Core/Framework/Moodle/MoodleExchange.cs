using System.Text;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Framework.Moodle;

/// <summary>
/// The competency framework as Moodle's competency framework CSV (see <see cref="MoodleCsv"/>). An import reads and checks
/// the whole file, then changes the competencies through the framework's own import (its rules, audit and change stamp),
/// all or nothing; each problem is placed as "row 7, column parentidnumber".
/// </summary>
public sealed class MoodleExchange(CareerMapDb db, FrameworkService framework, IStringLocalizer<SharedResource> L, ILogger<MoodleExchange> logger)
{
    public const int MaxBytes = 16 << 20;

    public async Task WriteAsync(Stream output, CancellationToken ct = default)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        MoodleCsv.Write(snapshot.Document, text);
        await output.WriteAsync(new UTF8Encoding(false).GetBytes(text.ToString()), ct);
    }

    /// <summary>Reads a file and imports it, all or nothing; a dry run reports what would change and changes nothing.</summary>
    public async Task<ImportReport> ImportAsync(Stream input, bool dryRun, CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("moodle import");
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) return Refused([new("file", L["the file is larger than {0} MB", MaxBytes >> 20])], dryRun);
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return Refused([new("file", L["the file is not UTF-8 text; save the CSV as UTF-8"])], dryRun);
        }
        var snapshot = await framework.SnapshotAsync(ct);
        var read = MoodleReader.Read(text, snapshot.Document, await db.Organizations.AnyAsync(ct), L);
        if (read.Document is null) return Refused(read.Problems, dryRun);
        if (Fit(snapshot.Document, read.Document, read.FrameworkPlace) is { Count: > 0 } misfit) return Refused([.. read.Problems, .. misfit], dryRun);
        var report = await framework.ImportAsync(read.Document, read.Place, dryRun, readProblems: read.Problems, ct: ct);
        if (report.Ok) logger.MoodleImported(read.Document.Competencies.Count, dryRun, report.Applied);
        else logger.MoodleImportRefused(report.Problems.Count, report.Problems[0].Place, report.Problems[0].Message);
        return report;
    }

    /// <summary>What keeps the file from replacing the competencies as a whole: a competency still in use it leaves out, a shorter scale than the roles ask for.</summary>
    List<ImportProblem> Fit(FrameworkDocument before, FrameworkDocument after, string frameworkPlace)
    {
        var problems = new List<ImportProblem>();
        var carried = after.Competencies.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var c in before.Competencies.Where(c => !carried.Contains(c.Code)))
        {
            var roles = before.Requirements.Count(r => string.Equals(r.Competency, c.Code, StringComparison.OrdinalIgnoreCase));
            var strategies = before.Strategies.Count(s => s.Competencies.Contains(c.Code, StringComparer.OrdinalIgnoreCase));
            if (roles + strategies > 0)
                problems.Add(new("file", L["competency {0} ({1}) is not in the file, but {2} role requirements and {3} development strategies use it: the file replaces the competencies, so it must carry every competency still in use", c.Code, c.Name, roles, strategies]));
        }
        var top = after.Organization.TopLevel;
        var above = before.Requirements.Count(r => r.Level > top && carried.Contains(r.Competency));
        if (above > 0) problems.Add(new(frameworkPlace, L["the scale has {0} values, but {1} role requirements ask for a higher level", top, above]));
        return problems;
    }

    ImportReport Refused(IReadOnlyList<ImportProblem> problems, bool dryRun)
    {
        logger.MoodleImportRefused(problems.Count, problems[0].Place, problems[0].Message);
        return new ImportReport(false, dryRun, new ImportProblems(problems), null);
    }
}

static partial class MoodleLog
{
    [LoggerMessage(2311, LogLevel.Information, "Moodle competency CSV read: {Competencies} competencies; dry run: {DryRun}; framework changed: {Changed}")]
    public static partial void MoodleImported(this ILogger logger, int competencies, bool dryRun, bool changed);

    [LoggerMessage(2312, LogLevel.Warning, "Moodle competency CSV refused: {Count} problem(s), first at {Place}: {Message}")]
    public static partial void MoodleImportRefused(this ILogger logger, int count, string place, string message);
}
