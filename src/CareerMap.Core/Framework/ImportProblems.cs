using System.Collections;
using System.Globalization;

namespace CareerMap.Framework;

/// <summary>
/// The problems of one import, capped: the first <see cref="Shown"/> are kept and the rest only counted, then named in one
/// closing line ("and 12,345 more problems"), so a file of junk answers with a short list instead of hundreds of megabytes.
/// </summary>
public sealed class ImportProblems : IReadOnlyList<ImportProblem>
{
    public const int Shown = 100;
    readonly List<ImportProblem> kept = [];

    public ImportProblems() { }

    public ImportProblems(IEnumerable<ImportProblem>? problems) => AddRange(problems ?? []);

    /// <summary>How many problems were found, shown or not.</summary>
    public int Total { get; private set; }

    public int More => Total - kept.Count;

    public void Add(ImportProblem problem)
    {
        Total++;
        if (kept.Count < Shown) kept.Add(problem);
    }

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        if (problems is ImportProblems capped)
        {
            foreach (var p in capped.kept) Add(p);
            Total += capped.More;
            return;
        }
        foreach (var p in problems) Add(p);
    }

    public int Count => kept.Count + (More > 0 ? 1 : 0);

    public ImportProblem this[int index] => index < kept.Count ? kept[index] : index == kept.Count && More > 0 ? Closing : throw new ArgumentOutOfRangeException(nameof(index));

    ImportProblem Closing => new("…", $"and {More.ToString("N0", CultureInfo.InvariantCulture)} more problem{(More == 1 ? "" : "s")}");

    public IEnumerator<ImportProblem> GetEnumerator()
    {
        foreach (var p in kept) yield return p;
        if (More > 0) yield return Closing;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
