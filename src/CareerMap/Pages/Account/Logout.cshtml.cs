using CareerMap.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Account;

/// <summary>Signing out ends this device's session (its cookie is worthless even if replayed); "everywhere" ends them all.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, SignInSessions sessions, CurrentAccount account) : PageModel
{
    public bool SignedIn => account.IsSignedIn;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/logout");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (account.AccountId is { } id) await sessions.EndAllAsync(id, ct);
        await signIn.SignOutAsync();
        return Redirect("/account/logout");
    }
}
