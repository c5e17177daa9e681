using System.Text;
using System.Text.RegularExpressions;
using static CareerMap.JobDescriptions.JobDescriptionParser;

namespace CareerMap.JobDescriptions;

/// <summary>
/// The reader's first stage: raw text to logical lines. Cleans control characters, joins wrapped lines, splits header
/// fields and headings run into the text, and tells bullets, numbers and letters from plain text. The second stage
/// (<see cref="JobDescriptionParser"/>) places these lines into descriptions and sections.
/// </summary>
static partial class JobDescriptionLines
{
    internal enum Kind { Text, Bullet, Number, Letter }

    internal sealed record Line(string Text, Kind Kind);

    internal static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v'))) control++;
        return control > 0 && control * 100 > sample.Length;
    }

    internal static string Clean(string text)
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

    internal static List<Line> Logical(string text)
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
    internal sealed class Building
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
    internal static bool Continues(Building previous, string text, int gap, int maxLength)
    {
        if (Vocabulary.Heading(text) is not null || HeaderOf(new(text, Kind.Text)) is not null) return false;
        if (previous.Closed) return false;
        var prev = previous.Last;
        if (EndsSentence(prev)) return StartsLower(text) && gap == 0;
        if (StartsLower(text) || text[0] is '(' or '&' or ',') return gap <= 1;
        if (gap > 0) return false;
        return prev.Length >= maxLength * 0.75 || EndsWithJoiner(prev);
    }

    internal static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Several header fields on one line ("Reports To: X    Status: Y", "Job Level: 106 | Reports To: …") are read one by one.</summary>
    internal static IEnumerable<string> HeaderFields(string line)
    {
        if (line.Count(c => c == ':') < 2) return [line];
        var pieces = FieldSeparator().Split(line);
        return pieces.Length > 1 && pieces.All(p => HeaderOf(new(Collapse(p), Kind.Text)) is not null) ? pieces : [line];
    }

    internal static readonly JdSection[] ListSections = [JdSection.Responsibilities, JdSection.Qualifications, JdSection.Education, JdSection.Skills, JdSection.Desirable];

    /// <summary>
    /// A heading run into its text with no colon, as pasted postings have it: "ResponsibilitiesMake 60 calls…", "What you'll doReach
    /// offices…", "Duties and responsibilities Answer calls…". A lone word is taken as a heading only when it names a list section and
    /// a sentence follows, so a duty that starts with "Schedule" or "Note" stays a duty.
    /// </summary>
    internal static IEnumerable<string> RunInHeading(string text)
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
    internal static IEnumerable<string> SplitHeadings(string text)
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

    internal static (Kind Kind, string Text) Classify(string t)
    {
        if (BulletPrefix().Match(t) is { Success: true } b) return (Kind.Bullet, t[b.Length..].Trim());
        if (NumberPrefix().Match(t) is { Success: true } n) return (Kind.Number, t[n.Length..].Trim());
        if (LetterPrefix().Match(t) is { Success: true } l) return (Kind.Letter, t[l.Length..].Trim());
        return (Kind.Text, t);
    }

    internal static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    internal static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or ';' or ':';
    /// <summary>
    /// A line in Spanish or French rather than English, by its accents, its gendered endings ("Coordinador(a)") or two of
    /// their little words (one is a place's name: "Las Vegas", "Los Angeles").
    /// </summary>
    internal static bool LooksForeign(string text) =>
        text.Any(c => ForeignLetters.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal)) || text.Contains("(a)", StringComparison.Ordinal) || text.Contains("(e)", StringComparison.Ordinal)
        || text.Split([' ', ',', '/', '\''], StringSplitOptions.RemoveEmptyEntries).Count(w => ForeignWords.Contains(w.ToLowerInvariant())) >= 2;

    const string ForeignLetters = "áéíóúñüçàèâêîôûœãõ¿¡";
    static readonly HashSet<string> ForeignWords = ["de", "del", "la", "las", "los", "el", "y", "para", "en", "du", "des", "et", "le", "les", "aux"];

    internal static bool StartsLower(string text) => text.Length > 0 && char.IsLower(text[0]);
    internal static readonly HashSet<string> Joiners = ["and", "or", "of", "the", "to", "with", "for", "in", "a", "an", "as", "on", "by", "from", "that", "including", "between", "into", "per", "such", "both", "well"];
    internal static bool EndsWithJoiner(string text) => text.EndsWith(',') || Joiners.Contains(text[(text.LastIndexOf(' ') + 1)..].ToLowerInvariant());

    internal static readonly HashSet<string> Small = ["and", "of", "the", "for", "to", "in", "with", "a", "an", "on", "or", "&", "/"];

    internal static bool IsTitleCase(string text)
    {
        var words = text.Split([' ', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && char.IsUpper(words[0][0]) && words.All(w => Small.Contains(w.ToLowerInvariant()) || !char.IsLetter(w[0]) || char.IsUpper(w[0]));
    }

    internal static bool IsCapitalsHeading(string text)
    {
        var t = text.TrimEnd(':').Trim();
        return t.Length >= 3 && WordCount(t) <= 6 && t.Any(char.IsLetter) && t.Where(char.IsLetter).All(char.IsUpper) && !EndsSentence(t);
    }

    internal static bool IsTitleLike(string text)
    {
        var t = text.Trim();
        return t.Length is >= 3 and <= 80 && WordCount(t) <= MaxTitleWords && !EndsSentence(t) && !t.Contains(':', StringComparison.Ordinal)
            && char.IsUpper(t[0]) && (IsTitleCase(t) || IsCapitalsHeading(t));
    }

    internal static bool HasTitleWord(string text) =>
        text.Split([' ', ',', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Any(w => Vocabulary.TitleWords.Contains(w.ToLowerInvariant().TrimEnd('s')) || Vocabulary.TitleWords.Contains(w.ToLowerInvariant()));

    internal static string TitleCase(string text) => IsCapitalsHeading(text) || text.All(c => !char.IsLetter(c) || char.IsUpper(c))
        ? string.Join(' ', text.Split(' ').Select((w, i) => w.Length <= 3 && w.All(char.IsUpper) && i > 0 && !Small.Contains(w.ToLowerInvariant()) ? w
            : i > 0 && Small.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant() : w))
        : text;

    // Which engine a job-description pattern runs on: the backtracking one, built by the source generator at compile time.
    // Every pattern here, in JdSegments, JobDescriptionParser, LineModel and the competency cues is anchored, of bounded
    // length, or made of loops that stop where their class ends and gaps of whole words, so it reads a line in linear time;
    // a pattern that could rescan a long run from each of its positions (an open loop before a literal with no other
    // branch to take the run, nested open loops) would need NonBacktracking, which builds each pattern at first use
    // (10–150 ms each; together they were half a cold `careermap jd parse`).
    [GeneratedRegex(@"^(?:[\u2022\u00B7\u25AA\u25AB\u25A0\u25A1\u25E6\u25CF\u25CB\u2023\u2043\u2013\u2014\u2219\u27A2\u25BA\u2713\u2714\u2192\u25C6\u2756\uF0B7\uF0A7\uF0D8*>§+-]+|o\s)\s*")]
    internal static partial Regex BulletPrefix();

    [GeneratedRegex(@"^[&\u2022\u00B7\u25AA\u25CF\u25E6\uF0B7*-]$")]
    internal static partial Regex LoneBullet();

    [GeneratedRegex(@"^(?:\(?(?<n>\d{1,2})[.)]|\((?<n>\d{1,2})\))\s+")]
    internal static partial Regex NumberPrefix();

    [GeneratedRegex(@"^(?:\(?[a-zA-Z][.)]|\((?:[a-z]|i{1,3}|iv|vi{0,3})\)|(?:i{1,3}|iv|vi{0,3})[.)])\s+")]
    internal static partial Regex LetterPrefix();

    [GeneratedRegex(@"[\p{L}\p{N}'’/&-]+")]
    internal static partial Regex Word();

    [GeneratedRegex(@"[a-z'’][A-Z][a-z]")]
    internal static partial Regex GluedCapital();

    [GeneratedRegex(@"\s*[|·•]\s*|\s{2,}")]
    internal static partial Regex FieldSeparator();

    [GeneratedRegex(@"[a-z,)](?<space>\s?)(?<word>[A-Z][a-z]+)\b")]
    internal static partial Regex CapitalAfterLower();

    /// <summary>Markdown's heading marks and emphasis, which pasted postings often carry.</summary>
    [GeneratedRegex(@"^\s*#{1,6}\s+|\*\*|__")]
    internal static partial Regex Markdown();
}
