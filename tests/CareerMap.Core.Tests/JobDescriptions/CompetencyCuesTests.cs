using CareerMap.JobDescriptions;
using CareerMap.Sample;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>What the curated cues change in the suggestions HR sees, with the phrase that made each one.</summary>
public sealed class CompetencyCuesTests
{
    static readonly CompetencyMatcher Matcher = new(RiverbendHealth.Build().Competencies);

    static IReadOnlyList<CompetencyMatch> Suggest(string text) =>
        Assert.Single(JobDescriptionParser.Parse(text, Matcher, EnglishWords.Instance).Documents).Competencies;

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

    [Fact]
    public void A_competency_the_guide_defines_by_what_a_line_says_needs_a_line_that_says_it()
    {
        static IReadOnlyList<CompetencyMatch> Duties(params string[] duties) =>
            Suggest("Portal Support Specialist\n\nDuties\n" + string.Join('\n', duties.Select(d => "- " + d)));
        // A software release is not a release of information; a release of records is.
        Assert.DoesNotContain(Duties("Test new portal releases and release configuration changes before go-live."), c => c.Code == "ROI");
        Assert.Contains(Duties("Release copies of medical records once each valid authorization is checked."), c => c.Code == "ROI");
        // A quality goal the person is held to is Results, not Quality and Compliance; auditing others' work is.
        var held = Duties("Meet daily productivity and quality goals.", "Handle 45 calls a day while meeting quality goals.");
        Assert.Contains(held, c => c.Code == "RESULTS");
        Assert.DoesNotContain(held, c => c.Code == "QUALITY");
        Assert.Contains(Duties("Audit a sample of each specialist's work every month for accuracy and compliance."), c => c.Code == "QUALITY");
        // Work with colleagues said outright counts even beside a stronger competency on the same line.
        Assert.Contains(Duties("Meet with operations leaders to understand what they need and present findings in plain language."),
            c => c.Code == "TEAM" && c.MatchedWords.Contains("with operations"));
        // "Support Specialist" is a title, not help given to colleagues.
        Assert.DoesNotContain(Duties("Reset patient passwords and unlock portal accounts."), c => c.Code == "TEAM");
    }
}
