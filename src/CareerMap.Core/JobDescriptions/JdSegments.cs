using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerMap.JobDescriptions;

/// <summary>How a line opens: a bullet, a number, a letter, a Roman numeral or a Markdown heading mark.</summary>
enum Marker { None, Bullet, Number, Letter, Roman, Markdown }

/// <summary>
/// One piece of a job description the learned reader classifies: a physical line, or part of one where a heading,
/// a header field or glued list items run together. <see cref="Start"/> and <see cref="End"/> are offsets in the text
/// read, so a labeled text can say which field each piece belongs to.
/// </summary>
sealed record Segment(int Start, int End, string Text, Marker Marker, int Gap, int Indent, int Tabs, bool Leader, int Physical, int Part, bool Glued, bool Column)
{
    public int GapAfter { get; set; }
    /// <summary>The head of the table column the piece sits under, in a table of fields (see <see cref="JdSegments.Columns"/>).</summary>
    public string? ColumnHead { get; set; }
    /// <summary>The piece is a head of such a table's columns: a field's label, not its value.</summary>
    public bool IsColumnHead { get; set; }
}

/// <summary>
/// Phrases the training descriptions used as headings (per field) and as header-field labels. Learned from the labeled
/// sets with the model, never written by hand; the reader uses them only to cut a heading or a field label out of a line
/// where it runs into its text.
/// </summary>
sealed record JdLexicon(IReadOnlySet<string> Headings, IReadOnlySet<string> Keys)
{
    public static readonly JdLexicon Empty = new(new HashSet<string>(), new HashSet<string>());
    // The hand-kept word lists of the lexical reader count too: a phrase the sets never used may still be a well-known heading.
    public bool IsHeading(string text) => Headings.Contains(Vocabulary.Fold(text)) || Vocabulary.Heading(text) is not null;
    public bool IsKey(string text) => Keys.Contains(Vocabulary.Fold(text)) || Vocabulary.Header(text) is not null || Vocabulary.IsOtherHeader(text);
}

/// <summary>Cuts a job description's text into the pieces the learned reader classifies.</summary>
static partial class JdSegments
{
    /// <summary>The spaces before a letter at a line's end that make it a watermark's, not the line's.</summary>
    const int WatermarkGap = 5;

    /// <summary>A line this long that glues items together ("…appointmentsMatch each patient…") or carries several labels is a pasted posting.</summary>
    const int GluedLength = 250;

    static readonly SearchValues<char> Whitespace = SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    public static List<Segment> Read(string text, JdLexicon lexicon)
    {
        if (JdMarkup.Normalize(text) is not var (read, from)) return Cut(text, lexicon);
        // A description exported as data or markup is read as its lines, each piece still placed where it was in the text given.
        return [.. Cut(read, lexicon).Select(s => s with { Start = from[s.Start], End = from[s.End - 1] + 1 })];
    }

    static List<Segment> Cut(string text, JdLexicon lexicon)
    {
        var segments = new List<Segment>();
        var maxLength = 0;
        foreach (var l in text.AsSpan().EnumerateLines()) maxLength = Math.Max(maxLength, l.Trim().Length);
        var gap = 0;
        var physical = 0;
        var at = 0;
        while (at <= text.Length)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            var lineStart = at;
            at = end + 1;
            var raw = text.AsSpan(lineStart, end - lineStart);
            if (raw.IsWhiteSpace())
            {
                gap++;
                if (end >= text.Length) break;
                continue;
            }
            var indent = 0;
            foreach (var c in raw)
            {
                if (c == ' ') indent++;
                else if (c == '\t') indent += 4;
                else break;
            }
            var pieces = Pieces(text, lineStart, end, lexicon);
            if (pieces.Count == 1 && segments.Count > 0 && gap == 0 && segments[^1] is { Part: 0, Column: false, Glued: false } last && last.Physical == physical - 1
                && Strip(text[pieces[0].Start..pieces[0].End]) is (Marker.None, { Length: > 0 } wrapped) && Wraps(last, wrapped, maxLength, lexicon))
            {
                segments[^1] = last with { End = pieces[0].End, Text = last.Text + " " + wrapped, Physical = physical };
                physical++;
                if (end >= text.Length) break;
                continue;
            }
            var part = 0;
            var glued = pieces.Count > 2;
            var tabs = text.AsSpan(lineStart, end - lineStart).Trim().Count('\t');
            foreach (var (s, e) in pieces)
            {
                var (marker, clean) = Strip(text[s..e]);
                if (clean.Length == 0) continue;
                var column = s > lineStart && text.AsSpan(lineStart, s - lineStart).TrimEnd(' ').EndsWith("\t", StringComparison.Ordinal);
                segments.Add(new(s, e, clean, marker, part == 0 ? gap : 0, indent, tabs, Leader().IsMatch(text[s..e]), physical, part, glued, column));
                part++;
            }
            gap = 0;
            physical++;
            if (end >= text.Length) break;
        }
        for (var i = 0; i + 1 < segments.Count; i++) segments[i].GapAfter = segments[i + 1].Gap;
        if (segments.Count > 0) segments[^1].GapAfter = 9;
        var columns = Columns(text, segments);
        for (var i = 0; i < segments.Count; i++) (segments[i].ColumnHead, segments[i].IsColumnHead) = columns[i];
        return segments;
    }

    /// <summary>
    /// A line that carries on the sentence of the line above (text wrapped by a PDF or an editor): it starts in lower case, or
    /// the line above stopped on a joining word or a comma, or ran nearly the full width without ending a sentence.
    /// A heading-like line (capitals, a colon at its end) neither wraps nor is wrapped into.
    /// </summary>
    static bool Wraps(Segment previous, string text, int maxLength, JdLexicon lexicon)
    {
        var prev = previous.Text;
        if (prev.EndsWith(':') || text.EndsWith(':') || JobDescriptionLines.IsCapitalsHeading(prev) || JobDescriptionLines.IsCapitalsHeading(text) || prev.Contains('\t', StringComparison.Ordinal)) return false;
        // A "key: value" line of front matter, an export or a form ("department: Operations Analytics", "Reports To: HIM Supervisor")
        // starts a line of its own, and so does a posting page's lower-case field label on a line of its own ("locations", "time type").
        if (LowerKey().IsMatch(text) || JobDescriptionLines.WordCount(text) <= 3 && !JobDescriptionLines.EndsWithJoiner(prev) && lexicon.IsKey(text)
            || LeadingLabel().Match(text) is { Success: true } label && lexicon.IsKey(label.Groups["label"].Value)) return false;
        if (JobDescriptionLines.StartsLower(text) || text[0] is '(' or '&') return true;
        if (JobDescriptionLines.EndsSentence(prev)) return false;
        return JobDescriptionLines.EndsWithJoiner(prev) || prev.Length >= maxLength * 0.75 && JobDescriptionLines.WordCount(prev) >= 6;
    }

    /// <summary>The text of a piece as a person reads it: list marker and Markdown marks off, spaces and tabs collapsed.</summary>
    static (Marker Marker, string Text) Strip(string piece)
    {
        // A cell of a drawn table ("| Job Title | Release of Information Specialist |", "│ Role │ Analyst │") is read without its borders.
        var t = piece.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim().Trim('|', '│', '┃', '║').Trim();
        // A wiki's bold label ("*Department:* Pharmacy Services") reads as "Department: Pharmacy Services".
        if (MarkedLabel().Match(t) is { Success: true } marked) t = char.ToUpperInvariant(marked.Groups["label"].Value[0]) + marked.Groups["label"].Value[1..] + t[marked.Length..];
        var marker = Marker.None;
        if (MarkdownHeading().Match(t) is { Success: true } md) { marker = Marker.Markdown; t = t[md.Length..]; }
        // A wiki's heading, "== Purpose ==".
        else if (WikiHeading().Match(t) is { Success: true } wiki && wiki.Groups["text"].Value.Trim() is { Length: > 0 } heading) { marker = Marker.Markdown; t = heading; }
        else if (JobDescriptionLines.LoneBullet().IsMatch(t)) return (Marker.Bullet, "");
        else if (Roman().Match(t) is { Success: true } r) { marker = Marker.Roman; t = t[r.Length..]; }
        else if (JobDescriptionLines.BulletPrefix().Match(t) is { Success: true, Length: > 0 } b) { marker = Marker.Bullet; t = t[b.Length..]; }
        else if (JobDescriptionLines.NumberPrefix().Match(t) is { Success: true } n) { marker = Marker.Number; t = t[n.Length..]; }
        else if (JobDescriptionLines.LetterPrefix().Match(t) is { Success: true } l) { marker = Marker.Letter; t = t[l.Length..]; }
        var sb = new StringBuilder(t.Length);
        // A run of spaces becomes one; a run with a tab, or of three spaces or more, becomes a tab, which tells a label from
        // its value ("Reports To<TAB>Workforce Manager", "Role      Client Liaison Coordinator" aligned by spaces).
        var space = '\0';
        var (run, wide) = (0, 0);
        foreach (var c in t)
        {
            if (char.IsWhiteSpace(c) || c is '\u00A0')
            {
                run++;
                if (sb.Length > 0 && space != '\t') space = c == '\t' || run >= 3 ? '\t' : ' ';
                continue;
            }
            if (char.IsControl(c)) continue;
            if (space != '\0')
            {
                if (run >= WatermarkGap) wide = sb.Length;
                sb.Append(space);
            }
            space = '\0';
            run = 0;
            sb.Append(c);
        }
        // A capital standing alone far right of a header field's line ("Department: Member Services        R") is a diagonal watermark's
        // ("DRAFT", "COPY") as PDF text scatters it over the lines, not more of the value. A table's last column ("Standing        F") is
        // left alone, and so is a label's own value ("Grade:            B").
        if (wide > 0 && sb.Length == wide + 2 && char.IsAsciiLetterUpper(sb[^1]) && sb.ToString(0, wide) is var before && !before.EndsWith(':')
            && LeadingLabel().Match(before + " ") is { Success: true } label && Vocabulary.Header(label.Groups["label"].Value) is not null) sb.Length = wide;
        return (marker, sb.ToString());
    }

    /// <summary>Where a physical line [start, end) is cut: field blocks on one line, a heading run into its text, and pasted postings.</summary>
    static List<(int Start, int End)> Pieces(string text, int start, int end, JdLexicon lexicon)
    {
        var line = text[start..end];
        var cuts = new SortedSet<int> { 0, line.Length };
        var colons = Colon().Matches(line);
        var glued = line.Length >= GluedLength && (Glue().IsMatch(line) || colons.Count >= 3) || GluedDuties(line);
        // Fields side by side ("Reports To: X    Status: Y", "Class Code 7731 | Grade 14 | FLSA Non-Exempt") and table columns are read one by one.
        // A label and its value across one tab stay together ("Department:<TAB>Member Services"); a row of three columns or more is cut.
        var tabs = line.AsSpan().Trim().Count('\t');
        var firstText = line.AsSpan().IndexOfAnyExcept(Whitespace);
        foreach (Match m in (colons.Count >= 2 && !glued ? FieldSeparator() : tabs >= 2 ? ColumnSeparator() : PipeSeparator()).Matches(line))
            if (firstText >= 0 && firstText < m.Index) { cuts.Add(m.Index); cuts.Add(m.Index + m.Length); }
        // Fields strung on one line by hyphens ("Pinecrest Hospital - Job Title: Clerk - Reports to: HIM Supervisor"): a hyphen
        // before a known label starts a field.
        if (colons.Count >= 2 && !glued)
            foreach (Match m in HyphenLabel().Matches(line))
                if (lexicon.IsKey(m.Groups["label"].Value) || lexicon.IsHeading(m.Groups["label"].Value)) { cuts.Add(m.Index); cuts.Add(m.Index + 3); }
        if (glued)
        {
            foreach (Match m in Glue().Matches(line))
            {
                // "MyChart", "McKesson": a capital after a one- or two-letter capitalized word is a name, not a new item.
                var wordStart = line.LastIndexOfAny([' ', '(', '/', '-'], m.Index) + 1;
                if (m.Index + 1 - wordStart <= 2 && char.IsUpper(line[wordStart])) continue;
                cuts.Add(m.Index + 1);
            }
            foreach (Match m in SentenceEnd().Matches(line)) cuts.Add(m.Index + m.Length);
            foreach (Match m in Dash().Matches(line)) { cuts.Add(m.Index); cuts.Add(m.Index + m.Length); }
        }
        // A label before a colon: "Essential Duties: Answer calls…", "…Manager Job Summary: Schedules…".
        foreach (Match m in colons)
        {
            // A label is a few words: read at most the 200 characters before its colon, and at most 8 words after it, so a
            // line of thousands of colons is read in linear time.
            var from = Math.Max(cuts.GetViewBetween(0, m.Index).Max, m.Index - 200);
            var label = line[from..m.Index];
            var words = Word().Matches(label);
            if (words.Count == 0) continue;
            var after = line.AsSpan(m.Index + 1).TrimStart();
            var nextCut = cuts.GetViewBetween(m.Index + 1, line.Length).Min;
            var rest = line.AsSpan(m.Index + 1, nextCut - m.Index - 1);
            var restWords = Words(rest, most: 8);
            if (restWords == 0 && !glued) continue;
            // The longest run of words before the colon that the training descriptions used as a heading or a field label.
            var known = -1;
            for (var k = Math.Min(6, words.Count); k >= 1; k--)
            {
                var at = from + words[^k].Index;
                var phrase = line[at..m.Index];
                // A heading or a label starts with a capital: "…each Friday, with notes: what changed" is one duty.
                if (!char.IsUpper(phrase[0])) continue;
                if (lexicon.IsHeading(phrase) || (glued && lexicon.IsKey(phrase))) { known = at; break; }
            }
            if (known >= 0)
            {
                if (known > from) cuts.Add(known);
                if (restWords > 0 && !rest.Trim().IsEmpty && (lexicon.IsHeading(line[known..m.Index]) || glued)) cuts.Add(m.Index + 1);
                continue;
            }
            // An unknown label: cut it off only where a sentence follows it, so "Reports To: Team Lead" stays one field.
            if (words.Count <= 5 && (restWords >= 8 || glued) && !lexicon.IsKey(label) && char.IsUpper(label.TrimStart()[0]) && after.Length > 0)
                cuts.Add(m.Index + 1);
        }
        if (glued || line.Length >= 60) RunIn(line, cuts, lexicon, glued);
        // A heading glued to its text with no space at all: "ResponsibilitiesMake 60 calls…", "What you'll bringOne year…".
        foreach (Match m in GluedHead().Matches(line.Length > 48 ? line[..48] : line))
            if (lexicon.IsHeading(line[..(m.Index + 1)])) { cuts.Add(m.Index + 1); break; }
        var pieces = new List<(int, int)>();
        var list = cuts.ToList();
        for (var i = 0; i + 1 < list.Count; i++)
        {
            var (s, e) = (list[i], list[i + 1]);
            while (s < e && char.IsWhiteSpace(line[s])) s++;
            while (e > s && char.IsWhiteSpace(line[e - 1])) e--;
            if (e > s) pieces.Add((start + s, start + e));
        }
        return pieces;
    }

    /// <summary>
    /// The column head of each piece that sits in a table's body: a block of rows cut by tabs or pipes, with no blank line
    /// between, whose first row names header fields ("Job Title | Department | Grade | FLSA", a spreadsheet's row of labels
    /// over a row of values). The cells of that first row are marked as heads. Pieces outside such a table get (null, false).
    /// </summary>
    static (string? Head, bool IsHead)[] Columns(string text, List<Segment> segments)
    {
        var result = new (string? Head, bool IsHead)[segments.Count];
        if (segments.Count == 0 || text.AsSpan().IndexOfAny('\t', '|') < 0) return result;
        var rows = new List<(int Start, int End, List<(int Start, int End)> Cells, List<string> Texts)>();
        for (var at = 0; at <= text.Length;)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) end = text.Length;
            var line = text[at..end];
            var cells = line.Length > 20_000 ? new List<(int Start, int End)>() : Cells(line);
            var texts = cells.Select(c => line[c.Start..c.End].Trim()).ToList();
            // A Markdown table's rule ("|---|:---:|") sits between its head and its body.
            if (cells.Count == 0 || !texts.All(t => t.Trim('-', ':', ' ', '=', '+').Length == 0)) rows.Add((at, end, cells, texts));
            at = end + 1;
        }
        var next = 0;
        List<string>? heads = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var (lineStart, end, cells, texts) = rows[r];
            if (cells.Count < 2) { heads = null; continue; }
            var isHead = false;
            if (heads is null || heads.Count != cells.Count)
            {
                // A list of labels and values ("| Level | Supervisor |" over "| FLSA | Exempt |") is not a row of labels over values.
                var list = cells.Count == 2 && r + 1 < rows.Count && rows[r + 1].Texts is [var first, _] && Vocabulary.Header(first) is not null;
                heads = !list && texts.Count(t => Vocabulary.Header(t) is not null) >= 2
                    && texts.All(t => JobDescriptionLines.WordCount(t) <= 6 && !JobDescriptionLines.EndsSentence(t)) ? texts : null;
                isHead = heads is not null;
            }
            if (heads is null) continue;
            while (next < segments.Count && segments[next].Start < lineStart) next++;
            for (; next < segments.Count && segments[next].Start < end; next++)
            {
                var cell = cells.FindIndex(c => lineStart + c.End > segments[next].Start);
                if (cell >= 0) result[next] = isHead ? (null, true) : (heads[cell], false);
            }
        }
        return result;
    }

    /// <summary>A row's cells between its tabs (a run of tabs is one) or its pipes, a Markdown row's outer pipes dropped.</summary>
    static List<(int Start, int End)> Cells(string line)
    {
        var cells = new List<(int, int)>();
        var separator = line.Trim().Contains('\t', StringComparison.Ordinal) ? '\t' : '|';
        var from = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != separator) continue;
            if (!line.AsSpan(from, i - from).IsWhiteSpace()) cells.Add((from, i));
            else if (cells.Count > 0 && i < line.Length && separator == '|' && line.AsSpan(i + 1).Trim().Length > 0) cells.Add((from, i));
            while (separator == '\t' && i + 1 < line.Length && line[i + 1] == '\t') i++;
            from = i + 1;
        }
        return cells;
    }

    /// <summary>Words (runs of anything but spaces) in a text, counted up to <paramref name="most"/>.</summary>
    static int Words(ReadOnlySpan<char> text, int most)
    {
        var count = 0;
        for (var at = text.IndexOfAnyExcept(' '); at >= 0 && count < most; count++)
        {
            var end = text[at..].IndexOf(' ');
            if (end < 0) return count + 1;
            var next = text[(at + end)..].IndexOfAnyExcept(' ');
            at = next < 0 ? -1 : at + end + next;
        }
        return count;
    }

    /// <summary>Items of a short list run together where each starts with a duty verb: "…billing questionsEscalate urgent cases…".</summary>
    static bool GluedDuties(string line) =>
        Glue().Matches(line).Any(m => Word().Match(line, m.Index + 1) is { Success: true } w && Vocabulary.DutyVerbs.Contains(w.Value));

    /// <summary>A heading run into its text with no colon: "Summary Work inside the health information…", "Responsibilities Log each request…".</summary>
    static void RunIn(string line, SortedSet<int> cuts, JdLexicon lexicon, bool glued)
    {
        foreach (var from in cuts.ToList())
        {
            if (from >= line.Length) continue;
            var words = Word().Matches(line[from..Math.Min(line.Length, from + 60)]);
            for (var k = Math.Min(5, words.Count - 1); k >= (glued ? 1 : 2); k--)
            {
                var endOfHead = from + words[k - 1].Index + words[k - 1].Length;
                var head = line[from..endOfHead];
                var next = words[k].Value;
                if (!char.IsUpper(next[0]) || !lexicon.IsHeading(head) || endOfHead >= line.Length || !char.IsWhiteSpace(line[endOfHead])) continue;
                cuts.Add(endOfHead);
                break;
            }
        }
    }

    [GeneratedRegex(@"[a-z][A-Z]")]
    private static partial Regex GluedHead();

    [GeneratedRegex(@"^[a-z][a-z_]{1,24}: \S")]
    private static partial Regex LowerKey();

    [GeneratedRegex(@"(?<!\d):|:(?!\d)")]
    private static partial Regex Colon();

    [GeneratedRegex(@"[a-z.)%;][A-Z](?=[a-z])")]
    private static partial Regex Glue();

    [GeneratedRegex(@"(?<=[a-z)%][.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s[–—|·]\s")]
    private static partial Regex Dash();

    [GeneratedRegex(@"\s*\|\s*|\s[·•]\s|\s{3,}|\t")]
    private static partial Regex FieldSeparator();

    [GeneratedRegex(@"\s\|\s|\s[·•]\s|\t")]
    private static partial Regex ColumnSeparator();

    [GeneratedRegex(@" [-–—] (?=(?<label>[A-Z][\w/&' ]{0,30}?):)")]
    private static partial Regex HyphenLabel();

    [GeneratedRegex(@"^(?<label>[A-Z][\w/&' ]{0,30}?(?:\s?\([^()]{1,60}\))?):\s")]
    private static partial Regex LeadingLabel();

    [GeneratedRegex(@"\s\|\s|\s[·•]\s")]
    private static partial Regex PipeSeparator();

    [GeneratedRegex(@"\.{4,}|…{2,}|(?:\. ){3,}")]
    internal static partial Regex Leader();

    [GeneratedRegex(@"^\*(?<label>[^*:\n]{1,40}:)\*")]
    private static partial Regex MarkedLabel();

    // Markdown's "## Duties", AsciiDoc's "== Duties" and a Jira or Confluence wiki's "h2. Duties".
    [GeneratedRegex(@"^(?:#{1,6}|={1,6}(?=\s[^=]*$)|h[1-6]\.)\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?<marks>={1,6})(?<text>\s[^=]*\s)\k<marks>$")]
    private static partial Regex WikiHeading();

    [GeneratedRegex(@"^(?:X{0,3})(?:IX|IV|V?I{1,3}|V|X)\.\s+")]
    private static partial Regex Roman();

    [GeneratedRegex(@"[\p{L}\p{N}'’/&-]+")]
    private static partial Regex Word();
}
