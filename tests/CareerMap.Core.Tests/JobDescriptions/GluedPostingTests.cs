using CareerMap.JobDescriptions;
using CareerMap.Sample;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// A posting copied off a job board and pasted as one paragraph: no title line, no line breaks, the list items glued
/// together where the bullets were. The learned reader (issue 18) gives it a title, its duties one by one and keeps
/// the employer's blurb and the pay out of the duties.
/// </summary>
public sealed class GluedPostingTests
{
    const string Posting =
        "Claims Research Specialist – Lakeshore Health Plan – Remote (Illinois) About Us: Lakeshore Health Plan has served families on the " +
        "south shore for thirty years and was named a top workplace three years running. About the role: You will dig into member and provider " +
        "claim questions that the front line could not settle and make sure every answer is right the first time. What you'll do:" +
        "Pull claim history and remittance detail for each escalated case" +
        "Compare the claim against the member's benefits and the provider contract" +
        "Find where a claim was priced or denied wrongly and send it back for adjustment" +
        "Call providers' billing offices to get missing codes or records" +
        "Write short case notes that another researcher can pick up" +
        "Close each case within five business days" +
        "Spot patterns in repeat errors and report them to the claims trainers" +
        "Answer questions from member services representatives in the team chat" +
        "Keep member health information private in every call and note" +
        "Cover the research queue for teammates on leave" +
        "Explain outcomes to members in a follow-up letter in plain words" +
        "Requirements:Two years of medical claims, billing or coding experience" +
        "Working knowledge of CPT and ICD-10 codes" +
        "Comfort with Excel filters and lookups " +
        "Pay: $23.50 to $27.00 an hour. Benefits: medical, dental, 401(k) match and tuition help. " +
        "Lakeshore Health Plan is an equal opportunity employer.";

    [Fact]
    public void A_posting_pasted_as_one_paragraph_comes_back_with_a_title_and_its_duties_one_by_one()
    {
        var jd = Assert.Single(JobDescriptionParser.Parse(Posting, new CompetencyMatcher(RiverbendHealth.Build().Competencies), EnglishWords.Instance).Documents);
        Assert.NotNull(LineModel.Shipped);
        Assert.Equal("Claims Research Specialist", jd.Title);
        var duties = jd.Responsibilities.SelectMany(g => g.Items).ToList();
        Assert.True(duties.Count >= 10, string.Join("\n", duties));
        Assert.Contains("Close each case within five business days", duties);
        Assert.DoesNotContain(duties, d => d.Contains("top workplace", StringComparison.Ordinal) || d.Contains('$', StringComparison.Ordinal)
            || d.Contains("equal opportunity", StringComparison.Ordinal) || d.Contains("CPT", StringComparison.Ordinal));
        Assert.Contains(jd.Qualifications.Concat(jd.EducationAndExperience).Concat(jd.KnowledgeSkillsAbilities), q => q.Contains("CPT", StringComparison.Ordinal));
    }
}
