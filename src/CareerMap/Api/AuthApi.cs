using System.Security.Claims;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Api;

public sealed record LoginRequest(string Email, string Password);

public sealed record AccountDto(string Email, IReadOnlyList<string> Roles, string? EmployeeNumber, string? EmployeeName);

/// <summary>
/// API sign-in: Identity's bearer tokens. Only login is mapped, not Identity's whole endpoint set,
/// because its open /register would let anyone create an account.
/// </summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapGet("/me", Me);
        return app;
    }

    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, SignInManager<AppUser> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
        var detail = result.IsLockedOut ? "the account is locked after too many failed sign-ins; try again later" : "email or password is wrong";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    static async Task<Ok<AccountDto>> Me(ClaimsPrincipal principal, UserManager<AppUser> users, CareerMapDb db)
    {
        var user = await users.GetUserAsync(principal);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var employee = user?.EmployeeId is int id ? await db.Employees.Where(e => e.Id == id).Select(e => new { e.EmployeeNumber, e.Name }).FirstOrDefaultAsync() : null;
        return TypedResults.Ok(new AccountDto(user?.Email ?? "", [.. roles], employee?.EmployeeNumber, employee?.Name));
    }
}
