namespace CareerMap.JobDescriptions;

/// <summary>Header fields of a job description; dates as ISO yyyy-MM-dd where the source gave a date.</summary>
public sealed record JdHeader(string? FlsaStatus, string? ReportsTo, string? Supervises, string? Department, string? JobLevel,
    string? EffectiveDate, string? RevisedDate, string? ApprovedDate, IReadOnlyDictionary<string, string> Other);

/// <summary>A group of duties: a flat list is one group without text.</summary>
public sealed record JdGroup(string? Text, IReadOnlyList<string> Items);

public sealed record PhysicalDemand(string Text, int? Percent);

/// <summary>A framework competency the text calls for, the level its wording implies, the lines that say so and the words that matched.</summary>
public sealed record CompetencyMatch(string Code, string Name, int Level, double Confidence, IReadOnlyList<string> Evidence, IReadOnlyList<string> MatchedWords);

public sealed record ParsedJobDescription(
    string? Title,
    JdHeader Header,
    string? Summary,
    IReadOnlyList<JdGroup> Responsibilities,
    IReadOnlyList<string> EducationAndExperience,
    IReadOnlyList<string> Qualifications,
    IReadOnlyList<string> KnowledgeSkillsAbilities,
    IReadOnlyList<string> DesirableQualifications,
    IReadOnlyList<string> PerformanceExpectations,
    IReadOnlyList<string> WorkEnvironment,
    IReadOnlyList<PhysicalDemand> PhysicalDemands,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Certifications,
    IReadOnlyList<string> Disclaimers,
    IReadOnlyList<CompetencyMatch> Competencies,
    IReadOnlyList<string> Unplaced,
    IReadOnlyList<string> Warnings);

/// <summary>Everything found in one file: text before the first description (a cover note) and the descriptions.</summary>
public sealed record JdParseResult(IReadOnlyList<string> Preamble, IReadOnlyList<ParsedJobDescription> Documents);

/// <summary>A file that is not a job description at all (binary, empty, too large, damaged): the reason, for a 400 or exit 1.</summary>
public sealed class JobDescriptionFormatException(string message) : Exception(message);

public enum JdSection { None, Summary, Responsibilities, Education, Qualifications, Skills, Desirable, Performance, WorkEnvironment, Physical, Disclaimer, Unknown }
