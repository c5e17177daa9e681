using Microsoft.AspNetCore.Identity;

namespace CareerMap.Accounts;

public sealed class AppUser : IdentityUser
{
    /// <summary>The employee this account signs in as, when it is one.</summary>
    public int? EmployeeId { get; set; }

    /// <summary>The language the person chose for their pages (en, es); the browser's and then the organization's when null.</summary>
    public string? Language { get; set; }
}

sealed class AppUserConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<AppUser>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AppUser> b) => b.Property(u => u.Language).HasMaxLength(8);
}

public static class AppRoles
{
    public const string Employee = "Employee";
    public const string Manager = "Manager";
    public const string HrAdmin = "HrAdmin";

    public static readonly string[] All = [Employee, Manager, HrAdmin];

    /// <summary>Maps the CLI's words (employee, manager, admin) to the stored role names.</summary>
    public static string? FromCliName(string name) => name.ToLowerInvariant() switch
    {
        "employee" => Employee,
        "manager" => Manager,
        "admin" or "hr" or "hradmin" or "hr-admin" => HrAdmin,
        _ => null,
    };
}
