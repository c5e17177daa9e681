using System.Security.Claims;
using CareerMap.Accounts;
using CareerMap.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CareerMap.Infrastructure;

/// <summary>
/// OpenID Connect sign-in beside local accounts, switched on by configuration alone
/// (section <c>Authentication:OpenIdConnect</c>, or <c>Authentication__OpenIdConnect__Authority</c> etc. in the environment).
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:OpenIdConnect";
    public const string Scheme = "oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Shown on the button: "Sign in with …".</summary>
    public string DisplayName { get; set; } = "single sign-on";
    /// <summary>The claim holding the employee number; when a token lacks it, the email claim is matched to the employee's email.</summary>
    public string EmployeeClaim { get; set; } = "employee_number";
    /// <summary>A claim and value that make the person an HR admin (e.g. groups = careermap-hr); without them HR admin stays a local grant.</summary>
    public string? AdminClaim { get; set; }
    public string? AdminValue { get; set; }
    /// <summary>Only for a provider on this machine during development and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public static class SingleSignOn
{
    static readonly string[] Scopes = ["openid", "profile", "email"];

    const string Complete = "/account/sso/complete";

    public static void AddSingleSignOn(this AuthenticationBuilder auth, SingleSignOnOptions sso)
    {
        auth.Services.AddSingleton(sso);
        if (!sso.Enabled) return;
        auth.AddOpenIdConnect(SingleSignOnOptions.Scheme, sso.DisplayName, o =>
        {
            o.Authority = sso.Authority;
            o.ClientId = sso.ClientId;
            o.ClientSecret = sso.ClientSecret;
            o.RequireHttpsMetadata = sso.RequireHttpsMetadata;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Clear();
            foreach (var scope in Scopes) o.Scope.Add(scope);
            o.CallbackPath = "/signin-oidc";
            // The provider answers with a top-level GET (response_mode=query), so Lax cookies come back with it;
            // None would demand HTTPS even where the operator chose plain HTTP behind a proxy.
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.HandleResponse();
                ctx.Response.Redirect("/account/login?sso=failed");
                return Task.CompletedTask;
            };
        });
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/sso", (string? returnUrl, SingleSignOnOptions sso) => sso.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = $"{Complete}?returnUrl={Uri.EscapeDataString(Local(returnUrl))}" }, [SingleSignOnOptions.Scheme])
            : Results.NotFound()).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(SignInLimits.Policy);
        app.MapGet(Complete, CompleteAsync).AllowAnonymous().ExcludeFromDescription().RequireRateLimiting(SignInLimits.Policy);
        return app;
    }

    static string Local(string? url) => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    /// <summary>After the provider vouched for the person: find their employee by the configured claim, then sign in their account (made on first use).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    static async Task<IResult> CompleteAsync(HttpContext http, string? returnUrl, SingleSignOnOptions sso, SignInManager<AppUser> signIn, UserManager<AppUser> users,
        AccountService accounts, CareerMapDb db, CancellationToken ct)
    {
        if (!sso.Enabled) return Results.NotFound();
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } principal) return Results.Redirect("/account/login?sso=failed");
        var number = principal.FindFirstValue(sso.EmployeeClaim);
        var email = principal.FindFirstValue("email");
        var query = db.Employees.AsNoTracking();
        var employee = !string.IsNullOrWhiteSpace(number) ? await query.FirstOrDefaultAsync(e => e.EmployeeNumber == number, ct)
            : !string.IsNullOrWhiteSpace(email) ? await query.FirstOrDefaultAsync(e => e.Email.ToLower() == email.ToLower(), ct) : null;
        if (employee is null) return Results.Redirect("/account/login?sso=unknown");
        if (employee.DeactivatedOn is not null) return Results.Redirect("/account/login?sso=inactive");

        var user = await users.Users.FirstOrDefaultAsync(u => u.EmployeeId == employee.Id, ct);
        if (user is null)
        {
            var leads = await db.Employees.AnyAsync(e => e.ManagerId == employee.Id, ct);
            var created = await accounts.CreateAsync(employee.Email, leads ? AppRoles.Manager : AppRoles.Employee, employee.EmployeeNumber, password: null);
            if (!created.Ok) return Results.Redirect("/account/login?sso=conflict");
            user = await users.FindByEmailAsync(employee.Email);
        }
        if (user is null || await users.IsLockedOutAsync(user)) return Results.Redirect("/account/login?sso=locked");
        var subject = principal.FindFirstValue("sub");
        if (subject is not null && await users.FindByLoginAsync(SingleSignOnOptions.Scheme, subject) is null)
            await users.AddLoginAsync(user, new UserLoginInfo(SingleSignOnOptions.Scheme, subject, sso.DisplayName));
        if (sso.AdminClaim is { Length: > 0 } claim && sso.AdminValue is { Length: > 0 } value)
        {
            var admin = principal.FindAll(claim).Any(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));
            var isAdmin = await users.IsInRoleAsync(user, AppRoles.HrAdmin);
            if (admin && !isAdmin) await users.AddToRoleAsync(user, AppRoles.HrAdmin);
            else if (!admin && isAdmin) await users.RemoveFromRoleAsync(user, AppRoles.HrAdmin);
        }
        await signIn.SignInAsync(user, isPersistent: false, SingleSignOnOptions.Scheme);
        return Results.LocalRedirect(Local(returnUrl));
    }

    public static string? Message(string? code, SingleSignOnOptions sso, Microsoft.Extensions.Localization.IStringLocalizer L) => code switch
    {
        "failed" => L["Sign-in with {0} did not complete. Try again, or use your CareerMap password.", sso.DisplayName].Value,
        "unknown" => L["{0} signed you in, but no employee in CareerMap carries your employee number. Ask HR to add you.", sso.DisplayName].Value,
        "inactive" => L["Your employee record is deactivated, so you can't sign in."].Value,
        "locked" => L["Your CareerMap account is locked."].Value,
        "conflict" => L["An account with your email already exists and belongs to someone else. Ask HR to link it to you."].Value,
        _ => null,
    };
}
