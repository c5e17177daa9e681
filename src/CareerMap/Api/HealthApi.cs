using CareerMap.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerMap.Api;

public sealed record Health(string Status, string Database);

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Check).AllowAnonymous().WithTags("Health");
        return app;
    }

    static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> Check(CareerMapDb db, DatabaseTarget target, CancellationToken ct)
    {
        var database = target.Provider == DatabaseProvider.Postgres ? "postgresql" : "sqlite";
        return await db.Database.CanConnectAsync(ct)
            ? TypedResults.Ok(new Health("healthy", database))
            : TypedResults.Json(new Health("unhealthy", database), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
