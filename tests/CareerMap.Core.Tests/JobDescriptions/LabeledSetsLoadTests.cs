using System.Text.RegularExpressions;
using CareerMap.Sample;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// Every labeled set loads as <see cref="LabeledFile"/> reads it: the marks balance (none is left in the text a parser sees),
/// each mark names a known field, each description opens with its title mark (unless the file says <c>#! title: none</c>,
/// see LABELING.md) and lists at least one framework competency. Loads the files only; runs no parser.
/// </summary>
public sealed partial class LabeledSetsLoadTests
{
    static readonly HashSet<string> Fields =
    [
        "title", "flsa", "reportsTo", "supervises", "department", "jobLevel", "effectiveDate", "revisedDate", "approvedDate",
        "sum", "resp", "edu", "qual", "ksa", "des", "perf", "env", "phys", "disc",
    ];

    static readonly HashSet<string> Codes = [.. RiverbendHealth.Build().Competencies.Select(c => c.Code)];

    public static TheoryData<string> Sets => new("Labeled", "HeldOut", "Test", "Test2", "Test3", "Test4", "Test5", "Layouts", "Blind", "Blind2", "Blind3", "Blind4", "Blind5", "Blind6", "Blind7", "Blind8", "Blind9", "Blind10", "Blind11", "Blind12", "Blind13", "Blind14");

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_file_loads_with_balanced_marks_a_title_and_competencies(string set)
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "JobDescriptions", set), "*.txt");
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var source = File.ReadAllText(path).Replace("\r", "", StringComparison.Ordinal);
            var file = LabeledFile.Load(path);
            var name = file.Name;
            Assert.False(file.Text.Contains('⟦', StringComparison.Ordinal) || file.Text.Contains('⟧', StringComparison.Ordinal), $"{set}/{name}: a mark is left unbalanced");
            Assert.NotEmpty(file.Docs);
            var noTitle = source.Split('\n').Any(l => l.StartsWith("#! title: none", StringComparison.Ordinal));
            if (noTitle) Assert.Single(file.Docs);
            foreach (var doc in file.Docs)
            {
                var where = $"{set}/{name}#{doc.Index}";
                Assert.All(doc.Spans, s => Assert.True(Fields.Contains(s.Field), $"{where}: unknown field '{s.Field}'"));
                Assert.All(doc.Spans, s => Assert.False(s.Text.Contains('⟦', StringComparison.Ordinal) || s.Text.Contains("\n\n", StringComparison.Ordinal), $"{where}: {s.Field} mark not closed where it should be: '{s.Text}'"));
                Assert.All(doc.Spans, s => Assert.False(string.IsNullOrWhiteSpace(s.Text), $"{where}: empty {s.Field} mark"));
                if (noTitle) Assert.DoesNotContain(doc.Spans, s => s.Field == "title");
                else Assert.True(doc.Spans[0].Field == "title", $"{where}: the first mark of a description must be its title (found {doc.Spans[0].Field})");
                Assert.True(doc.Competencies.Count > 0, $"{where}: no '#! competencies' line");
                Assert.All(doc.Competencies, c => Assert.True(Codes.Contains(c), $"{where}: '{c}' is not a framework competency"));
                Assert.Equal(doc.Competencies.Count, doc.Competencies.Distinct().Count());
                foreach (var (field, text) in doc.Spans.Where(s => s.Field.EndsWith("Date", StringComparison.Ordinal)))
                    Assert.True(IsoDate().IsMatch(text), $"{where}: {field} '{text}' is not an ISO date");
            }
            foreach (Match m in CompetencyIndex().Matches(source))
                Assert.True(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < file.Docs.Count, $"{set}/{name}: {m.Value} names a description the file does not have");
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^#! competencies\[(\d+)\]:", RegexOptions.Multiline)]
    private static partial Regex CompetencyIndex();
}
