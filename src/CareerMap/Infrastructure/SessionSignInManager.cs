using System.Security.Claims;
using CareerMap.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareerMap.Infrastructure;

/// <summary>
/// Identity's sign-in, with two changes every way in shares (password, demo persona, single sign-on, API token):
/// each sign-in starts a <see cref="SignInSession"/> whose id the cookie or token carries, and signing out ends it; and
/// a password sign-in costs the same whether the email is unknown, the account has no password or is locked, so the
/// time of the answer does not tell which accounts exist.
/// </summary>
public sealed class SessionSignInManager(UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation,
    SignInSessions sessions)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    static string? decoyHash;

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (!all.Any(c => c.Type == SignInSessions.Claim))
        {
            var kind = AuthenticationScheme == IdentityConstants.BearerScheme ? SignInSessions.Api : SignInSessions.Browser;
            all.Add(new Claim(SignInSessions.Claim, await sessions.StartAsync(user.Id, kind, Context.RequestAborted)));
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>Signs out of this device: the session its cookie belongs to ends, the person's other devices stay signed in.</summary>
    public override async Task SignOutAsync()
    {
        if (UserManager.GetUserId(Context.User) is { } accountId && Context.User.FindFirstValue(SignInSessions.Claim) is { } session)
            await sessions.EndAsync(accountId, session, Context.RequestAborted);
        await base.SignOutAsync();
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || user.PasswordHash is null) SpendAsLongAsAPasswordCheck();
        if (user is null) return SignInResult.Failed;
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    protected override async Task<SignInResult?> PreSignInCheck(AppUser user)
    {
        var refused = await base.PreSignInCheck(user);
        // A locked account is refused before its password is checked; the check it skipped is spent anyway.
        if (refused is not null) SpendAsLongAsAPasswordCheck();
        return refused;
    }

    void SpendAsLongAsAPasswordCheck()
    {
        decoyHash ??= UserManager.PasswordHasher.HashPassword(new AppUser(), Convert.ToHexString(Guid.NewGuid().ToByteArray()));
        UserManager.PasswordHasher.VerifyHashedPassword(new AppUser(), decoyHash, "not the password");
    }
}
