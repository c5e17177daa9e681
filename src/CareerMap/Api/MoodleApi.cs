using CareerMap.Framework;
using CareerMap.Framework.Moodle;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerMap.Api;

/// <summary>What a Moodle CSV import through the API did or would do; Changes says per framework collection what was added, changed and removed.</summary>
public sealed record MoodleImportView(bool Applied, bool DryRun, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<string> Changes);

/// <summary>The competency framework as Moodle's competency framework CSV (admin/tool/lpimportcsv), out and in, for HR admins.</summary>
public static class MoodleApi
{
    public static IEndpointRouteBuilder MapMoodleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/framework/moodle").RequireAuthorization(Policies.HrAdmin).WithTags("Framework exchange");
        api.MapGet("/", Export).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The competencies as Moodle's competency framework CSV: the framework row with the scale, a row per category and per competency (HR admin)");
        api.MapPost("/", Import).DisableAntiforgery()
            .WithSummary("Imports Moodle's competency framework CSV (multipart form field 'file'): the competencies change, all or nothing, each problem at its row and column; ?dryRun=true changes nothing (HR admin)");
        return app;
    }

    static async Task<FileContentHttpResult> Export(MoodleExchange moodle, FrameworkService framework, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await moodle.WriteAsync(buffer, ct);
        var code = (await framework.SnapshotAsync(ct)).Document.Organization.Code.ToLowerInvariant();
        return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{code}-competencies-moodle.csv");
    }

    static async Task<Results<Ok<MoodleImportView>, UnprocessableEntity<MoodleImportView>, ValidationProblem>> Import(IFormFile? file, bool? dryRun,
        MoodleExchange moodle, CancellationToken ct)
    {
        if (file is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["attach Moodle's competency framework CSV as the form field 'file'"] });
        await using var stream = file.OpenReadStream();
        var report = await moodle.ImportAsync(stream, dryRun ?? false, ct);
        var view = new MoodleImportView(report.Applied, report.DryRun, report.Problems, [.. report.Diff?.Describe() ?? []]);
        return report.Ok ? TypedResults.Ok(view) : TypedResults.UnprocessableEntity(view);
    }
}
