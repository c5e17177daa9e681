using System.Text.RegularExpressions;

namespace CareerMap.Tests.Support;

/// <summary>What a browser does with a page's form: finds the antiforgery token the page handed out.</summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The first antiforgery token in the HTML (empty when there is none).</summary>
    public static string AntiforgeryToken(string html) => Token().Match(html).Groups[1].Value;

    /// <summary>The value of the named field as the page drew it (hidden or text input), HTML-decoded.</summary>
    public static string Field(string html, string name) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
}
