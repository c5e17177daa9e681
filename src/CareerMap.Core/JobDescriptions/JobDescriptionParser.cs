using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using static CareerMap.JobDescriptions.JobDescriptionLines;

namespace CareerMap.JobDescriptions;

/// <summary>
/// Reads job descriptions from plain text, whatever their layout: several descriptions in one file, headings in
/// capitals, Title Case or run into the text, numbered groups with lettered or dashed items, wrapped lines, bullets of
/// every kind, and list items pasted together. Every line ends up in a section, the header, the disclaimers, or
/// <c>unplaced</c> with a warning; nothing is dropped. Warnings and refusals are phrased by the localizer given: the
/// reader's, or <see cref="StoredWords"/> for a description kept in the library and phrased when it is read.
/// </summary>
public static partial class JobDescriptionParser
{
    /// <summary>Longest text read, after extraction: far beyond any real description, small enough to bound time and memory.</summary>
    public const int MaxChars = 2_000_000;
    internal const int MaxTitleWords = 8;

    internal sealed class Doc(string? title)
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

        /// <summary>Where the next line goes: the section read now, and the duty group being filled.</summary>
        public JdSection Section = JdSection.None;
        public List<string>? Group;

        public List<string> List(JdSection s) => Lists.TryGetValue(s, out var l) ? l : Lists[s] = [];
        public bool HasBody => Groups.Any(g => g.Items.Count > 0) || Lists.Values.Any(l => l.Count > 0);
        public int BodyItems => Groups.Sum(g => g.Items.Count) + Lists.Values.Sum(l => l.Count);
    }

    /// <summary>Reads with the learned line classifier (<see cref="LineModel.Shipped"/>); the lexical reader when no model ships or the text is too long for it.</summary>
    public static JdParseResult Parse(string text, CompetencyMatcher? matcher, IStringLocalizer L)
    {
        Check(text, L);
        if (Clean(text).Length == 0) throw new JobDescriptionFormatException(L["the file holds no text"]);
        return LineModel.Shipped is { } model && model.Read(text, matcher, L) is { } read ? read : ParseLexical(text, matcher, L);
    }

    static void Check(string text, IStringLocalizer L)
    {
        if (text.Length > MaxChars) throw new JobDescriptionFormatException(L["the text is {0:N0} characters; at most {1:N0} are read", text.Length, MaxChars]);
        if (LooksBinary(text)) throw new JobDescriptionFormatException(L["this is not text: it holds control characters that text files do not"]);
    }

    /// <summary>The lexical reader: headings and header fields found by the word lists of <see cref="Vocabulary"/>.</summary>
    public static JdParseResult ParseLexical(string text, CompetencyMatcher? matcher, IStringLocalizer L)
    {
        Check(text, L);
        // A Rich Text file's codes are no text to read by lines: its text is (the learned reader's segments read it the same way).
        if (JdMarkup.IsRtf(text)) text = JdMarkup.Rtf(text).Text;
        var lines = Logical(Clean(text));
        if (lines.Count == 0) throw new JobDescriptionFormatException(L["the file holds no text"]);

        var preamble = new List<string>();
        var docs = new List<Doc>();
        Doc? doc = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var next = i + 1 < lines.Count ? lines[i + 1] : null;
            var afterNext = i + 2 < lines.Count ? lines[i + 2] : null;

            if (StartOf(line, next, afterNext, doc) is { } start)
            {
                doc = new Doc(start.Title) { Section = start.Section };
                docs.Add(doc);
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
                SetHeader(doc, header.Key, header.Value, L);
                continue;
            }
            var heading = line.Kind is Kind.Text or Kind.Number ? Vocabulary.Heading(line.Text) : null;
            if (heading is { } s)
            {
                if (doc is null)
                {
                    // The first heading of a file without a title line: what came before is its title and summary.
                    doc = new Doc(preamble.Count > 0 && IsTitleLike(preamble[0]) ? preamble[0] : null) { Section = JdSection.Summary };
                    foreach (var p in doc.Title is null ? preamble : preamble.Skip(1)) Place(doc, new Line(p, Kind.Text));
                    preamble.Clear();
                    docs.Add(doc);
                }
                else if (s == JdSection.Summary && doc.HasBody && Vocabulary.Fold(line.Text) != "job description")
                {
                    doc = new Doc(null);
                    docs.Add(doc);
                }
                doc.Section = s;
                doc.Group = null;
                continue;
            }
            if (doc is null)
            {
                preamble.Add(line.Text);
                continue;
            }
            if (IsGroupHeading(line, next, doc.Section))
            {
                if (doc.Section is JdSection.None or JdSection.Summary) doc.Section = JdSection.Responsibilities;
                doc.Group = [];
                doc.Groups.Add((Clean(line.Text.TrimEnd(':')), doc.Group));
                continue;
            }
            if (line.Kind == Kind.Text && next is not null && (IsCapitalsHeading(line.Text) || IsListHeading(line.Text, next, doc.Section)))
            {
                // A heading we don't know: its lines are kept, unplaced, rather than guessed into a section.
                doc.Section = JdSection.Unknown;
                doc.Warnings.Add(L["unknown heading '{0}': the lines under it are in 'unplaced'", line.Text.TrimEnd(':')]);
                doc.Unplaced.Add(line.Text);
                continue;
            }
            Place(doc, line);
        }
        if (docs.Count == 0 && preamble.Count > 0)
        {
            // No heading and no header at all: one description, all summary, said plainly.
            doc = new Doc(IsTitleLike(preamble[0]) ? preamble[0] : null);
            foreach (var p in doc.Title is null ? preamble : preamble.Skip(1)) Append(doc.Summary, p);
            doc.Warnings.Add(L["no section headings were found: the text is read as a summary"]);
            docs.Add(doc);
            preamble.Clear();
        }
        return new(preamble, [.. docs.Select(d => Finish(d, matcher, L))]);
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

    internal static (string Key, string Value)? HeaderOf(Line line)
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

    static void SetHeader(Doc doc, string key, string value, IStringLocalizer L)
    {
        if (Vocabulary.Header(key) is not { } field)
        {
            doc.Other[Clean(key)] = value;
            return;
        }
        if (value.Length == 0)
        {
            doc.Warnings.Add(L["header field '{0}' is empty", key]);
            return;
        }
        if (field == Vocabulary.HeaderField.Title) { doc.Title ??= value; return; }
        if (field is Vocabulary.HeaderField.Effective or Vocabulary.HeaderField.Revised or Vocabulary.HeaderField.Approved)
        {
            if (IsoDate(value) is { } iso) value = iso;
            else doc.Warnings.Add(L["{0}: '{1}' is not a date this parser reads; kept as written", key, value]);
        }
        if (!doc.Header.TryAdd(field, value)) doc.Other[Clean(key)] = value;
    }

    static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "M/d/yyyy", "M/d/yy", "MM/dd/yyyy", "M-d-yyyy", "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "MMM. d, yyyy",
        "d MMMM yyyy", "d MMM yyyy", "MMMM yyyy", "MMM yyyy", "yyyy/MM/dd", "d-MMM-yyyy", "d-MMM-yy",
    ];

    static readonly CultureInfo Spanish = CultureInfo.GetCultureInfo("es");

    public static string? IsoDate(string text)
    {
        var t = DateToken().Match(text) is { Success: true } m ? m.Value : text.Trim().TrimEnd('.');
        if (DateTime.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d)) return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // A Spanish form's date: "18 de agosto de 2025".
        return DateTime.TryParseExact(text.Trim().TrimEnd('.'), "d 'de' MMMM 'de' yyyy", Spanish, DateTimeStyles.AllowWhiteSpaces, out d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    static void Place(Doc doc, Line line)
    {
        var text = line.Text;
        if (IsDisclaimer(text)) { doc.Disclaimers.Add(text); return; }
        if (doc.Section is JdSection.None) doc.Section = line.Kind == Kind.Text ? JdSection.Summary : JdSection.Responsibilities;
        switch (doc.Section)
        {
            case JdSection.Summary when line.Kind == Kind.Text:
                if (ResponsibilitiesInclude().Match(text) is { Success: true } inc)
                {
                    Append(doc.Summary, text[..inc.Index]);
                    doc.Section = JdSection.Responsibilities;
                    doc.Group = null;
                    foreach (var item in RunTogether(text[(inc.Index + inc.Length)..])) Duty(doc, item);
                }
                else Append(doc.Summary, text);
                break;
            case JdSection.Summary or JdSection.Responsibilities:
                doc.Section = JdSection.Responsibilities;
                foreach (var item in RunTogether(text)) Duty(doc, item);
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
                doc.List(doc.Section).Add(text);
                break;
        }
    }

    static void Duty(Doc doc, string item)
    {
        if (doc.Group is null)
        {
            doc.Group = [];
            doc.Groups.Add((null, doc.Group));
        }
        doc.Group.Add(item);
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

    static readonly Regex LanguagePattern = new($@"\b(?:{string.Join('|', Vocabulary.Languages)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    internal static ParsedJobDescription Finish(Doc d, CompetencyMatcher? matcher, IStringLocalizer L)
    {
        var summary = d.Summary.ToString().Trim();
        if (d.Title is null && summary.Length > 0 && FlsaWord().Match(summary) is { Success: true, Index: > 3 } flsa && WordCount(summary[..flsa.Index]) <= MaxTitleWords)
        {
            d.Title = summary[..flsa.Index].Trim();
            d.Warnings.Add(L["no title line: the title was read from the first words of the summary"]);
        }
        if (!d.Header.ContainsKey(Vocabulary.HeaderField.Flsa) && FlsaWord().Match(summary) is { Success: true } word)
            d.Header[Vocabulary.HeaderField.Flsa] = word.Value;
        if (d.Title is null) d.Warnings.Add(L["no title found"]);
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
        IReadOnlyList<string> Listed(JdSection s) => d.Lists.TryGetValue(s, out var l) ? l : [];
        var parsed = new ParsedJobDescription(title, header, summary.Length == 0 ? null : summary,
            [.. d.Groups.Where(g => g.Items.Count > 0 || g.Text is not null).Select(g => new JdGroup(g.Text, g.Items))],
            Listed(JdSection.Education), Listed(JdSection.Qualifications), Listed(JdSection.Skills), Listed(JdSection.Desirable), Listed(JdSection.Performance), Listed(JdSection.WorkEnvironment),
            d.Physical, languages, certifications, d.Disclaimers, [], d.Unplaced, d.Warnings);
        return matcher is null ? parsed : parsed with { Competencies = matcher.Match(parsed) };
    }

    internal static void Append(StringBuilder sb, string text)
    {
        if (text.Trim().Length == 0) return;
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(text.Trim());
    }

    [GeneratedRegex(@"\bresponsibilities\s+include(?:,?\s*but\s+(?:are\s+)?not\s+limited\s+to)?\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex ResponsibilitiesInclude();

    [GeneratedRegex(@"^(?:ideas\s+for\s+)?(?:job\s+)?(?:responsibilities|duties)\s+(?:of|for)\s+(?:an?\s+|the\s+)?(?<title>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ResponsibilitiesOf();

    // Starts only where a run of spaces starts, so no run is rescanned from each of its positions.
    [GeneratedRegex(@"(?<!\s)\s*(?:[-–—|]\s*|\()(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|temporary)\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"(\d{1,3})\s?%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\b(?:non[- ]?exempt|exempt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FlsaWord();

    [GeneratedRegex(@"\b(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}|\d{1,2}-(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{2}(?:\d{2})?)\b")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"not (?:intended|meant|designed) to be (?:an? )?(?:all[- ]inclusive|exhaustive|complete)|equal opportunity employer|reasonable accommodations?|\bat[- ]will\b|this job description (?:is|does|may)|this description (?:is|does|may|lists)|\bnot an? (?:complete|exhaustive|comprehensive) list\b|may not meet current legal requirements|hold no liability|the above statements|subject to change at any time|permission to share", RegexOptions.IgnoreCase)]
    private static partial Regex DisclaimerPattern();

    [GeneratedRegex(@"\b(?:(?:current|valid|active)\s+)?(?:[A-Z][\w'’]*\s+){0,4}(?:certification|certificate|license|licensure)\b(?:\s+(?:as|in)\s+(?:an?\s+)?[A-Z][\w ]{2,40})?|\bcertified\s+(?:[a-z]+\s+){0,3}[a-z]+\b|\b(?:CPhT|PTCB|RHIT|RHIA|CCS|CPC|CRCR|CHAA|CMA|BLS|CPR|PMP|ITIL|Six Sigma|Lean Six Sigma)\b")]
    private static partial Regex CertificationPattern();
}
