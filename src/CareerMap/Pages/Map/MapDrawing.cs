using System.Globalization;
using System.Net;
using System.Text;
using CareerMap.Framework;
using CareerMap.Paths;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Map;

/// <summary>
/// Draws the career map as SVG on the server: business units as columns, grades as rows (most senior on top),
/// roles as cards, moves as curved arrows colored by kind (dashed when they cross into another unit).
/// </summary>
public sealed class MapDrawing
{
    const int CardWidth = 166, CardHeight = 46, ColumnWidth = 186, CardGap = 8, RowPad = 14, Gutter = 64, Header = 54;

    readonly Dictionary<string, (double X, double Y)> cards = new(StringComparer.OrdinalIgnoreCase);

    public double Width { get; private set; }
    public double Height { get; private set; }

    /// <param name="similar">Whether to draw the rule-made laterals to similar roles in other units; there are many.</param>
    /// <param name="L">The page's words: the map's title, description and tooltips are in the reader's language.</param>
    public static string Svg(CareerGraph graph, IReadOnlyList<UnitDto> units, ISet<MoveDirection> kinds, bool similar, IReadOnlyList<CareerEdge> route, string? from, string? to,
        IStringLocalizer L)
        => new MapDrawing().Render(graph, units, kinds, similar, route, from, to, L);

    string Render(CareerGraph graph, IReadOnlyList<UnitDto> units, ISet<MoveDirection> kinds, bool similar, IReadOnlyList<CareerEdge> route, string? from, string? to,
        IStringLocalizer L)
    {
        var unitCodes = units.Select(u => u.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var roles = graph.Roles.Where(r => unitCodes.Contains(r.Unit)).ToList();
        var grades = roles.Select(r => (r.Grade, Rank: graph.Rank(r.Code))).Distinct().OrderByDescending(g => g.Rank).ToList();
        var onRoute = route.SelectMany(e => new[] { e.Source, e.Target }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var routeEdges = route.Select(e => $"{e.Source}>{e.Target}").ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Row heights: the tallest stack of cards any unit has on that grade.
        var y = (double)Header;
        var rows = new List<(string Grade, double Top, double Height)>();
        foreach (var (grade, _) in grades)
        {
            var tallest = units.Max(u => roles.Count(r => r.Unit == u.Code && r.Grade == grade));
            var height = tallest * (CardHeight + CardGap) - CardGap + 2 * RowPad;
            rows.Add((grade, y, height));
            for (var c = 0; c < units.Count; c++)
            {
                var stack = roles.Where(r => r.Unit == units[c].Code && r.Grade == grade).OrderBy(r => r.Family, StringComparer.Ordinal).ThenByDescending(r => r.Level).ToList();
                var top = y + (height - (stack.Count * (CardHeight + CardGap) - CardGap)) / 2;
                for (var i = 0; i < stack.Count; i++)
                    cards[stack[i].Code] = (Gutter + c * ColumnWidth + (ColumnWidth - CardWidth) / 2.0, top + i * (CardHeight + CardGap));
            }
            y += height;
        }
        Width = Gutter + units.Count * ColumnWidth + 8;
        Height = y + 8;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {Width:0} {Height:0}\" width=\"{Width:0}\" height=\"{Height:0}\" role=\"group\" aria-labelledby=\"map-title map-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"map-title\">{Enc(L["Career map"])}</title>");
        var (lowest, highest) = (grades.LastOrDefault().Grade, grades.FirstOrDefault().Grade);
        var extent = units.Count != 1 ? L["{0} roles in {1} business units on grades {2} to {3}.", roles.Count, units.Count, lowest, highest]
            : roles.Count == 1 ? L["One role, in one business unit, on grade {0}.", highest]
            : L["{0} roles in one business unit on grades {1} to {2}.", roles.Count, lowest, highest];
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"map-desc\">{Enc(extent)} {Enc(L["The list below the map says the same in words."])}</desc>");
        svg.Append("<defs>");
        foreach (var kind in Enum.GetValues<MoveDirection>().Select(WireNames.Of).Append("route"))
            svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"arrow-{kind}\" class=\"head {kind}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>");
        svg.Append("</defs>");

        for (var r = 0; r < rows.Count; r++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"band{(r % 2 == 0 ? " even" : "")}\" x=\"0\" y=\"{rows[r].Top:0.#}\" width=\"{Width:0}\" height=\"{rows[r].Height:0.#}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"grade-label\" x=\"12\" y=\"{rows[r].Top + rows[r].Height / 2 + 4:0.#}\">{Enc(rows[r].Grade)}</text>");
        }
        for (var c = 0; c < units.Count; c++)
        {
            var x = Gutter + c * ColumnWidth + ColumnWidth / 2.0;
            var lines = Wrap(units[c].Name, 19, 2);
            for (var l = 0; l < lines.Count; l++)
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"unit-label\" x=\"{x:0.#}\" y=\"{(lines.Count == 1 ? 30 : 22) + l * 15}\" text-anchor=\"middle\">{Enc(lines[l])}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"grade-label head\" x=\"12\" y=\"30\">{Enc(L["Grade"])}</text>");

        var edges = graph.Edges.Where(e => cards.ContainsKey(e.Source) && cards.ContainsKey(e.Target) && kinds.Contains(e.Kind.Direction)
            && (similar || e.Origin != MoveOrigin.SimilarLateral)).ToList();
        svg.Append("<g class=\"edges\">");
        foreach (var e in edges.Where(e => !routeEdges.Contains($"{e.Source}>{e.Target}")))
        {
            var direction = WireNames.Of(e.Kind.Direction);
            var cls = $"edge {direction}{(e.Kind.Scope == MoveScope.CrossFunctional ? " cross" : "")}{(e.Origin == MoveOrigin.SimilarLateral ? " similar" : "")}{(route.Count > 0 ? " dim" : "")}";
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"{cls}\" d=\"{Curve(e.Source, e.Target)}\" marker-end=\"url(#arrow-{direction})\"><title>{Enc(graph.Title(e.Source))} → {Enc(graph.Title(e.Target))}: {Enc(e.Kind.Phrase(L))}</title></path>");
        }
        foreach (var e in route)
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"edge route\" data-from=\"{Enc(e.Source)}\" data-to=\"{Enc(e.Target)}\" d=\"{Curve(e.Source, e.Target)}\" marker-end=\"url(#arrow-route)\"><title>{Enc(graph.Title(e.Source))} → {Enc(graph.Title(e.Target))}: {Enc(e.Kind.Phrase(L))}</title></path>");
        svg.Append("</g>");

        foreach (var role in roles)
        {
            var (x, cy) = cards[role.Code];
            var state = string.Equals(role.Code, from, StringComparison.OrdinalIgnoreCase) ? " from" : string.Equals(role.Code, to, StringComparison.OrdinalIgnoreCase) ? " to" : onRoute.Contains(role.Code) ? " on-route" : route.Count > 0 ? " dim" : "";
            var leader = graph.Document.Families.FirstOrDefault(f => f.Code == role.Family)?.Track == "leadership";
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"/roles/{Uri.EscapeDataString(role.Code)}\"{(state == " from" ? " id=\"route-from\"" : "")} class=\"card{state}{(leader ? " leader" : "")}\" data-role=\"{Enc(role.Code)}\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Enc(L["{0} ({1}), grade {2}", role.Title, role.Code, role.Grade])}</title>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{cy:0.#}\" width=\"{CardWidth}\" height=\"{CardHeight}\" rx=\"8\"/>");
            var lines = Wrap(role.Title, 23, 2);
            for (var l = 0; l < lines.Count; l++)
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 9:0.#}\" y=\"{cy + (lines.Count == 1 ? 20 : 15) + l * 13:0.#}\">{Enc(lines[l])}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"sub\" x=\"{x + 9:0.#}\" y=\"{cy + CardHeight - 5:0.#}\">{Enc(role.Code)}</text>");
            svg.Append("</a>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A gentle curve between card edges: vertical moves leave from the top, same-row moves from the side.</summary>
    string Curve(string from, string to)
    {
        var (ax, ay) = cards[from];
        var (bx, by) = cards[to];
        double x1, y1, x2, y2, c1x, c1y, c2x, c2y;
        if (Math.Abs(ay - by) < 1)
        {
            var right = bx > ax;
            x1 = right ? ax + CardWidth : ax; y1 = ay + CardHeight / 2.0 - 6;
            x2 = right ? bx : bx + CardWidth; y2 = by + CardHeight / 2.0 + 6;
            var bend = Math.Min(60, Math.Abs(x2 - x1) / 4);
            c1x = x1 + (right ? 30 : -30); c1y = y1 - bend;
            c2x = x2 - (right ? 30 : -30); c2y = y2 - bend;
        }
        else
        {
            var up = by < ay;
            x1 = ax + CardWidth / 2.0 + (bx > ax ? 18 : bx < ax ? -18 : 0); y1 = up ? ay : ay + CardHeight;
            x2 = bx + CardWidth / 2.0 + (ax > bx ? 18 : ax < bx ? -18 : 0); y2 = up ? by + CardHeight : by;
            var pull = Math.Max(24, Math.Abs(y2 - y1) / 2);
            c1x = x1; c1y = y1 + (up ? -pull : pull);
            c2x = x2; c2y = y2 + (up ? pull : -pull);
            if (Math.Abs(ax - bx) < 1 && Math.Abs(ay - by) > CardHeight + CardGap + 1)
            {
                // Skipping cards in the same column: swing out to the side instead of running through them.
                c1x = c2x = x1 + 70;
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"M{x1:0.#},{y1:0.#} C{c1x:0.#},{c1y:0.#} {c2x:0.#},{c2y:0.#} {x2:0.#},{y2:0.#}");
    }

    static List<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 0) line = word;
            else if (line.Length + 1 + word.Length <= width) line += " " + word;
            else { lines.Add(line); line = word; }
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].Length > width - 1 ? lines[^1][..(width - 1)] + "…" : lines[^1] + "…";
        }
        return [.. lines.Select(l => l.Length > width ? l[..(width - 1)] + "…" : l)];
    }

    static string Enc(string? s) => WebUtility.HtmlEncode(s ?? "");
}
