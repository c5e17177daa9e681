namespace CareerMap.Accounts;

/// <summary>
/// The account behind this request, read once where the stored account is checked (the web app's claims
/// transformation); empty for anonymous requests and the command line.
/// </summary>
public sealed class CurrentAccount
{
    public string? AccountId { get; private set; }
    public string? Email { get; private set; }
    public int? EmployeeId { get; private set; }
    /// <summary>The name of the employee the account signs in as, when it is one.</summary>
    public string? EmployeeName { get; private set; }
    public bool IsHrAdmin { get; private set; }
    /// <summary>The language the person chose (en, es), or null to follow the browser.</summary>
    public string? Language { get; private set; }
    /// <summary>How many of the person's notifications are unread, as the request began.</summary>
    public int Unread { get; private set; }
    public bool IsSignedIn => AccountId is not null;

    public void SignIn(string accountId, string? email, int? employeeId, string? employeeName, bool isHrAdmin, string? language = null, int unread = 0) =>
        (AccountId, Email, EmployeeId, EmployeeName, IsHrAdmin, Language, Unread) = (accountId, email, employeeId, employeeName, isHrAdmin, language, unread);

    public void SignOut() => (AccountId, Email, EmployeeId, EmployeeName, IsHrAdmin, Language, Unread) = (null, null, null, null, false, null, 0);
}
