using CareerMap.JobDescriptions;
using CareerMap.Sample;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>What the curated cues change in the suggestions HR sees, with the phrase that made each one.</summary>
public sealed class CompetencyCuesTests
{
    static readonly CompetencyMatcher Matcher = new(RiverbendHealth.Build().Competencies);

    static IReadOnlyList<CompetencyMatch> Suggest(string text) =>
        Assert.Single(JobDescriptionParser.Parse(text, Matcher).Documents).Competencies;

    [Fact]
    public void Work_with_colleagues_and_training_others_are_suggested_with_the_phrase_that_says_so()
    {
        var suggested = Suggest("""
            Release of Information Clerk II

            Responsibilities
            - Review subpoenas with the supervisor or legal counsel before releasing anything.
            - Train new clerks on the request queue during their first month.
            """);
        Assert.Contains(suggested, c => c.Code == "TEAM" && c.MatchedWords.Contains("with the supervisor"));
        Assert.Contains(suggested, c => c.Code == "COACH" && c.MatchedWords.Contains("Train new clerks"));
    }

    [Fact]
    public void Customer_focus_needs_a_line_that_serves_people_and_an_optional_requirement_suggests_nothing()
    {
        static string Posting(string duty) => $"""
            Reporting Analyst

            Duties
            - {duty}

            Qualifications
            - Bilingual Spanish a plus.
            """;
        Assert.DoesNotContain(Suggest(Posting("Build dashboards for call volume and member satisfaction.")), c => c.Code == "CUSTOMER");
        Assert.Contains(Suggest(Posting("Answer member questions about their benefits and help callers find a doctor.")), c => c.Code == "CUSTOMER");
        Assert.DoesNotContain(Suggest(Posting("Build dashboards for call volume.")), c => c.Code == "BILING");
    }
}
