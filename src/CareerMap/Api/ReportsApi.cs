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
            .WithSummary("Capability heatmap: per group (by=unit|family|role|location|team; by team, leader=employee number whose direct reports head the rows) and competency, who meets their role's level, the average gap and manager-rating coverage");
        api.MapGet("/capability/people", CapabilityPeople).WithSummary("The people behind one heatmap cell, biggest gap first");
        api.MapGet("/capability/export", CapabilityExportFile).WithSummary("The heatmap as CSV or Excel (format=csv|xlsx), one row per group and competency");
        api.MapGet("/succession", Succession)
            .WithSummary("Bench and succession: per role, who is ready now, within a year or later (competencies and prerequisites), roles with nobody ready, roles held by one, people on the most benches");
        api.MapGet("/succession/export", SuccessionExportFile).WithSummary("The bench per role as CSV or Excel (format=csv|xlsx)");
        api.MapPost("/succession/what-if", WhatIf)
            .WithSummary("How a role's bench would change with other requirements, before anyone confirms them: who leaves and who joins ready now");
        api.MapGet("/mobility", Mobility)
            .WithSummary("Mobility over a period (from, to: yyyy-MM-dd; the last eight quarters by default): moves per quarter by kind and by unit, how each role was filled, months in role before a promotion");
        api.MapGet("/mobility/routes", Routes).WithSummary("The routes people actually took from one role to another (fromRole, toRole), beside the routes the map suggests");
        api.MapGet("/mobility/export", MobilityExportFile).WithSummary("Mobility as CSV (each role's fills) or Excel (roles, quarters and units), format=csv|xlsx");
        api.MapGet("/development", Development)
            .WithSummary("Development health (unit=CODE for one unit's roles): this cycle's plans by status, reviews overdue, actions by strategy and status, days to approval, whose ratings count");
        api.MapGet("/development/export", DevelopmentExportFile).WithSummary("Development health as CSV or Excel (format=csv|xlsx): one row per measure and item");
        return app;
    }

    static async Task<Results<Ok<DevelopmentHealthView>, ForbidHttpResult, ValidationProblem>> Development(string? unit, PeopleAccess access, DevelopmentHealth health,
        CareerPaths paths, CancellationToken ct)
    {
        var graph = await paths.GraphAsync(ct);
        if (UnitProblem(graph, unit) is { } problem) return problem;
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        return TypedResults.Ok(await health.OfAsync(graph, await access.VisibleIdsAsync(ct), access.VisibleKey, UnitCode(graph, unit), ct));
    }

    static async Task<Results<FileContentHttpResult, ForbidHttpResult, ValidationProblem>> DevelopmentExportFile(string? format, string? unit, PeopleAccess access,
        DevelopmentHealth health, CareerPaths paths, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx"] });
        var graph = await paths.GraphAsync(ct);
        if (UnitProblem(graph, unit) is { } problem) return problem;
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var view = await health.OfAsync(graph, await access.VisibleIdsAsync(ct), access.VisibleKey, UnitCode(graph, unit), ct);
        return format == "csv"
            ? TypedResults.File(DevelopmentExport.Csv(view), "text/csv; charset=utf-8", "careermap-development.csv")
            : TypedResults.File(DevelopmentExport.Xlsx(view), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "careermap-development.xlsx");
    }

    static async Task<Results<Ok<CapabilityHeatmap>, ForbidHttpResult, ValidationProblem>> Capability(string? by, string? unit, string? leader, PeopleAccess access,
        CapabilityReport report, CareerPaths paths, CancellationToken ct)
    {
        if (Grouping(by) is not { } grouping) return ByProblem(by);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var among = await access.VisibleIdsAsync(ct);
        if (await LeaderAsync(report, grouping, leader, access, among, ct) is not int head) return LeaderProblem(leader);
        return TypedResults.Ok(await report.HeatmapAsync(await paths.GraphAsync(ct), grouping, Blank(unit), among, head, ct));
    }

    /// <summary>By team, whose direct reports head the rows (see <see cref="CapabilityReport.LeaderAsync"/>); 0 for any other grouping.</summary>
    static async Task<int?> LeaderAsync(CapabilityReport report, CapabilityGrouping grouping, string? leader, PeopleAccess access, IReadOnlyCollection<int>? among,
        CancellationToken ct) =>
        grouping == CapabilityGrouping.Team ? await report.LeaderAsync(leader, access.Account.EmployeeId, among, ct) : 0;

    static ValidationProblem LeaderProblem(string? leader) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["leader"] = [$"no one with employee number '{leader}' in the people you may see"] });

    static async Task<Results<Ok<CapabilityPeople>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> CapabilityPeople(string? by, string? group,
        string? competency, string? unit, string? leader, int? top, PeopleAccess access, CapabilityReport report, CareerPaths paths, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (group is null) errors["group"] = ["group is required: the code of the row (a unit, family or role code, a location, or by team the employee number at its head)"];
        if (string.IsNullOrWhiteSpace(competency)) errors["competency"] = ["competency is required: the code of the column"];
        if (top is < 1 or > MaxPeople) errors["top"] = [$"top must be between 1 and {MaxPeople}"];
        if (Grouping(by) is null) errors["by"] = [ByMessage(by)];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var grouping = Grouping(by)!.Value;
        var among = await access.VisibleIdsAsync(ct);
        if (await LeaderAsync(report, grouping, leader, access, among, ct) is not int head) return LeaderProblem(leader);
        var found = await report.PeopleAsync(await paths.GraphAsync(ct), grouping, group!, competency!, Blank(unit), among, top ?? 100, head, ct);
        return found is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no group '{group}' with competency '{competency}' in this grouping" })
            : TypedResults.Ok(found);
    }

    static async Task<Results<FileContentHttpResult, ForbidHttpResult, ValidationProblem>> CapabilityExportFile(string? format, string? by, string? unit,
        string? leader, PeopleAccess access, CapabilityReport report, CareerPaths paths, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx"] });
        if (Grouping(by) is not { } grouping) return ByProblem(by);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var among = await access.VisibleIdsAsync(ct);
        if (await LeaderAsync(report, grouping, leader, access, among, ct) is not int head) return LeaderProblem(leader);
        var map = await report.HeatmapAsync(await paths.GraphAsync(ct), grouping, Blank(unit), among, head, ct);
        return format == "csv"
            ? TypedResults.File(CapabilityExport.Csv(map), "text/csv; charset=utf-8", "careermap-capability.csv")
            : TypedResults.File(CapabilityExport.Xlsx(map), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "careermap-capability.xlsx");
    }

    static async Task<Results<Ok<SuccessionView>, ForbidHttpResult, ValidationProblem>> Succession(string? unit, PeopleAccess access, SuccessionReport report,
        CareerPaths paths, CancellationToken ct)
    {
        var graph = await paths.GraphAsync(ct);
        if (UnitProblem(graph, unit) is { } problem) return problem;
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        return TypedResults.Ok(await report.BenchAsync(graph, Blank(unit), await access.VisibleIdsAsync(ct), access.VisibleKey, ct));
    }

    static async Task<Results<FileContentHttpResult, ForbidHttpResult, ValidationProblem>> SuccessionExportFile(string? format, string? unit,
        PeopleAccess access, SuccessionReport report, CareerPaths paths, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx"] });
        var graph = await paths.GraphAsync(ct);
        if (UnitProblem(graph, unit) is { } problem) return problem;
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var view = await report.BenchAsync(graph, Blank(unit), await access.VisibleIdsAsync(ct), access.VisibleKey, ct);
        return format == "csv"
            ? TypedResults.File(SuccessionExport.Csv(view), "text/csv; charset=utf-8", "careermap-succession.csv")
            : TypedResults.File(SuccessionExport.Xlsx(view), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "careermap-succession.xlsx");
    }

    /// <summary>A role's requirements as they might become: every requirement the role would have, not only the changed ones.</summary>
    public sealed record WhatIfRequest(string? Role, IReadOnlyList<WhatIfRequirement>? Requirements);

    public sealed record WhatIfRequirement(string? Competency, int Level, decimal? Weight, bool Critical);

    static async Task<Results<Ok<BenchChange>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> WhatIf(WhatIfRequest request, PeopleAccess access,
        SuccessionReport report, CareerPaths paths, CancellationToken ct)
    {
        var graph = await paths.GraphAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Role)) errors["role"] = ["role is required: the code of the role whose requirements would change"];
        if (request.Requirements is null) errors["requirements"] = ["requirements is required: every requirement the role would have (an empty list asks for none)"];
        var top = graph.Document.Organization.TopLevel;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < (request.Requirements?.Count ?? 0); i++)
        {
            var q = request.Requirements![i];
            var at = $"requirements[{i}]";
            if (graph.Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, q.Competency?.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } known)
                errors[$"{at}.competency"] = [$"no competency '{q.Competency}' in the framework"];
            else if (!seen.Add(known.Code)) errors[$"{at}.competency"] = [$"competency '{known.Code}' is asked twice"];
            if (q.Level < 1 || q.Level > top) errors[$"{at}.level"] = [$"level {q.Level} is outside 1..{top}"];
            if (q.Weight is <= 0) errors[$"{at}.weight"] = [$"weight {q.Weight} must be more than 0"];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var needs = request.Requirements!.Select(q => new Need(graph.Document.Competencies.First(c => string.Equals(c.Code, q.Competency!.Trim(), StringComparison.OrdinalIgnoreCase)).Code,
            q.Level, q.Weight ?? 1m, q.Critical)).ToList();
        var change = await report.WhatIfAsync(graph, request.Role!.Trim(), needs, await access.VisibleIdsAsync(ct), ct);
        return change is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no role '{request.Role}' in the framework" })
            : TypedResults.Ok(change);
    }

    static async Task<Results<Ok<MobilityView>, ForbidHttpResult, ValidationProblem>> Mobility(string? from, string? to, PeopleAccess access, MobilityReport report,
        CareerPaths paths, TimeProvider clock, CancellationToken ct)
    {
        if (Period(from, to, clock) is not { } period) return PeriodProblem(from, to, clock);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        return TypedResults.Ok(await report.OfAsync(await paths.GraphAsync(ct), period.From, period.To, await access.VisibleIdsAsync(ct), ct));
    }

    static async Task<Results<FileContentHttpResult, ForbidHttpResult, ValidationProblem>> MobilityExportFile(string? format, string? from, string? to, PeopleAccess access,
        MobilityReport report, CareerPaths paths, TimeProvider clock, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["format must be csv or xlsx"] });
        if (Period(from, to, clock) is not { } period) return PeriodProblem(from, to, clock);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var view = await report.OfAsync(await paths.GraphAsync(ct), period.From, period.To, await access.VisibleIdsAsync(ct), ct);
        return format == "csv"
            ? TypedResults.File(MobilityExport.Csv(view), "text/csv; charset=utf-8", "careermap-mobility.csv")
            : TypedResults.File(MobilityExport.Xlsx(view), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "careermap-mobility.xlsx");
    }

    static async Task<Results<Ok<RoutesView>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> Routes(string? fromRole, string? toRole, PeopleAccess access,
        MobilityReport report, CareerPaths paths, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(fromRole)) errors["fromRole"] = ["fromRole is required: the code of the role people started in"];
        if (string.IsNullOrWhiteSpace(toRole)) errors["toRole"] = ["toRole is required: the code of the role they reached"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!await access.SeesOthersAsync(ct)) return TypedResults.Forbid();
        var routes = await report.RoutesAsync(await paths.GraphAsync(ct), fromRole!.Trim(), toRole!.Trim(), await access.VisibleIdsAsync(ct), ct);
        return routes is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no role '{fromRole}' or no role '{toRole}' in the framework" })
            : TypedResults.Ok(routes);
    }

    /// <summary>The period asked for, the last eight quarters when neither end is given; null when a date is unreadable or the period runs backwards.</summary>
    static (DateOnly From, DateOnly To)? Period(string? from, string? to, TimeProvider clock)
    {
        var (defaultFrom, defaultTo) = MobilityReport.DefaultPeriod(clock.Today());
        DateOnly? Read(string? text, DateOnly fallback) => string.IsNullOrWhiteSpace(text) ? fallback
            : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        return (Read(from, defaultFrom), Read(to, defaultTo)) is ({ } f, { } t) && f <= t ? (f, t) : null;
    }

    static ValidationProblem PeriodProblem(string? from, string? to, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, text) in new[] { ("from", from), ("to", to) })
            if (!string.IsNullOrWhiteSpace(text) && !DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                errors[name] = [$"{name} '{text}' is not a date written yyyy-MM-dd"];
        if (errors.Count == 0) errors["to"] = [$"the period ends ({to ?? MobilityReport.DefaultPeriod(clock.Today()).To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}) before it starts ({from})"];
        return TypedResults.ValidationProblem(errors);
    }

    /// <summary>An unknown unit is refused by name rather than answered with an empty report.</summary>
    static ValidationProblem? UnitProblem(CareerGraph graph, string? unit) =>
        Blank(unit) is { } u && !graph.Document.Units.Any(x => string.Equals(x.Code, u, StringComparison.OrdinalIgnoreCase))
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unit"] = [$"no unit '{u}' in the framework"] })
            : null;

    /// <summary>The unit's code as the framework spells it, for a unit named in any case; null for none.</summary>
    static string? UnitCode(CareerGraph graph, string? unit) =>
        Blank(unit) is { } u ? graph.Document.Units.First(x => string.Equals(x.Code, u, StringComparison.OrdinalIgnoreCase)).Code : null;

    /// <summary>The rows asked for, by name in any case (unit when absent); null for anything else, a number included.</summary>
    static CapabilityGrouping? Grouping(string? by) =>
        string.IsNullOrWhiteSpace(by) ? CapabilityGrouping.Unit
        : by.Trim().All(char.IsLetter) && Enum.TryParse<CapabilityGrouping>(by.Trim(), ignoreCase: true, out var g) ? g : null;

    static string ByMessage(string? by) => $"by '{by}' is not one of {string.Join(", ", Enum.GetValues<CapabilityGrouping>().Select(WireNames.Of))}";

    static ValidationProblem ByProblem(string? by) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = [ByMessage(by)] });

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
