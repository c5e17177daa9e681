using CareerMap.Access;
using CareerMap.Paths;
using CareerMap.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

/// <summary>Workforce reports over the people the caller may see: a manager their reporting line, HR everyone; an employee none.</summary>
public static class ReportsApi
{
    public const int MaxPeople = 500;

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").RequireAuthorization().WithTags("Reports");
        api.MapGet("/capability", Capability)
            .WithSummary("Capability heatmap: per group (by=unit|family|role|location) and competency, who meets their role's level, the average gap and manager-rating coverage");
        api.MapGet("/capability/people", CapabilityPeople).WithSummary("The people behind one heatmap cell, biggest gap first");
        api.MapGet("/capability/export", CapabilityExportFile).WithSummary("The heatmap as CSV or Excel (format=csv|xlsx), one row per group and competency");
        api.MapGet("/development", Development)
            .WithSummary("Development health: this cycle's plans by status, reviews overdue, actions by strategy and status, days to approval, whose ratings count");
        return app;
    }

    static async Task<Results<Ok<DevelopmentHealthView>, ForbidHttpResult>> Development(PeopleAccess access, DevelopmentHealth health, CareerPaths paths, CancellationToken ct) =>
        await access.SeesOthersAsync(ct) ? TypedResults.Ok(await health.OfAsync(await paths.GraphAsync(ct), access.Visible(), ct)) : TypedResults.Forbid();

    static async Task<Results<Ok<CapabilityHeatmap>, ForbidHttpResult, ValidationProblem>> Capability(string? by, string? unit, PeopleAccess access, CapabilityReport report,
        CareerPaths paths, CancellationToken ct)
    {
        if (Grouping(by) is not { } grouping) return ByProblem(by);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        return TypedResults.Ok(await report.HeatmapAsync(await paths.GraphAsync(ct), grouping, Blank(unit), await access.VisibleIdsAsync(ct), ct));
    }

    static async Task<Results<Ok<CapabilityPeople>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> CapabilityPeople(string? by, string? group,
        string? competency, string? unit, int? top, PeopleAccess access, CapabilityReport report, CareerPaths paths, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (group is null) errors["group"] = ["group is required: the code of the row (a unit, family or role code, or a location)"];
        if (string.IsNullOrWhiteSpace(competency)) errors["competency"] = ["competency is required: the code of the column"];
        if (top is < 1 or > MaxPeople) errors["top"] = [$"top must be between 1 and {MaxPeople}"];
        if (Grouping(by) is null) errors["by"] = [ByMessage(by)];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var found = await report.PeopleAsync(await paths.GraphAsync(ct), Grouping(by)!.Value, group!, competency!, Blank(unit), await access.VisibleIdsAsync(ct), top ?? 100, ct);
        return found is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no group '{group}' with competency '{competency}' in this grouping" })
            : TypedResults.Ok(found);
    }

    static async Task<Results<FileContentHttpResult, ForbidHttpResult, ValidationProblem>> CapabilityExportFile(string? format, string? by, string? unit,
        PeopleAccess access, CapabilityReport report, CareerPaths paths, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx"] });
        if (Grouping(by) is not { } grouping) return ByProblem(by);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var map = await report.HeatmapAsync(await paths.GraphAsync(ct), grouping, Blank(unit), await access.VisibleIdsAsync(ct), ct);
        return format == "csv"
            ? TypedResults.File(CapabilityExport.Csv(map), "text/csv; charset=utf-8", "careermap-capability.csv")
            : TypedResults.File(CapabilityExport.Xlsx(map), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "careermap-capability.xlsx");
    }

    /// <summary>The rows asked for, by name in any case (unit when absent); null for anything else, a number included.</summary>
    static CapabilityGrouping? Grouping(string? by) =>
        string.IsNullOrWhiteSpace(by) ? CapabilityGrouping.Unit
        : by.Trim().All(char.IsLetter) && Enum.TryParse<CapabilityGrouping>(by.Trim(), ignoreCase: true, out var g) ? g : null;

    static string ByMessage(string? by) => $"by '{by}' is not one of {string.Join(", ", Enum.GetValues<CapabilityGrouping>().Select(WireNames.Of))}";

    static ValidationProblem ByProblem(string? by) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = [ByMessage(by)] });

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
