using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerMap.JobDescriptions;

/// <summary>
/// A description exported as data or markup (a JSON job profile, an XML or HTML page, "Key=Value" or AsciiDoc attribute lines, a CSV of field
/// names and values) read as the lines a person would have typed: "Reports To: Imaging Team Supervisor", "- Answer calls",
/// "# What you'll do", table cells cut by tabs. Every character written keeps the offset in the original text it came from,
/// so a piece still says where it was.
/// </summary>
static partial class JdMarkup
{
    /// <summary>The text as lines, and for each character of it the offset in <paramref name="text"/> it came from; null when the text is not markup.</summary>
    public static (string Text, int[] From)? Normalize(string text)
    {
        if (IsRtf(text)) return Rtf(text);
        var lines = Lines(text);
        var kind = KindOf(text, lines);
        var (header, columns, names, sparse) = (-1, 0, (List<string>)[], false);
        if (kind == Kind.None && TableHead(text, lines) is { } head)
            (kind, header, columns, names, sparse) = (Kind.CsvTable, head.Line, head.Names.Count, head.Names, head.Sparse);
        if (kind == Kind.None) return null;
        if (kind == Kind.PdfFields) return PdfFields(text, lines);
        if (kind == Kind.Sql) return SqlRows(text);
        var output = new Writer(text);
        for (var n = 0; n < lines.Count; n++)
        {
            var (start, end) = lines[n];
            var line = text[start..end].TrimEnd();
            switch (kind)
            {
                case Kind.Json:
                    Json(output, line, start);
                    break;
                case Kind.Markup:
                    Markup(output, line, start, ElementName(n - 1), ElementName(n + 1));
                    break;
                case Kind.Pairs when Pair().Match(line) is { Success: true } pair:
                    output.Field(pair.Groups["key"], pair.Groups["value"], start, Unquote(pair.Groups["value"].Value.TrimEnd()));
                    break;
                case Kind.Escaped:
                    Unescape(output, line, start);
                    break;
                case Kind.BBCode:
                    BBCode(output, line, start);
                    break;
                case Kind.Csv when CsvPair().Match(line) is { Success: true } pair:
                    output.Field(pair.Groups["key"], pair.Groups["value"], start, Unquote(pair.Groups["value"].Value));
                    break;
                case Kind.CsvTable when sparse && n == header:
                    break;
                case Kind.CsvTable when sparse && Cells(line) is { } cells && cells.Count == columns:
                    // A table with an empty cell, which a row cut by tabs would lose the count of: each row's filled cells as
                    // its columns' fields, a blank line between roles.
                    output.Line(start);
                    output.Add("\n", start);
                    foreach (var (c, cell) in cells.Index().Where(c => c.Item.Read.Length > 0))
                    {
                        output.Line(start + cell.Start);
                        output.Add(Words(names[c]) + ": ", start + cell.Start);
                        Cell(output, line, start, cell);
                    }
                    break;
                case Kind.CsvTable when Cells(line) is { } cells && cells.Count == columns:
                    // A spreadsheet's row as a row of cells cut by tabs, the way a table of fields is read: the heading row's
                    // names over each role's values.
                    output.Line(start);
                    for (var c = 0; c < cells.Count; c++)
                    {
                        if (c > 0) output.Add("\t", start + cells[c].Start);
                        if (n == header) output.Add(Words(cells[c].Read), start + cells[c].Start);
                        else Cell(output, line, start, cells[c]);
                    }
                    break;
                default:
                    output.Copy(start, end);
                    break;
            }
            // Data and markup say where a line ends by their tags and brackets: no blank line of theirs is a gap a person left.
            if (kind is Kind.Json or Kind.Markup) output.Line(end);
            else output.Add("\n", end);
        }
        return output.Result();

        string? ElementName(int n) => n >= 0 && n < lines.Count && Element().Match(text, lines[n].Start, lines[n].End - lines[n].Start) is { Success: true } m ? m.Groups["name"].Value : null;
    }

    enum Kind { None, Json, Markup, Escaped, Pairs, Csv, CsvTable, PdfFields, Sql, BBCode }

    /// <summary>
    /// A fillable PDF form's fields as <c>pdftk dump_data_fields</c> lists them (blocks of "FieldName:", "FieldNameAlt:",
    /// "FieldValue:" between "---" lines): each filled field as its label and value, a numbered run of fields ("Essential
    /// Function 1", "Essential Function 2", …) as one list under its name, an unchecked box or an empty field left out.
    /// </summary>
    static (string Text, int[] From) PdfFields(string text, List<(int Start, int End)> lines)
    {
        var output = new Writer(text);
        string? list = null;
        var block = new List<(string Key, int KeyAt, int ValueStart, int ValueEnd)>();
        void Flush()
        {
            var name = block.FirstOrDefault(f => f.Key == "FieldNameAlt") is { Key: not null } alt ? alt : block.FirstOrDefault(f => f.Key == "FieldName");
            var value = block.FirstOrDefault(f => f.Key == "FieldValue");
            var plain = block.FirstOrDefault(f => f.Key == "FieldName");
            var button = block.Exists(f => f.Key == "FieldType" && text.AsSpan(f.ValueStart, f.ValueEnd - f.ValueStart).Trim().Equals("Button", StringComparison.Ordinal));
            block.Clear();
            if (name.Key is null || value.Key is null) return;
            var read = text[value.ValueStart..value.ValueEnd].Trim();
            if (read.Length == 0 || button && read is "Off" or "No") return;
            var label = FieldLabel(text[name.ValueStart..name.ValueEnd].Trim());
            // A tooltip for a name ("Enter the job title exactly as it appears on the requisition") is no label: the field's name is.
            if (name.Key == "FieldNameAlt" && JobDescriptionLines.WordCount(label) > 6 && plain.Key is not null) label = FieldLabel(text[plain.ValueStart..plain.ValueEnd].Trim());
            var numbered = NumberedName().Match(label);
            var at = text.IndexOf(read[0], value.ValueStart);
            // A label written where its name stands, or where the value does when a block names it after its value: never after it.
            var named = Math.Min(name.KeyAt, at);
            if (numbered.Success)
            {
                if (list != numbered.Groups["name"].Value)
                {
                    list = numbered.Groups["name"].Value;
                    output.Line(named);
                    output.Add(list + ":", named);
                }
                output.Line(at);
                output.Add("- ", at);
            }
            else
            {
                list = null;
                output.Line(named);
                output.Add(label + (IsSection(label, read) ? ":\n" : ": "), named);
            }
            output.Copy(at, at + read.Length);
        }
        foreach (var (start, end) in lines)
        {
            var line = text[start..end].TrimEnd();
            if (line.Trim() == "---") Flush();
            else if (PdfField().Match(line) is { Success: true } field) block.Add((field.Groups["key"].Value, start, start + field.Groups["value"].Index, start + field.Groups["value"].Index + field.Groups["value"].Length));
            // A value written over several lines goes on to the next field's name.
            else if (block.Count > 0 && block[^1].Key == "FieldValue") block[^1] = block[^1] with { ValueEnd = end };
            else if (block.Count == 0)
            {
                output.Line(start);
                output.Copy(start, end);
            }
        }
        Flush();
        return output.Result();
    }

    /// <summary>A named value that is a section of its own (a summary, a list of duties), not a header field: its name on a line above it.</summary>
    static bool IsSection(string name, string value) => Vocabulary.Header(name) is null && !Vocabulary.IsOtherHeader(name)
        && (JobDescriptionLines.WordCount(value) > 8 || value.Contains('\n', StringComparison.Ordinal));

    /// <summary>A form field's name as words, without a designer's path and indexes ("form1[0].page1[0].JobTitle[0]" → "Job Title").</summary>
    static string FieldLabel(string name)
    {
        var bare = FieldIndex().Replace(name, "");
        if (!bare.Contains(' ', StringComparison.Ordinal) && bare.LastIndexOf('.') is var dot and >= 0 && dot + 1 < bare.Length) bare = bare[(dot + 1)..];
        return Words(bare);
    }

    /// <summary>
    /// A database dump's rows ("INSERT INTO `job_profile` (`title`, `department`, …) VALUES (1187,'Enrollment Specialist',…),(…);"):
    /// each row as its columns' names and values, a blank line between rows, escapes read ("\n" a new line, "\'" a quote), NULL and
    /// empty values left out. The dump's own statements and comments are not the description's.
    /// </summary>
    static (string Text, int[] From) SqlRows(string text)
    {
        var output = new Writer(text);
        var done = 0;
        foreach (Match insert in SqlInsert().Matches(text))
        {
            // A statement left open runs on to the end of the text: a later one inside it was read with it.
            if (insert.Index < done) continue;
            var names = insert.Groups["names"].Value.Split(',').Select(n => Words(n.Trim().Trim('`', '"', '[', ']', '\''))).ToList();
            var i = insert.Index + insert.Length;
            while (i < text.Length && text[i] != ';')
            {
                // A statement left open ends where the next one starts.
                if (text[i] == '\n' && text.AsSpan(i + 1).TrimStart(" \t").StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)) break;
                if (text[i] != '(') { i++; continue; }
                output.Line(i);
                output.Add("\n", i);
                var column = 0;
                i++;
                while (i < text.Length && text[i] != ')')
                {
                    while (i < text.Length && text[i] is ' ' or '\n' or '\t' or ',') i++;
                    if (i >= text.Length || text[i] == ')') break;
                    var (at, read, quoted) = (i, new StringBuilder(), text[i] is '\'' or '"');
                    if (quoted)
                    {
                        var quote = text[i++];
                        for (; i < text.Length; i++)
                        {
                            if (text[i] == '\\' && i + 1 < text.Length)
                            {
                                read.Append(text[++i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => ' ', var c => c });
                                continue;
                            }
                            if (text[i] != quote) { read.Append(text[i]); continue; }
                            if (i + 1 < text.Length && text[i + 1] == quote) { read.Append(quote); i++; continue; }
                            break;
                        }
                        i++;
                    }
                    else
                    {
                        while (i < text.Length && text[i] is not (',' or ')')) read.Append(text[i++]);
                        if (read.ToString().Trim() is "NULL" or "null") read.Clear();
                    }
                    var value = read.ToString().Replace("\r", "", StringComparison.Ordinal).Trim();
                    if (column < names.Count && value.Length > 0)
                    {
                        var name = names[column];
                        output.Line(at);
                        output.Add(name + (IsSection(name, value) ? ":\n" : ": "), at);
                        var last = Math.Min(i - 1, text.Length - 1);
                        output.Value(value, Math.Min(quoted ? at + 1 : at, last), last);
                    }
                    column++;
                }
                i++;
            }
            done = i;
        }
        return output.Result();
    }

    /// <summary>A forum post's BBCode ("[b]Department:[/b] …", "[list][*]…[/list]"): bold and size marks dropped, a list item a bullet, a list or rule a new line.</summary>
    static void BBCode(Writer output, string line, int start)
    {
        var at = 0;
        foreach (Match m in BBTag().Matches(line))
        {
            output.Copy(start + at, start + m.Index);
            at = m.Index + m.Length;
            var name = m.Groups["name"].Value.ToLowerInvariant();
            if (name == "*")
            {
                output.Line(start + m.Index);
                output.Add("- ", start + m.Index);
            }
            else if (name is "list" or "hr" or "quote" or "center" or "code" or "h1" or "h2" or "h3" or "table" or "tr") output.Line(start + m.Index);
            else if (name is "td" or "th" && !m.Value.StartsWith("[/", StringComparison.Ordinal)) output.Add("\t", start + m.Index);
        }
        output.Copy(start + at, start + line.Length);
    }

    /// <summary>
    /// A Rich Text file's source (WordPad and Word save it, and a paste of it arrives as its codes) read as its text: paragraphs and
    /// line breaks as lines, tabs and cells as tabs, escaped characters read, font and colour tables, styles and the document's
    /// information left out.
    /// </summary>
    public static bool IsRtf(string text) => text.AsSpan().TrimStart().StartsWith(@"{\rtf", StringComparison.Ordinal);

    public static (string Text, int[] From) Rtf(string text)
    {
        var output = new Writer(text);
        var groups = new Stack<(bool Skip, int Fallback)>();
        var (skip, fallback, owed) = (false, 1, 0);
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '{')
            {
                groups.Push((skip, fallback));
                owed = 0;
                i++;
                // "{\*\…}" and the tables of a document's head are not its text.
                if (!skip && i < text.Length && text[i] == '\\' && (i + 1 < text.Length && text[i + 1] == '*' || RtfWord().Match(text, i) is { Success: true } head && NotText.Contains(head.Groups["word"].Value)))
                    skip = true;
                continue;
            }
            if (c == '}')
            {
                if (groups.Count > 0) (skip, fallback) = groups.Pop();
                owed = 0;
                i++;
                continue;
            }
            if (c is '\r' or '\n') { i++; continue; }
            if (c != '\\')
            {
                if (owed > 0) owed--;
                else if (!skip) output.Copy(i, i + 1);
                i++;
                continue;
            }
            if (i + 1 >= text.Length) break;
            var next = text[i + 1];
            if (next == '\'' && i + 3 < text.Length && int.TryParse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                if (owed > 0) owed--;
                else if (!skip) output.Add(Windows1252(code).ToString(), i);
                i += 4;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                var symbol = next switch { '{' or '}' or '\\' => next.ToString(), '~' => " ", '_' => "-", '\n' or '\r' => "\n", _ => "" };
                if (owed > 0) owed--;
                else if (!skip && symbol.Length > 0) output.Add(symbol, i);
                i += 2;
                continue;
            }
            var control = RtfWord().Match(text, i);
            var word = control.Groups["word"].Value;
            int? parameter = control.Groups["n"].Success && int.TryParse(control.Groups["n"].ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
            i += control.Length;
            // Binary data ("\bin12 " and twelve bytes) is passed over whole: its bytes may be braces.
            if (word == "bin") { i += Math.Clamp(parameter ?? 0, 0, text.Length - i); continue; }
            if (word == "uc") { fallback = Math.Clamp(parameter ?? 1, 0, 4); continue; }
            // What stands after "\u" for readers without Unicode may be a control word ("\u8217\rquote"): the character is written already.
            if (owed > 0) { owed--; continue; }
            if (skip) continue;
            if (word == "u" && parameter is { } unicode)
            {
                output.Add(((char)(unicode < 0 ? unicode + 65536 : unicode)).ToString(), control.Index);
                owed = fallback;
                continue;
            }
            var written = word switch
            {
                "par" or "line" or "sect" or "page" or "row" or "nestrow" => "\n",
                "tab" or "cell" or "nestcell" => "\t",
                "emdash" => "—", "endash" => "–", "bullet" => "•", "lquote" => "‘", "rquote" => "’", "ldblquote" => "“", "rdblquote" => "”",
                _ => "",
            };
            if (written.Length > 0) output.Add(written, control.Index);
        }
        return output.Result();
    }

    /// <summary>The destinations of an RTF file's head and of its objects: none of them is text a person wrote in the document.</summary>
    static readonly HashSet<string> NotText =
    [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata",
        "colorschememapping", "datastore", "latentstyles", "pgdsctbl", "fldinst", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr",
        "footerf", "filetbl", "revtbl", "operator", "author", "title", "comment", "doccomm",
    ];

    /// <summary>A code page 1252 byte: the same as Latin-1 but for the punctuation Windows put between 0x80 and 0x9F.</summary>
    static char Windows1252(int code) => code is >= 0x80 and <= 0x9F
        ? "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ"[code - 0x80]
        : (char)code;

    [GeneratedRegex(@"\G\\(?<word>[A-Za-z]{1,32})(?<n>-?\d{1,10})? ?")]
    private static partial Regex RtfWord();

    static Kind KindOf(string text, List<(int Start, int End)> lines)
    {
        var filled = lines.Where(l => !text.AsSpan(l.Start, l.End - l.Start).IsWhiteSpace()).ToList();
        // A line of comment or a request line may sit above a JSON body ("// GET /api/job-profiles -> 200 OK").
        var opening = filled.Select(l => text[l.Start..l.End].Trim()).FirstOrDefault(l => !l.StartsWith("//", StringComparison.Ordinal)) ?? "";
        int count(Regex r) => filled.Count(l => r.IsMatch(text.AsSpan(l.Start, l.End - l.Start).TrimEnd()));
        if (opening is ['{' or '[', ..] && count(JsonField()) >= 3) return Kind.Json;
        if (count(PdfField()) >= 6 && filled.Count(l => text.AsSpan(l.Start, l.End - l.Start).StartsWith("FieldValue:")) >= 2) return Kind.PdfFields;
        // A dump, not a posting that quotes a statement: its lines are statements, comments and rows.
        if (SqlInsert().IsMatch(text) && count(SqlLine()) * 5 >= filled.Count * 4) return Kind.Sql;
        // A page of markup: tags open a good share of its lines (a Markdown text with a few HTML comments is not one).
        var tagged = count(TagLine());
        if (tagged >= 3 && tagged * 3 >= filled.Count) return Kind.Markup;
        // A page's head around a JSON-LD block ("<script type=\"application/ld+json\">"), the JSON most of it.
        var data = filled.Select(l => text[l.Start..l.End].Trim()).FirstOrDefault(l => !l.StartsWith('<')) ?? "";
        if (data is ['{', ..] && count(JsonField()) >= 3) return Kind.Json;
        // A block of pairs or of CSV fields, three lines in a row at least: not lines of prose here and there that happen to
        // open with "Word =" or "word,".
        int run(Regex r)
        {
            var (longest, current) = (0, 0);
            foreach (var l in filled) longest = Math.Max(longest, current = r.IsMatch(text.AsSpan(l.Start, l.End - l.Start).TrimEnd()) ? current + 1 : 0);
            return longest;
        }
        // Markdown a converter escaped ("\*\*Department:\*\*", "\## Duties", "1\. Answer calls"): its marks read as a person wrote them.
        if (count(EscapedMark()) >= 3) return Kind.Escaped;
        if (count(BBTag()) >= 3 && BBClosing().IsMatch(text)) return Kind.BBCode;
        if (run(Pair()) >= 3) return Kind.Pairs;
        if (run(CsvPair()) >= 3) return Kind.Csv;
        return Kind.None;
    }

    /// <summary>
    /// A spreadsheet saved as CSV with a row of field names ("req_id,job_title,department,…") over one row per role: the
    /// heading row's line, its names and whether any row leaves a cell empty; null when the text has none.
    /// </summary>
    static (int Line, List<string> Names, bool Sparse)? TableHead(string text, List<(int Start, int End)> lines)
    {
        var first = lines.FindIndex(l => !text.AsSpan(l.Start, l.End - l.Start).IsWhiteSpace() && !text.AsSpan(l.Start, l.End - l.Start).TrimStart().StartsWith("#!"));
        if (first < 0 || Cells(text[lines[first].Start..lines[first].End].TrimEnd()) is not { Count: >= 4 } names || !names.All(c => CsvName().IsMatch(c.Read))
            || names.Count(c => Vocabulary.Header(c.Read) is not null || Vocabulary.IsOtherHeader(c.Read) || Vocabulary.Heading(c.Read) is not null) < 2) return null;
        var rows = lines.Skip(first + 1).Select(l => Cells(text[l.Start..l.End].TrimEnd())).Where(cells => cells?.Count == names.Count).ToList();
        return rows.Count >= 1 ? (first, [.. names.Select(c => c.Read)], rows.Any(cells => cells!.Any(c => c.Read.Length == 0))) : null;
    }

    /// <summary>A CSV cell's value as read, each character mapped to where it stands in the line (inside its quotes when it has them).</summary>
    static void Cell(Writer output, string line, int start, (int Start, int End, string Read) cell) =>
        output.Value(cell.Read.Replace('\t', ' '), start + cell.Start + (cell.Start < line.Length && line[cell.Start] == '"' ? 1 : 0), start + Math.Max(cell.Start, cell.End - 1));

    /// <summary>A line's comma-separated cells, quoted ones read ("a ""b"", c" is one cell): each with where it stands; null when a quote is left open.</summary>
    static List<(int Start, int End, string Read)>? Cells(string line)
    {
        if (!line.Contains(',', StringComparison.Ordinal)) return null;
        var cells = new List<(int, int, string)>();
        var at = 0;
        while (true)
        {
            var start = at;
            string read;
            if (at < line.Length && line[at] == '"')
            {
                var sb = new StringBuilder();
                at++;
                while (true)
                {
                    if (at >= line.Length) return null;
                    if (line[at] == '"')
                    {
                        if (at + 1 < line.Length && line[at + 1] == '"') { sb.Append('"'); at += 2; continue; }
                        at++;
                        break;
                    }
                    sb.Append(line[at++]);
                }
                read = sb.ToString();
                if (at < line.Length && line[at] != ',') return null;
            }
            else
            {
                var comma = line.IndexOf(',', at);
                at = comma < 0 ? line.Length : comma;
                read = line[start..at].Trim();
            }
            cells.Add((start, at, read));
            if (at >= line.Length) return cells;
            at++;
        }
    }

    static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        for (var at = 0; at <= text.Length;)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            lines.Add((at, end));
            at = end + 1;
        }
        return lines;
    }

    static void Json(Writer output, string line, int start)
    {
        if (JsonField().Match(line) is { Success: true } field)
        {
            var value = field.Groups["value"];
            // "duties": [ opens a list: its key is a heading.
            if (value.Value is "[" or "{") output.Field(field.Groups["key"], value, start, "");
            else output.Field(field.Groups["key"], value, start, value.Value.StartsWith('"') ? JsonText(value.Value) : value.Value == "null" ? "" : value.Value);
        }
        else if (JsonItem().Match(line) is { Success: true } item)
        {
            var value = item.Groups["value"];
            output.Line(start);
            output.Add("- ", start + value.Index);
            output.Value(JsonText(value.Value), start + value.Index + 1, start + value.Index + value.Length - 1);
        }
        else if (!JsonPunctuation().IsMatch(line)) output.Copy(start, start + line.Length);
    }

    /// <summary>A JSON string's text, its escapes read ("\u2019", "\n"); as written, less its quotes, if it is not valid JSON.</summary>
    static string JsonText(string quoted)
    {
        try
        {
            return (JsonSerializer.Deserialize(quoted, JdMarkupJson.Default.String) ?? "").Replace('\n', ' ').Replace('\r', ' ');
        }
        catch (JsonException)
        {
            return quoted[1..^1];
        }
    }

    /// <summary>A line of escaped Markdown with its escapes and entities read ("\*\*FLSA:\*\* Exempt", "&nbsp;").</summary>
    static void Unescape(Writer output, string line, int start)
    {
        var at = 0;
        foreach (Match m in EscapeOrEntity().Matches(line))
        {
            output.Copy(start + at, start + m.Index);
            output.Add(m.Value[0] == '\\' ? m.Value[1..] : WebUtility.HtmlDecode(m.Value), start + m.Index + (m.Value[0] == '\\' ? 1 : 0));
            at = m.Index + m.Length;
        }
        output.Copy(start + at, start + line.Length);
    }

    static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && v[0] == '"' && v[^1] == '"' ? v[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : v;
    }

    static void Markup(Writer output, string line, int start, string? before, string? after)
    {
        // A data element on a line of its own ("<ReportsTo>Supervisor, Escalations</ReportsTo>") is a field and its value; one
        // of a run of the same element ("<Duty>…</Duty>") is an item of a list; a long one ("<Summary>…</Summary>") a section.
        if (Element().Match(line) is { Success: true } element && !Html.Contains(element.Groups["name"].Value.ToLowerInvariant()) && !string.IsNullOrWhiteSpace(element.Groups["value"].Value))
        {
            var (name, value) = (element.Groups["name"], element.Groups["value"]);
            var read = WebUtility.HtmlDecode(value.Value);
            if (name.Value == before || name.Value == after)
            {
                output.Line(start + value.Index);
                output.Add("- ", start + value.Index);
                output.Value(read, start + value.Index, start + value.Index + value.Length - 1);
            }
            else if (IsSection(name.Value, read))
            {
                output.Line(start + name.Index);
                output.Add(Words(name.Value) + ":\n", start + name.Index);
                output.Value(read, start + value.Index, start + value.Index + value.Length - 1);
            }
            else output.Field(name, value, start, read);
            return;
        }
        var at = 0;
        foreach (Match m in TagOrEntity().Matches(line))
        {
            output.Copy(start + at, start + m.Index);
            at = m.Index + m.Length;
            if (m.Value[0] == '&')
            {
                output.Add(WebUtility.HtmlDecode(m.Value), start + m.Index);
                continue;
            }
            var name = m.Groups["name"].Value.ToLowerInvariant();
            var closing = m.Value.StartsWith("</", StringComparison.Ordinal);
            // What a page's tags mean to a reader: a list item is a bullet, a heading a heading, a cell a column, a break a new line.
            if (!closing && name == "li")
            {
                output.Line(start + m.Index);
                output.Add("- ", start + m.Index);
            }
            else if (!closing && name is ['h', >= '1' and <= '6'])
            {
                output.Line(start + m.Index);
                output.Add("# ", start + m.Index);
            }
            else if (!closing && name is "td" or "th") output.Add("\t", start + m.Index);
            else if (Block.Contains(name) || name is ['h', >= '1' and <= '6']) output.Line(start + m.Index);
            else if (!Html.Contains(name) && name.Length > 0 && !m.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                output.Line(start + m.Index);
                if (!closing) output.Add(Words(m.Groups["name"].Value) + ":", start + m.Index);
                output.Line(start + m.Index);
            }
        }
        output.Copy(start + at, start + line.Length);
    }

    /// <summary>Tags that end a line of text where they stand.</summary>
    static readonly HashSet<string> Block = ["br", "p", "div", "tr", "ul", "ol", "li", "section", "article", "header", "footer", "table", "dd", "dt", "hr", "main", "nav", "aside", "blockquote", "pre"];

    static readonly HashSet<string> Html =
    [
        "html", "head", "body", "title", "meta", "link", "style", "script", "div", "span", "p", "br", "hr", "a", "b", "i", "u", "em", "strong", "small", "sup", "sub",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
        "footer", "main", "nav", "aside", "img", "label", "input", "button", "form", "blockquote", "pre", "code", "font", "center", "caption", "colgroup", "col",
    ];

    /// <summary>A field's name as words: "reportsTo", "flsa_status", "PositionTitle" → "Reports To", "Flsa Status", "Position Title".</summary>
    internal static string Words(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.' or ':') { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); continue; }
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])) && sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
            sb.Append(sb.Length == 0 || sb[^1] == ' ' ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>The text being written, each character with the offset it came from.</summary>
    sealed class Writer(string source)
    {
        readonly StringBuilder text = new(source.Length);
        readonly List<int> from = new(source.Length);

        public void Copy(int start, int end)
        {
            for (var i = start; i < end; i++) { text.Append(source[i]); from.Add(i); }
        }

        public void Add(string s, int at)
        {
            foreach (var c in s) { text.Append(c); from.Add(at); }
        }

        /// <summary>Ends the line being written, if one is: never a blank line.</summary>
        public void Line(int at)
        {
            var end = text.Length;
            while (end > 0 && text[end - 1] is ' ' or '\t') end--;
            if (end > 0 && text[end - 1] != '\n') Add("\n", at);
        }

        /// <summary>"Key: value", the key's words at the key's place and the value's at the value's.</summary>
        public void Field(Group key, Group value, int lineStart, string read)
        {
            Line(lineStart);
            Add(Words(key.Value), lineStart + key.Index);
            Add(":", lineStart + key.Index + key.Length);
            if (read.Length == 0) return;
            Add(" ", lineStart + value.Index);
            var offset = Math.Max(0, value.Value.IndexOf(read[0], StringComparison.Ordinal));
            Value(read, lineStart + value.Index + offset, lineStart + value.Index + Math.Max(0, value.Length - 1));
        }

        /// <summary>A value read from its written form (unquoted, unescaped, decoded): each character onto the written one at its place, as far as the written value goes.</summary>
        public void Value(string read, int at, int last)
        {
            for (var i = 0; i < read.Length; i++) { text.Append(read[i]); from.Add(Math.Min(at + i, Math.Max(at, last))); }
        }

        public (string Text, int[] From) Result()
        {
            from.Add(source.Length);
            return (text.ToString(), [.. from]);
        }
    }

    [GeneratedRegex(@"^\s*""(?<key>[^""\\]{1,60})""\s*:\s*(?<value>""(?:[^""\\]|\\.)*""|-?[\d.]+|true|false|null|\[|\{)(?:\s*\])?(?:\s*,)?$")]
    private static partial Regex JsonField();

    [GeneratedRegex(@"^\s*(?<value>""(?:[^""\\]|\\.)*"")(?:\s*,)?$")]
    private static partial Regex JsonItem();

    [GeneratedRegex(@"^\s*[\[\]{}]+(?:\s*,)?$")]
    private static partial Regex JsonPunctuation();

    [GeneratedRegex(@"^\s*<[A-Za-z?/]")]
    private static partial Regex TagLine();

    [GeneratedRegex(@"</?(?<name>[A-Za-z][\w:.-]*)(?:\s[^<>]*)?/?>|<!--(?:[^-]|-(?!->))*(?:-->|$)|<\?[^?<>]*\?>|&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")]
    private static partial Regex TagOrEntity();

    [GeneratedRegex(@"^\s*<(?<name>[A-Za-z][\w.-]*)(?:\s[^<>]*)?>(?<value>[^<>]+)</\k<name>>\s*$")]
    private static partial Regex Element();

    // "Key=Value", "Key -> Value", a wiki infobox's "| reports_to = …", an AsciiDoc page's attribute lines (":department: Pharmacy Services")
    // and a reStructuredText page's field list (":Reports to: Virtual Care Supervisor");
    // a key with no value is a field left empty, never a word run into the line above. A line with a second bar is a wiki table's row, not a pair.
    [GeneratedRegex(@"^\s*(?:\|(?![^|]*\|)\s*)?(?:(?<key>[A-Za-z][\w.]{0,40}(?: [A-Za-z][\w.]{0,20}){0,3})\s*(?:=|->|=>|→)|:(?<key>[A-Za-z][\w-]{0,40}(?: [A-Za-z][\w-]{0,20}){0,3}):)\s*(?<value>\S.*)?$")]
    private static partial Regex Pair();

    [GeneratedRegex(@"\\[*#_.\-+!>\[\]()`|~]")]
    private static partial Regex EscapedMark();

    [GeneratedRegex(@"\\[*#_.\-+!>\[\]()`|~\\]|&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,6});")]
    private static partial Regex EscapeOrEntity();

    [GeneratedRegex(@"^(?<key>Field(?:Type|Name|NameAlt|Flags|Value|ValueDefault|Justification|StateOption|MaxLength)):\s?(?<value>.*)$")]
    private static partial Regex PdfField();

    [GeneratedRegex(@"\[\d{1,4}\]")]
    private static partial Regex FieldIndex();

    [GeneratedRegex(@"^(?<name>.*\S)\s+\d{1,2}$")]
    private static partial Regex NumberedName();

    // A statement opens a line and names its columns: a dump without them names no field a reader could use.
    [GeneratedRegex(@"(?im)^[ \t]*INSERT[ \t]+INTO\s+[`""\[]?[\w.]{1,64}[`""\]]?\s*\((?<names>[^()]{1,2000})\)\s*VALUES\s*")]
    private static partial Regex SqlInsert();

    [GeneratedRegex(@"^\s*(?:--|/\*|[()]|(?i:insert|lock|unlock|set|drop|create|use|alter|begin|commit|start|values)\b)|;\s*$")]
    private static partial Regex SqlLine();

    [GeneratedRegex(@"\[/?(?<name>b|i|u|s|size|color|font|url|email|list|\*|quote|center|code|hr|img|h[1-3]|table|tr|td|th|left|right|highlight)(?:=[^\[\]]{0,80})?\]", RegexOptions.IgnoreCase)]
    private static partial Regex BBTag();

    [GeneratedRegex(@"\[/(?:b|i|u|size|color|font|list|url|quote|center)\]", RegexOptions.IgnoreCase)]
    private static partial Regex BBClosing();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_ ]{0,40}$")]
    private static partial Regex CsvName();

    [GeneratedRegex(@"^(?<key>[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]{2,30}),(?<value>""(?:[^""]|"""")*""\s*|[^,""]*)$")]
    private static partial Regex CsvPair();
}

/// <summary>Reads a JSON string without reflection (the reader runs trimmed and ahead of time).</summary>
[JsonSerializable(typeof(string))]
sealed partial class JdMarkupJson : JsonSerializerContext;
