using CareerMap.Framework;
using CareerMap.Infrastructure;
using CareerMap.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

/// <summary>The plans people starting in a role get as a draft (a 30-60-90 day plan), kept by HR.</summary>
public static class PlanTemplatesApi
{
    public static IEndpointRouteBuilder MapPlanTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/plan-templates").RequireAuthorization().WithTags("Plans");
        api.MapGet("", List).WithSummary("Every plan template: for a role, or for every role of a job family without one of its own");
        api.MapPut("/{code}", Save).RequireAuthorization(Policies.HrAdmin)
            .WithSummary("Creates or replaces the template of a role or family (HR admin): name, goal, and items {days, competency, strategy, description}, each due its days after the start; "
                + "with the version you read (0: create only), a template changed or created by someone else since is refused with 409");
        api.MapDelete("/{code}", Delete).RequireAuthorization(Policies.HrAdmin)
            .WithSummary("Removes a template (HR admin); plans drafted from it stay; with ?version=, a template changed since is refused with 409");
        return app;
    }

    static async Task<Ok<IReadOnlyList<PlanTemplateView>>> List(PlanTemplates templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct));

    static async Task<Results<Ok<PlanTemplateView>, ValidationProblem, Conflict<ProblemDetails>>> Save(string code, PlanTemplateRequest request, PlanTemplates templates, CancellationToken ct)
    {
        var outcome = await templates.SaveAsync(code, request, ct);
        return outcome.Status switch
        {
            WriteStatus.Saved => TypedResults.Ok(outcome.Saved!),
            WriteStatus.Stale => Stale(code),
            _ => TypedResults.ValidationProblem(outcome.Errors!),
        };
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> Delete(string code, int? version, PlanTemplates templates, CancellationToken ct) =>
        await templates.DeleteAsync(code, version, ct) switch
        {
            WriteStatus.Saved => TypedResults.NoContent(),
            WriteStatus.Stale => Stale(code),
            _ => TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no plan template for '{code}'" }),
        };

    static Conflict<ProblemDetails> Stale(string code) => TypedResults.Conflict(new ProblemDetails
    {
        Status = 409, Title = "Changed by someone else",
        Detail = $"the plan template for '{code}' was changed, created or removed by someone else since the version you sent; read it again and make your change on it",
    });
}
