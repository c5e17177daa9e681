using CareerMap.JobDescriptions;
using CareerMap.Sample;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>
/// The five patient-portal job descriptions of the shared seed file (read from ../shared/seeds when it is there; the
/// project never copies its sentences): each found, with its title, header fields, dates and sections.
/// </summary>
public sealed class SeedDescriptionsTests
{
    static string? SeedFile()
    {
        var roots = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var root in roots)
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "shared", "seeds");
                if (Directory.Exists(seeds) && Directory.GetFiles(seeds, "003_*.txt") is [var file, ..]) return file;
            }
        return Directory.Exists("/work/shared/seeds") && Directory.GetFiles("/work/shared/seeds", "003_*.txt") is [var fallback, ..] ? fallback : null;
    }

    [Fact]
    public void Each_of_the_five_descriptions_is_found_with_its_sections_header_and_dates()
    {
        if (SeedFile() is not { } path)
        {
            TestContext.Current.SendDiagnosticMessage("shared/seeds/003_*.txt is not on this machine; the labeled set still runs");
            return;
        }
        var result = JobDescriptionParser.Parse(File.ReadAllText(path), new CompetencyMatcher(RiverbendHealth.Build().Competencies), EnglishWords.Instance);
        Assert.Equal(["Patient Portal Manager", "Portal Project Manager", "Patient Portal Concierge", "Patient Portal Coordinator", "Patient Portal Coordinator"],
            result.Documents.Select(d => d.Title));
        Assert.Contains(result.Preamble, p => p.Contains("permission to share", StringComparison.Ordinal));

        var manager = result.Documents[0];
        Assert.Contains("Marketing and promotion", manager.Responsibilities.SelectMany(g => g.Items));
        Assert.Contains(manager.Responsibilities.SelectMany(g => g.Items), i => i.StartsWith("Staying abreast of regulatory rules", StringComparison.Ordinal));

        var project = result.Documents[1];
        Assert.Contains("combine technical expertise with business acumen", project.Summary);
        Assert.Contains("Develop project plans, as well as manage projects and resources.", project.Responsibilities.SelectMany(g => g.Items));
        Assert.Contains(project.KnowledgeSkillsAbilities, k => k.StartsWith("Sound judgment, relationship management", StringComparison.Ordinal));
        Assert.Contains(project.Qualifications, q => q.StartsWith("5+ years experience", StringComparison.Ordinal));
        Assert.Empty(project.Disclaimers);

        var concierge = result.Documents[2];
        Assert.Equal(["Assist Patient/ Proxy with Patient Portal enrollment process", "Assist Patient/ Proxy with Patient Portal initial login process",
            "Assist with the promotion, implementation and execution of Patient Engagement Events"], concierge.Responsibilities.SelectMany(g => g.Items));
        Assert.StartsWith("High School Diploma or Equivalent", Assert.Single(concierge.EducationAndExperience));
        Assert.Equal(5, concierge.KnowledgeSkillsAbilities.Count);

        var aphcv = result.Documents[3];
        Assert.Equal(("Non-Exempt", "2015-02-18"), (aphcv.Header.FlsaStatus, aphcv.Header.RevisedDate));
        Assert.Equal(["Patient Portal Enrollment", "Patient Portal Education", "Patient Portal Intern Recruitment", "Patient Portal Evaluation and Maintenance"],
            aphcv.Responsibilities.Select(g => g.Text));
        Assert.Equal(4, aphcv.Responsibilities[0].Items.Count);
        Assert.Equal(4, aphcv.PerformanceExpectations.Count);
        Assert.Contains("Fluent in Spanish", aphcv.DesirableQualifications);
        Assert.Equal(["Spanish"], aphcv.Languages);
        Assert.Contains(aphcv.PhysicalDemands, p => p.Text.Contains("lift up to 25", StringComparison.Ordinal));
        Assert.Contains(aphcv.Certifications, c => c.Contains("Driver", StringComparison.Ordinal));

        var coordinator = result.Documents[4];
        Assert.Equal(("General Services", "Chief Operations Officer", "None", "Non exempt", "2011-09-01"),
            (coordinator.Header.Department, coordinator.Header.ReportsTo, coordinator.Header.Supervises, coordinator.Header.FlsaStatus, coordinator.Header.ApprovedDate));
        Assert.Equal("Moderate", coordinator.Header.Other["IMPACT OF ERROR"]);
        Assert.StartsWith("The primary function of the Patient Portal Coordinator", coordinator.Summary);
        Assert.Equal(["Patient Scheduling and Registration", "Reporting and Analysis", "Training and Process Development", "Other Duties", "General Agency Duties", "Customer Service", "PERSONAL/BEHAVIOR"],
            coordinator.Responsibilities.Select(g => g.Text));
        Assert.Equal("High school diploma required or equivalent", coordinator.EducationAndExperience[0]);
        Assert.Equal(19, coordinator.PhysicalDemands.Count);
        Assert.Contains(coordinator.PhysicalDemands, p => p.Text.StartsWith("SITTING", StringComparison.Ordinal) && p.Percent == 90);
        Assert.Contains(coordinator.PhysicalDemands, p => p.Text.StartsWith("HANDLING", StringComparison.Ordinal) && p.Percent == 100);
        Assert.Contains(coordinator.Warnings, w => w.Contains("'REVISED' is empty", StringComparison.Ordinal));
        Assert.Contains(coordinator.Competencies, c => c.Code == "PORTAL" && c.Evidence.Count > 0 && c.MatchedWords.Count > 0);
        Assert.All(result.Documents, d => Assert.Contains(d.Competencies, c => c.Code == "PORTAL"));
    }
}
