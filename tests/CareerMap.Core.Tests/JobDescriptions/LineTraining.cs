using System.Text;
using System.Text.RegularExpressions;
using CareerMap.JobDescriptions;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// Training material for the learned reader, from the labeled sets' marks: every piece of a description gets the field most
/// of its characters are marked with. An unmarked short piece right before pieces of a section is that section's heading
/// (the labeling guide leaves headings unmarked); any other unmarked piece is none (pay, benefits, page furniture, blurbs).
/// The newest acceptance set (Blind14/, measured once at the end of its session) is never among <see cref="Sets"/>; the thirteen measured once before it are.
/// </summary>
static partial class LineTraining
{
    public static readonly string[] Sets = ["Labeled", "HeldOut", "Test", "Test2", "Test3", "Test4", "Test5", "Layouts", "Blind", "Blind2", "Blind3", "Blind4", "Blind5", "Blind6", "Blind7", "Blind8", "Blind9", "Blind10", "Blind11", "Blind12", "Blind13"];

    public static string Folder(string set) => Path.Combine(AppContext.BaseDirectory, "JobDescriptions", set);

    /// <summary>Where a model shipped in Core lives in the repository (<c>src/CareerMap.Core/JobDescriptions/</c>), to write a rebuild over it.</summary>
    public static string ShippedPath(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerMap.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "CareerMap.Core", "JobDescriptions", file);
    }

    /// <summary>A labeled file's text as the reader sees it, with the field each character is marked with (null where unmarked).</summary>
    public sealed record Marked(string Name, string Text, string?[] Labels);

    public static Marked Load(string path)
    {
        var source = File.ReadAllText(path).Replace("\r", "", StringComparison.Ordinal);
        var body = string.Join('\n', source.Split('\n').Where(l => !l.StartsWith("#!", StringComparison.Ordinal)));
        var text = new StringBuilder();
        var labels = new List<string?>();
        var at = 0;
        foreach (Match m in Mark().Matches(body))
        {
            text.Append(body, at, m.Index - at);
            labels.AddRange(Enumerable.Repeat<string?>(null, m.Index - at));
            var inner = m.Groups["text"].Value;
            text.Append(inner);
            labels.AddRange(Enumerable.Repeat<string?>(m.Groups["field"].Value, inner.Length));
            at = m.Index + m.Length;
        }
        text.Append(body, at, body.Length - at);
        labels.AddRange(Enumerable.Repeat<string?>(null, body.Length - at));
        return new(Path.GetFileName(path), text.ToString(), [.. labels]);
    }

    public static IEnumerable<Marked> LoadSet(string set)
    {
        Assert.DoesNotContain(set, new[] { "Blind14" });
        return Directory.GetFiles(Folder(set), "*.txt").Order(StringComparer.Ordinal).Select(Load);
    }

    /// <summary>What each piece is, from the marks.</summary>
    public static List<string> LabelsOf(Marked file, List<Segment> segments)
    {
        var marked = segments.Select(s =>
        {
            var counts = new Dictionary<string, int>();
            var chars = 0;
            for (var i = s.Start; i < s.End; i++)
            {
                if (char.IsWhiteSpace(file.Text[i])) continue;
                chars++;
                if (file.Labels[i] is { } l) counts[l] = counts.GetValueOrDefault(l) + 1;
            }
            var labeled = counts.Values.Sum();
            if (labeled == 0) return null;
            var field = counts.MaxBy(c => c.Value).Key;
            // A header field's value is often shorter than its label ("Grade: 105"): any marked value makes the piece that field.
            return labeled >= chars * 0.3 || field == LineModel.Title || LineModel.HeaderFields.Contains(field) ? field : null;
        }).ToList();
        var repeated = segments.GroupBy(s => Vocabulary.Fold(s.Text)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var labels = new List<string>(segments.Count);
        for (var i = 0; i < segments.Count; i++)
        {
            if (marked[i] is { } field) { labels.Add(field); continue; }
            bool Heading(int at) => at < segments.Count && marked[at] is null && JobDescriptionLines.WordCount(segments[at].Text) <= 10
                && !repeated.Contains(Vocabulary.Fold(segments[at].Text)) && segments[at].Marker is not Marker.Bullet;
            // A heading over a sub-heading ("Qualifications" over "Required:") opens the same section as the sub-heading.
            var next = i + 1 < segments.Count ? marked[i + 1] : null;
            if (next is null && Vocabulary.Heading(segments[i].Text.TrimEnd(':', ' ')) is not null && Heading(i + 1) && JobDescriptionLines.WordCount(segments[i + 1].Text) <= 5 && i + 2 < segments.Count) next = marked[i + 2];
            labels.Add(Heading(i) && next is not null && LineModel.Sections.Contains(next) ? LineModel.HeadingPrefix + next : LineModel.None);
        }
        return labels;
    }

    /// <summary>The phrases the training files use as headings and field labels, from pieces that stand alone on their line.</summary>
    public static JdLexicon Lexicon(IReadOnlyList<Marked> files)
    {
        HashSet<string> headings = [], keys = [];
        foreach (var file in files)
        {
            var segments = JdSegments.Read(file.Text, JdLexicon.Empty);
            var labels = LabelsOf(file, segments);
            for (var i = 0; i < segments.Count; i++)
            {
                var s = segments[i];
                if (s.Glued) continue;
                if (labels[i].StartsWith(LineModel.HeadingPrefix, StringComparison.Ordinal) && Vocabulary.Fold(s.Text) is { Length: > 0 } h) headings.Add(h);
                else if ((LineModel.HeaderFields.Contains(labels[i]) || labels[i] == LineModel.Title) && LineModel.KeyOf(s.Text) is { } key && Vocabulary.Fold(key) is { Length: > 0 } k) keys.Add(k);
            }
        }
        return new(headings, keys);
    }

    /// <summary>A training example: a description's pieces and what each is.</summary>
    public sealed record Example(List<Segment> Segments, IReadOnlyList<string> Labels);

    public static Example ExampleOf(Marked file, JdLexicon lexicon)
    {
        var segments = JdSegments.Read(file.Text, lexicon);
        return new(segments, LabelsOf(file, segments));
    }

    public static LineModel Train(IEnumerable<string> sets) => Fit(sets).Model;

    /// <summary>The model the sets train, and ML.NET's own pipeline it was read from (to check the two read alike).</summary>
    public static (LineModel Model, ITransformer Pipeline, IDataView Rows) Fit(IEnumerable<string> sets)
    {
        var files = sets.SelectMany(LoadSet).ToList();
        var lexicon = Lexicon(files);
        var examples = files.Select(f => ExampleOf(f, lexicon)).ToList();
        var ml = new MLContext(seed: 1);
        var rows = ml.Data.LoadFromEnumerable(examples.SelectMany(e => LineModel.Describe(e.Segments).Select((t, i) => new Row { Tokens = t, Label = e.Labels[i] })).ToList());
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", nameof(Row.Tokens), [' ']))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("Features", "WordKeys", ngramLength: 1, useAllLengths: false, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            // The trainer passes over the rows a few hundred times: featurized once, not on every pass.
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = 0.05f,
                L2Regularization = 0.5f,
                OptimizationTolerance = 1e-5f,
                MaximumNumberOfIterations = 300,
                NumberOfThreads = 1,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(rows);
        var schema = pipeline.GetOutputSchema(rows.Schema);
        var maxent = pipeline.OfType<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>().Single().Model;
        VBuffer<float>[] perClass = [];
        maxent.GetWeights(ref perClass, out var count);
        VBuffer<ReadOnlyMemory<char>> tokens = default, classes = default;
        schema["Features"].GetSlotNames(ref tokens);
        schema["Score"].GetSlotNames(ref classes);
        var names = tokens.DenseValues().Select(t => t.ToString()).ToArray();
        var weights = new Dictionary<string, List<(int Class, float Weight)>>(StringComparer.Ordinal);
        for (var c = 0; c < count; c++)
            foreach (var (slot, weight) in perClass[c].Items())
                if (weight != 0) (weights.TryGetValue(names[slot], out var list) ? list : weights[names[slot]] = []).Add((c, weight));
        var model = new LineModel([.. classes.DenseValues().Select(c => c.ToString())], [.. maxent.GetBiases()],
            weights.ToDictionary(w => w.Key, w => w.Value.ToArray(), StringComparer.Ordinal), lexicon);
        return (model, pipeline, rows);
    }

    public sealed class Row
    {
        public string Tokens { get; set; } = "";
        public string Label { get; set; } = "";
    }

    public sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    [GeneratedRegex(@"⟦(?<field>\w+)(?:=(?<value>[^|⟧]*))?\|(?<text>.*?)⟧", RegexOptions.Singleline)]
    private static partial Regex Mark();
}
