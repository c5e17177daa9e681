using Microsoft.Extensions.Logging;

namespace CareerMap.Plans;

/// <summary>People appear by their internal employee id only: never a name or an e-mail address.</summary>
static partial class PlanLog
{
    [LoggerMessage(5001, LogLevel.Information, "Plan {PlanId} of employee {EmployeeId} started by employee {ByEmployeeId}")]
    public static partial void PlanStarted(this ILogger logger, int planId, int employeeId, int? byEmployeeId);

    [LoggerMessage(5002, LogLevel.Information, "Plan {PlanId} of employee {EmployeeId} moved from {From} to {To} by employee {ByEmployeeId}")]
    public static partial void PlanMoved(this ILogger logger, int planId, int employeeId, PlanStatus from, PlanStatus to, int? byEmployeeId);

    [LoggerMessage(5003, LogLevel.Information, "Plan {PlanId} of employee {EmployeeId}: move from {From} to {To} refused to employee {ByEmployeeId}")]
    public static partial void PlanMoveRefused(this ILogger logger, int planId, int employeeId, PlanStatus from, PlanStatus to, int? byEmployeeId);
}
