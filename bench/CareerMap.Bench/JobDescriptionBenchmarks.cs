using System.Text;
using BenchmarkDotNet.Attributes;
using CareerMap.JobDescriptions;
using CareerMap.Sample;

namespace CareerMap.Bench;

/// <summary>
/// Parsing a typical two-page job description (about 6,000 characters: a header, a summary, 30 duties,
/// requirements, skills and physical demands) including competency matching, the job-description issue's target
/// being 200 a second on this machine; issue 18's learned reader with its suggestions (the default) targets 5 a second on 2 cores. The baseline reads the same text with a plain split into lines, the least
/// any reader must do.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class JobDescriptionBenchmarks
{
    string twoPages = "";
    CompetencyMatcher matcher = null!, suggesting = null!;
    int call;

    [GlobalSetup]
    public void Setup()
    {
        matcher = new CompetencyMatcher(RiverbendHealth.Build().Competencies);
        _ = MiniLmEmbedder.Shared ?? throw new InvalidOperationException("the sentence model cannot run here");
        suggesting = CompetencyMatcher.Suggesting(RiverbendHealth.Build().Competencies);
        var duties = new[]
        {
            "Answer inbound member calls about prescriptions, coverage and orders and resolve them on first contact.",
            "Explain eligibility, enrollment dates and plan coverage in plain language.",
            "Research claim status and explain denied claims and member cost share.",
            "Calm upset members and escalate complaints to a supervisor when policy requires.",
            "Document every contact accurately in the member record.",
            "Protect member privacy and follow HIPAA rules on every call.",
        };
        var sb = new StringBuilder();
        sb.AppendLine("MEMBER SERVICES REPRESENTATIVE II").AppendLine();
        sb.AppendLine("Department: Member Services").AppendLine("Reports To: Supervisor, Member Services").AppendLine("FLSA Status: Non-Exempt").AppendLine("Effective Date: 07/01/2024").AppendLine();
        sb.AppendLine("JOB SUMMARY").AppendLine("The representative is the first voice members hear when they call about their health plan, and resolves each call").AppendLine("accurately on first contact, in line with quality and privacy standards.").AppendLine();
        sb.AppendLine("ESSENTIAL DUTIES AND RESPONSIBILITIES:");
        for (var i = 0; i < 30; i++) sb.Append("• ").AppendLine(duties[i % duties.Length]);
        sb.AppendLine().AppendLine("QUALIFICATIONS:");
        for (var i = 0; i < 8; i++) sb.AppendLine("- One year of customer service experience, preferably in a contact center, with strong typing skills.");
        sb.AppendLine().AppendLine("KNOWLEDGE, SKILLS AND ABILITIES:");
        for (var i = 0; i < 8; i++) sb.AppendLine("- Clear verbal and written communication and a courteous manner with difficult callers.");
        sb.AppendLine().AppendLine("PHYSICAL DEMANDS");
        for (var i = 0; i < 6; i++) sb.AppendLine("SITTING: Up to 90% of the workday may be spent sitting answering the telephone.");
        sb.AppendLine().AppendLine("This job description is not intended to be an exhaustive list of all duties.");
        twoPages = sb.ToString();
    }

    [Benchmark(Baseline = true)]
    public int SplitLines() => twoPages.Split('\n').Count(l => l.Trim().Length > 0);

    [Benchmark]
    public int ParseTwoPages() => JobDescriptionParser.Parse(twoPages, matcher, EnglishWords.Instance).Documents[0].Competencies.Count;

    /// <summary>The lexical reader (the fallback when no model ships), for comparison with the learned one above.</summary>
    [Benchmark]
    public int ParseLexicalTwoPages() => JobDescriptionParser.ParseLexical(twoPages, matcher, EnglishWords.Instance).Documents[0].Competencies.Count;

    /// <summary>
    /// With the suggestions the product makes (sentence embeddings of every line, the suggestion model). Each call reads a
    /// description none of whose lines were embedded before (every sentence carries the call's number), as a new upload would.
    /// </summary>
    [Benchmark]
    public int ParseTwoPagesWithSuggestions()
    {
        var n = ++call;
        var fresh = string.Join('\n', twoPages.Split('\n').Select((l, i) => l.EndsWith('.') ? $"{l[..^1]} (item {n}-{i})." : l));
        return JobDescriptionParser.Parse(fresh, suggesting, EnglishWords.Instance).Documents[0].Competencies.Count;
    }

    [Benchmark]
    public int ParseWithoutMatching() => JobDescriptionParser.Parse(twoPages, null, EnglishWords.Instance).Documents[0].Responsibilities[0].Items.Count;
}
