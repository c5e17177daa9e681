using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages;

/// <summary>What a browser shows for an error, in the person's language, with the way on; reached again by the error handlers.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> L) : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    /// <summary>Quoted to support when something failed on our side, so the failure can be found in the logs.</summary>
    public string? Reference { get; private set; }
    public string? Address { get; private set; }

    public void OnGet(int status) => Show(status);
    public void OnPost(int status) => Show(status);

    void Show(int status)
    {
        Status = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        Address = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        (Heading, Explanation) = Status switch
        {
            404 => (L["We can't find that page"].Value, L["The address may be mistyped, or what it pointed to has moved or been removed."].Value),
            403 => (L["You can't open that page"].Value, L["It belongs to someone outside your reporting line, or it is for HR administrators."].Value),
            400 => (L["That request could not be understood"].Value, L["Go back and try again; if you followed a link, it may be broken."].Value),
            405 => (L["That can't be done here"].Value, L["Go back and use the page's own buttons and links."].Value),
            409 => (L["Someone else changed this at the same time"].Value, L["Nothing of yours was saved over their change. Open the page again to see the current version."].Value),
            413 => (L["That file is too big"].Value, L["Try a smaller file, or split it into parts."].Value),
            429 => (L["Too many attempts"].Value, L["Wait a minute and try again."].Value),
            >= 500 => (L["Something went wrong on our side"].Value, L["Nothing you did caused this, and nothing was half-saved. Try again in a moment; if it keeps happening, tell your HR team and quote the reference below."].Value),
            _ => (L["That didn't work"].Value, L["Go back and try again."].Value),
        };
        if (Status >= 500) Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
    }
}
