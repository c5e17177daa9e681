using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareerMap.Api;

/// <summary>
/// A dated certification or license: kind (certification or license), who issued it, its number, and the days it was
/// issued and is valid until (its last valid day; none for one that does not expire).
/// </summary>
public sealed record CredentialRequest(string? Kind, string? Issuer, string? Number, DateOnly? IssuedOn, DateOnly? ExpiresOn);

/// <summary>People's certifications and licenses with their dates: read by the person, their leaders and HR; kept by HR admins.</summary>
public static class CredentialsApi
{
    public const int MaxDays = 3660;

    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        // Who may see the person in the route is checked before these run (PersonAccess.UsePersonAccess).
        var credentials = app.MapGroup("/api/employees/{number}/credentials").RequireAuthorization().WithTags("People");
        credentials.MapGet("", List).WithSummary("The person's certifications and licenses with their dates, soonest to expire first (the person, their leaders and HR)");
        credentials.MapPut("/{name}", Save).RequireAuthorization(Policies.HrAdmin)
            .WithSummary("Records or replaces a dated credential, named as prerequisites spell it; an expired one no longer meets them (HR admin)");
        credentials.MapDelete("/{name}", Remove).RequireAuthorization(Policies.HrAdmin)
            .WithSummary("Removes a dated credential; one not on record answers the same; the plain certifications list from the roster is left as it is (HR admin)");
        app.MapGet("/api/credentials/expiring", Expiring).RequireAuthorization(Policies.HrAdmin).WithTags("People")
            .WithSummary("Active people's credentials whose last valid day is from today to ?days= days on (90 unless told), soonest first (HR admin)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<CredentialView>>> List(PersonInRoute who, Credentials credentials, CancellationToken ct) =>
        TypedResults.Ok(await credentials.OfAsync(who.Id, ct));

    static async Task<Results<Ok<CredentialView>, ValidationProblem>> Save(string name, CredentialRequest? request, PersonInRoute who, Credentials credentials,
        CancellationToken ct)
    {
        var (saved, problem) = await credentials.SaveAsync(who.Id, name, request?.Kind, request?.Issuer, request?.Number, request?.IssuedOn, request?.ExpiresOn, ct);
        if (problem is not null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [problem.Field] = [problem.Reason] });
        return TypedResults.Ok(saved!);
    }

    static async Task<NoContent> Remove(string name, PersonInRoute who, Credentials credentials, CancellationToken ct)
    {
        await credentials.RemoveAsync(who.Id, name, ct);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<IReadOnlyList<ExpiringCredential>>, ValidationProblem>> Expiring(int? days, Credentials credentials, CancellationToken ct)
    {
        if (days is < 0 or > MaxDays)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"days is from 0 to {MaxDays}"] });
        return TypedResults.Ok(await credentials.ExpiringAsync(days ?? 90, ct));
    }
}
