using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CareerMap.Pages.Reports;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (the site's CSP allows no inline styles or scripts). It is a
/// picture of the table printed beside it, so it is one image with a name for assistive technology, not a second table.
/// </summary>
public static class BarChart
{
    const int Width = 400, Bar = 18, Gap = 10, Label = 18, Figure = 56;

    public static IHtmlContent Of(string name, IReadOnlyList<(string Label, int Value)> bars)
    {
        var top = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        // Each label sits above its bar, so a long label in any language is never cut by the bars beside it.
        var row = Label + Bar + Gap;
        var height = bars.Count * row;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="bars" viewBox="0 0 {Width} {height}" role="img" aria-label="{WebUtility.HtmlEncode(name)}">""");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = i * row;
            var length = (Width - Figure) * (double)bars[i].Value / top;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{y + 13}">{WebUtility.HtmlEncode(bars[i].Label)}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="{y + Label}" width="{Math.Max(length, bars[i].Value > 0 ? 2 : 0):0.#}" height="{Bar}" rx="3"></rect>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{length + 6:0.#}" y="{y + Label + 14}">{bars[i].Value.ToString("N0", CultureInfo.CurrentCulture)}</text>""");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
