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
    public bool IsHrAdmin { get; private set; }
    public bool IsSignedIn => AccountId is not null;

    public void SignIn(string accountId, string? email, int? employeeId, bool isHrAdmin) =>
        (AccountId, Email, EmployeeId, IsHrAdmin) = (accountId, email, employeeId, isHrAdmin);

    public void SignOut() => (AccountId, Email, EmployeeId, IsHrAdmin) = (null, null, null, false);
}
