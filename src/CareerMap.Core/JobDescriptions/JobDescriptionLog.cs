using Microsoft.Extensions.Logging;

namespace CareerMap.JobDescriptions;

static partial class JobDescriptionLog
{
    [LoggerMessage(6001, LogLevel.Information, "{Count} job description version(s) stored from {SourceName}: {Versions}")]
    public static partial void JobDescriptionsStored(this ILogger logger, int count, string sourceName, string versions);

    [LoggerMessage(6002, LogLevel.Information, "Job description import refused: {Problem}")]
    public static partial void JobDescriptionImportRefused(this ILogger logger, string problem);

    [LoggerMessage(6003, LogLevel.Information, "Job description version {VersionId} of role {Role}: {LinkCount} competency link(s) confirmed into the framework")]
    public static partial void JobDescriptionLinksConfirmed(this ILogger logger, int versionId, string role, int linkCount);

    [LoggerMessage(6004, LogLevel.Information, "Job description version {VersionId}: confirming its links refused, {ProblemCount} problem(s), the first at {FirstPlace}: {FirstProblem}")]
    public static partial void JobDescriptionConfirmRefused(this ILogger logger, int versionId, int problemCount, string firstPlace, string firstProblem);

    [LoggerMessage(6005, LogLevel.Information, "Role {Role} added to the framework from job description version {VersionId}")]
    public static partial void JobDescriptionRoleAdded(this ILogger logger, int versionId, string role);
}
