using System.Globalization;
using CareerMap.Accounts;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace CareerMap.Infrastructure;

/// <summary>
/// The language of every page: the signed-in person's saved choice, else the browser's cookie choice (signed out), else
/// the browser's Accept-Language, else the organization's default (<c>CareerMap:DefaultLanguage</c>, English when unset).
/// Dates and numbers follow the same culture.
/// </summary>
public static class Languages
{
    public const string English = "en";
    public const string Spanish = "es";
    public static readonly string[] Supported = [English, Spanish];
    public const string DefaultSetting = "CareerMap:DefaultLanguage";

    /// <summary>A supported language code for what a person or a setting asked for, or null.</summary>
    public static string? Normalize(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested)) return null;
        var code = requested.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(code) ? code : null;
    }

    /// <summary>The name of a language in that language, as a person looks for it in a list.</summary>
    public static string NameOf(string code) => code == Spanish ? "Español" : "English";

    public static void AddLanguages(this WebApplicationBuilder builder)
    {
        // Pages carry accented letters as they are (sesión, not sesi&#xF3;n): readable source, smaller pages.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        var fallback = Normalize(builder.Configuration[DefaultSetting]) ?? English;
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(fallback);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(http =>
                    Task.FromResult(http.RequestServices.GetRequiredService<CurrentAccount>().Language is { } saved ? new ProviderCultureResult(saved) : null)),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary>After sign-in is read, so a person's saved language is known.</summary>
    public static void UseLanguages(this WebApplication app) =>
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);

    /// <summary>Remembers a choice made while signed out (or on a shared desktop before signing in) for a year.</summary>
    public static void RememberInCookie(HttpResponse response, string code) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = response.HttpContext.Request.IsHttps });

    /// <summary>The current page language's code (en, es), for <c>lang</c> attributes.</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name) ?? English;
}
