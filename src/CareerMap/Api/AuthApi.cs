using System.Security.Claims;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerMap.Api;

public sealed record LoginRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public sealed record AccountDto(string Email, IReadOnlyList<string> Roles, string? EmployeeNumber, string? EmployeeName);

/// <summary>
/// API sign-in: Identity's bearer tokens, each pair (access and refresh) one sign-in session that its holder can end.
/// Only login, refresh and logout are mapped, not Identity's whole endpoint set, because its open /register would let
/// anyone create an account.
/// </summary>
public static class AuthApi
{
    /// <summary>One answer for every failed sign-in, so it does not tell whether the email has an account or is locked.</summary>
    public const string Failed = "email or password is wrong, or the account is locked for 15 minutes after too many failed sign-ins";

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Sign-in");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Signs in with email and password; answers a bearer token and a refresh token");
        auth.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Exchanges a refresh token for a new pair, while its sign-in session is live");
        auth.MapPost("/logout", Logout)
            .WithSummary("Ends this token's sign-in session (its bearer and refresh tokens stop working); everywhere=true ends every session of the account");
        auth.MapGet("/me", Me);
        return app;
    }

    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(LoginRequest request, SignInManager<AppUser> signIn, SignInLimits limits)
    {
        if (!limits.AllowAttempt(request.Email))
            return TypedResults.Problem(SignInLimits.Refusal, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts");
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.Empty; // the bearer handler has written the token response
        return TypedResults.Problem(Failed, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
    }

    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Refresh(RefreshRequest request, SignInManager<AppUser> signIn, SignInSessions sessions,
        IOptionsMonitor<BearerTokenOptions> bearer, CancellationToken ct)
    {
        var options = bearer.Get(IdentityConstants.BearerScheme);
        var ticket = options.RefreshTokenProtector.Unprotect(request.RefreshToken ?? "");
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || ticket.Principal.FindFirstValue(SignInSessions.Claim) is not { } session
            || !await sessions.Live(user.Id, session).AnyAsync(ct))
            return TypedResults.Problem("the refresh token is expired, signed out or not one of ours; sign in again", statusCode: StatusCodes.Status401Unauthorized, title: "Refresh refused");
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInWithClaimsAsync(user, null, [new Claim(SignInSessions.Claim, session)]);
        return TypedResults.Empty;
    }

    static async Task<NoContent> Logout(ClaimsPrincipal principal, SignInSessions sessions, CurrentAccount account, bool? everywhere, CancellationToken ct)
    {
        if (everywhere == true) await sessions.EndAllAsync(account.AccountId!, ct);
        else await sessions.EndAsync(account.AccountId!, principal.FindFirstValue(SignInSessions.Claim) ?? "", ct);
        return TypedResults.NoContent();
    }

    static async Task<Ok<AccountDto>> Me(ClaimsPrincipal principal, UserManager<AppUser> users, CareerMapDb db)
    {
        var user = await users.GetUserAsync(principal);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var employee = user?.EmployeeId is int id ? await db.Employees.Where(e => e.Id == id).Select(e => new { e.EmployeeNumber, e.Name }).FirstOrDefaultAsync() : null;
        return TypedResults.Ok(new AccountDto(user?.Email ?? "", [.. roles], employee?.EmployeeNumber, employee?.Name));
    }
}
