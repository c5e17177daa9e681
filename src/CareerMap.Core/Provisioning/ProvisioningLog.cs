using Microsoft.Extensions.Logging;

namespace CareerMap.Provisioning;

/// <summary>
/// Users appear by their SCIM resource id and internal employee id: a userName or an employee number sent by
/// the HR system may be an e-mail address, and refusal details may quote one, so neither is logged.
/// </summary>
static partial class ProvisioningLog
{
    [LoggerMessage(4001, LogLevel.Information, "SCIM user {ResourceId} created, linked to employee {EmployeeId}")]
    public static partial void ScimUserCreated(this ILogger logger, string resourceId, int? employeeId);

    [LoggerMessage(4002, LogLevel.Information, "SCIM user {ResourceId} updated by {Operation}, linked to employee {EmployeeId}")]
    public static partial void ScimUserUpdated(this ILogger logger, string resourceId, string operation, int? employeeId);

    [LoggerMessage(4003, LogLevel.Information, "SCIM user {ResourceId} deactivated by {Operation}; employee {EmployeeId} is deactivated and their sign-in locked")]
    public static partial void ScimUserDeactivated(this ILogger logger, string resourceId, string operation, int? employeeId);

    [LoggerMessage(4004, LogLevel.Information, "SCIM user {ResourceId} stored by {Operation} and waiting for an employee link: {Reason}")]
    public static partial void ScimUserWaiting(this ILogger logger, string resourceId, string operation, string reason);

    [LoggerMessage(4005, LogLevel.Warning, "SCIM {Operation} of user {ResourceId} refused with {Status} {ScimType}")]
    public static partial void ScimWriteRefused(this ILogger logger, string operation, string resourceId, int status, string? scimType);

    [LoggerMessage(4006, LogLevel.Information, "{Linked} waiting SCIM user(s) linked to employees after a title alias change")]
    public static partial void ScimWaitingLinked(this ILogger logger, int linked);
}
