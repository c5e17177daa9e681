using CareerMap.Access;
using CareerMap.Accounts;
using CareerMap.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CareerMap.Infrastructure;

/// <summary>The person named by a route's <c>{number}</c>, and who the caller is to them; resolved before any handler or page runs.</summary>
public sealed class PersonInRoute
{
    int id;
    string? number;

    public int Id => number is null ? throw Unresolved() : id;
    public string EmployeeNumber => number ?? throw Unresolved();
    public Relation Relation { get; private set; }

    internal void Resolve(int employeeId, string employeeNumber, Relation relation) => (id, number, Relation) = (employeeId, employeeNumber, relation);

    static InvalidOperationException Unresolved() => new("this endpoint's route names no person: only routes with an {number} parameter have one");
}

/// <summary>Which relations to the person in the route an endpoint or page serves; without it, anyone who may see the person.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ForRelationsAttribute(params Relation[] allowed) : Attribute
{
    public IReadOnlyList<Relation> Allowed { get; } = allowed;
}

public static class PersonAccess
{
    /// <summary>The route parameter that names an employee, everywhere in the app (API and pages).</summary>
    public const string RouteParameter = "number";

    static readonly Relation[] Anyone = [Relation.Self, Relation.Leader, Relation.HrAdmin];

    public static TBuilder ForRelations<TBuilder>(this TBuilder builder, params Relation[] allowed) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ForRelationsAttribute(allowed));

    /// <summary>
    /// Who may see whom, decided once per request: every endpoint whose route has a <c>{number}</c> gets the person
    /// resolved and the caller's relation checked (403 for a stranger, or for a relation
    /// the endpoint does not serve; 403 too for a number nobody has, unless the caller is an HR admin, who gets 404) before
    /// its handler runs, so a handler cannot forget the check and nobody can probe which numbers exist.
    /// </summary>
    public static IApplicationBuilder UsePersonAccess(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern: var pattern } endpoint || pattern.GetParameter(RouteParameter) is null
            || http.Request.RouteValues[RouteParameter] is not string number)
        {
            await next(http);
            return;
        }
        var services = http.RequestServices;
        if (await services.GetRequiredService<PeopleDirectory>().IdOfAsync(number, http.RequestAborted) is not int id)
        {
            // Only someone who may see everyone learns that a number is nobody's; to anyone else it looks like a stranger's.
            if (services.GetRequiredService<CurrentAccount>().IsHrAdmin) await NotFoundAsync(http, number);
            else await http.ForbidAsync();
            return;
        }
        var relation = await services.GetRequiredService<PeopleAccess>().RelationAsync(id, http.RequestAborted);
        var allowed = endpoint.Metadata.GetMetadata<ForRelationsAttribute>()?.Allowed ?? Anyone;
        if (relation == Relation.None || !allowed.Contains(relation))
        {
            await http.ForbidAsync();
            return;
        }
        services.GetRequiredService<PersonInRoute>().Resolve(id, number, relation);
        await next(http);
    });

    static async Task NotFoundAsync(HttpContext http, string number)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)) return;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = $"employee {number} does not exist" },
        });
    }
}
