using System.Text.RegularExpressions;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// A hand-labeled job description: the text is written with its answers inline, <c>⟦field|text⟧</c> (or
/// <c>⟦field=value|text⟧</c> when the expected value differs from the text, as for dates), and the competencies each
/// description calls for on <c>#! competencies[n]:</c> lines. Stripping the marks gives the text the parser sees.
/// </summary>
public sealed partial record LabeledFile(string Name, string Text, IReadOnlyList<LabeledDoc> Docs)
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Labeled");
    /// <summary>Written in batches after rounds of tuning on <see cref="Folder"/>, each measured once on first contact and then also tuned on (see LABELING.md).</summary>
    public static readonly string HeldOutFolder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "HeldOut");
    /// <summary>Written for training the learned line classifier of issue 18, in layouts the earlier sets lack (see LABELING.md).</summary>
    public static readonly string LayoutsFolder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Layouts");
    /// <summary>Issue 18's acceptance set: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string BlindFolder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind");
    /// <summary>Issue 18's second acceptance set, written 2026-12-04 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind2Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind2");
    /// <summary>Issue 18's third acceptance set, written 2026-12-05 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind3Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind3");
    /// <summary>Issue 18's fourth acceptance set, written 2026-12-05 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind4Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind4");
    /// <summary>Issue 18's fifth acceptance set, written 2026-12-06 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind5Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind5");
    /// <summary>Issue 18's sixth acceptance set, written 2026-12-06 by a helper the trainer never saw: measured once, trained on since a34dbae (see LABELING.md).</summary>
    public static readonly string Blind6Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind6");
    /// <summary>Issue 18's seventh acceptance set, written 2026-12-06 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind7Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind7");
    /// <summary>Issue 18's eighth acceptance set, written 2026-12-06 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind8Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind8");
    /// <summary>Issue 18's ninth acceptance set, written 2026-12-06 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind9Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind9");
    /// <summary>Issue 18's tenth acceptance set, written 2026-12-07 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind10Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind10");
    /// <summary>Issue 18's eleventh acceptance set, written 2026-12-07 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind11Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind11");
    /// <summary>Issue 18's twelfth acceptance set, written 2026-12-07 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind12Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind12");
    /// <summary>Issue 18's thirteenth acceptance set, written 2026-12-07 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind13Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind13");
    /// <summary>Issue 18's fourteenth acceptance set, written 2026-12-07 by a helper the trainer never saw: never trained on nor opened by whoever trains, measured once at the end (see LABELING.md).</summary>
    public static readonly string Blind14Folder = Path.Combine(AppContext.BaseDirectory, "JobDescriptions", "Blind14");

    public static IReadOnlyList<LabeledFile> All(string? folder = null) => [.. Directory.GetFiles(folder ?? Folder, "*.txt").Order(StringComparer.Ordinal).Select(Load)];

    public static LabeledFile Load(string path)
    {
        var source = File.ReadAllText(path).Replace("\r", "", StringComparison.Ordinal);
        var competencies = new Dictionary<int, string[]>();
        foreach (Match m in CompetencyLine().Matches(source))
            competencies[m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0] =
                [.. m.Groups["codes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        var body = string.Join('\n', source.Split('\n').Where(l => !l.StartsWith("#!", StringComparison.Ordinal)));
        var docs = new List<LabeledDoc>();
        foreach (Match m in Mark().Matches(body))
        {
            var field = m.Groups["field"].Value;
            if (field == "title" || docs.Count == 0) docs.Add(new(docs.Count, [], competencies.GetValueOrDefault(docs.Count) ?? []));
            docs[^1].Spans.Add((field, m.Groups["value"].Success ? m.Groups["value"].Value : m.Groups["text"].Value));
        }
        return new(Path.GetFileName(path), Mark().Replace(body, m => m.Groups["text"].Value), docs);
    }

    [GeneratedRegex(@"⟦(?<field>\w+)(?:=(?<value>[^|⟧]*))?\|(?<text>.*?)⟧", RegexOptions.Singleline)]
    private static partial Regex Mark();

    [GeneratedRegex(@"^#! competencies(?:\[(?<n>\d+)\])?:(?<codes>.*)$", RegexOptions.Multiline)]
    private static partial Regex CompetencyLine();
}

public sealed record LabeledDoc(int Index, List<(string Field, string Text)> Spans, IReadOnlyList<string> Competencies);
