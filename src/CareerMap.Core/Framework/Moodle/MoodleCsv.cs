using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerMap.Framework.Case;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework.Moodle;

/// <summary>
/// The competency framework as Moodle's competency framework CSV (admin/tool/lpimportcsv), out and in; README
/// "Moodle competency CSV". Source: moodle/moodle admin/tool/lpimportcsv, classes/framework_exporter.php (the rows),
/// classes/framework_importer.php (list_required_headers: fourteen columns, read by position) and lang/en (the header
/// labels). The framework row has isframework 1 and carries the scale; each category is a top-level row, each competency
/// a row under its category (parentidnumber), idnumber its code; definition, level descriptors and indicators are the
/// HTML description. The scale values are the level names, level 1 the default and the upper half proficient.
/// </summary>
public static partial class MoodleCsv
{
    /// <summary>Moodle's column keys, in the order of list_required_headers; problems name the column by its key.</summary>
    public static readonly string[] Columns =
    [
        "parentidnumber", "idnumber", "shortname", "description", "descriptionformat", "scalevalues", "scaleconfiguration",
        "ruletype", "ruleoutcome", "ruleconfig", "relatedidnumbers", "exportid", "isframework", "taxonomy",
    ];

    /// <summary>The header row Moodle writes in English (lang/en/tool_lpimportcsv.php).</summary>
    public static readonly string[] Headers =
    [
        "Parent ID number", "ID number", "Short name", "Description", "Description format", "Scale values", "Scale configuration",
        "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)", "Cross-referenced competency ID numbers",
        "Exported ID (optional)", "Is framework", "Taxonomy",
    ];

    /// <summary>Moodle's FORMAT_HTML: the descriptions CareerMap writes.</summary>
    public const string HtmlFormat = "1";
    const string LevelsClass = "careermap-levels";
    const string IndicatorsClass = "careermap-indicators";

    public static string LevelName(int level) => $"Level {level}";

    /// <summary>The first proficient level of a scale of <paramref name="top"/>: the upper half, level 3 of 5.</summary>
    public static int FirstProficient(int top) => top / 2 + 1;

    /// <summary>Moodle's scaleconfiguration: the scale's id (Moodle puts its own on import), then one entry per value, 1-based.</summary>
    public static string ScaleConfiguration(int top)
    {
        var config = new JsonArray(new JsonObject { ["scaleid"] = "0" });
        for (var level = 1; level <= top; level++)
            config.Add(new JsonObject { ["id"] = level, ["scaledefault"] = level == 1 ? 1 : 0, ["proficient"] = level >= FirstProficient(top) ? 1 : 0 });
        return config.ToJsonString();
    }

    public static void Write(FrameworkDocument document, TextWriter output)
    {
        var top = document.Organization.TopLevel;
        void Row(params string?[] cells) => output.Write(string.Join(',', cells.Select(CsvField.Of)) + "\r\n");
        Row(Headers);
        Row("", document.Organization.Code, document.Organization.Name, "", HtmlFormat, string.Join(',', Enumerable.Range(1, top).Select(LevelName)),
            ScaleConfiguration(top), "", "", "", "", "", "1", "domain,competency");
        var exportId = 0;
        foreach (var category in CaseMapping.CategoryOrder)
        {
            var members = document.Competencies.Where(c => string.Equals(c.Category, category, StringComparison.OrdinalIgnoreCase)).ToList();
            if (members.Count == 0) continue;
            Row("", category, CaseMapping.CategoryStatements[category], "", HtmlFormat, "", "", "", "0", "null", "", (++exportId).ToString(CultureInfo.InvariantCulture), "", "");
            foreach (var c in members)
                Row(category, c.Code, c.Name, Description(c), HtmlFormat, "", "", "", "0", "null", "", (++exportId).ToString(CultureInfo.InvariantCulture), "", "");
        }
    }

    /// <summary>A competency's description: the definition, then its level descriptors in order, then its indicators.</summary>
    public static string Description(CompetencyDto c)
    {
        var html = new StringBuilder($"<p>{Html(c.Definition)}</p>");
        html.Append($"<h4>Levels</h4><ol class=\"{LevelsClass}\">");
        foreach (var level in c.Levels) html.Append("<li>").Append(Html(level)).Append("</li>");
        html.Append("</ol>");
        if (c.Indicators.Count > 0)
        {
            html.Append($"<h4>Indicators</h4><ul class=\"{IndicatorsClass}\">");
            foreach (var indicator in c.Indicators) html.Append("<li>").Append(Html(indicator)).Append("</li>");
            html.Append("</ul>");
        }
        return html.ToString();
    }

    static string Html(string text) => WebUtility.HtmlEncode(text.ReplaceLineEndings("\n")).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>A description read back: the definition, and the level descriptors and indicators when CareerMap wrote them.</summary>
    public static (string Definition, List<string>? Levels, List<string> Indicators) ReadDescription(string description, string format)
    {
        if (format.Trim() != HtmlFormat) return (description.Trim(), null, []);
        List<string>? levels = null;
        var indicators = new List<string>();
        var rest = ListBlock().Replace(description, m =>
        {
            var items = ListItem().Matches(m.Groups["items"].Value).Select(i => Text(i.Groups[1].Value)).ToList();
            if (m.Groups["class"].Value == LevelsClass) levels = items;
            else indicators.AddRange(items);
            return "";
        });
        if (levels is not null) rest = Heading().Replace(rest, "");
        return (Text(rest), levels, indicators);
    }

    /// <summary>HTML as plain text: paragraphs and line breaks become new lines, other tags go, entities are decoded.</summary>
    static string Text(string html)
    {
        var text = LineBreak().Replace(html, "\n");
        text = ParagraphBreak().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex("<(?<tag>ol|ul) class=\"(?<class>careermap-levels|careermap-indicators)\">(?<items>.*?)</\\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex ListBlock();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItem();

    [GeneratedRegex("<h4>[^<]*</h4>")]
    private static partial Regex Heading();

    [GeneratedRegex("<br\\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex("</p>\\s*<p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>
    /// The records of an RFC 4180 file (comma, double quotes, CRLF or LF), each with its row number from 1; a cell CareerMap
    /// wrote with a leading quote to keep a spreadsheet from running it as a formula gets its text back.
    /// </summary>
    public static List<(int Row, string[] Cells)> Records(string text, out string? malformed)
    {
        malformed = null;
        var rows = new List<(int, string[])>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        var row = 1;
        void EndCell()
        {
            var value = cell.ToString();
            if (wasQuoted && value.Length > 1 && value[0] == '\'' && "=+-@\t\r".Contains(value[1], StringComparison.Ordinal)) value = value[1..];
            cells.Add(value);
            cell.Clear();
            wasQuoted = false;
        }
        void EndRow()
        {
            EndCell();
            if (!(cells.Count == 1 && cells[0].Length == 0)) rows.Add((row, [.. cells]));
            cells.Clear();
            row++;
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') cell.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else
                {
                    quoted = false;
                    if (i + 1 < text.Length && text[i + 1] is not (',' or '\r' or '\n')) malformed ??= $"row {row}";
                }
            }
            else if (ch == '"' && cell.Length == 0 && !wasQuoted) { quoted = true; wasQuoted = true; }
            else if (ch == ',') EndCell();
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { }
            else if (ch == '\n' || ch == '\r') EndRow();
            else cell.Append(ch);
        }
        if (quoted) malformed ??= $"row {row}";
        if (cell.Length > 0 || cells.Count > 0 || wasQuoted) EndRow();
        return rows;
    }
}
