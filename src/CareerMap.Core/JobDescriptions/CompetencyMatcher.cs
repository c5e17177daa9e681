using System.Text.RegularExpressions;
using CareerMap.Framework;

namespace CareerMap.JobDescriptions;

/// <summary>
/// Ties the lines of a job description to the framework's competencies with BM25, a lexical model a person can check:
/// each competency is a "document" of its name, definition, level descriptors, indicators and a curated synonym list;
/// each duty or requirement line is a query. Curated cues (<see cref="CompetencyCues"/>) add what single words cannot: a line
/// said in one of a competency's phrasings earns <see cref="PhrasingBonus"/>, and a competency with a requirement is only
/// scored on lines that meet it. The words and phrases that matched and the lines that scored are returned as evidence.
/// </summary>
public sealed partial class CompetencyMatcher
{
    const double K1 = 1.2, B = 0.75;
    /// <summary>
    /// A line counts for a job-knowledge or leadership competency from this score, and for a core one from <see cref="CoreLineThreshold"/>;
    /// a competency is called for from <see cref="DocumentThreshold"/> (core: <see cref="CoreDocumentThreshold"/>) summed over its lines.
    /// Set in a flat region of the sweep on the sets already seen, never on a blind set before its one measurement (LABELING.md).
    /// </summary>
    public double LineThreshold { get; init; } = 5.0;
    public double CoreLineThreshold { get; init; } = 4.0;
    public double DocumentThreshold { get; init; } = 8.0;
    public double CoreDocumentThreshold { get; init; } = 4.0;
    public double RunnerUp { get; init; } = 0.3;
    /// <summary>A description calls for a handful of competencies; past this many, the weakest are noise.</summary>
    public int MaxCompetencies { get; init; } = 8;
    public double NameBonus { get; init; } = 10;
    /// <summary>What a line earns for a competency it says in one of the curated phrasings (<see cref="CompetencyCues.Phrasings"/>): past either line threshold on its own.</summary>
    public double PhrasingBonus { get; init; } = 6;

    sealed record Entry(string Code, string Name, bool Core, Dictionary<string, double> Terms, double Length, Regex? Phrasing, Regex? Requirement)
    {
        /// <summary>The embeddings of the competency's own texts (name and definition, each level, each indicator); empty without an embedder.</summary>
        public IReadOnlyList<float[]> Meaning { get; set; } = [];
    }

    sealed record FieldWeights(double Name, double Definition, double Levels, double Indicators, double Synonyms);

    /// <summary>
    /// How much each part of a competency speaks for it. The level descriptors and indicators of the core competencies
    /// ("asks questions and supports coworkers", "gives every member a courteous experience") are written in the everyday
    /// words of every job description, so on their own they matched nearly any line; the core competencies are found by
    /// their curated cues instead (the ones LABELING.md names). Job-knowledge levels name their topic and keep full weight.
    /// Chosen on the development sets (Labeled and HeldOut), never on the blind sets.
    /// </summary>
    static readonly FieldWeights CoreWeights = new(3, 2, 0.25, 0.25, 8), JobWeights = new(3, 2, 1, 0.25, 5);

    readonly List<Entry> entries = [];
    readonly Dictionary<string, double> idf = [];
    readonly double averageLength;

    readonly ISentenceEmbedder? embedder;
    readonly SuggestionModel? suggestions;

    /// <summary>
    /// The matcher the product uses: the lexical evidence and the sentence embeddings of the lines and of each competency's
    /// own texts, weighed by the shipped <see cref="SuggestionModel"/>. Lexical only where the embedder cannot run.
    /// </summary>
    public static CompetencyMatcher Suggesting(IReadOnlyCollection<CompetencyDto> competencies) =>
        new(competencies, null, MiniLmEmbedder.Loading(), SuggestionModel.For([.. competencies.Select(c => c.Code)]));

    public CompetencyMatcher(IEnumerable<CompetencyDto> competencies, CompetencyCues? cues = null, ISentenceEmbedder? embedder = null, SuggestionModel? suggestions = null)
    {
        cues ??= CompetencyCues.Riverbend;
        this.embedder = embedder;
        this.suggestions = embedder is null ? null : suggestions;
        var all = competencies.ToList();
        foreach (var c in all)
        {
            var core = string.Equals(c.Category, "core", StringComparison.OrdinalIgnoreCase);
            var w = core ? CoreWeights : JobWeights;
            var terms = new Dictionary<string, double>();
            void Add(string text, double weight)
            {
                foreach (var t in Tokens(text).Select(t => t.Stem)) terms[t] = terms.GetValueOrDefault(t) + weight;
            }
            Add(c.Name, w.Name);
            Add(c.Definition, w.Definition);
            foreach (var l in c.Levels) Add(l, w.Levels);
            foreach (var i in c.Indicators) Add(i, w.Indicators);
            foreach (var s in cues.Synonyms.GetValueOrDefault(c.Code) ?? []) Add(s, w.Synonyms);
            entries.Add(new(c.Code, c.Name, core, terms, terms.Values.Sum(), cues.Phrasings.GetValueOrDefault(c.Code), cues.Requirements.GetValueOrDefault(c.Code)));
        }
        averageLength = entries.Count == 0 ? 1 : entries.Average(e => e.Length);
        foreach (var term in entries.SelectMany(e => e.Terms.Keys).Distinct())
        {
            var df = entries.Count(e => e.Terms.ContainsKey(term));
            idf[term] = Math.Log(1 + (entries.Count - df + 0.5) / (df + 0.5));
        }
        if (embedder is not null)
        {
            var texts = all.Select(c => (IReadOnlyList<string>)[$"{c.Name}: {c.Definition}", .. c.Levels.Where(l => l.Length > 0), .. c.Indicators.Where(i => i.Length > 0)]).ToList();
            IReadOnlyList<float[]> vectors;
            try { vectors = embedder.EmbedKept([.. texts.SelectMany(t => t)]); }
            catch (SentenceModelUnavailableException) { vectors = []; this.suggestions = null; }
            var at = 0;
            for (var i = 0; i < entries.Count && vectors.Count > 0; i++)
            {
                entries[i].Meaning = [.. vectors.Skip(at).Take(texts[i].Count)];
                at += texts[i].Count;
            }
        }
    }

    sealed record Hit(string Line, double Score, List<string> Words);

    /// <summary>Every competency some line spoke for, with the lines and their scores, strongest first.</summary>
    sealed record Candidate(string Code, string Name, bool Core, List<Hit> Hits, double Total);

    public IReadOnlyList<CompetencyMatch> Match(ParsedJobDescription jd)
    {
        var lines = Lines(jd);
        var candidates = Candidates(lines);
        if (suggestions is null) return Lexical(candidates);
        List<Weighed> weighed;
        try { weighed = Weigh(lines, candidates); }
        catch (SentenceModelUnavailableException) { return Lexical(candidates); }
        return [.. weighed
            .Select(w => (Weighed: w, Probability: suggestions.Probability(w.Features)))
            .Where(x => x.Probability >= suggestions.Threshold)
            .OrderByDescending(x => x.Probability)
            .Take(suggestions.Most)
            .Select(x =>
            {
                var (w, p) = x;
                // Evidence: the lines that matched its words when there are any (a person can see why), else the lines closest in meaning.
                var evidence = w.Lexical is { } c ? c.Hits.Take(3).Select(h => h.Line).ToList() : w.Closest;
                var words = w.Lexical is { } l ? l.Hits.Take(3).SelectMany(h => h.Words).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : [];
                return new CompetencyMatch(w.Entry.Code, w.Entry.Name, LevelOf(evidence), Math.Round(p, 2), evidence, words);
            })];
    }

    IReadOnlyList<CompetencyMatch> Lexical(List<Candidate> candidates) =>
        [.. LexicalPicks(candidates)
            .Select(c => new CompetencyMatch(c.Code, c.Name, LevelOf(c.Hits.Take(3).Select(x => x.Line)), Math.Round(1 - Math.Exp(-c.Total / 8), 2),
                [.. c.Hits.Take(3).Select(x => x.Line)], [.. c.Hits.Take(3).SelectMany(x => x.Words).Distinct(StringComparer.OrdinalIgnoreCase)]))];

    IEnumerable<Candidate> LexicalPicks(List<Candidate> candidates) =>
        candidates.Where(c => c.Total >= (c.Core ? CoreDocumentThreshold : DocumentThreshold)).Take(MaxCompetencies);

    /// <summary>What the suggestion model weighs for one competency in one description, with what it can show for it.</summary>
    sealed record Weighed(Entry Entry, float[] Features, Candidate? Lexical, List<string> Closest);

    /// <summary>
    /// The description's meaning (the normalized mean of its lines') and each competency's features for the suggestion model
    /// (<see cref="SuggestionModel.FeatureNames"/>), the exemplar share as this matcher's model gives it: for training.
    /// </summary>
    internal (float[] Meaning, IReadOnlyList<(string Code, float[] Features)> Competencies) Features(ParsedJobDescription jd)
    {
        var lines = Lines(jd);
        var weighed = Weigh(lines, Candidates(lines), out var meaning);
        return (meaning, [.. weighed.Select(w => (w.Entry.Code, w.Features))]);
    }

    List<Weighed> Weigh(List<string> lines, List<Candidate> candidates) => Weigh(lines, candidates, out _);

    List<Weighed> Weigh(List<string> lines, List<Candidate> candidates, out float[] meaning)
    {
        var picked = LexicalPicks(candidates).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var byCode = candidates.ToDictionary(c => c.Code, StringComparer.Ordinal);
        // similarity[line][entry]: how close the line comes to any of the competency's own texts.
        var vectors = lines.Count == 0 ? [] : embedder!.Embed(lines);
        var similarity = vectors.Select(v => entries.Select(e => e.Meaning.Count == 0 ? 0f : e.Meaning.Max(m => SuggestionModel.Dot(v, m))).ToArray()).ToList();
        meaning = Mean(vectors);
        var shares = suggestions is { Exemplars.Count: > 0 } && meaning.Length > 0 ? SuggestionModel.Shares(meaning, suggestions.Exemplars) : [];
        // How often a competency is among the two closest of its kind (what the work is, how it is done) to a line.
        var nearest = new int[entries.Count];
        foreach (var row in similarity)
            foreach (var core in new[] { true, false })
                foreach (var k in Enumerable.Range(0, entries.Count).Where(k => entries[k].Core == core).OrderByDescending(k => row[k]).Take(2))
                    nearest[k]++;
        var result = new List<Weighed>(entries.Count);
        for (var k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            var ranked = Enumerable.Range(0, lines.Count).OrderByDescending(i => similarity[i][k]).ToList();
            var top = ranked.Select(i => similarity[i][k]).ToList();
            var lexical = byCode.GetValueOrDefault(e.Code);
            var total = (float)Math.Log(1 + (lexical?.Total ?? 0));
            float best = top.Count > 0 ? top[0] : 0, topThree = top.Count > 0 ? top.Take(3).Average() : 0, core = e.Core ? 1 : 0;
            result.Add(new(e, [total, picked.Contains(e.Code) ? 1 : 0, Math.Min(lexical?.Hits.Count ?? 0, 5) / 5f, best, topThree,
                Math.Min(nearest[k], 5) / 5f, core, core * best, core * total, shares.GetValueOrDefault(e.Code)], lexical, [.. ranked.Take(3).Select(i => lines[i])]));
        }
        return result;
    }

    static float[] Mean(IReadOnlyList<float[]> vectors)
    {
        if (vectors.Count == 0) return [];
        var mean = new float[vectors[0].Length];
        foreach (var v in vectors)
            for (var i = 0; i < mean.Length; i++) mean[i] += v[i];
        var norm = MathF.Sqrt(SuggestionModel.Dot(mean, mean));
        if (norm > 0) for (var i = 0; i < mean.Length; i++) mean[i] /= norm;
        return mean;
    }

    static List<string> Lines(ParsedJobDescription jd) =>
        // Section weights (skills lists firmer, summaries softer) were tried on the labeled set and lowered F1; every line counts alike.
        [.. (jd.Title is null ? [] : new[] { jd.Title }).Concat(jd.Summary is null ? [] : SentenceEnd().Split(jd.Summary))
            .Concat(jd.Responsibilities.SelectMany(g => g.Text is null ? g.Items : [g.Text, .. g.Items])).Concat(jd.KnowledgeSkillsAbilities).Concat(jd.Qualifications)
            .Concat(jd.EducationAndExperience).Concat(jd.PerformanceExpectations)
            .Where(l => l.Length > 0 && !Optional().IsMatch(l)).Distinct()];

    List<Candidate> Candidates(List<string> lines)
    {
        var hits = new Dictionary<Entry, List<Hit>>(ReferenceEqualityComparer.Instance);
        foreach (var line in lines)
        {
            var tokens = Tokens(line).DistinctBy(t => t.Stem).ToList();
            var scored = entries.Select(e => (Entry: e, Phrasing: e.Phrasing?.Match(line)))
                // Most requirements are also the competency's phrasing: its match already answers the requirement.
                .Where(x => x.Entry.Requirement is not { } requirement || (ReferenceEquals(requirement, x.Entry.Phrasing) ? x.Phrasing!.Success : requirement.IsMatch(line)))
                .Select(x =>
                {
                    var (e, phrasing) = x;
                    var phrased = phrasing is { Success: true };
                    var words = tokens.Where(t => e.Terms.ContainsKey(t.Stem)).Select(t => t.Word).ToList();
                    if (phrased) words.Add(phrasing!.Value);
                    return (Entry: e, Score: Score(e, tokens) + (Names(line, e) ? NameBonus : 0) + (phrased ? PhrasingBonus : 0), Words: words, Phrased: phrased);
                })
                .Where(s => s.Score >= (s.Entry.Core ? CoreLineThreshold : LineThreshold)).OrderByDescending(s => s.Score).ToList();
            // A line says what the work is (job knowledge, leadership) and how it is done (core): "explain plan coverage to
            // members" is Eligibility and Communication. The two compete separately, or the specific words of the first
            // always drown the common words of the second. In each, a line speaks for its best competency and for up to
            // two more it names nearly as clearly, and for every competency it says in a curated phrasing.
            var groups = scored.GroupBy(s => s.Entry.Core).Select(g => g.ToList());
            foreach (var group in groups)
                foreach (var s in group.Take(1).Concat(group.Skip(1).Where((s, i) => s.Phrased || i < 2 && s.Score >= group[0].Score * RunnerUp)))
                    (hits.TryGetValue(s.Entry, out var list) ? list : hits[s.Entry] = []).Add(new(line, s.Score, s.Words));
        }
        return [.. hits.Select(h => new Candidate(h.Key.Code, h.Key.Name, h.Key.Core, [.. h.Value.OrderByDescending(x => x.Score)], h.Value.Sum(x => x.Score))).OrderByDescending(c => c.Total)];
    }

    /// <summary>A line that names the competency outright ("Customer Focus: puts the member first").</summary>
    static bool Names(string line, Entry e) => line.Contains(e.Name, StringComparison.OrdinalIgnoreCase);

    double Score(Entry e, List<(string Word, string Stem)> query)
    {
        var score = 0.0;
        foreach (var (_, stem) in query)
        {
            if (!e.Terms.TryGetValue(stem, out var tf)) continue;
            score += idf[stem] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * e.Length / averageLength));
        }
        return score;
    }

    static readonly (int Level, string[] Cues)[] LevelCues =
    [
        (5, ["strategic", "strategy", "organization-wide", "enterprise-wide", "set direction", "vision", "executive"]),
        (4, ["advanced", "extensive", "expert", "lead", "leads", "mentor", "coach", "complex", "5+ years", "five years", "senior", "oversee", "oversees", "manage", "manages"]),
        (2, ["basic", "assist", "assists", "familiar", "familiarity", "some ", "working knowledge", "entry", "learn", "under supervision", "moderate", "help"]),
        (1, ["awareness", "exposure", "introduction"]),
        (3, ["demonstrated", "strong", "proficient", "independently", "excellent", "ability to", "skilled"]),
    ];

    /// <summary>The level the wording implies: strong cues (lead, advanced, basic…) in the best evidence; 3, proficient, when the text says nothing.</summary>
    static int LevelOf(IEnumerable<string> evidence)
    {
        foreach (var line in evidence)
            foreach (var (level, cues) in LevelCues)
                if (cues.Any(c => line.Contains(c, StringComparison.OrdinalIgnoreCase))) return level;
        return 3;
    }

    static readonly HashSet<string> Stop =
    [
        "a", "an", "the", "and", "or", "of", "to", "in", "for", "with", "on", "by", "as", "at", "is", "are", "be", "will", "all", "any", "other",
        "their", "they", "them", "it", "its", "this", "that", "these", "those", "from", "into", "when", "who", "which", "what", "as", "such", "also",
        "well", "including", "include", "includes", "may", "must", "can", "should", "etc", "e", "g", "per", "each", "every", "own", "more", "most",
        "work", "works", "working", "job", "position", "role", "duties", "responsible", "responsibilities", "ability", "able", "required", "requires",
        "need", "needed", "needs", "as", "both", "not", "no", "than", "through", "up", "so", "i", "ii", "iii", "one", "two", "x", "s",
        // Words every job description uses whatever the competency: years of experience, the contact center itself, time words.
        "experience", "experienced", "year", "years", "new", "first", "several", "make", "makes", "find", "finds", "out", "day", "days", "week",
        "weeks", "month", "months", "once", "take", "takes", "give", "gives", "keep", "keeps", "sure", "right", "get", "gets", "go", "goes", "use",
        "uses", "contact", "center", "centers", "skill", "skills", "little", "possible", "before", "after", "during", "under", "about", "over", "within", "across",
    ];

    /// <summary>Words and adjacent word pairs ("second language" is not "plain language"), stemmed, stop words out.</summary>
    public static IEnumerable<(string Word, string Stem)> Tokens(string text)
    {
        (string Word, string Stem)? previous = null;
        foreach (Match m in WordPattern().Matches(text))
        {
            var word = m.Value.ToLowerInvariant().Replace("’", "'", StringComparison.Ordinal);
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            if (word.Length < 2 || Stop.Contains(word)) { previous = null; continue; }
            var token = (m.Value, Stem(word));
            yield return token;
            if (previous is { } p) yield return ($"{p.Word} {m.Value}", $"{p.Stem}_{token.Item2}");
            previous = token;
        }
    }

    static readonly string[] Suffixes = ["ations", "ation", "ating", "ated", "ates", "ate", "ings", "ing", "ies", "ied", "ment", "ness", "ions", "ion", "ers", "er", "ed", "es", "ly", "s"];

    /// <summary>A light suffix stripper: enough that "communicates", "communicating" and "communication" meet.</summary>
    static string Stem(string w)
    {
        // Stems keep at least three letters, and a final e always goes, so "hire", "hired" and "hiring" meet at "hir".
        if (w.Length <= 3) return w;
        foreach (var suffix in Suffixes)
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                return stem.EndsWith('e') ? stem[..^1] : stem;
            }
        }
        return w.EndsWith('e') ? w[..^1] : w;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}\p{N}'’+-]*")]
    private static partial Regex WordPattern();

    /// <summary>A requirement the text marks as optional ("Spanish a plus", "terminology helpful"): LABELING.md never counts one.</summary>
    [GeneratedRegex(@"\b(a plus|preferred|nice to have|an asset|desirable|desired)\b|\b(is|are|would be) helpful\b|\bhelpful\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex Optional();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
