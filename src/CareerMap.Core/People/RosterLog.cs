using Microsoft.Extensions.Logging;

namespace CareerMap.People;

/// <summary>Roster problems can quote e-mail addresses, so only their count and first place are logged.</summary>
static partial class RosterLog
{
    [LoggerMessage(3001, LogLevel.Information, "Roster import applied: {Added} added, {Changed} changed, {Unchanged} unchanged")]
    public static partial void RosterImported(this ILogger logger, int added, int changed, int unchanged);

    [LoggerMessage(3002, LogLevel.Information, "Roster import refused: {ProblemCount} problem(s), the first at {FirstPlace}")]
    public static partial void RosterImportRefused(this ILogger logger, int problemCount, string firstPlace);

    [LoggerMessage(3003, LogLevel.Information, "Role history import applied: {Added} change(s) for {People} people, {AlreadyOnRecord} already on record")]
    public static partial void RoleHistoryImported(this ILogger logger, int added, int people, int alreadyOnRecord);

    [LoggerMessage(3004, LogLevel.Information, "Role history import refused: {ProblemCount} problem(s), the first at {FirstPlace}")]
    public static partial void RoleHistoryImportRefused(this ILogger logger, int problemCount, string firstPlace);
}
