using CareerMap.Accounts;
using CareerMap.Infrastructure;
using CareerMap.Sample;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, DemoMode demo, SampleOrganization sample, SingleSignOnOptions sso, SignInLimits limits,
    IStringLocalizer<SharedResource> L) : PageModel
{
    public string? Error { get; private set; }
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/";
    public IReadOnlyList<DemoPersona> Personas { get; private set; } = [];
    /// <summary>The single sign-on provider's name when one is configured.</summary>
    public string? SingleSignOn => sso.Enabled ? sso.DisplayName : null;

    public async Task OnGetAsync(string? returnUrl, [FromQuery(Name = "sso")] string? ssoOutcome, CancellationToken ct)
    {
        ReturnUrl = Local(returnUrl);
        Error = Infrastructure.SingleSignOn.Message(ssoOutcome, sso, L);
        await LoadPersonasAsync(ct);
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? email, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Local(returnUrl);
        Email = email;
        await LoadPersonasAsync(ct);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Error = L["Enter your email and your password."];
            return Page();
        }
        if (!limits.AllowAttempt(email))
        {
            Error = L["Too many sign-in attempts; wait a minute and try again."];
            var refused = Page();
            refused.StatusCode = StatusCodes.Status429TooManyRequests;
            return refused;
        }
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(ReturnUrl);
        // The same words whether the email is unknown, the password wrong or the account locked.
        Error = L["That email and password don't match an account, or the account is locked for 15 minutes after too many failed sign-ins."];
        return Page();
    }

    public async Task<IActionResult> OnPostDemoAsync(string? persona, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = Local(returnUrl);
        if (!demo.OfferedTo(HttpContext)) return NotFound();
        var chosen = (await sample.PersonasAsync(ct)).FirstOrDefault(p => p.Key == persona);
        if (chosen is null || await users.FindByEmailAsync(chosen.Email) is not { } user) return NotFound();
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(ReturnUrl);
    }

    async Task LoadPersonasAsync(CancellationToken ct) => Personas = demo.OfferedTo(HttpContext) ? await sample.PersonasAsync(ct) : [];

    string Local(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : "/";
}
