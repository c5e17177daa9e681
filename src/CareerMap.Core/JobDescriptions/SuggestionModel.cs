using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerMap.JobDescriptions;

/// <summary>A description HR (or the labeling guide) has tied to competencies: the mean meaning of its lines, and its competency codes.</summary>
public sealed record Exemplar(float[] Meaning, string[] Codes);

/// <summary>
/// Weighs what <see cref="CompetencyMatcher"/> knows of a competency in a description into the probability that the
/// description calls for it: its lexical score and picks, how close the description's lines come in meaning to the
/// competency's own texts, and, with <see cref="Exemplars"/>, how many of the descriptions nearest in meaning call for
/// it. A logistic regression trained on the labeled descriptions, with the threshold and the most per description that
/// gave the best F1 there. Only
/// the exemplar feature knows which competency it is, so the model without exemplars serves any organization's framework.
/// Trained by <c>SuggestionModelTests</c>; <see cref="Shipped"/> is the pair trained on every labeled set, shipped inside Core.
/// </summary>
public sealed partial record SuggestionModel(float[] Weights, float Bias, float Threshold)
{
    /// <summary>The features, in order (see <c>CompetencyMatcher.Weigh</c>).</summary>
    public static readonly string[] FeatureNames =
    [
        "lexical score (log)", "lexical pick", "lexical lines", "closest line", "three closest lines", "among a line's two closest", "core",
        "core × closest line", "core × lexical score", "share of the nearest exemplars",
    ];

    /// <summary>Descriptions whose competencies the exemplar feature counts; empty for the model that serves any framework.</summary>
    public IReadOnlyList<Exemplar> Exemplars { get; init; } = [];

    /// <summary>The most competencies one description is suggested, learned with the threshold (labeled descriptions call for 6 to 9 on average).</summary>
    public int Most { get; init; } = 8;

    /// <summary>How many nearest exemplars vote.</summary>
    public const int Neighbours = 7;

    public double Probability(float[] features)
    {
        var z = (double)Bias;
        for (var i = 0; i < Weights.Length; i++) z += Weights[i] * features[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>For each code, the share of the <see cref="Neighbours"/> exemplars nearest to <paramref name="meaning"/> that call for it.</summary>
    public static Dictionary<string, float> Shares(float[] meaning, IEnumerable<Exemplar> exemplars)
    {
        var near = exemplars.Select(e => (e, Closeness: Dot(e.Meaning, meaning))).OrderByDescending(x => x.Closeness).Take(Neighbours).ToList();
        return near.SelectMany(n => n.e.Codes).GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / (float)Neighbours, StringComparer.Ordinal);
    }

    internal static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The two shipped models: with the labeled sets as exemplars (for a framework whose codes they use), and without.</summary>
    public sealed record Pair(SuggestionModel Plain, SuggestionModel WithExemplars);

    const string ResourceName = "CareerMap.JobDescriptions.suggestion-model.json";


    static readonly Lazy<Pair?> shipped = new(() =>
    {
        using var stream = typeof(SuggestionModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    });

    /// <summary>The models trained on every labeled set; null when the build carries none (the lexical matcher decides then).</summary>
    public static Pair? Shipped => shipped.Value;

    /// <summary>Starts loading the shipped models in the background.</summary>
    public static void Warm() => Background.Load(shipped);

    /// <summary>The shipped model for a framework: with exemplars when they speak of most of its competencies.</summary>
    public static SuggestionModel? For(IReadOnlyCollection<string> codes)
    {
        if (Shipped is not { } pair) return null;
        var known = pair.WithExemplars.Exemplars.SelectMany(e => e.Codes).ToHashSet(StringComparer.Ordinal);
        return codes.Count > 0 && codes.Count(known.Contains) * 2 >= codes.Count ? pair.WithExemplars : pair.Plain;
    }

    public static Pair Load(Stream stream) =>
        JsonSerializer.Deserialize(stream, PairJson.Default.Pair) is { } p && p.Plain.Weights.Length == FeatureNames.Length && p.WithExemplars.Weights.Length == FeatureNames.Length
            ? p : throw new InvalidDataException($"a suggestion model needs {FeatureNames.Length} weights");

    public static void Save(Pair pair, Stream stream) => JsonSerializer.Serialize(stream, pair, PairJson.Default.Pair);

    // Generated at compile time: read by reflection, the file took a cold `careermap jd parse` 85 ms.
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(Pair))]
    sealed partial class PairJson : JsonSerializerContext;
}
