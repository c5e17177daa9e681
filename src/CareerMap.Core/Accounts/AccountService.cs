using CareerMap.People;
using CareerMap.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Accounts;

public sealed record AccountResult(bool Ok, IReadOnlyList<string> Errors)
{
    public static AccountResult Success { get; } = new(true, []);
    public static AccountResult Fail(params string[] errors) => new(false, errors);
}

/// <summary>Creates sign-in accounts, with hashed passwords, tied to an employee when there is one.</summary>
public sealed class AccountService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, CareerMapDb db)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var name in AppRoles.All)
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new IdentityRole(name));
    }

    /// <param name="password">Null makes an account that cannot sign in with a password (demo personas).</param>
    public async Task<AccountResult> CreateAsync(string email, string role, string? employeeNumber, string? password)
    {
        await EnsureRolesAsync();
        if (!AppRoles.All.Contains(role)) return AccountResult.Fail($"role: '{role}' is not one of {string.Join(", ", AppRoles.All)}");
        int? employeeId = null;
        if (!string.IsNullOrWhiteSpace(employeeNumber))
        {
            if (EmployeeNumbers.Problem(employeeNumber) is { } problem) return AccountResult.Fail($"employee: {problem}");
            employeeId = await db.Employees.Where(e => e.EmployeeNumber == employeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync();
            if (employeeId is null) return AccountResult.Fail($"employee: no employee has the number '{employeeNumber}'");
        }
        if (await users.FindByEmailAsync(email) is not null) return AccountResult.Fail($"email: an account for {email} already exists");
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, EmployeeId = employeeId };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded) return AccountResult.Fail([.. created.Errors.Select(e => (e.Code.Contains("Password", StringComparison.Ordinal) ? "password: " : "email: ") + e.Description)]);
        await users.AddToRoleAsync(user, role);
        return AccountResult.Success;
    }
}
