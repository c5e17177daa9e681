using System.Globalization;
using System.Text;
using CareerMap.Accounts;
using CareerMap.Infrastructure;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

/// <summary>A cycle to open: units and roles narrow who is in it (none named: everyone); ratings made between the two days are marked with it.</summary>
public sealed record OpenCycleRequest(string? Name, DateOnly? OpensOn, DateOnly? DueOn, IReadOnlyList<string>? Units, IReadOnlyList<string>? Roles);

public sealed record CycleProgress(CycleView Cycle, IReadOnlyList<CycleUnit> Units);

public sealed record CycleDates(int Id, string Name, DateOnly OpensOn, DateOnly DueOn)
{
    public static CycleDates Of(ReviewCycle c) => new(c.Id, c.Name, c.OpensOn, c.DueOn);
}

public sealed record MyCycle(CycleDates Cycle, CyclePerson Me);

public sealed record TeamCycle(CycleDates Cycle, IReadOnlyList<CyclePerson> Team);

/// <summary>Review cycles: HR opens them and follows completion by unit; managers see who is left to rate; everyone sees the cycles they are in.</summary>
public static class ReviewCyclesApi
{
    public static IEndpointRouteBuilder MapReviewCyclesApi(this IEndpointRouteBuilder app)
    {
        var cycles = app.MapGroup("/api/review-cycles").RequireAuthorization().WithTags("Review cycles");
        cycles.MapPost("", Open).RequireAuthorization(Policies.HrAdmin).WithSummary("Opens a review cycle (HR)");
        cycles.MapGet("", List).RequireAuthorization(Policies.HrAdmin).WithSummary("Every cycle, latest first, with how many people are in it, rated themselves and are complete (HR)");
        cycles.MapGet("/{id:int}", Progress).RequireAuthorization(Policies.HrAdmin).WithSummary("One cycle's completion by unit (HR)");
        cycles.MapGet("/{id:int}/completion.csv", CompletionCsv).RequireAuthorization(Policies.HrAdmin).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("One cycle's completion by unit as CSV (HR): unit, unit_name, people, self_rated, complete, percent_complete; text that a spreadsheet would take for a formula is quoted and prefixed with '");
        cycles.MapPost("/{id:int}/close", Close).RequireAuthorization(Policies.HrAdmin)
            .WithSummary("Closes a cycle today (HR): it leaves managers' and employees' open cycles and ratings made from now on are not marked with it; closing it again is refused with 409");
        cycles.MapGet("/{id:int}/team", Team).WithSummary("Your direct reports in the cycle: self rating done, and the competencies of their role left for you to rate");
        cycles.MapGet("/mine", Mine).WithSummary("The open cycles you are in, and where you stand: your self rating first, then your manager's");
        return app;
    }

    static async Task<Results<Created<CycleView>, ValidationProblem>> Open(OpenCycleRequest request, ReviewCycles cycles, CancellationToken ct)
    {
        var (opened, errors) = await cycles.OpenAsync(request.Name, request.OpensOn, request.DueOn, request.Units, request.Roles, ct);
        return opened is null ? TypedResults.ValidationProblem(errors) : TypedResults.Created($"/api/review-cycles/{opened.Id}", opened);
    }

    static async Task<Ok<IReadOnlyList<CycleView>>> List(ReviewCycles cycles, CancellationToken ct) => TypedResults.Ok(await cycles.ListAsync(ct));

    static async Task<Results<Ok<CycleProgress>, NotFound<ProblemDetails>>> Progress(int id, ReviewCycles cycles, CancellationToken ct)
    {
        if (await cycles.FindAsync(id, ct) is not { } cycle) return NoCycle(id);
        var (view, units) = await cycles.ProgressAsync(cycle, ct);
        return TypedResults.Ok(new CycleProgress(view, units));
    }

    static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> CompletionCsv(int id, ReviewCycles cycles, CancellationToken ct)
    {
        if (await cycles.FindAsync(id, ct) is not { } cycle) return NoCycle(id);
        var (_, units) = await cycles.ProgressAsync(cycle, ct);
        var csv = new StringBuilder("unit,unit_name,people,self_rated,complete,percent_complete\n");
        foreach (var u in units)
            csv.AppendJoin(',', [CsvField.Of(u.Unit), CsvField.Of(u.Name), Number(u.People), Number(u.SelfRated), Number(u.Complete), Number(u.Percent)]).Append('\n');
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"review-cycle-{id}-completion.csv");
    }

    static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    static async Task<Results<Ok<CycleView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Close(int id, ReviewCycles cycles, CancellationToken ct)
    {
        var closing = await cycles.CloseAsync(id, ct);
        if (!closing.Found) return NoCycle(id);
        if (closing.Closed is { } closed) return TypedResults.Ok(closed);
        return TypedResults.Conflict(new ProblemDetails
        {
            Status = 409, Title = "Already closed",
            Detail = $"review cycle {id} was already closed on {closing.AlreadyClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; a closed cycle stays closed",
        });
    }

    static async Task<Results<Ok<TeamCycle>, NotFound<ProblemDetails>>> Team(int id, ReviewCycles cycles, CurrentAccount account, CancellationToken ct)
    {
        if (await cycles.FindAsync(id, ct) is not { } cycle) return NoCycle(id);
        var team = account.EmployeeId is int me ? await cycles.TeamAsync(cycle, me, ct) : [];
        return TypedResults.Ok(new TeamCycle(CycleDates.Of(cycle), team));
    }

    static async Task<Ok<IReadOnlyList<MyCycle>>> Mine(ReviewCycles cycles, CurrentAccount account, CancellationToken ct)
    {
        if (account.EmployeeId is not int me) return TypedResults.Ok<IReadOnlyList<MyCycle>>([]);
        return TypedResults.Ok<IReadOnlyList<MyCycle>>([.. (await cycles.MineAsync(me, ct)).Select(m => new MyCycle(CycleDates.Of(m.Cycle), m.Me))]);
    }

    static NotFound<ProblemDetails> NoCycle(int id) => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no review cycle {id}" });
}
