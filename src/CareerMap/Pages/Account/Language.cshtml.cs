using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Pages.Account;

/// <summary>
/// A person's choice of language: saved on their account when signed in (it follows them to any desk or phone), and
/// kept in a cookie on this browser either way (the sign-in page of a shared desktop speaks it too).
/// </summary>
public sealed class LanguageModel(CareerMapDb db, CurrentAccount account) : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(Safe(returnUrl));

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken ct)
    {
        if (Languages.Normalize(language) is not { } code) return BadRequest();
        Languages.RememberInCookie(Response, code);
        if (account.AccountId is { } id)
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, code), ct);
        return LocalRedirect(Safe(returnUrl));
    }

    string Safe(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
