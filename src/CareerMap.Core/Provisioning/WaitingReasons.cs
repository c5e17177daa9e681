using Microsoft.Extensions.Localization;

namespace CareerMap.Provisioning;

/// <summary>
/// Why a provisioned user waits for an employee. A reason is kept with the user in <see cref="StoredWords"/> and phrased
/// for whoever reads it (HR on the provisioning page, the HR system in the user's resource) by <see cref="StoredWords.Phrase"/>.
/// </summary>
static class WaitingReasons
{
    public static string NoRole(IStringLocalizer L) => L["no role: send a title HR has mapped, or {0}", $"{ScimSchemas.CareerMap}:roleCode"];

    public static string NoRoleForTitle(string title, string? grade, IStringLocalizer L) => grade is null
        ? L["no role for title '{0}': HR maps it under Admin → Provisioning → Title aliases", Short(title)]
        : L["no role for title '{0}' at grade {1}: HR maps it under Admin → Provisioning → Title aliases", Short(title), Short(grade)];

    public static string SeveralRoles(string title, IReadOnlyList<string> roles, IStringLocalizer L) =>
        L["title '{0}' names {1} roles ({2}): send a grade or roleCode, or map the title", Short(title), roles.Count, Short(string.Join(", ", roles))];

    // A reason is kept in a 500-character column, and a title arrives at whatever length the HR system sends.
    static string Short(string text) => text.Length <= 120 ? text : text[..119] + "…";

    public static string NoEmail(IStringLocalizer L) => L["no email: send emails (or a userName that is an email address)"];

    public static string NoEmployeeNumber(IStringLocalizer L) =>
        L["no employee number: send {0} (1–64 characters: letters, digits and . _ - @, starting with a letter or digit)", $"{ScimSchemas.Enterprise}:employeeNumber"];
}
