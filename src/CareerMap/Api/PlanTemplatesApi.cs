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
            .WithSummary("Creates or replaces the template of a role or family (HR admin): name, goal, and items {days, competency, strategy, description}, each due its days after the start");
        api.MapDelete("/{code}", Delete).RequireAuthorization(Policies.HrAdmin).WithSummary("Removes a template (HR admin); plans drafted from it stay");
        return app;
    }

    static async Task<Ok<IReadOnlyList<PlanTemplateView>>> List(PlanTemplates templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct));

    static async Task<Results<Ok<PlanTemplateView>, ValidationProblem>> Save(string code, PlanTemplateRequest request, PlanTemplates templates, CancellationToken ct)
    {
        var (saved, errors) = await templates.SaveAsync(code, request, ct);
        return saved is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(saved);
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>>> Delete(string code, PlanTemplates templates, CancellationToken ct) =>
        await templates.DeleteAsync(code, ct) ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"no plan template for '{code}'" });
}
