using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Audit;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Framework.Case;

/// <summary>What a CASE import did or would do: the framework's report, and how many CASE records are kept with it.</summary>
/// <param name="Records">Every record of the package, kept to be exported again.</param>
/// <param name="OnlyKept">Of those, the ones the framework has no home for (kept as they came: clusters, other associations, definitions).</param>
/// <param name="ExactMatches">exactMatchOf associations added from a competency's new identifier to the one CareerMap published before.</param>
public sealed record CaseImportReport(ImportReport Framework, int Records = 0, int OnlyKept = 0, int ExactMatches = 0)
{
    public bool Ok => Framework.Ok;
    public IReadOnlyList<ImportProblem> Problems => Framework.Problems;
}

/// <summary>
/// The competency framework as CASE 1.1 packages, out and in. An import reads and checks the whole package (the schema,
/// then CareerMap's rules), changes the competencies through the framework's own import (its rules, audit and change
/// stamp) and keeps every CASE record beside them, all in one transaction or not at all.
/// </summary>
public sealed class CaseExchange(CareerMapDb db, FrameworkService framework, CaseSettings settings, IStringLocalizer<SharedResource> L, ILogger<CaseExchange> logger)
{
    public static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The package, as the read API and the exports give it.</summary>
    /// <param name="requestBase">The address the request came to (scheme and host), for URIs when no base URL is configured.</param>
    public async Task<JsonObject> PackageAsync(string? requestBase = null, CancellationToken ct = default)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        var records = await db.CaseRecords.AsNoTracking().ToListAsync(ct);
        return CasePackageWriter.Write(snapshot.Document, records, await ChangeTimesAsync(ct), settings, requestBase);
    }

    /// <summary>A version of the framework as a package, every item dated by when that version was adopted.</summary>
    public async Task<JsonObject> PackageAsync(FrameworkDocument document, DateTimeOffset adopted, string? requestBase = null, CancellationToken ct = default)
    {
        var records = await db.CaseRecords.AsNoTracking().ToListAsync(ct);
        return CasePackageWriter.Write(document, records, new CaseChangeTimes(new Dictionary<string, DateTimeOffset>(), adopted), settings, requestBase);
    }

    public async Task WriteAsync(Stream output, string? requestBase = null, CancellationToken ct = default) =>
        await WriteAsync(await PackageAsync(requestBase, ct), output, ct);

    public static async Task WriteAsync(JsonObject package, Stream output, CancellationToken ct = default)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = Written.Encoder });
        package.WriteTo(writer);
        await writer.FlushAsync(ct);
        await output.WriteAsync("\n"u8.ToArray(), ct);
    }

    /// <summary>The audit trail's time of each competency's latest change, and of the framework's.</summary>
    async Task<CaseChangeTimes> ChangeTimesAsync(CancellationToken ct)
    {
        var competency = nameof(Competency);
        var byCode = await db.Audit.AsNoTracking().Where(a => a.Entity == competency).GroupBy(a => a.Key)
            .Select(g => new { Code = g.Key, At = g.Max(a => a.At) }).ToListAsync(ct);
        var times = byCode.GroupBy(x => x.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => new DateTimeOffset(DateTime.SpecifyKind(g.Max(x => x.At), DateTimeKind.Utc)), StringComparer.OrdinalIgnoreCase);
        string[] framework = [nameof(Organization), competency];
        var latest = await db.Audit.AsNoTracking().Where(a => framework.Contains(a.Entity)).MaxAsync(a => (DateTime?)a.At, ct);
        return new(times, latest is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : CaseMapping.VocabularyDefined);
    }

    /// <summary>Reads a package and imports it, all or nothing; a dry run reports what would change and changes nothing.</summary>
    public async Task<CaseImportReport> ImportAsync(Stream input, bool dryRun, string? requestBase = null, CancellationToken ct = default)
    {
        using var activity = CareerMapTelemetry.Source.StartActivity("case import");
        JsonDocument json;
        try
        {
            json = await JsonDocument.ParseAsync(input, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $"line {line + 1}" + (e.BytePositionInLine is long col ? $", column {col + 1}" : "") : "file";
            return RefusedAt(new(where, L["not valid JSON: {0}", e.Message.Split(". ", 2)[0].TrimEnd('.')]), dryRun);
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return RefusedAt(new("$", L["expected a CASE package: a JSON object with a CFDocument"]), dryRun);
            var schema = CaseSchema.Check(json.RootElement, L);
            if (schema.Count > 0) return Refused(schema, dryRun);

            var snapshot = await framework.SnapshotAsync(ct);
            var kept = await db.CaseRecords.AsNoTracking().ToListAsync(ct);
            var hasOrganization = await db.Organizations.AnyAsync(ct);
            var read = CasePackageReader.Read(JsonNode.Parse(json.RootElement.GetRawText())!.AsObject(), snapshot.Document, kept, hasOrganization,
                settings.BaseUrl ?? requestBase ?? CaseSettings.DefaultBaseUrl, L);
            var onlyKept = read.Records.Count(r => r.Key is null);
            if (Fit(snapshot.Document, read.Document!) is { Count: > 0 } misfit) return Refused([.. read.Problems, .. misfit], dryRun);
            if (dryRun)
            {
                var dry = await framework.ImportAsync(read.Document!, read.Place, dryRun: true, readProblems: read.Problems, ct: ct);
                return new(dry, read.Records.Count, onlyKept, read.ExactMatches);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var report = await framework.ImportAsync(read.Document!, read.Place, dryRun: false, readProblems: read.Problems, ct: ct);
            if (!report.Ok) return new(report);
            await db.CaseRecords.ExecuteDeleteAsync(ct);
            db.CaseRecords.AddRange(read.Records);
            var document = JsonNode.Parse(read.Records.First(r => r.Collection == CaseMapping.Document).Json)!;
            db.Audit.Add(new AuditEntry
            {
                Actor = AuditEntry.CurrentActor,
                Entity = nameof(CaseRecord),
                Key = "(CASE import)",
                Action = "imported",
                After = JsonSerializer.Serialize(new
                {
                    Document = document["identifier"]?.GetValue<string>(),
                    Title = document["title"]?.GetValue<string>(),
                    Records = read.Records.Count,
                    OnlyKept = onlyKept,
                    read.ExactMatches,
                }),
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.CaseImported(read.Records.Count, onlyKept, report.Applied);
            return new(report, read.Records.Count, onlyKept, read.ExactMatches);
        }
    }

    /// <summary>
    /// What keeps the package from replacing the competencies as a whole, said once per competency rather than once per
    /// requirement that would be left pointing at nothing: a competency still in use that the package leaves out, and a
    /// shorter scale than the roles ask for.
    /// </summary>
    List<ImportProblem> Fit(FrameworkDocument before, FrameworkDocument after)
    {
        var problems = new List<ImportProblem>();
        var carried = after.Competencies.Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var c in before.Competencies.Where(c => !carried.Contains(c.Code)))
        {
            var roles = before.Requirements.Count(r => string.Equals(r.Competency, c.Code, StringComparison.OrdinalIgnoreCase));
            var strategies = before.Strategies.Count(s => s.Competencies.Contains(c.Code, StringComparer.OrdinalIgnoreCase));
            if (roles + strategies > 0)
                problems.Add(new(CaseMapping.Items, L["competency {0} ({1}) is not in the package, but {2} role requirements and {3} development strategies use it: a package replaces the competencies, so it must carry every competency still in use", c.Code, c.Name, roles, strategies]));
        }
        var top = after.Organization.TopLevel;
        var above = before.Requirements.Count(r => r.Level > top && carried.Contains(r.Competency));
        if (above > 0) problems.Add(new(CaseMapping.Items, L["the package's competencies have {0} levels, but {1} role requirements ask for a higher level", top, above]));
        return problems;
    }

    CaseImportReport Refused(IReadOnlyList<ImportProblem> problems, bool dryRun)
    {
        logger.CaseImportRefused(problems.Count, problems[0].Place, problems[0].Message);
        return new(new ImportReport(false, dryRun, new ImportProblems(problems), null));
    }

    CaseImportReport RefusedAt(ImportProblem problem, bool dryRun) => Refused([problem], dryRun);
}

static partial class CaseLog
{
    [LoggerMessage(2301, LogLevel.Information, "CASE package imported: {Records} records kept, {OnlyKept} of them with no home in the framework; framework changed: {Changed}")]
    public static partial void CaseImported(this ILogger logger, int records, int onlyKept, bool changed);

    [LoggerMessage(2302, LogLevel.Warning, "CASE package refused: {Count} problem(s), first at {Place}: {Message}")]
    public static partial void CaseImportRefused(this ILogger logger, int count, string place, string message);
}
