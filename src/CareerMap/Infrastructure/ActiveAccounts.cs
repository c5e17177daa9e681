using System.Security.Claims;
using CareerMap.Accounts;
using CareerMap.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerMap.Infrastructure;

/// <summary>
/// Every request signed in as an account is checked against the account as stored, in one query: one whose security
/// stamp changed (deactivated by provisioning, password reset) or whose sign-in session has ended (signed out on that
/// device, or everywhere) is treated as signed out at once. Identity checks cookies only every 30 minutes and bearer
/// tokens never; this closes both. A lockout is not checked here: it stops new sign-ins only, so five wrong passwords
/// typed by someone else never end the owner's live sessions. The row read here also fills the request's
/// <see cref="CurrentAccount"/>, so nothing else reads the account again.
/// </summary>
sealed class ActiveAccounts(CareerMapDb db, IOptions<IdentityOptions> identity, CurrentAccount current, SignInSessions sessions) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var options = identity.Value.ClaimsIdentity;
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(options.UserIdClaimType) is not { } id) return principal;
        var stamp = principal.FindFirstValue(options.SecurityStampClaimType);
        var session = sessions.Live(id, principal.FindFirstValue(SignInSessions.Claim) ?? "");
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.Email, u.EmployeeId, Name = db.Employees.Where(e => e.Id == u.EmployeeId).Select(e => e.Name).FirstOrDefault(), Live = session.Any(), u.Language,
                // The header's unread count, read with the account so that every page costs no extra round trip for it.
                Unread = db.Set<CareerMap.Notifications.Notification>().Count(n => n.EmployeeId == u.EmployeeId && n.ReadAt == null) })
            .FirstOrDefaultAsync();
        var active = account is { Live: true } && (stamp is null || stamp == account.SecurityStamp);
        if (!active)
        {
            current.SignOut();
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        current.SignIn(id, account!.Email, account.EmployeeId, account.Name, principal.IsInRole(AppRoles.HrAdmin), account.Language, account.Unread);
        return principal;
    }
}

/// <summary>A request whose account was found inactive is no longer signed in, so it is challenged (401, sign-in page), not forbidden.</summary>
sealed class SignedOutIsChallenged : Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler
{
    readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, Microsoft.AspNetCore.Authorization.AuthorizationPolicy policy,
        Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
            return context.ChallengeAsync();
        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
