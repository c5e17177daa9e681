using System.Text;
using CareerMap.Audit;
using CareerMap.AuditTrail;
using CareerMap.Data;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Api;

public sealed record AuditView(DateTime At, string Actor, string Entity, string Key, string Action, string? Before, string? After);

/// <summary>The audit trail, for HR admin: search it, or take it away as CSV.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").RequireAuthorization(Policies.HrAdmin).WithTags("Audit");
        api.MapGet("/", Search).WithSummary("Changes, newest first, filtered by words, entity, actor and dates (HR admin)");
        api.MapGet("/export.csv", Export).WithSummary("The same changes as CSV (HR admin)");
        return app;
    }

    static async Task<Results<Ok<Paged<AuditView>>, ValidationProblem>> Search(string? q, string? entity, string? actor, DateOnly? from, DateOnly? to, int? page, int? pageSize,
        CareerMapDb db, CancellationToken ct)
    {
        var (paging, problem) = Paging.Read(page, pageSize);
        if (problem is not null) return problem;
        var query = await AuditSearch.FilterAsync(db, q, entity, actor, from, to, ct);
        var items = await query.Skip(paging.Skip).Take(paging.Size)
            .Select(a => new AuditView(a.At, a.Actor, a.Entity, a.Key, a.Action, a.Before, a.After)).ToListAsync(ct);
        return TypedResults.Ok(new Paged<AuditView>(items, paging.Page, paging.Size, await query.CountAsync(ct)));
    }

    static async Task<FileContentHttpResult> Export(string? q, string? entity, string? actor, DateOnly? from, DateOnly? to, CareerMapDb db, CancellationToken ct)
    {
        var csv = new StringBuilder("at,actor,entity,key,action,before,after\n");
        await foreach (var a in (await AuditSearch.FilterAsync(db, q, entity, actor, from, to, ct)).AsAsyncEnumerable().WithCancellation(ct))
            csv.AppendJoin(',', [a.At.ToString("O"), CsvField.Of(a.Actor), CsvField.Of(a.Entity), CsvField.Of(a.Key), CsvField.Of(a.Action), CsvField.Of(a.Before), CsvField.Of(a.After)]).Append('\n');
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "careermap-audit.csv");
    }
}
