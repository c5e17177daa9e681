using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using static CareerMap.JobDescriptions.JobDescriptionParser;

namespace CareerMap.JobDescriptions;

/// <summary>
/// The learned reader: each piece of a description (<see cref="JdSegments"/>) is described by its layout (case, length,
/// punctuation, list marker, indentation, tabs, dotted leaders, blank lines, position, whether it repeats like page
/// furniture), its words, and the same for the pieces around it and the nearest heading-like piece above; a maximum-entropy
/// classifier trained on the labeled descriptions says what it is: the title, a header field, a heading of a section,
/// a line of a section, or none of these (pay, benefits, the employer's blurb, page furniture). Trained by
/// <c>LineModelTests</c> from the repository's labeled sets; <see cref="Shipped"/> is the model built from all of them.
/// </summary>
public sealed partial class LineModel
{
    /// <summary>What a piece can be: the labeling guide's fields, a heading of each section field, or none.</summary>
    public static readonly string[] Sections = ["sum", "resp", "edu", "qual", "ksa", "des", "perf", "env", "phys", "disc"];
    public static readonly string[] HeaderFields = ["flsa", "reportsTo", "supervises", "department", "jobLevel", "effectiveDate", "revisedDate", "approvedDate"];
    public const string Title = "title", None = "none", HeadingPrefix = "head:";

    const string ResourceName = "CareerMap.JobDescriptions.line-model.zip";

    // The classifier is linear over counts of the description's tokens, so it is kept as its weights and read here rather
    // than by ML.NET, which trains it (in the tests): loading ML.NET's pipeline cost a cold `careermap jd parse` a quarter
    // of a second.
    readonly string[] classes;
    readonly float[] biases;
    readonly Dictionary<string, (int Class, float Weight)[]>.AlternateLookup<ReadOnlySpan<char>> weights;
    readonly int title;
    internal JdLexicon Lexicon { get; }

    /// <summary>A model from its weights: for each class a bias, for each token the classes it counts towards and by how much.</summary>
    internal LineModel(string[] classes, float[] biases, Dictionary<string, (int Class, float Weight)[]> weights, JdLexicon lexicon)
    {
        (this.classes, this.biases, Lexicon) = (classes, biases, lexicon);
        this.weights = weights.GetAlternateLookup<ReadOnlySpan<char>>();
        title = Array.IndexOf(classes, Title);
    }

    static readonly Lazy<LineModel?> shipped = new(() =>
    {
        using var stream = typeof(LineModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    });

    /// <summary>The model built from every labeled set, shipped inside Core; null when the build carries none (the lexical reader is used then).</summary>
    public static LineModel? Shipped => shipped.Value;

    /// <summary>Starts loading the shipped model in the background.</summary>
    public static void Warm() => Background.Load(shipped);

    /// <summary>What the classifier says of a piece: its most likely kind, how sure it is, and how likely the piece is the title.</summary>
    internal sealed record Verdict(string Label, float Confidence, float TitleScore);

    public void Save(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var writer = new StreamWriter(zip.CreateEntry("classes.tsv").Open()))
            for (var c = 0; c < classes.Length; c++) writer.WriteLine($"{classes[c]}\t{Number(biases[c])}");
        using (var writer = new StreamWriter(zip.CreateEntry("weights.tsv").Open()))
            foreach (var (token, counts) in weights.Dictionary.OrderBy(w => w.Key, StringComparer.Ordinal))
                writer.WriteLine($"{token}\t{string.Join(' ', counts.Select(w => $"{w.Class}:{Number(w.Weight)}"))}");
        using var lexicon = new StreamWriter(zip.CreateEntry("lexicon.tsv").Open());
        foreach (var h in Lexicon.Headings.Order(StringComparer.Ordinal)) lexicon.WriteLine($"heading\t{h}");
        foreach (var k in Lexicon.Keys.Order(StringComparer.Ordinal)) lexicon.WriteLine($"key\t{k}");
    }

    static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static LineModel Load(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        List<string> classes = [];
        List<float> biases = [];
        foreach (var line in Lines(zip, "classes.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            classes.Add(line[..tab]);
            biases.Add(float.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture));
        }
        var weights = new Dictionary<string, (int, float)[]>(StringComparer.Ordinal);
        foreach (var line in Lines(zip, "weights.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            weights[line[..tab]] = [.. line[(tab + 1)..].Split(' ').Select(w => w.Split(':')).Select(w => (int.Parse(w[0], CultureInfo.InvariantCulture), float.Parse(w[1], CultureInfo.InvariantCulture)))];
        }
        HashSet<string> headings = [], keys = [];
        foreach (var line in Lines(zip, "lexicon.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            (line[..tab] == "heading" ? headings : keys).Add(line[(tab + 1)..]);
        }
        return new([.. classes], [.. biases], weights, new JdLexicon(headings, keys));
    }

    static IEnumerable<string> Lines(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        while (reader.ReadLine() is { } line) yield return line;
    }

    /// <summary>What each piece is, in order.</summary>
    internal IReadOnlyList<Verdict> Classify(List<Segment> segments) => [.. Describe(segments).Select(Classify)];

    /// <summary>What a piece described by <see cref="Describe"/> is: a softmax over each class's bias plus the weights of the piece's tokens, each counted as often as it occurs.</summary>
    internal Verdict Classify(string tokens)
    {
        Span<float> scores = stackalloc float[classes.Length];
        biases.CopyTo(scores);
        var text = tokens.AsSpan();
        foreach (var range in text.Split(' '))
            if (weights.TryGetValue(text[range], out var counts))
                foreach (var (c, weight) in counts) scores[c] += weight;
        var best = 0;
        for (var c = 1; c < scores.Length; c++) if (scores[c] > scores[best]) best = c;
        var (top, sum) = (scores[best], 0f);
        for (var c = 0; c < scores.Length; c++) sum += scores[c] = MathF.Exp(scores[c] - top);
        return new(classes[best], 1 / sum, title < 0 ? 0 : scores[title] / sum);
    }

    internal List<Segment> Segments(string text) => JdSegments.Read(text.Replace("\r", "", StringComparison.Ordinal), Lexicon);

    /// <summary>More pieces than a book of descriptions has: past this the lexical reader, linear and cheaper, reads the text.</summary>
    public const int MaxPieces = 20_000;

    /// <summary>Reads a text into descriptions as <see cref="JobDescriptionParser.Parse"/> does, with the learned classifier deciding what each piece is; null past <see cref="MaxPieces"/>.</summary>
    public JdParseResult? Read(string text, CompetencyMatcher? matcher, IStringLocalizer L)
    {
        text = text.Replace("\r", "", StringComparison.Ordinal);
        var segments = JdSegments.Read(text, Lexicon);
        if (segments.Count > MaxPieces) return null;
        var verdicts = Classify(segments);
        var sureness = verdicts.Count > 0 ? verdicts.Average(v => v.Confidence) : 1;
        if (sureness < Abstain) return null;
        var known = new List<Verdict>(verdicts.Count);
        var body = false;
        for (var i = 0; i < verdicts.Count; i++)
        {
            // Only above the body: a short unbulleted line among a section's lines ("Certified Pharmacy Technician (CPhT)") stays there.
            var v = body ? verdicts[i] : Doubted(segments[i], verdicts[i]);
            body |= Array.IndexOf(Sections, v.Label) >= 0;
            known.Add(Keyed(segments[i], Known(segments[i], v)));
        }
        // A text the model found no title in, which opens on a short unbulleted line with a title's word standing alone
        // ("Member Access Specialist – Work From Home"): that line is its title, not the start of its summary.
        if (!known.Exists(v => v.Label == Title) && known.FindIndex(v => v.Label != None) is var opening and >= 0 && Array.IndexOf(Sections, known[opening].Label) >= 0
            && TitleShaped(segments[opening]) && (opening + 1 == segments.Count || segments[opening].GapAfter > 0))
            known[opening] = known[opening] with { Label = Title };
        Tabled(segments, known);
        Stacked(segments, known);
        Columned(segments, known);
        Paired(segments, known);
        // A piece the model is unsure of, right under a heading, belongs to that heading's section; the next item of a list, to its list's.
        for (var i = 1; i < known.Count; i++)
        {
            var (label, previous) = (known[i].Label, known[i - 1].Label);
            // A line right under a line of a section, laid out as it is, is the next line of that section unless the model is sure it is not.
            if (label == None && known[i].Confidence < DoubtfulNone && Array.IndexOf(Sections, previous) >= 0 && segments[i].Gap == 0
                && segments[i].Marker == segments[i - 1].Marker && segments[i].Indent == segments[i - 1].Indent && !segments[i].Glued)
            {
                known[i] = known[i] with { Label = previous };
                continue;
            }
            // "Department: Marketing | Communications": a piece with no label of its own, cut at a pipe from a header field's line, is more of that field's value.
            if (label == None && known[i].Confidence < DoubtfulNone && IsField(previous) && PipeBetween(segments[i - 1], segments[i])
                && !HasOwnLabel(segments[i].Text))
            {
                segments[i - 1] = segments[i - 1] with { End = segments[i].End, Text = $"{segments[i - 1].Text} | {segments[i].Text}" };
                segments.RemoveAt(i);
                known.RemoveAt(i);
                i--;
                continue;
            }
            // A line right under a section's heading is that section's unless the model is sure it is not, or it is laid out as a heading itself.
            if (label == None && known[i].Confidence < DoubtfulNone && previous.StartsWith(HeadingPrefix, StringComparison.Ordinal) && segments[i].Gap == 0 && !IsHeadingLike(segments[i]))
            {
                known[i] = known[i] with { Label = previous[HeadingPrefix.Length..] };
                continue;
            }
            if (known[i].Confidence >= Unsure || label == Title || label == previous) continue;
            if (previous.StartsWith(HeadingPrefix, StringComparison.Ordinal) && !IsHeadingLike(segments[i]))
                known[i] = known[i] with { Label = previous[HeadingPrefix.Length..] };
            else if (segments[i].Marker is not Marker.None && segments[i].Marker == segments[i - 1].Marker && Array.IndexOf(Sections, previous) >= 0)
                known[i] = known[i] with { Label = previous };
        }
        Reopened(segments, known);
        // A name or a title under a sign-off's label ("Approved by:" / "Director of Patient Access") is that label's value, not a title.
        for (var i = 1; i < known.Count; i++)
            if (known[i].Label == Title && known[i].TitleScore < Labelled && known[i - 1].Label == None && segments[i - 1].Text is [.., ':'] label && SignOff(label[..^1]))
                known[i] = known[i] with { Label = None };
        var read = Assemble(segments, known, matcher, L);
        // A text read with little confidence in which the lexical reader finds more titled descriptions and places more of
        // the words is left to it (the sample PDF of five descriptions with hard-wrapped lines and headings in running prose).
        if (sureness < Marginal && JobDescriptionParser.ParseLexical(text, null, L) is var lexical && Titled(lexical) > Titled(read) && Placed(lexical) > Placed(read)) return null;
        return read;

        static int Titled(JdParseResult r) => r.Documents.Count(d => d.Title is not null);
        static int Placed(JdParseResult r) => r.Documents.Sum(d => new[] { d.Title, d.Summary }.Concat(d.Responsibilities.SelectMany(g => g.Items.Prepend(g.Text)))
            .Concat(d.EducationAndExperience).Concat(d.Qualifications).Concat(d.KnowledgeSkillsAbilities).Concat(d.DesirableQualifications)
            .Concat(d.PerformanceExpectations).Concat(d.WorkEnvironment).Concat(d.PhysicalDemands.Select(p => p.Text)).Concat(d.Languages)
            .Concat(d.Certifications).Concat(d.Disclaimers).Sum(t => t is null ? 0 : JobDescriptionLines.WordCount(t)));

        bool PipeBetween(Segment a, Segment b) => a.Physical == b.Physical && a.End <= b.Start && text.AsSpan(a.End, b.Start - a.End).Contains('|');
    }

    /// <summary>
    /// A table of fields ("| Job Title | Department | Grade |" over a row of values, a spreadsheet's labels over a row): each
    /// value is the field its column head names, unless the model is sure it is another field; the heads are labels, not values.
    /// </summary>
    static void Tabled(List<Segment> segments, List<Verdict> known)
    {
        for (var i = 0; i < known.Count; i++)
        {
            if (segments[i].IsColumnHead && (known[i].Label == Title || IsField(known[i].Label)) && Vocabulary.Header(segments[i].Text) is not null)
                known[i] = known[i] with { Label = None };
            else if (segments[i].ColumnHead is { } head && Vocabulary.Header(head) is { } field && !HasOwnLabel(segments[i].Text))
                known[i] = Valued(head, segments[i].Text, field, known[i]);
        }
    }

    /// <summary>
    /// A form with each label on a line of its own and its value on the next ("Department" over "Pharmacy Operations"): the
    /// value is that field, unless the model is sure it is another field; the label is none.
    /// </summary>
    static void Stacked(List<Segment> segments, List<Verdict> known)
    {
        for (var i = 1; i < known.Count; i++)
        {
            var (label, value) = (segments[i - 1], segments[i]);
            if (value.Gap != 0 || value.Physical != label.Physical + 1 || value.Part != 0 || label.Part != 0 || value.Marker is not Marker.None || HasOwnLabel(value.Text)
                || JobDescriptionLines.EndsSentence(value.Text) || JobDescriptionLines.WordCount(value.Text) > 12) continue;
            var bare = label.Text.TrimEnd(':', ' ', '\t');
            if (bare.Length > 60 || bare.Contains(':', StringComparison.Ordinal) || known[i - 1].Label.StartsWith(HeadingPrefix, StringComparison.Ordinal)) continue;
            var key = BracketNote().Replace(bare, "");
            if (JobDescriptionLines.WordCount(key) > 4 || Vocabulary.Header(key) is not { } field) continue;
            var valued = Valued(key, value.Text, field, known[i]);
            if (valued == known[i]) continue;
            known[i] = valued;
            if (known[i - 1].Label == Title || IsField(known[i - 1].Label)) known[i - 1] = known[i - 1] with { Label = None };
        }
    }

    /// <summary>
    /// A form's table read column by column, as PDF text often comes: a run of label lines ("Job Title", "Department",
    /// "Reports To"), then after a blank line a run of as many short value lines. The n-th value is the n-th label's field,
    /// unless the model is sure it is another; the labels are none.
    /// </summary>
    static void Columned(List<Segment> segments, List<Verdict> known)
    {
        // Each run of labels and of values is looked at once, so a text of nothing but labels stays linear.
        for (var i = 0; i < segments.Count;)
        {
            var keys = new List<(string Key, Vocabulary.HeaderField Field, int Piece)>();
            var j = i;
            for (; j < segments.Count && (j == i || segments[j].Gap == 0) && Lone(segments[j]) && LabelsIn(segments[j].Text) is { } named; j++)
                keys.AddRange(named.Select(k => (k.Key, k.Field, j)));
            var values = 0;
            if (j < segments.Count && j > i && segments[j].Gap > 0)
                while (j + values < segments.Count && (values == 0 || segments[j + values].Gap == 0) && IsValue(segments[j + values])) values++;
            // The run of labels may open under a line that is not one of them: the last as many labels as there are values.
            var first = keys.Count - values;
            if (values >= 3 && first >= 0 && (first == 0 || keys[first].Piece != keys[first - 1].Piece) && (j + values == segments.Count || segments[j + values].Gap > 0))
            {
                for (var m = 0; m < values; m++) known[j + m] = Valued(keys[first + m].Key, segments[j + m].Text, keys[first + m].Field, known[j + m]);
                for (var m = keys[first].Piece; m < j; m++) known[m] = known[m] with { Label = None };
            }
            i = Math.Max(j + values, i + 1);
        }

        static bool IsValue(Segment s) => Lone(s) && LabelsIn(s.Text) is null && !HasOwnLabel(s.Text) && !JobDescriptionLines.EndsSentence(s.Text) && JobDescriptionLines.WordCount(s.Text) <= 12;
        static bool Lone(Segment s) => s.Part == 0 && s.Marker is Marker.None;
        // A label alone, or two run together where a wrapped line was joined ("Reports To FLSA Status").
        static List<(string Key, Vocabulary.HeaderField Field)>? LabelsIn(string text)
        {
            var bare = text.TrimEnd(':', ' ', '\t');
            if (bare.Length > 60 || bare.Contains(':', StringComparison.Ordinal) || JobDescriptionLines.WordCount(bare) > 6) return null;
            if (JobDescriptionLines.WordCount(bare) <= 4 && Vocabulary.Header(bare) is { } field) return [(bare, field)];
            for (var at = bare.IndexOf(' ', StringComparison.Ordinal); at > 0; at = bare.IndexOf(' ', at + 1))
                if (Vocabulary.Header(bare[..at]) is { } first && Vocabulary.Header(bare[(at + 1)..]) is { } second)
                    return [(bare[..at], first), (bare[(at + 1)..], second)];
            return null;
        }
    }

    /// <summary>
    /// A row of two cells, a field's label and its value ("| Level | IC3 |", "| Level | Supervisor |"), or a row of labels
    /// ending in a colon, each with its value in the next cell ("Role title:   Vendor Manager   Band:   B7"): the value is
    /// that field whatever the model thought of it alone, and the label is none.
    /// </summary>
    static void Paired(List<Segment> segments, List<Verdict> known)
    {
        for (var i = 1; i < known.Count; i++)
        {
            var (label, value) = (segments[i - 1], segments[i]);
            if (label.Physical != value.Physical || value.Part != label.Part + 1 || label.IsColumnHead || label.ColumnHead is not null || value.Text.EndsWith(':')) continue;
            if (!label.Text.TrimEnd().EndsWith(':') && (label.Part != 0 || i + 1 < known.Count && segments[i + 1].Physical == value.Physical)) continue;
            var key = label.Text.TrimEnd(':', ' ', '\t');
            if (key.Length > 60 || ValueStart(key) > 0 || JobDescriptionLines.WordCount(key) > 4 || Vocabulary.Header(key) is not { } field) continue;
            var valued = Valued(key, value.Text, field, known[i] with { Label = None });
            if (valued.Label == None) continue;
            known[i] = valued;
            known[i - 1] = known[i - 1] with { Label = None };
        }
    }

    /// <summary>
    /// A value set apart from its field's label (<paramref name="key"/>), as that field unless the model is sure of something
    /// else: the title when the label names one as <see cref="Titled"/> says and the value is short enough to be one.
    /// </summary>
    static Verdict Valued(string key, string value, Vocabulary.HeaderField field, Verdict verdict)
    {
        if (verdict.Label != None && verdict.Confidence >= SureKey) return verdict;
        if (Titled(key, field, value)) return JobDescriptionLines.WordCount(value) > JobDescriptionParser.MaxTitleWords + 2 ? verdict : new(Title, Math.Max(verdict.Confidence, SureKey), Labelled);
        return field == Vocabulary.HeaderField.Title ? verdict : verdict with { Label = HeaderFields.First(l => FieldOf(l) == field) };
    }

    /// <summary>
    /// A field's label and value that name the title: a plain title label ("Job Title", "Puesto"), or a looser one
    /// ("Position", "Role") before a value with a job title's word; a civil-service "Classification" names the class, not the
    /// FLSA status, when its value is a job title.
    /// </summary>
    static bool Titled(string key, Vocabulary.HeaderField field, string value)
    {
        var folded = Vocabulary.KeyOf(key);
        return field == Vocabulary.HeaderField.Title && (Vocabulary.PlainTitleKeys.Contains(folded) || JobDescriptionLines.HasTitleWord(value))
            || field == Vocabulary.HeaderField.Flsa && folded is "classification" or "clasificacion" && !Vocabulary.IsFlsaValue(value) && JobDescriptionLines.HasTitleWord(value);
    }

    [GeneratedRegex(@"\s*\([^()]*\)$")]
    private static partial Regex BracketNote();

    static bool IsField(string label) => Array.IndexOf(HeaderFields, label) >= 0;

    /// <summary>A piece that names a field itself: "Location: Remote", "FLSA Non-Exempt", "Grade 14".</summary>
    static bool HasOwnLabel(string text) => ValueStart(text) > 0 || AfterBareKey(text) >= 0 || Vocabulary.Header(text) is not null || Vocabulary.IsOtherHeader(text);

    const float Unsure = 0.5f;
    const float DoubtfulNone = 0.9f;
    const float SureHeading = 0.9f;

    /// <summary>
    /// Below this mean confidence over a text's pieces the model abstains and the lexical reader reads it: the text is
    /// nothing like what the model learned from. No labeled description, read by a model trained on the other sets, falls
    /// under it (the leave-one-set-out test reports the least sure, 0.69 with nineteen sets).
    /// </summary>
    internal const float Abstain = 0.6f;
    /// <summary>
    /// Below this mean confidence the model's reading is weighed against the lexical reader's (see <see cref="Read"/>). A
    /// single cut-off could not tell the two sides apart: the sample PDF of five descriptions with hard-wrapped lines and
    /// headings in running prose, which the model reads badly, sat at 0.685 to 0.716 as the training sets grew, and the
    /// least sure labeled description, which it reads well, at 0.689 to 0.710.
    /// </summary>
    const float Marginal = 0.75f;

    /// <summary>
    /// A piece the model doubtfully put in a section, whose next likeliest kind is the title, and which is shaped like one
    /// (short, a job title's word, no sentence): "Member Access Specialist – Work From Home (Central time zone)".
    /// </summary>
    static Verdict Doubted(Segment segment, Verdict verdict) =>
        verdict.Confidence < Unsure && verdict.TitleScore >= DoubtedTitle && Array.IndexOf(Sections, verdict.Label) >= 0 && TitleShaped(segment) ? verdict with { Label = Title } : verdict;

    /// <summary>An unbulleted piece that is no sentence, short and with a job title's word: a title's shape.</summary>
    static bool TitleShaped(Segment segment) => segment.Marker is Marker.None && !JobDescriptionLines.EndsSentence(segment.Text) && TitleLike(segment.Text);

    const float DoubtedTitle = 0.3f;

    /// <summary>A heading-like piece that the lexical word lists name as a section's heading opens that section, unless the model is sure of another heading.</summary>
    static Verdict Known(Segment segment, Verdict verdict)
    {
        // The whole piece must be the heading's words (a bracketed note aside): a duty that starts with one is left alone.
        if (verdict.Label == Title || segment.Marker is Marker.Bullet || JobDescriptionLines.WordCount(segment.Text) > 8) return verdict;
        // A heading the model placed surely stays where it put it; an unsure one goes where the word lists say.
        if (verdict.Label.StartsWith(HeadingPrefix, StringComparison.Ordinal) && verdict.Confidence >= SureHeading) return verdict;
        var bare = MarkerPattern().Replace(segment.Text, "").TrimEnd(':', ' ', '\t');
        return bare.Length > 0 && Vocabulary.Heading(bare) is { } section && LabelOf(section) is { } label ? verdict with { Label = HeadingPrefix + label } : verdict;
    }

    /// <summary>
    /// A "label: value" piece whose label the word lists know as a header field is that field, unless the model is sure it is
    /// something else; a title label ("Job Title:", "Puesto:", "CLASSIFICATION: Patient Registrar") names a title the model may
    /// not have met in that form, and may start a new description in a book of them.
    /// </summary>
    static Verdict Keyed(Segment segment, Verdict verdict)
    {
        if (segment.Marker is Marker.Bullet) return verdict;
        var text = segment.Text;
        if (ValueStart(text) <= 0 || KeyOf(text) is not { Length: > 0 } key || JobDescriptionLines.WordCount(key) > 4) return verdict;
        var value = ValueOf(text);
        // A form that names the class and the working title ("Classification: Program Technician II", "Working Title: Telephone Service
        // Center Representative") is headed by the working title, whichever comes first.
        if (Vocabulary.KeyOf(key) == "workingtitle" && value.Length > 0) return new(Title, Math.Max(verdict.Confidence, SureKey), WorkingTitle);
        // "Job Title: Health Information Clerk" the model doubted into another field is the title its plain label names.
        if (IsField(verdict.Label))
            return verdict.Confidence < SureKey && Vocabulary.PlainTitleKeys.Contains(Vocabulary.KeyOf(key)) && value.Length > 0
                && JobDescriptionLines.WordCount(value) <= JobDescriptionParser.MaxTitleWords + 2 ? new(Title, SureKey, Labelled) : verdict;
        // "Organization: Red Cedar Regional Medical Center": a label that names no title, before a value with no title's word, is not the title.
        if (Vocabulary.Header(key) is not { } field)
            return verdict.Label == Title && value.Length > 0 && !JobDescriptionLines.HasTitleWord(value) && !JobDescriptionLines.HasTitleWord(key) ? verdict with { Label = None } : verdict;
        // The title has no header-field label: only a piece kept off the title is relabeled as its field.
        Verdict AsField() => verdict with { Label = HeaderFields.First(l => FieldOf(l) == field) };
        // "Revised Date:" with nothing after it is that field left empty (the reader says so), unless the model is sure it is something else.
        if (value.Length == 0) return field != Vocabulary.HeaderField.Title && verdict.Label == None && verdict.Confidence < SureKey ? AsField() : verdict;
        var titled = Titled(key, field, value);
        // "Supervises: 10-15 Member Services Representatives" names a field other than the title, however title-like its value.
        if (verdict.Label == Title) return titled ? verdict with { TitleScore = Math.Max(verdict.TitleScore, Labelled) } : field == Vocabulary.HeaderField.Title ? verdict : AsField();
        if (titled && JobDescriptionLines.WordCount(value) <= JobDescriptionParser.MaxTitleWords + 2 && (verdict.Label == None || verdict.Confidence < SureKey))
            return new(Title, Math.Max(verdict.Confidence, SureKey), Labelled);
        return field == Vocabulary.HeaderField.Title || titled || verdict.Confidence >= SureKey || verdict.Label.StartsWith(HeadingPrefix, StringComparison.Ordinal) ? verdict : AsField();
    }

    /// <summary>
    /// A later description in a file whose title the model missed: after a description's body, a header field a description opens
    /// with (department, reports to, FLSA, grade, supervises), with a section of its own after it. The likeliest title-like piece
    /// between the body's last line and that field is the next description's title ("Financial Counselor" / "Department: …").
    /// </summary>
    static void Reopened(List<Segment> segments, List<Verdict> known)
    {
        var (body, opening) = (-1, -1);
        for (var i = 0; i < known.Count; i++)
        {
            var label = known[i].Label;
            if (label == Title) body = opening = -1;
            else if (Array.IndexOf(Sections, label) >= 0)
            {
                body = i;
                if (opening < 0) opening = i;
            }
            else if (body >= 0 && label is "department" or "reportsTo" or "flsa" or "jobLevel" or "supervises")
            {
                var next = known.FindIndex(i + 1, v => v.Label == Title || Array.IndexOf(Sections, v.Label) >= 0);
                // The same description given again in another language ("Reporta-se a: …" under the English version) is not another one.
                // A description's body follows (not a disclaimer or a footer's demands after a sign-off).
                if (next < 0 || known[next].Label is not ("sum" or "resp" or "qual" or "edu" or "ksa")
                    || JobDescriptionLines.LooksForeign(segments[next].Text) != JobDescriptionLines.LooksForeign(segments[opening].Text)) continue;
                // The title stands right above the fields, a few lines of its posting's (hours, a requisition, a date) between at most.
                // Never a label's value on the line under it ("Approved by:" / "Director of Patient Access").
                var title = Enumerable.Range(body + 1, i - body - 1).Where(c => i - c <= 6 && known[c].Label == None && !segments[c - 1].Text.EndsWith(':') && known[c].TitleScore >= ReopeningTitle && TitleLike(segments[c].Text)
                    && KeyOf(segments[c].Text) is null).Select(c => (int?)c).MaxBy(c => known[c!.Value].TitleScore);
                if (title is not { } t) continue;
                known[t] = known[t] with { Label = Title, Confidence = Math.Max(known[t].Confidence, NewDescription) };
                body = opening = -1;
            }
        }
    }

    /// <summary>A label whose value is a person or a position signing or owning the document, not the job described: "Approved by", "Prepared By", a known field other than the title.</summary>
    static bool SignOff(string label) => label.EndsWith(" by", StringComparison.OrdinalIgnoreCase) || Vocabulary.IsOtherHeader(label)
        || Vocabulary.Header(label) is { } field && field != Vocabulary.HeaderField.Title;

    /// <summary>How likely a title a piece must be to open a later description on the strength of the header fields under it.</summary>
    const float ReopeningTitle = 0.1f;

    /// <summary>How sure the model must be that a labeled piece is not the header field its label names, to keep its own verdict.</summary>
    const float SureKey = 0.9f;

    /// <summary>A working title's score as a title: above any the model gives, so a class title beside it never replaces it.</summary>
    const float WorkingTitle = 2;
    /// <summary>The title score of a title its label names ("Job Title: …").</summary>
    const float Labelled = 1.5f;

    static string? LabelOf(JdSection section) => section switch
    {
        JdSection.Summary => "sum",
        JdSection.Responsibilities => "resp",
        JdSection.Education => "edu",
        JdSection.Qualifications => "qual",
        JdSection.Skills => "ksa",
        JdSection.Desirable => "des",
        JdSection.Performance => "perf",
        JdSection.WorkEnvironment => "env",
        JdSection.Physical => "phys",
        JdSection.Disclaimer => "disc",
        _ => null,
    };

    /// <summary>A title met after a description's body starts a new description only when the classifier is this sure of it.</summary>
    const float NewDescription = 0.5f;
    /// <summary>A description with no piece classified as its title takes the likeliest piece above its body, if it is at least this likely.</summary>
    const float LikelyTitle = 0.05f;

    sealed record Opened(Doc Doc, int Start)
    {
        public int Body { get; set; } = -1;
        public float TitleScore { get; set; }
        /// <summary>The piece the title was read from.</summary>
        public int TitlePiece { get; set; } = -1;
        /// <summary>How sure the classifier was of each header field's value: a surer piece later in the header replaces a doubtful one.</summary>
        public Dictionary<Vocabulary.HeaderField, float> Sure { get; } = [];
    }

    internal static JdParseResult Assemble(List<Segment> segments, IReadOnlyList<Verdict> verdicts, CompetencyMatcher? matcher, IStringLocalizer L)
    {
        var preamble = new List<string>();
        var docs = new List<Opened>();
        Opened? open = null;
        Segment? previous = null;
        string? previousLabel = null;
        Doc Current(int i) => (open ??= Add(new Doc(null), i)).Doc;
        Opened Add(Doc d, int i)
        {
            var o = new Opened(d, docs.Count == 0 ? 0 : i);
            docs.Add(o);
            return o;
        }
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var (label, confidence, titleScore) = verdicts[i];
            // A title's label with nothing after it ("Job Title:") names no title.
            if (label == Title && TitleOf(segment.Text).Length == 0) label = None;
            var text = label == Title || IsField(label) ? segment.Text : segment.Text.Replace('\t', ' ');
            if (label == None)
            {
                if (open is null) preamble.Add(text);
                else open.Doc.Unplaced.Add(text);
            }
            else if (label.StartsWith(HeadingPrefix, StringComparison.Ordinal))
            {
                Current(i).Group = null;
            }
            else if (label == Title)
            {
                var title = TitleOf(text);
                // A few lines read as duties above a description's labelled title, with no title of their own ("After this lesson you will be
                // able to: …" over "Job title: …"), are not a description before it.
                var lead = open is { Doc.Title: null } && open.Doc.BodyItems <= 3 && titleScore >= Labelled;
                if (open is null || (open.Doc.HasBody && !lead && confidence >= NewDescription && !string.Equals(Vocabulary.Fold(title), Vocabulary.Fold(open.Doc.Title ?? ""), StringComparison.Ordinal)))
                {
                    open = Add(new Doc(title), i);
                    (open.TitleScore, open.TitlePiece) = (titleScore, i);
                }
                // Titles side by side on one line (a cover table of a class series) are the classes the pages below describe, not a better title for the first.
                // So is a labelled title ("Job Title: …") under a family's name and its paragraph, before any duty: the family's name was not this description's title.
                else if (open.Doc.Title is null || (open.Body < 0 || !open.Doc.HasBody && titleScore >= Labelled) && titleScore > open.TitleScore
                    && (titleScore >= WorkingTitle || !(segment.Part > 0 && segments[open.TitlePiece].Physical == segment.Physical)))
                {
                    if (open.Doc.Title is { } earlier) open.Doc.Unplaced.Add(earlier);
                    open.Doc.Title = title;
                    (open.TitleScore, open.TitlePiece) = (titleScore, i);
                }
                else open.Doc.Unplaced.Add(text);
            }
            else if (IsField(label))
            {
                var d = Current(i);
                var field = FieldOf(label);
                var value = ValueOf(text);
                var key = KeyOf(text) ?? label;
                if (field is Vocabulary.HeaderField.Effective or Vocabulary.HeaderField.Revised or Vocabulary.HeaderField.Approved && value.Length > 0)
                {
                    if (IsoDate(value) is { } iso) value = iso;
                    else d.Warnings.Add(L["{0}: '{1}' is not a date this parser reads; kept as written", key, value]);
                }
                if (value.Length == 0) d.Warnings.Add(L["header field '{0}' is empty", key]);
                else if (d.Header.TryAdd(field, value) || open!.Body < 0 && confidence > open.Sure.GetValueOrDefault(field))
                {
                    d.Header[field] = value;
                    open!.Sure[field] = confidence;
                }
                else d.Other[KeyOf(text) ?? label] = value;
            }
            else
            {
                var d = Current(i);
                if (open!.Body < 0) open.Body = i;
                var continues = previous is not null && previousLabel == label && Continues(previous, segment);
                switch (label)
                {
                    case "sum":
                        Append(d.Summary, text);
                        break;
                    case "resp":
                        if (d.Group is null)
                        {
                            d.Group = [];
                            d.Groups.Add((null, d.Group));
                        }
                        if (continues && d.Group.Count > 0) d.Group[^1] += " " + text;
                        else d.Group.Add(text);
                        break;
                    case "phys":
                        var percent = PercentPattern().Match(text);
                        if (continues && d.Physical.Count > 0) d.Physical[^1] = d.Physical[^1] with { Text = d.Physical[^1].Text + " " + text };
                        else d.Physical.Add(new(text, percent.Success ? int.Parse(percent.Groups[1].Value, CultureInfo.InvariantCulture) : null));
                        break;
                    case "disc":
                        if (continues && d.Disclaimers.Count > 0) d.Disclaimers[^1] += " " + text;
                        else d.Disclaimers.Add(text);
                        break;
                    default:
                        var list = d.List(SectionOf(label));
                        if (continues && list.Count > 0) list[^1] += " " + text;
                        else list.Add(text);
                        break;
                }
            }
            previous = segment;
            previousLabel = label;
        }
        if (docs.Count == 0)
        {
            open = Add(new Doc(null), 0);
            foreach (var p in preamble) open.Doc.Unplaced.Add(p);
            preamble.Clear();
        }
        // A description whose title the classifier did not name: the likeliest piece above its body, or else the first short
        // one with a job title's word, as the lexical reader takes the line above a header.
        foreach (var o in docs.Where(o => o.Doc.Title is null))
        {
            var end = o.Body < 0 ? Math.Min(segments.Count, o.Start + 8) : o.Body;
            // Never a paragraph, a question or a label ("A Day in the Life:", "Which team is it on?").
            var candidates = Enumerable.Range(o.Start, Math.Max(0, end - o.Start)).Where(i => verdicts[i].Label is None or Title && TitleOf(segments[i].Text) is { Length: > 0 } t
                && JobDescriptionLines.WordCount(t) <= JobDescriptionParser.MaxTitleWords + 2 && !t.EndsWith(':') && !t.EndsWith('?')).ToList();
            int? Likeliest(IEnumerable<int> pieces) => pieces.Where(i => verdicts[i].TitleScore >= LikelyTitle).Select(i => (int?)i).MaxBy(i => verdicts[i!.Value].TitleScore);
            // A title said in the first sentences of the body ("We are hiring a …") outranks a piece with no title's word.
            var spoken = o.Body < 0 ? null : Enumerable.Range(o.Body, Math.Min(3, segments.Count - o.Body)).Select(i => SpokenTitle(segments[i].Text)).FirstOrDefault(t => t is not null);
            int? chosen = Likeliest(candidates.Where(i => TitleLike(segments[i].Text)));
            if (chosen is null && spoken is not null)
            {
                o.Doc.Title = spoken;
                continue;
            }
            chosen ??= Likeliest(candidates) ?? candidates.Where(i => TitleLike(segments[i].Text)).Select(i => (int?)i).FirstOrDefault();
            if (chosen is not { } c) continue;
            o.Doc.Title = TitleOf(segments[c].Text);
            o.TitlePiece = c;
            Unplace(o, c);
        }
        // A title read from a doubtful piece below the body ("Position Details" in a contents list) gives way to a likely one above it;
        // a title its label names ("Job Title: …") under a family's paragraph does not.
        foreach (var o in docs.Where(o => o.Body >= 0 && o.TitlePiece > o.Body && o.TitleScore < Labelled))
        {
            var above = Enumerable.Range(o.Start, o.Body - o.Start).Where(i => verdicts[i].Label == None && verdicts[i].TitleScore >= LikelyTitle && TitleLike(segments[i].Text))
                .Select(i => (int?)i).MaxBy(i => verdicts[i!.Value].TitleScore);
            if (above is not { } c) continue;
            o.Doc.Unplaced.Add(o.Doc.Title!);
            o.Doc.Title = TitleOf(segments[c].Text);
            o.TitlePiece = c;
            Unplace(o, c);
        }
        // A title given in two languages, one line under the other: the first is the title, the second its translation.
        foreach (var o in docs.Where(o => o.TitlePiece > o.Start))
        {
            var (k, j) = (o.TitlePiece, o.TitlePiece - 1);
            if (verdicts[j].Label is not (None or Title) || segments[k].Gap != 0 || segments[k].Physical != segments[j].Physical + 1 || !TitleLike(segments[j].Text)
                || JobDescriptionLines.LooksForeign(TitleOf(segments[j].Text)) == JobDescriptionLines.LooksForeign(o.Doc.Title!)) continue;
            var first = TitleOf(segments[j].Text);
            Unplace(o, j);
            o.Doc.Unplaced.Add(o.Doc.Title!);
            o.Doc.Title = first;
            o.TitlePiece = j;
        }
        return new(preamble, [.. docs.Select(o => Finish(o.Doc, matcher, L))]);

        // A piece taken for the title leaves the text kept unplaced, in whichever form it was kept there.
        void Unplace(Opened o, int piece)
        {
            var text = segments[piece].Text;
            foreach (var kept in new[] { TitleOf(text), text, text.Replace('\t', ' ') })
                if (o.Doc.Unplaced.Remove(kept) || preamble.Remove(kept)) return;
        }
    }

    /// <summary>A piece short enough to be a title, with a job title's word in it.</summary>
    static bool TitleLike(string text) => TitleOf(text) is { Length: > 0 } t && JobDescriptionLines.WordCount(t) <= JobDescriptionParser.MaxTitleWords + 2 && JobDescriptionLines.HasTitleWord(t)
        && (KeyOf(text) is not { } key || Vocabulary.Header(key) == Vocabulary.HeaderField.Title || JobDescriptionLines.HasTitleWord(key));

    /// <summary>A wrapped line: it starts in lower case, or the line before stopped mid-sentence, with nothing between.</summary>
    static bool Continues(Segment previous, Segment segment) =>
        segment.Column && segment.Physical == previous.Physical ||
        segment.Marker == Marker.None && segment.Gap == 0 && segment.Part == 0 && !previous.Glued &&
        (JobDescriptionLines.StartsLower(segment.Text) || segment.Text[0] is '(' or '&' || JobDescriptionLines.EndsWithJoiner(previous.Text));

    static JdSection SectionOf(string label) => label switch
    {
        "sum" => JdSection.Summary,
        "resp" => JdSection.Responsibilities,
        "edu" => JdSection.Education,
        "qual" => JdSection.Qualifications,
        "ksa" => JdSection.Skills,
        "des" => JdSection.Desirable,
        "perf" => JdSection.Performance,
        "env" => JdSection.WorkEnvironment,
        "phys" => JdSection.Physical,
        _ => JdSection.Disclaimer,
    };

    static Vocabulary.HeaderField FieldOf(string label) => label switch
    {
        "flsa" => Vocabulary.HeaderField.Flsa,
        "reportsTo" => Vocabulary.HeaderField.ReportsTo,
        "supervises" => Vocabulary.HeaderField.Supervises,
        "department" => Vocabulary.HeaderField.Department,
        "jobLevel" => Vocabulary.HeaderField.JobLevel,
        "effectiveDate" => Vocabulary.HeaderField.Effective,
        "revisedDate" => Vocabulary.HeaderField.Revised,
        _ => Vocabulary.HeaderField.Approved,
    };

    /// <summary>Where a field's label ends and its value starts: a colon, a tab, a dotted leader or a wide gap, near the start.</summary>
    static int ValueStart(string text)
    {
        // "[Department] Resource Planning": a label in square brackets before its value.
        if (text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is > 1 and <= 45 and var close && close + 1 < text.Length && Vocabulary.Header(text[1..close]) is not null)
            return close + 1;
        var m = ValueSeparator().Match(text);
        // A note in brackets inside the label ("Position title (exactly as on your offer letter):") does not make it too long for one.
        if (m.Success && m.Index > 0 && (m.Index <= MaxLabel || m.Index <= 2 * MaxLabel && m.Index - Bracketed(text.AsSpan(0, m.Index)) <= MaxLabel
            && Vocabulary.Header(text[..m.Index]) is not null)) return m.Index + m.Length;
        // "Department — Language Access Services": a dash parts a label from its value only after a label the word lists know.
        // A title's word before the dash ("Supervisor – Patient Access") makes it a title and its unit, not a label.
        var dash = DashSeparator().Match(text, 0, Math.Min(text.Length, 60));
        return dash.Success && dash.Index is > 0 and <= 45 && !text.AsSpan(0, dash.Index).ContainsAnyInRange('0', '9') && Vocabulary.Header(text[..dash.Index]) is not null
            && !JobDescriptionLines.HasTitleWord(text[..dash.Index]) ? dash.Index + dash.Length : -1;
    }

    [GeneratedRegex(@"\s+[-–—]{1,2}\s+")]
    private static partial Regex DashSeparator();

    /// <summary>The longest label a field's line opens with.</summary>
    const int MaxLabel = 45;

    /// <summary>How many characters of <paramref name="label"/> stand inside brackets.</summary>
    static int Bracketed(ReadOnlySpan<char> label)
    {
        var (inside, depth) = (0, 0);
        foreach (var c in label)
        {
            if (c == '(') depth++;
            if (depth > 0) inside++;
            if (c == ')' && depth > 0) depth--;
        }
        return inside;
    }

    internal static string ValueOf(string text)
    {
        var at = ValueStart(text);
        if (at < 0) at = AfterBareKey(text);
        var value = (at < 0 ? text : text[at..]).TrimStart(Leaders).Trim().Trim('"');
        // A form's boxes ("[ ] Non-exempt   [X] Exempt"): the value is the option ticked.
        return Unticked().IsMatch(value) && Ticked().Match(value) is { Success: true } ticked && ticked.Groups["value"].Value.Trim() is { Length: > 0 } option ? option : value;
    }

    [GeneratedRegex(@"\[\s\]|☐|□")]
    private static partial Regex Unticked();

    [GeneratedRegex(@"(?:\[[xX✓✔]\]|☒|☑|■)(?<value>[^\[\]☐☒☑□■\t]+)")]
    private static partial Regex Ticked();

    /// <summary>
    /// Where the value starts after a field label with nothing between: "Salary Grade 14", "FLSA Non-Exempt". A one-word
    /// label must be one that never starts a value ("Supervisor, Member Services" is a value, not a label and a value).
    /// </summary>
    static int AfterBareKey(string text)
    {
        var words = WordPattern().Matches(text);
        for (var k = Math.Min(3, words.Count - 1); k >= 1; k--)
        {
            var end = words[k - 1].Index + words[k - 1].Length;
            if (Vocabulary.Header(text[..end]) is not null && (k > 1 || BareKeys.Contains(Vocabulary.KeyOf(text[..end]))) && char.IsLetterOrDigit(text[end..].TrimStart()[0])) return end;
        }
        return -1;
    }

    static readonly HashSet<string> BareKeys = ["flsa", "grade", "band", "level", "dept"];

    static readonly char[] Leaders = ['.', ' ', '…', '\t', '_', ':', '│', '┃', '║'];

    internal static string? KeyOf(string text)
    {
        var at = ValueStart(text);
        return at < 0 ? null : ValueSeparator().Replace(text[..at], "").Trim().Trim('[', ']').TrimEnd('-', '–', '—', ' ');
    }

    const int MaxTitleLength = 200;

    /// <summary>The title a sentence names ("We are hiring a Claims Analyst to join…"), read in its first words only.</summary>
    static string? SpokenTitle(string text) =>
        Spoken().Match(text[..Math.Min(text.Length, MaxTitleLength)]) is { Success: true } spoken && spoken.Groups["title"].Value.Trim() is var named
            && JobDescriptionLines.HasTitleWord(named) && JobDescriptionLines.WordCount(named) <= JobDescriptionParser.MaxTitleWords ? named : null;

    /// <summary>A title piece is the title itself, or a "Class Title: …" field whose value is the title.</summary>
    static string TitleOf(string text)
    {
        // A piece far longer than a title is not read for one: the patterns below scan ahead, and a hostile line must stay linear.
        if (text.Length > MaxTitleLength * 2) return text.Trim();
        // A title carried over a page break ("ENROLLMENT SPECIALIST I (continued)") repeats one already read: it names no new title.
        if (Continued().IsMatch(text)) return "";
        // A screen of fields side by side ("JOB CODE .... GR0211<TAB>JOB TITLE ..... APPEALS INTAKE CLERK"): the one its label names the title.
        if (text.Contains('\t', StringComparison.Ordinal) && text.Split('\t').Where(p => KeyOf(p) is { } k && Vocabulary.Header(k) == Vocabulary.HeaderField.Title && ValueOf(p).Length > 0)
            .OrderBy(p => Vocabulary.KeyOf(KeyOf(p)!) == "workingtitle" ? 0 : 1).FirstOrDefault() is { } titled)
            text = titled;
        else if (text.Contains('\t', StringComparison.Ordinal))
        {
            var cells = text.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var titles = cells.Where(c => KeyOf(c) is null && JobDescriptionLines.HasTitleWord(c) && JobDescriptionLines.WordCount(c) <= JobDescriptionParser.MaxTitleWords).ToList();
            // Classes named side by side (a series' cover: "HEALTH RECORDS CLERK<TAB>HEALTH RECORDS SUPERVISOR") are the titles of the pages
            // that follow, not this piece's.
            if (titles.Count >= 2) return "";
            // A title beside fields of its own ("Records Clerk<TAB>Location: Head Office") is the cell with no label.
            if (titles.Count == 1 && cells.Length > 1 && cells.All(c => c == titles[0] || KeyOf(c) is not null)) text = titles[0];
        }
        var at = ValueStart(text);
        var title = at > 0 && (JobDescriptionLines.WordCount(text[..at]) <= 3 || Vocabulary.PlainTitleKeys.Contains(Vocabulary.KeyOf(KeyOf(text) ?? ""))) ? text[at..].TrimStart(Leaders).Trim() : text;
        // A title with something beside it ("MEMBER CARE REPRESENTATIVE    $18.25/hr") is the title, not a label and its value.
        if (at > 0 && KeyOf(text) is { Length: > 0 } label && JobDescriptionLines.HasTitleWord(label) && !JobDescriptionLines.HasTitleWord(title)
            && Vocabulary.Header(label) is null) title = label;
        // A title said in a sentence or a subject line ("We are hiring a Claims Analyst to join…", "RE: Posting for Claims Analyst",
        // "…about the Care Navigator role"): the title is the words the sentence names.
        // Both patterns scan ahead from each dash or "the", so they read a title-sized piece only.
        if (title.Length <= MaxTitleLength && SpokenTitle(title) is { } named) title = named;
        // What stands around a title on a page is not the title: an emoji or a quote, a level or class code in front
        // ("LEVEL 2 - Member Services Representative II", "C-14 Medical Records Clerk"), a count of openings after it.
        var bare = TitleDecoration().Replace(title.Trim().Trim('"', '\'', '“', '”'), "");
        // One decoration may hide another: "… II (JC-30418)" loses its number, then the bracket left open.
        if (TitleDecoration().Replace(bare, "") is var again && again.Length > 0) bare = again;
        // An employer before a document's name ("Prairie Health Plan Position Description Claims Specialist"), never a title before it ("… Technician Job Description Template").
        if (bare.Length <= MaxTitleLength && DocumentName().Match(bare) is { Success: true, Index: > 0 } document && !JobDescriptionLines.HasTitleWord(bare[..document.Index])
            && JobDescriptionLines.HasTitleWord(bare[(document.Index + document.Length)..])) bare = bare[(document.Index + document.Length)..];
        // Pay, hours, a contract's length or a place after a dash ("Appointment Scheduler - Riverside Ortho, $17.50/hr",
        // "… - 13-week contract"): the title is what comes before the first dash that such a tail follows.
        if (bare.Length <= MaxTitleLength && DashedTail().Match(bare) is { Success: true, Index: > 0 } tail && JobDescriptionLines.HasTitleWord(bare[..tail.Index])) bare = bare[..tail.Index];
        var first = 0;
        while (first < bare.Length && !char.IsLetterOrDigit(bare[first]) && bare[first] != '(') first++;
        bare = bare[first..];
        if (bare.Length > 0 && char.IsLetter(bare[0])) title = bare;
        // An applicant-tracking page heads a posting "Claims Analyst at Northwind Health": the employer is not the title.
        return AtEmployer().Match(title) is { Success: true } m && m.Groups["title"].Value.Split(' ').Any(w => Vocabulary.TitleWords.Contains(w.ToLowerInvariant().TrimEnd(',')))
            ? m.Groups["title"].Value : title;
    }

    // A work arrangement, a place or a requisition number after a title is kept as text, not title ("Member Advocate (Remote)", "… – Work From Home",
    // "… - Framingham Site", "…-2603518"), as is a note cut off at the line's end ("… II (JC"), a document's name after the title ("Patient Portal
    // Concierge Job Description") and a list's name before it ("Ideas for Job Responsibilities of a Patient Portal Manager"). A language in
    // brackets stays in the title, as most labeled sets keep it ("Bilingual Member Services Representative (Spanish)").
    [GeneratedRegex(@"^(?:(?i:level|tier|band|grade)\s+[0-9IVX]+\s*[-–—:]\s*|[A-Z]{0,3}-?\d{1,5}[A-Z]?\s+(?=[A-Z][a-z])|\d{1,2}(?:\.\d{1,3}){1,3}\.?\s+(?=[A-Z]))|\s*\(\d+\s+(?:openings?|positions?|vacanc(?:y|ies))\)$"
        + @"|\s*\((?i:[^()]*\b(?:remote|hybrid|work from home|wfh|on-?site|full[- ]time|part[- ]time|contract(?:-to-hire)?|temp(?:-to-hire|orary)?|seasonal|1099|per diem|prn|fte|new hire|key personnel)\b[^()]*)\)$"
        + @"|\s+[-–—|]\s+(?i:remote|hybrid|work from home|wfh|on-?site|full[- ]time|part[- ]time|temporary|per diem|prn)\b.*$|\s+[-–—|]\s+[A-Z][\w.']*(?: [A-Z][\w.']*){0,3} (?i:site|campus|region|location)$|\s*[-–—#]\s*\(?\d{5,}\)?$"
        + @"|^(?i:position description|job description|job posting|job profile|class specification)\s*[-–—:]\s*(?=\S)"
        + @"|(?<=\S)\s+(?i:job description|position description)$|^(?i:(?:ideas for|suggested|sample|typical)\s+)?(?i:job\s+)?(?i:duties|responsibilities|tasks)\s+(?i:of|for)\s+(?i:an?|the)\s+(?=[A-Z])"
        + @"|\s*\([^()]*$")]
    private static partial Regex TitleDecoration();

    [GeneratedRegex(@"(?i)[(\[]\s*(?:continued|cont(?:'d|’d|inued|\.)?)\s*[)\]]\s*$|\s[-–—]\s*continued\s*$")]
    private static partial Regex Continued();

    [GeneratedRegex(@"(?i)^(?:(?:re|fwd?):\s*)*(?:(?:we(?:'re|’re| are)|[\w&'.-]+(?: [\w&'.-]+){0,4} (?:is|are))(?: now)? (?:hiring|looking for|seeking|recruiting(?: for)?)|now hiring:?|(?:job )?(?:posting|opening|vacancy) (?:for|:))\s+(?:(?:an?|one|two|three|several|\d+)\s+)?(?<title>[^,.;:!?()]+?)(?=\s+(?:to|who|that|on|in|at|with|for (?:our|the|a)|- |– |— )\b|\s*[,.;:!?(]|$)"
        + @"|\b(?:about|for) the (?<title>[^,.;:!?()]+?) (?:role|position|opening|job)\b")]
    private static partial Regex Spoken();

    // What follows a title on a posting's first line: pay ("$17.50/hr"), a contract's length ("13-week contract"), hours ("M-F 7a-3:30p").
    [GeneratedRegex(@"\s+[-–—|]\s+(?=[^\n]*?(?:\$\d|/hr\b|\b\d+[- ]weeks?\b|\bcontract\b|\b\d{1,2}(?::\d{2})?\s?[ap]\.?m?\.?\s?[-–]\s?\d))")]
    private static partial Regex DashedTail();

    [GeneratedRegex(@"\s(?i:position description|job description)\s+(?=[A-Z])")]
    private static partial Regex DocumentName();

    [GeneratedRegex(@"^(?<title>.+?) at (?<employer>[A-Z][\w&'.-]*(?: (?:of |and |for |the )?[A-Z&][\w&'.-]*)*)$")]
    private static partial Regex AtEmployer();

    /// <summary>Each piece described as tokens for the classifier: its own words and layout, its neighbors', the nearest heading-like piece above.</summary>
    internal static List<string> Describe(List<Segment> segments)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var folded = segments.Select(s => Vocabulary.Fold(s.Text)).ToList();
        foreach (var f in folded) counts[f] = counts.GetValueOrDefault(f) + 1;
        var shapes = segments.Select((s, i) => Shape(s, counts[folded[i]] > 1 && folded[i].Length > 2)).ToList();
        var result = new List<string>(segments.Count);
        var above = -1;
        for (var i = 0; i < segments.Count; i++)
        {
            var sb = new StringBuilder();
            var s = segments[i];
            Words(sb, "", s.Text, full: true);
            foreach (var t in shapes[i]) sb.Append(t).Append(' ');
            if (i > 0)
            {
                Words(sb, "p", segments[i - 1].Text, full: false);
                foreach (var t in shapes[i - 1]) sb.Append('p').Append(t).Append(' ');
            }
            else sb.Append("pNONE ");
            if (i + 1 < segments.Count)
            {
                Words(sb, "n", segments[i + 1].Text, full: false);
                foreach (var t in shapes[i + 1]) sb.Append('n').Append(t).Append(' ');
            }
            else sb.Append("nNONE ");
            if (i > 1) foreach (var t in shapes[i - 2]) sb.Append("pp").Append(t).Append(' ');
            if (i + 2 < segments.Count) foreach (var t in shapes[i + 2]) sb.Append("nn").Append(t).Append(' ');
            if (above >= 0)
            {
                Words(sb, "h", segments[above].Text, full: false);
                sb.Append("hd_").Append(Math.Min(i - above, 9)).Append(' ');
            }
            else sb.Append("hNONE ");
            sb.Append("pos_").Append(i switch { 0 => "0", 1 => "1", 2 => "2", < 6 => "5", < 12 => "11", _ => "more" }).Append(' ');
            sb.Append("frac_").Append(i * 10 / segments.Count).Append(' ');
            result.Add(sb.ToString());
            if (IsHeadingLike(s)) above = i;
        }
        return result;
    }

    static bool IsHeadingLike(Segment s)
    {
        var t = s.Text.TrimEnd(':');
        return s.Marker is not Marker.Bullet && JobDescriptionLines.WordCount(t) <= 8 && !JobDescriptionLines.EndsSentence(t) && t.Length > 0 &&
            (s.Text.EndsWith(':') || JobDescriptionLines.IsCapitalsHeading(t) || JobDescriptionLines.IsTitleCase(t) || s.Marker is Marker.Markdown or Marker.Roman);
    }

    static void Words(StringBuilder sb, string prefix, string text, bool full)
    {
        var words = WordPattern().Matches(text).Select(m => Normal(m.Value)).ToList();
        if (words.Count == 0) return;
        foreach (var w in words.Take(full ? 200 : 12))
        {
            sb.Append(prefix).Append("w_").Append(w).Append(' ');
            // The first letters of a word, so "responsabilidades" meets "responsibilities" and "requisitos" meets "requirements".
            if (w.Length > 5) sb.Append(prefix).Append("w5_").Append(w.AsSpan(0, 5)).Append(' ');
        }
        sb.Append(prefix).Append("f_").Append(words[0]).Append(' ');
        if (words.Count <= 6) sb.Append(prefix).Append("ph_").Append(string.Join('_', words)).Append(' ');
        if (!full) return;
        sb.Append("l_").Append(words[^1]).Append(' ');
        for (var i = 0; i + 1 < Math.Min(words.Count, 8); i++) sb.Append("b_").Append(words[i]).Append('_').Append(words[i + 1]).Append(' ');
    }

    static string Normal(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word) sb.Append(char.IsDigit(c) ? '0' : char.ToLowerInvariant(c));
        return sb.ToString();
    }

    static List<string> Shape(Segment s, bool repeated)
    {
        var t = s.Text;
        var words = JobDescriptionLines.WordCount(t);
        var letters = t.Where(char.IsLetter).ToList();
        var upper = letters.Count == 0 ? 0 : letters.Count(char.IsUpper) / (double)letters.Count;
        var shape = new List<string>
        {
            "nw_" + (words switch { 1 => "1", 2 => "2", 3 => "3", <= 6 => "6", <= 12 => "12", <= 25 => "25", <= 50 => "50", _ => "more" }),
            "case_" + (upper > 0.8 ? "caps" : JobDescriptionLines.IsTitleCase(t.TrimEnd(':')) ? "title" : letters.Count > 0 && char.IsLower(t.First(char.IsLetter)) ? "lower" : "sentence"),
            "end_" + (t[^1] switch { ':' => "colon", '.' => "period", ';' => "semi", ')' => "paren", '?' => "question", _ => char.IsDigit(t[^1]) ? "digit" : "other" }),
            "mk_" + s.Marker,
            "ind_" + (s.Indent switch { 0 => "0", < 4 => "3", < 12 => "11", _ => "more" }),
            "gap_" + Math.Min(s.Gap, 2), "gapa_" + Math.Min(s.GapAfter, 2),
            "part_" + Math.Min(s.Part, 1),
        };
        if (s.Tabs > 0) shape.Add("tabs_" + Math.Min(s.Tabs, 2));
        if (s.Column) shape.Add("column");
        if (s.Leader) shape.Add("leader");
        if (s.Glued) shape.Add("glued");
        if (repeated) shape.Add("repeated");
        if (ValueStart(t) > 0) shape.Add(JobDescriptionLines.WordCount(t[..ValueStart(t)]) <= 4 ? "kv_short" : "kv_long");
        if (PagePattern().IsMatch(t)) shape.Add("page");
        if (PercentPattern().IsMatch(t)) shape.Add("percent");
        if (IsoDate(ValueOf(t)) is not null) shape.Add("date");
        if (t.Contains('$', StringComparison.Ordinal)) shape.Add("money");
        if (IsHeadingLike(s)) shape.Add("headlike");
        // What the lexical reader's word lists know of the piece, as evidence beside the rest: the model learns how far to trust it.
        var bare = MarkerPattern().Replace(t, "").TrimEnd(':', ' ', '\t');
        if (bare.Length > 0 && Vocabulary.Heading(bare) is { } section) shape.Add("voc_" + section);
        if ((KeyOf(t) ?? (JobDescriptionLines.WordCount(bare) <= 3 ? bare : null)) is { Length: > 0 } key)
        {
            if (Vocabulary.Header(key) is { } field) shape.Add("vkey_" + field);
            else if (Vocabulary.IsOtherHeader(key)) shape.Add("vkey_other");
        }
        return shape;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’+-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\bpage\s+\d+(\s+of\s+\d+)?\b|^\d+\s*$|\bp[aá]gina\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex PagePattern();

    [GeneratedRegex(@"^\s*(?:#+|[-*•·▪]|[IVXivx]+[.)]|\d+[.)]|[A-Za-z][.)])\s+")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"(\d{1,3})\s?%")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\s*(?:(?<!\d):(?!\d)|\t|\.{3,}|…+|(?:\.\s){3,}\.?|\s{3,}|(?<=\S)\s+\|\|?(?=\s+\S))\s*")]
    private static partial Regex ValueSeparator();
}
