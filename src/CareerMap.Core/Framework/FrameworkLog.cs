using Microsoft.Extensions.Logging;

namespace CareerMap.Framework;

static partial class FrameworkLog
{
    [LoggerMessage(2001, LogLevel.Information, "Framework import applied: {Added} added, {Changed} changed, {Removed} removed ({Changes})")]
    public static partial void FrameworkImported(this ILogger logger, int added, int changed, int removed, string changes);

    [LoggerMessage(2002, LogLevel.Information, "Framework import refused: {ProblemCount} problem(s), the first at {FirstPlace}: {FirstProblem}")]
    public static partial void FrameworkImportRefused(this ILogger logger, int problemCount, string firstPlace, string firstProblem);

    [LoggerMessage(2003, LogLevel.Information, "Framework import changed nothing: the file matches the framework")]
    public static partial void FrameworkImportUnchanged(this ILogger logger);

    [LoggerMessage(2004, LogLevel.Information, "Framework {Collection} {Code} {Change}")]
    public static partial void FrameworkItemWritten(this ILogger logger, string collection, string code, string change);
}
