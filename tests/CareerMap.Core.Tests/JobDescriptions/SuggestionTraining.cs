using CareerMap.JobDescriptions;
using CareerMap.Sample;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// Training material for the <see cref="SuggestionModel"/>: each labeled description is read (by the reader given), and
/// each framework competency's features in it are an example, positive when the description's labels call for it. The
/// exemplar feature of a training description counts its nearest other training descriptions, never itself.
/// </summary>
static class SuggestionTraining
{
    /// <summary>
    /// Features only (the model it carries is never asked for a probability): with the sample's curated cues for the model
    /// with exemplars, without them for the plain one, which serves frameworks nobody wrote cues for.
    /// </summary>
    public static CompetencyMatcher Featurer(bool exemplars) => exemplars ? WithCues.Value : WithoutCues.Value;

    static readonly SuggestionModel Unused = new(new float[SuggestionModel.FeatureNames.Length], 0, 1);
    static readonly Lazy<CompetencyMatcher> WithCues = new(() => Matcher(CompetencyCues.Riverbend, Unused));
    static readonly Lazy<CompetencyMatcher> WithoutCues = new(() => Matcher(CompetencyCues.None, Unused));

    public static CompetencyMatcher Matcher(CompetencyCues cues, SuggestionModel model) =>
        new(RiverbendHealth.Build().Competencies, cues, MiniLmEmbedder.Shared, model);


    public sealed record Doc(string Set, string File, int Index, float[] Meaning, IReadOnlyList<string> Codes, IReadOnlyList<(string Code, float[] Features)> Competencies);

    /// <summary>Every labeled description of <paramref name="files"/> that the reader finds, with its features.</summary>
    public static List<Doc> Docs(string set, IEnumerable<LabeledFile> files, Func<string, JdParseResult> read, bool exemplars)
    {
        var docs = new List<Doc>();
        foreach (var file in files)
        {
            var parsed = read(file.Text).Documents;
            foreach (var doc in file.Docs.Where(d => d.Index < parsed.Count))
            {
                var (meaning, competencies) = Featurer(exemplars).Features(parsed[doc.Index]);
                docs.Add(new(set, file.Name, doc.Index, meaning, doc.Competencies, competencies));
            }
        }
        return docs;
    }

    static IEnumerable<(float[] Features, bool Called)> Rows(Doc doc, IReadOnlyList<Exemplar> exemplars)
    {
        // A training description is among the exemplars: it never votes for itself.
        var shares = exemplars.Count == 0 || doc.Meaning.Length == 0 ? [] : SuggestionModel.Shares(doc.Meaning, exemplars.Where(e => !ReferenceEquals(e.Meaning, doc.Meaning)));
        return doc.Competencies.Select(c => ((float[])[.. c.Features[..^1], shares.GetValueOrDefault(c.Code)], doc.Codes.Contains(c.Code)));
    }

    sealed class Row
    {
        public bool Label { get; set; }
        [VectorType(10)] public float[] Features { get; set; } = [];
    }

    /// <summary>A logistic regression over the descriptions' competencies, with the threshold and the most per description that give them the best F1.</summary>
    public static SuggestionModel Train(IReadOnlyList<Doc> docs, bool withExemplars)
    {
        IReadOnlyList<Exemplar> exemplars = withExemplars ? [.. docs.Where(d => d.Meaning.Length > 0).Select(d => new Exemplar(d.Meaning, [.. d.Codes]))] : [];
        var ml = new MLContext(seed: 1);
        // Listed once: the trainer passes over the rows many times, and each pass would find every description's neighbours again.
        var data = ml.Data.LoadFromEnumerable(docs.SelectMany(d => Rows(d, exemplars)).Select(r => new Row { Label = r.Called, Features = r.Features }).ToList());
        var trained = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { NumberOfThreads = 1, L1Regularization = 0f, L2Regularization = 0.1f }).Fit(data);
        var linear = trained.Model.SubModel;
        var model = new SuggestionModel([.. linear.Weights.Select(w => MathF.Round(w, 4))], MathF.Round(linear.Bias, 4), 0.5f) { Exemplars = exemplars };
        // The probabilities do not depend on the threshold or the most: scored once, the grid only counts.
        var scored = Scored(docs, model);
        var best = (F1: -1.0, Threshold: 0.5f, Most: 8);
        foreach (var most in new[] { 6, 8, 10, 12 })
            for (var t = 0.15f; t < 0.85f; t += 0.025f)
            {
                var f1 = F1(scored, t, most);
                if (f1 > best.F1 + 1e-9) best = (f1, t, most);
            }
        return model with { Threshold = MathF.Round(best.Threshold, 3), Most = best.Most };
    }

    /// <summary>Each description's competencies with the model's probability, likeliest first, and how many its labels call for.</summary>
    static List<(List<(bool Called, double P)> Ranked, int CalledFor)> Scored(IEnumerable<Doc> docs, SuggestionModel model) =>
        [.. docs.Select(doc => (Rows(doc, model.Exemplars).Select(r => (r.Called, P: model.Probability(r.Features))).OrderByDescending(x => x.P).ToList(), doc.Codes.Count))];

    /// <summary>Micro F1 of the competencies suggested at this threshold, at most this many per description.</summary>
    static double F1(List<(List<(bool Called, double P)> Ranked, int CalledFor)> scored, float threshold, int most)
    {
        double hit = 0, predicted = 0, expected = 0;
        foreach (var (ranked, calledFor) in scored)
        {
            var picks = ranked.TakeWhile(x => x.P >= threshold).Take(most).ToList();
            predicted += picks.Count;
            hit += picks.Count(x => x.Called);
            expected += calledFor;
        }
        return hit == 0 ? 0 : 2 * hit / (predicted + expected);
    }
}
