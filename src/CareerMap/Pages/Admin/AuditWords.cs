using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

/// <summary>The audit trail's kinds of things, actions and field names in words people use (stored names stay as they are).</summary>
static class AuditWords
{
    public static string Kind(IStringLocalizer L, string entity) => entity switch
    {
        "Organization" => L["Organization"],
        "BusinessUnit" => L["Business unit"],
        "Grade" => L["Grade"],
        "JobFamily" => L["Job family"],
        "Role" => L["Role"],
        "Competency" => L["Competency"],
        "RoleRequirement" => L["Requirement"],
        "Duty" => L["Duty"],
        "DevelopmentStrategy" => L["Development strategy"],
        "Move" => L["Move"],
        "Employee" => L["Person"],
        "Assessment" => L["Rating"],
        "DevelopmentPlan" => L["Development plan"],
        "PlanAction" => L["Plan action"],
        "PlanEvent" => L["Plan history"],
        "AppUser" => L["Account"],
        "ScimUser" => L["Provisioned user"],
        "ScimToken" => L["Provisioning token"],
        "TitleAlias" => L["Title alias"],
        "JobDescriptionVersion" => L["Job description"],
        "CareerInterest" => L["Career interest"],
        "Credential" => L["Credential"],
        "CaseRecord" => L["CASE records"],
        "LearningRecord" => L["Learning record"],
        "Badge" => L["Badge"],
        "ReviewCycle" => L["Review cycle"],
        "RatingContest" => L["Rating contest"],
        "FrameworkVersion" => L["Framework version"],
        _ => entity,
    };

    public static string Action(IStringLocalizer L, string action) => action switch
    {
        "added" => L["added"],
        "modified" => L["changed"],
        "deleted" => L["removed"],
        _ => action,
    };

    public static string Field(IStringLocalizer L, string field) => field switch
    {
        "Level" => L["Level"],
        "Weight" => L["Weight"],
        "Critical" => L["Critical"],
        "Title" => L["Title"],
        "Name" => L["Name"],
        "Code" => L["Code"],
        "Summary" => L["Summary"],
        "RoleId" => L["Role"],
        "FromRoleId" => L["From role"],
        "ToRoleId" => L["To role"],
        "CompetencyId" => L["Competency"],
        "EmployeeId" => L["Person"],
        "ManagerId" => L["Manager"],
        "AssessorId" => L["Rated by"],
        "Source" => L["Source"],
        "AssessedOn" => L["Rated on"],
        "Evidence" => L["Evidence"],
        "Status" => L["Status"],
        "Location" => L["Location"],
        "Email" => L["Email"],
        "UnitId" => L["Business unit"],
        "FamilyId" => L["Job family"],
        "GradeId" => L["Grade"],
        "DeactivatedOn" => L["Deactivated on"],
        "Description" => L["Description"],
        "DueOn" => L["Due"],
        "MarkedOn" => L["Marked on"],
        "Note" => L["Note"],
        _ => System.Text.RegularExpressions.Regex.Replace(field, "(?<=[a-z])(?=[A-Z])", " "),
    };
}
