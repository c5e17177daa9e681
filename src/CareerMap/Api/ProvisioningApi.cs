using System.Security.Claims;
using CareerMap.Infrastructure;
using CareerMap.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Api;

/// <summary>Scope is scim (provisioning people, the default) or case (reading the framework at /ims/case/v1p1).</summary>
public sealed record TokenRequest(string? Name, string? Scope = null);

public sealed record TokenView(int Id, string Name, string Prefix, DateTime CreatedAt, string CreatedBy, DateTime? RevokedAt, DateTime? LastUsedAt, string Scope);

public sealed record TitleAliasRequest(string? Title, string? Grade, string? Role);

public sealed record TitleAliasSaved(TitleAliasView Alias, int Linked);

/// <summary>What HR admins keep for provisioning: the tokens other systems use (SCIM, CASE), the title → role aliases, and the users waiting for a role.</summary>
public static class ProvisioningApi
{
    public static IEndpointRouteBuilder MapProvisioningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/provisioning").RequireAuthorization(Policies.HrAdmin).WithTags("Provisioning");
        api.MapGet("/tokens", async (ScimTokens tokens, CancellationToken ct) => TypedResults.Ok((await tokens.ListAsync(ct)).Select(View).ToList()))
            .WithSummary("Tokens issued to other systems, SCIM and CASE (never the secret itself)");
        api.MapPost("/tokens", Issue).WithSummary("Issues a bearer token for SCIM provisioning (scope scim) or CASE reading (scope case); the token is in this answer only, only its hash is stored");
        api.MapDelete("/tokens/{id:int}", Revoke).WithSummary("Revokes a token at once");
        api.MapGet("/title-aliases", async (TitleAliases aliases, CancellationToken ct) => TypedResults.Ok(await aliases.ListAsync(ct)));
        api.MapPut("/title-aliases", SetAlias).WithSummary("Maps a job title (optionally at one grade) to a role, then links the users waiting for it");
        api.MapDelete("/title-aliases/{id:int}", RemoveAlias);
        api.MapGet("/waiting", async (ScimProvisioning scim, CancellationToken ct) => TypedResults.Ok(await scim.WaitingAsync(ct)))
            .WithSummary("Provisioned users not linked to an employee yet, and why");
        return app;
    }

    static TokenView View(ScimToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.CreatedBy, t.RevokedAt, t.LastUsedAt, t.Scope);

    static async Task<Results<Created<IssuedToken>, ValidationProblem>> Issue(TokenRequest request, ScimTokens tokens, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["name the token after the system that will use it (1 to 200 characters)"] });
        var scope = request.Scope ?? TokenScopes.Scim;
        if (!TokenScopes.All.Contains(scope))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = [$"scope is {string.Join(" or ", TokenScopes.All)}"] });
        var issued = await tokens.IssueAsync(request.Name, user.Identity?.Name ?? "unknown", scope, ct);
        return TypedResults.Created($"/api/provisioning/tokens/{issued.Id}", issued);
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>>> Revoke(int id, ScimTokens tokens, CancellationToken ct) =>
        await tokens.RevokeAsync(id, ct) ? TypedResults.NoContent() : NotFound($"no provisioning token {id}");

    static async Task<Results<Ok<TitleAliasSaved>, ValidationProblem>> SetAlias(TitleAliasRequest request, TitleAliases aliases, CancellationToken ct)
    {
        var (problems, alias, linked) = await aliases.SetAsync(request.Title, request.Grade, request.Role, ct);
        if (problems.Count > 0) return TypedResults.ValidationProblem(problems.GroupBy(p => p.Place).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        return TypedResults.Ok(new TitleAliasSaved(alias!, linked));
    }

    static async Task<Results<NoContent, NotFound<ProblemDetails>>> RemoveAlias(int id, TitleAliases aliases, CancellationToken ct) =>
        await aliases.RemoveAsync(id, ct) ? TypedResults.NoContent() : NotFound($"no title alias {id}");

    static NotFound<ProblemDetails> NotFound(string detail) => TypedResults.NotFound(new ProblemDetails { Title = "Not found", Detail = detail, Status = 404 });
}
