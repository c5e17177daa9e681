using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerMap.JobDescriptions;

/// <summary>
/// Reads job descriptions from plain text, whatever their layout: several descriptions in one file, headings in
/// capitals, Title Case or run into the text, numbered groups with lettered or dashed items, wrapped lines, bullets of
/// every kind, and list items pasted together. Every line ends up in a section, the header, the disclaimers, or
/// <c>unplaced</c> with a warning; nothing is dropped.
/// </summary>
public static partial class JobDescriptionParser
{
    /// <summary>Longest text read, after extraction: far beyond any real description, small enough to bound time and memory.</summary>
    public const int MaxChars = 2_000_000;
    const int MaxTitleWords = 8;

    enum Kind { Text, Bullet, Number, Letter }

    sealed record Line(string Text, Kind Kind);

    sealed class Doc(string? title)
    {
        public string? Title = title;
        /// <summary>The line above the header block taken for the title; an explicit "Job Title:" field below it wins.</summary>
        public string? GuessedTitle;
        public readonly Dictionary<Vocabulary.HeaderField, string> Header = [];
        public readonly Dictionary<string, string> Other = new(StringComparer.Ordinal);
        public readonly StringBuilder Summary = new();
        public readonly List<(string? Text, List<string> Items)> Groups = [];
        public readonly Dictionary<JdSection, List<string>> Lists = [];
        public readonly List<PhysicalDemand> Physical = [];
        public readonly List<string> Disclaimers = [], Unplaced = [], Warnings = [];

        public List<string> List(JdSection s) => Lists.TryGetValue(s, out var l) ? l : Lists[s] = [];
        public bool HasBody => Groups.Any(g => g.Items.Count > 0) || Lists.Values.Any(l => l.Count > 0);
    }

    public static JdParseResult Parse(string text, CompetencyMatcher? matcher = null)
    {
        if (text.Length > MaxChars) throw new JobDescriptionFormatException($"the text is {text.Length:N0} characters; at most {MaxChars:N0} are read");
        if (LooksBinary(text)) throw new JobDescriptionFormatException("this is not text: it holds control characters that text files do not");
        var lines = Logical(Clean(text));
        if (lines.Count == 0) throw new JobDescriptionFormatException("the file holds no text");

        var preamble = new List<string>();
        var docs = new List<Doc>();
        Doc? doc = null;
        var section = JdSection.None;
        List<string>? group = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var next = i + 1 < lines.Count ? lines[i + 1] : null;
            var afterNext = i + 2 < lines.Count ? lines[i + 2] : null;

            if (StartOf(line, next, afterNext, doc) is { } start)
            {
                doc = new Doc(start.Title);
                docs.Add(doc);
                section = start.Section;
                group = null;
                i += start.Skip;
                continue;
            }
            if (HeaderOf(line) is { } header)
            {
                if (doc is null)
                {
                    var guessed = preamble.Count > 0 && IsTitleLike(preamble[^1]) ? Pop(preamble) : null;
                    doc = new Doc(guessed) { GuessedTitle = guessed };
                    docs.Add(doc);
                }
                if (Vocabulary.Header(header.Key) == Vocabulary.HeaderField.Title && header.Value.Length > 0 && doc.GuessedTitle is { } guess && doc.Title == guess)
                {
                    // "Riverside Community Health Plan" above "Job Title: Provider Services Representative" is a cover line, kept before the description.
                    preamble.Add(guess);
                    doc.Title = null;
                    doc.GuessedTitle = null;
                }
                SetHeader(doc, header.Key, header.Value);
                continue;
            }
            var heading = line.Kind is Kind.Text or Kind.Number ? Vocabulary.Heading(line.Text) : null;
            if (heading is { } s)
            {
                if (doc is null)
                {
                    // The first heading of a file without a title line: what came before is its title and summary.
                    doc = new Doc(preamble.Count > 0 && IsTitleLike(preamble[0]) ? preamble[0] : null);
                    var before = JdSection.Summary;
                    List<string>? beforeGroup = null;
                    foreach (var p in doc.Title is null ? preamble : preamble.Skip(1)) Place(doc, ref before, ref beforeGroup, new Line(p, Kind.Text));
                    preamble.Clear();
                    docs.Add(doc);
                }
                else if (s == JdSection.Summary && doc.HasBody && Vocabulary.Fold(line.Text) != "job description")
                {
                    doc = new Doc(null);
                    docs.Add(doc);
                }
                section = s;
                group = null;
                continue;
            }
            if (doc is null)
            {
                preamble.Add(line.Text);
                continue;
            }
            if (IsGroupHeading(line, next, section))
            {
                if (section is JdSection.None or JdSection.Summary) section = JdSection.Responsibilities;
                group = [];
                doc.Groups.Add((Clean(line.Text.TrimEnd(':')), group));
                continue;
            }
            if (line.Kind == Kind.Text && next is not null && (IsCapitalsHeading(line.Text) || IsListHeading(line.Text, next, section)))
            {
                // A heading we don't know: its lines are kept, unplaced, rather than guessed into a section.
                section = JdSection.Unknown;
                doc.Warnings.Add($"unknown heading '{line.Text.TrimEnd(':')}': the lines under it are in 'unplaced'");
                doc.Unplaced.Add(line.Text);
                continue;
            }
            Place(doc, ref section, ref group, line);
        }
        if (docs.Count == 0 && preamble.Count > 0)
        {
            // No heading and no header at all: one description, all summary, said plainly.
            doc = new Doc(IsTitleLike(preamble[0]) ? preamble[0] : null);
            foreach (var p in doc.Title is null ? preamble : preamble.Skip(1)) Append(doc.Summary, p);
            doc.Warnings.Add("no section headings were found: the text is read as a summary");
            docs.Add(doc);
            preamble.Clear();
        }
        return new(preamble, [.. docs.Select(d => Finish(d, matcher))]);
    }

    static string Pop(List<string> list)
    {
        var last = list[^1];
        list.RemoveAt(list.Count - 1);
        return last;
    }

    sealed record Start(string? Title, JdSection Section, int Skip);

    static Start? StartOf(Line line, Line? next, Line? afterNext, Doc? doc)
    {
        if (line.Kind != Kind.Text) return null;
        var text = line.Text.TrimEnd(':').Trim();
        var folded = Vocabulary.Fold(text);
        if (folded.EndsWith(" job description", StringComparison.Ordinal) && WordCount(text) <= MaxTitleWords + 2)
            return new(text[..^"job description".Length].Trim(' ', '-', '–', ':'), JdSection.None, 0);
        if (folded == "job description" && next is not null)
        {
            if (HeaderOf(next) is not null) return new(null, JdSection.None, 0);
            if (IsTitleLike(next.Text) && Vocabulary.Heading(next.Text) is null) return new(next.Text, JdSection.None, 1);
            return null;
        }
        if (ResponsibilitiesOf().Match(text) is { Success: true } m && WordCount(text) <= 14)
            return new(m.Groups["title"].Value.Trim(), JdSection.Responsibilities, 0);
        if (!IsTitleLike(text) || !HasTitleWord(text) || Vocabulary.Heading(text) is not null || next is null) return null;
        // A job title, then "Job Description" and a header, or a header, or a section heading: a new description begins.
        if (Vocabulary.Fold(next.Text) == "job description" && afterNext is not null && (HeaderOf(afterNext) is not null || Vocabulary.Heading(afterNext.Text) is not null))
            return new(text, JdSection.None, 1);
        if (HeaderOf(next) is not null || (Vocabulary.Heading(next.Text) is { } h && h is JdSection.Summary or JdSection.Responsibilities))
            return doc is null || doc.HasBody ? new(text, JdSection.None, 0) : null;
        return null;
    }

    static (string Key, string Value)? HeaderOf(Line line)
    {
        if (line.Kind != Kind.Text) return null;
        var colon = line.Text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 40) return null;
        var key = line.Text[..colon].Trim();
        if (Vocabulary.Header(key) is null && !Vocabulary.IsOtherHeader(key)) return null;
        // "Title: …" and "Status: …" are only headers when short: a sentence with a colon is not.
        var value = line.Text[(colon + 1)..].Trim();
        return WordCount(value) <= 12 ? (key, value) : null;
    }

    static void SetHeader(Doc doc, string key, string value)
    {
        if (Vocabulary.Header(key) is not { } field)
        {
            doc.Other[Clean(key)] = value;
            return;
        }
        if (value.Length == 0)
        {
            doc.Warnings.Add($"header field '{key}' is empty");
            return;
        }
        if (field == Vocabulary.HeaderField.Title) { doc.Title ??= value; return; }
        if (field is Vocabulary.HeaderField.Effective or Vocabulary.HeaderField.Revised or Vocabulary.HeaderField.Approved)
        {
            if (IsoDate(value) is { } iso) value = iso;
            else doc.Warnings.Add($"{key}: '{value}' is not a date this parser reads; kept as written");
        }
        if (!doc.Header.TryAdd(field, value)) doc.Other[Clean(key)] = value;
    }

    static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "M/d/yyyy", "M/d/yy", "MM/dd/yyyy", "M-d-yyyy", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "MMM. d, yyyy",
        "d MMMM yyyy", "d MMM yyyy", "MMMM yyyy", "MMM yyyy", "yyyy/MM/dd",
    ];

    public static string? IsoDate(string text)
    {
        var t = DateToken().Match(text) is { Success: true } m ? m.Value : text.Trim().TrimEnd('.');
        return DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    static void Place(Doc doc, ref JdSection section, ref List<string>? group, Line line)
    {
        var text = line.Text;
        if (IsDisclaimer(text)) { doc.Disclaimers.Add(text); return; }
        if (section is JdSection.None) section = line.Kind == Kind.Text ? JdSection.Summary : JdSection.Responsibilities;
        switch (section)
        {
            case JdSection.Summary when line.Kind == Kind.Text:
                if (ResponsibilitiesInclude().Match(text) is { Success: true } inc)
                {
                    Append(doc.Summary, text[..inc.Index]);
                    section = JdSection.Responsibilities;
                    group = null;
                    foreach (var item in RunTogether(text[(inc.Index + inc.Length)..])) Duty(doc, ref group, item);
                }
                else Append(doc.Summary, text);
                break;
            case JdSection.Summary or JdSection.Responsibilities:
                section = JdSection.Responsibilities;
                foreach (var item in RunTogether(text)) Duty(doc, ref group, item);
                break;
            case JdSection.Physical:
                var percent = Percent().Match(text);
                doc.Physical.Add(new(text, percent.Success ? int.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture) : null));
                break;
            case JdSection.Disclaimer:
                doc.Disclaimers.Add(text);
                break;
            case JdSection.Unknown:
                doc.Unplaced.Add(text);
                break;
            default:
                doc.List(section).Add(text);
                break;
        }
    }

    static void Duty(Doc doc, ref List<string>? group, string item)
    {
        if (group is null)
        {
            group = [];
            doc.Groups.Add((null, group));
        }
        group.Add(item);
    }

    /// <summary>Items of a list pasted as one paragraph: split where a duty verb starts right after a lower-case word.</summary>
    static IEnumerable<string> RunTogether(string text)
    {
        text = text.Trim();
        if (text.Length < 80) return text.Length == 0 ? [] : [text];
        var parts = new List<string>();
        var start = 0;
        foreach (Match m in CapitalAfterLower().Matches(text))
        {
            var word = m.Groups["word"].Value;
            var glued = m.Groups["space"].Length == 0;
            if (!Vocabulary.DutyVerbs.Contains(word) && !(glued && text.Length > 200)) continue;
            var at = m.Groups["word"].Index;
            if (at - start < 15) continue;
            parts.Add(text[start..at].Trim());
            start = at;
        }
        parts.Add(text[start..].Trim());
        return parts.Where(p => p.Length > 0);
    }

    static bool IsGroupHeading(Line line, Line? next, JdSection section)
    {
        if (section is not (JdSection.Responsibilities or JdSection.None or JdSection.Summary) || next is null) return false;
        var text = line.Text.TrimEnd(':');
        if (line.Kind is Kind.Bullet or Kind.Letter || WordCount(text) > 6 || EndsSentence(text) || text.Contains(',', StringComparison.Ordinal)) return false;
        if (line.Kind == Kind.Number) return next.Kind is Kind.Letter or Kind.Bullet;
        if (section != JdSection.Responsibilities) return false;
        return (IsTitleCase(text) || IsCapitalsHeading(text)) && next.Kind != Kind.Number && Vocabulary.Heading(next.Text) is null;
    }

    /// <summary>A short Title Case line over a list, outside the duties: a heading, even one we don't know.</summary>
    static bool IsListHeading(string text, Line next, JdSection section) =>
        section != JdSection.Responsibilities && next.Kind != Kind.Text && WordCount(text.TrimEnd(':')) <= 4 && IsTitleCase(text.TrimEnd(':')) && !EndsSentence(text.TrimEnd(':'));

    static bool IsDisclaimer(string text) => DisclaimerPattern().IsMatch(text);

    static readonly Regex LanguagePattern = new($@"\b(?:{string.Join('|', Vocabulary.Languages)})\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking);

    static ParsedJobDescription Finish(Doc d, CompetencyMatcher? matcher)
    {
        var summary = d.Summary.ToString().Trim();
        if (d.Title is null && summary.Length > 0 && FlsaWord().Match(summary) is { Success: true, Index: > 3 } flsa && WordCount(summary[..flsa.Index]) <= MaxTitleWords)
        {
            d.Title = summary[..flsa.Index].Trim();
            d.Warnings.Add("no title line: the title was read from the first words of the summary");
        }
        if (!d.Header.ContainsKey(Vocabulary.HeaderField.Flsa) && FlsaWord().Match(summary) is { Success: true } word)
            d.Header[Vocabulary.HeaderField.Flsa] = word.Value;
        if (d.Title is null) d.Warnings.Add("no title found");
        var title = d.Title is null ? null : TitleCase(TitleSuffix().Replace(Clean(d.Title), ""));
        var everything = new[] { summary }.Concat(d.Groups.SelectMany(g => g.Items)).Concat(d.Lists.Values.SelectMany(l => l)).ToList();
        var requirements = d.Lists.Where(l => l.Key is JdSection.Qualifications or JdSection.Desirable or JdSection.Education or JdSection.Skills).SelectMany(l => l.Value).ToList();
        var languages = everything.SelectMany(t => LanguagePattern.Matches(t).Select(m => m.Value)).Select(found => Vocabulary.Languages.First(l => string.Equals(l, found, StringComparison.OrdinalIgnoreCase)))
            .Distinct().OrderBy(l => Array.IndexOf(Vocabulary.Languages, l)).ToList();
        if (languages.Count == 0 && everything.Any(t => t.Contains("bilingual", StringComparison.OrdinalIgnoreCase))) languages.Add("Bilingual (language not named)");
        var certifications = requirements.SelectMany(t => CertificationPattern().Matches(t).Select(m => Clean(m.Value.Trim(' ', ',', '.', ';')))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        string? H(Vocabulary.HeaderField f) => d.Header.TryGetValue(f, out var v) ? v : null;
        var header = new JdHeader(H(Vocabulary.HeaderField.Flsa), H(Vocabulary.HeaderField.ReportsTo), H(Vocabulary.HeaderField.Supervises), H(Vocabulary.HeaderField.Department),
            H(Vocabulary.HeaderField.JobLevel), H(Vocabulary.HeaderField.Effective), H(Vocabulary.HeaderField.Revised), H(Vocabulary.HeaderField.Approved), d.Other);
        IReadOnlyList<string> L(JdSection s) => d.Lists.TryGetValue(s, out var l) ? l : [];
        var parsed = new ParsedJobDescription(title, header, summary.Length == 0 ? null : summary,
            [.. d.Groups.Where(g => g.Items.Count > 0 || g.Text is not null).Select(g => new JdGroup(g.Text, g.Items))],
            L(JdSection.Education), L(JdSection.Qualifications), L(JdSection.Skills), L(JdSection.Desirable), L(JdSection.Performance), L(JdSection.WorkEnvironment),
            d.Physical, languages, certifications, d.Disclaimers, [], d.Unplaced, d.Warnings);
        return matcher is null ? parsed : parsed with { Competencies = matcher.Match(parsed) };
    }

    // ---- text to lines ----

    static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))) control++;
        return control > 0 && control * 100 > sample.Length;
    }

    static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r') continue;
            if (c is '\t' or '\u00A0' or '\u2007' or '\u202F' or '\f' or '\v') sb.Append(c is '\f' or '\v' ? '\n' : ' ');
            else if (c == '\n' || !char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    static List<Line> Logical(string text)
    {
        var raw = new List<(string Text, int Gap)>();
        var gap = 0;
        foreach (var r in text.Split('\n'))
        {
            var plain = Markdown().Replace(r, "").Trim();
            if (plain.Length == 0) { gap++; continue; }
            foreach (var field in HeaderFields(plain))
                foreach (var piece in SplitHeadings(Collapse(field)).SelectMany(RunInHeading)) { raw.Add((piece, gap)); gap = 0; }
        }
        // A capitals heading broken over two lines: "… Microsoft Office PHYSICAL" / "REQUIREMENTS: Must be able…".
        for (var i = 1; i < raw.Count; i++)
        {
            if (!raw[i].Text.EndsWith(':') || Vocabulary.Heading(raw[i].Text) is null || !IsCapitalsHeading(raw[i].Text)) continue;
            var previous = raw[i - 1].Text;
            var cut = previous.LastIndexOf(' ');
            var word = previous[(cut + 1)..];
            if (cut < 0 || word.Length < 3 || !word.All(char.IsUpper) || Vocabulary.Heading(word + " " + raw[i].Text) is null) continue;
            raw[i - 1] = (previous[..cut].TrimEnd(), raw[i - 1].Gap);
            raw[i] = (word + " " + raw[i].Text, raw[i].Gap);
        }
        var maxLength = raw.Count == 0 ? 0 : raw.Max(r => r.Text.Length);
        var building = new List<Building>();
        var pendingBullet = false;
        foreach (var (t, g) in raw)
        {
            if (LoneBullet().IsMatch(t)) { pendingBullet = true; continue; }
            var (kind, content) = Classify(t);
            if (pendingBullet && kind == Kind.Text) kind = Kind.Letter;
            pendingBullet = false;
            if (content.Length == 0) continue;
            var previous = building.Count > 0 ? building[^1] : null;
            if (kind == Kind.Text && previous is not null && Continues(previous, content, g, maxLength))
            {
                previous.Add(content);
                continue;
            }
            building.Add(new Building(content, kind));
        }
        return [.. building.Select(b => new Line(b.Text.ToString(), b.Kind))];
    }

    /// <summary>A logical line being assembled from wrapped physical lines, without copying it on every join.</summary>
    sealed class Building
    {
        public readonly StringBuilder Text;
        public readonly Kind Kind;
        /// <summary>A heading or header field: nothing joins it.</summary>
        public readonly bool Closed;
        public string Last;

        public Building(string text, Kind kind)
        {
            Text = new StringBuilder(text);
            (Kind, Last) = (kind, text);
            Closed = Vocabulary.Heading(text) is not null || HeaderOf(new(text, Kind.Text)) is not null || IsCapitalsHeading(text);
        }

        public void Add(string text)
        {
            Text.Append(' ').Append(text);
            Last = text;
        }
    }

    /// <summary>True when a line carries on the sentence of the line before it (a wrapped line), not a new item.</summary>
    static bool Continues(Building previous, string text, int gap, int maxLength)
    {
        if (Vocabulary.Heading(text) is not null || HeaderOf(new(text, Kind.Text)) is not null) return false;
        if (previous.Closed) return false;
        var prev = previous.Last;
        if (EndsSentence(prev)) return StartsLower(text) && gap == 0;
        if (StartsLower(text) || text[0] is '(' or '&' or ',') return gap <= 1;
        if (gap > 0) return false;
        return prev.Length >= maxLength * 0.75 || EndsWithJoiner(prev);
    }

    static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Several header fields on one line ("Reports To: X    Status: Y", "Job Level: 106 | Reports To: …") are read one by one.</summary>
    static IEnumerable<string> HeaderFields(string line)
    {
        if (line.Count(c => c == ':') < 2) return [line];
        var pieces = FieldSeparator().Split(line);
        return pieces.Length > 1 && pieces.All(p => HeaderOf(new(Collapse(p), Kind.Text)) is not null) ? pieces : [line];
    }

    static readonly JdSection[] ListSections = [JdSection.Responsibilities, JdSection.Qualifications, JdSection.Education, JdSection.Skills, JdSection.Desirable];

    /// <summary>
    /// A heading run into its text with no colon, as pasted postings have it: "ResponsibilitiesMake 60 calls…", "What you'll doReach
    /// offices…", "Duties and responsibilities Answer calls…". A lone word is taken as a heading only when it names a list section and
    /// a sentence follows, so a duty that starts with "Schedule" or "Note" stays a duty.
    /// </summary>
    static IEnumerable<string> RunInHeading(string text)
    {
        if (text.Length < 60 || !char.IsUpper(text[0]) || text.EndsWith(':')) return [text];
        foreach (Match m in GluedCapital().Matches(text[..Math.Min(text.Length, 50)]))
        {
            var head = text[..(m.Index + 1)];
            if (Vocabulary.IsHeadingPhrase(Vocabulary.Fold(head))) return [head + ":", text[(m.Index + 1)..]];
        }
        var words = Word().Matches(text[..Math.Min(text.Length, 60)]);
        for (var k = Math.Min(6, words.Count - 1); k >= 1; k--)
        {
            var end = words[k - 1].Index + words[k - 1].Length;
            var head = text[..end];
            var rest = text[end..].TrimStart();
            if (rest.Length == 0 || !char.IsUpper(rest[0]) || !char.IsWhiteSpace(text[end]) || Vocabulary.Heading(head) is not { } section) continue;
            if (k == 1 && (head.Length < 6 || !ListSections.Contains(section))) continue;
            if (IsTitleCase(string.Join(' ', rest.Split(' ').Take(4)))) continue;
            return [head + ":", rest];
        }
        return [text];
    }

    /// <summary>Splits a run-in heading off its text ("Essential Duties:Answer…", "…Patient Portal. QUALIFICATIONS: …").</summary>
    static IEnumerable<string> SplitHeadings(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        // A whole line that is a header field ("Date Approved: 5/20/2024") is not split inside its key.
        if (colon < 0 || (HeaderOf(new(text, Kind.Text)) is not null && Vocabulary.Heading(text[..colon]) is null)) { yield return text; yield break; }
        var words = new List<(int Start, int End)>();
        foreach (Match w in Word().Matches(text[..colon])) words.Add((w.Index, w.Index + w.Length));
        // The longest run of words just before the colon that names a heading or a dated header field.
        for (var k = Math.Min(6, words.Count); k >= 1; k--)
        {
            var start = words[^k].Start;
            var candidate = text[start..colon];
            if (!char.IsUpper(candidate[0])) continue;
            var rest = text[(colon + 1)..].Trim();
            var folded = Vocabulary.Fold(candidate);
            var heading = Vocabulary.IsHeadingPhrase(folded) && (start == 0 || IsCapitalsHeading(candidate) || IsTitleCase(candidate) || folded.Contains(' ', StringComparison.Ordinal));
            var dated = Vocabulary.Header(candidate) is Vocabulary.HeaderField.Revised or Vocabulary.HeaderField.Effective or Vocabulary.HeaderField.Approved && IsoDate(rest) is not null;
            // A whole posting pasted as one line carries its header fields inline: "Real-Time Analyst Reports To: Workforce
            // Manager Job Summary: …". The field's value runs to the next heading or field.
            if (!heading && !dated && start > 0 && text.Length >= 150 && text.Count(c => c == ':') >= 3 && IsTitleCase(candidate) && Vocabulary.Header(candidate) is not null)
            {
                var before = text[..start].Trim();
                if (before.Length > 0) yield return before;
                var pieces = SplitHeadings(rest).ToList();
                yield return $"{candidate}: {pieces[0]}";
                foreach (var piece in pieces.Skip(1)) yield return piece;
                yield break;
            }
            if (!heading && !(dated && start > 0)) continue;
            if (start > 0)
            {
                var before = text[..start].Trim();
                if (before.Length > 0) yield return before;
            }
            if (dated && !heading) { yield return $"{candidate}: {rest}"; yield break; }
            yield return candidate + ":";
            if (rest.Length > 0) foreach (var piece in SplitHeadings(rest)) yield return piece;
            yield break;
        }
        yield return text;
    }

    static (Kind Kind, string Text) Classify(string t)
    {
        if (BulletPrefix().Match(t) is { Success: true } b) return (Kind.Bullet, t[b.Length..].Trim());
        if (NumberPrefix().Match(t) is { Success: true } n) return (Kind.Number, t[n.Length..].Trim());
        if (LetterPrefix().Match(t) is { Success: true } l) return (Kind.Letter, t[l.Length..].Trim());
        return (Kind.Text, t);
    }

    static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ';' or ':';
    static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);
    static readonly HashSet<string> Joiners = ["and", "or", "of", "the", "to", "with", "for", "in", "a", "an", "as", "on", "by", "from", "that", "including", "between", "into", "per", "such", "both", "well"];
    static bool EndsWithJoiner(string text) => text.EndsWith(',') || Joiners.Contains(text[(text.LastIndexOf(' ') + 1)..].ToLowerInvariant());

    static readonly HashSet<string> Small = ["and", "of", "the", "for", "to", "in", "with", "a", "an", "on", "or", "&", "/"];

    static bool IsTitleCase(string text)
    {
        var words = text.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && char.IsUpper(words[0][0]) && words.All(w => Small.Contains(w.ToLowerInvariant()) || !char.IsLetter(w[0]) || char.IsUpper(w[0]));
    }

    static bool IsCapitalsHeading(string text)
    {
        var t = text.TrimEnd(':').Trim();
        return t.Length >= 3 && WordCount(t) <= 6 && t.Any(char.IsLetter) && t.Where(char.IsLetter).All(char.IsUpper) && !EndsSentence(t);
    }

    static bool IsTitleLike(string text)
    {
        var t = text.Trim();
        return t.Length is >= 3 and <= 80 && WordCount(t) <= MaxTitleWords && !EndsSentence(t) && !t.Contains(':', StringComparison.Ordinal)
            && char.IsUpper(t[0]) && (IsTitleCase(t) || IsCapitalsHeading(t));
    }

    static bool HasTitleWord(string text) =>
        text.Split([' ', ',', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => Vocabulary.TitleWords.Contains(w.ToLowerInvariant().TrimEnd('s')) || Vocabulary.TitleWords.Contains(w.ToLowerInvariant()));

    static string TitleCase(string text) => IsCapitalsHeading(text) || text.All(c => !char.IsLetter(c) || char.IsUpper(c))
        ? string.Join(' ', text.Split(' ').Select((w, i) => w.Length <= 3 && w.All(char.IsUpper) && i > 0 && !Small.Contains(w.ToLowerInvariant()) ? w
            : i > 0 && Small.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w))
        : text;

    static void Append(StringBuilder sb, string text)
    {
        if (text.Trim().Length == 0) return;
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(text.Trim());
    }

    [GeneratedRegex(@"^(?:[\u2022\u00B7\u25AA\u25AB\u25A0\u25A1\u25E6\u25CF\u25CB\u2023\u2043\u2013\u2014\u2219\u27A2\u25BA\u2713\u2714\u2192\u25C6\u2756\uF0B7\uF0A7\uF0D8*>§+-]+|o\s)\s*", RegexOptions.NonBacktracking)]
    private static partial Regex BulletPrefix();

    [GeneratedRegex(@"^[&\u2022\u00B7\u25AA\u25CF\u25E6\uF0B7*-]$", RegexOptions.NonBacktracking)]
    private static partial Regex LoneBullet();

    [GeneratedRegex(@"^(?:\(?(?<n>\d{1,2})[.)]|\((?<n>\d{1,2})\))\s+", RegexOptions.NonBacktracking)]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^(?:\(?[a-zA-Z][.)]|\((?:[a-z]|i{1,3}|iv|vi{0,3})\)|(?:i{1,3}|iv|vi{0,3})[.)])\s+", RegexOptions.NonBacktracking)]
    private static partial Regex LetterPrefix();

    [GeneratedRegex(@"[\p{L}\p{N}'’/&-]+", RegexOptions.NonBacktracking)]
    private static partial Regex Word();

    [GeneratedRegex(@"[a-z'’][A-Z][a-z]", RegexOptions.NonBacktracking)]
    private static partial Regex GluedCapital();

    [GeneratedRegex(@"\s*[|·•]\s*|\s{2,}", RegexOptions.NonBacktracking)]
    private static partial Regex FieldSeparator();

    [GeneratedRegex(@"[a-z,)](?<space>\s?)(?<word>[A-Z][a-z]+)\b", RegexOptions.NonBacktracking)]
    private static partial Regex CapitalAfterLower();

    [GeneratedRegex(@"\bresponsibilities\s+include(?:,?\s*but\s+(?:are\s+)?not\s+limited\s+to)?\s*:?", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ResponsibilitiesInclude();

    [GeneratedRegex(@"^(?:ideas\s+for\s+)?(?:job\s+)?(?:responsibilities|duties)\s+(?:of|for)\s+(?:an?\s+|the\s+)?(?<title>.+)$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex ResponsibilitiesOf();

    /// <summary>Markdown's heading marks and emphasis, which pasted postings often carry.</summary>
    [GeneratedRegex(@"^\s*#{1,6}\s+|\*\*|__", RegexOptions.NonBacktracking)]
    private static partial Regex Markdown();

    [GeneratedRegex(@"\s*(?:[-–—|]\s*|\()(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|temporary)\)?\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"(\d{1,3})\s?%", RegexOptions.NonBacktracking)]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b(?:non[- ]?exempt|exempt)\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex FlsaWord();

    [GeneratedRegex(@"\b(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4})\b", RegexOptions.NonBacktracking)]
    private static partial Regex DateToken();

    [GeneratedRegex(@"not (?:intended|meant|designed) to be (?:an? )?(?:all[- ]inclusive|exhaustive|complete)|equal opportunity employer|reasonable accommodations?|\bat[- ]will\b|this job description (?:is|does|may)|this description (?:is|does|may|lists)|\bnot an? (?:complete|exhaustive|comprehensive) list\b|may not meet current legal requirements|hold no liability|the above statements|subject to change at any time|permission to share", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex DisclaimerPattern();

    [GeneratedRegex(@"\b(?:(?:current|valid|active)\s+)?(?:[A-Z][\w'’]*\s+){0,4}(?:certification|certificate|license|licensure)\b(?:\s+(?:as|in)\s+(?:an?\s+)?[A-Z][\w ]{2,40})?|\bcertified\s+(?:[a-z]+\s+){0,3}[a-z]+\b|\b(?:CPhT|PTCB|RHIT|RHIA|CCS|CPC|CRCR|CHAA|CMA|BLS|CPR|PMP|ITIL|Six Sigma|Lean Six Sigma)\b", RegexOptions.NonBacktracking)]
    private static partial Regex CertificationPattern();
}
