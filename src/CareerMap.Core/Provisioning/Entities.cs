using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Provisioning;

/// <summary>
/// A user as the HR system provisioned it over SCIM: the resource as sent (so nothing is lost), the columns
/// SCIM filters and links by, and the employee it became once a role and an email are known.
/// </summary>
public sealed class ScimUser
{
    public int Id { get; set; }
    /// <summary>The SCIM <c>id</c>: assigned here, never reused.</summary>
    public required string ResourceId { get; set; }
    public required string UserName { get; set; }
    /// <summary>userName folded to lower case: SCIM compares it case-insensitively and it is unique among live users.</summary>
    public required string UserNameKey { get; set; }
    public string? ExternalId { get; set; }
    public string? EmployeeNumber { get; set; }
    /// <summary>
    /// Every emails.value folded to lower case, one a line: co, sw and ew filters on emails are answered from an index
    /// of this column (pg_trgm on PostgreSQL, a covering index on SQLite), not by reading every resource.
    /// </summary>
    public string? EmailsKey { get; set; }
    /// <summary>The enterprise manager's <c>value</c> as sent: a SCIM id, an externalId or an employee number.</summary>
    public string? ManagerRef { get; set; }
    public bool Active { get; set; }
    /// <summary>Set by DELETE: the resource answers 404 from then on, but the employee and their history stay.</summary>
    public DateTime? DeletedAt { get; set; }
    /// <summary>The resource JSON without id and meta.</summary>
    public required string Resource { get; set; }
    public int? EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    /// <summary>Why no employee is linked yet (no role for the title, no email…); null once linked.</summary>
    public string? Waiting { get; set; }
    public DateTime Created { get; set; }
    public DateTime LastModified { get; set; }
    public int Version { get; set; } = 1;
}

/// <summary>
/// A bearer token HR issued to another system: the HR system provisioning people (scope scim), or a system reading the
/// framework over CASE (scope case). Only its SHA-256 hash is stored; revoked tokens stop working at once.
/// </summary>
public sealed class ScimToken
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters of the token, so HR can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    /// <summary>What the token is good for: <see cref="TokenScopes"/>.</summary>
    public string Scope { get; set; } = TokenScopes.Scim;
}

/// <summary>
/// HR's mapping of a job title the HR system sends to a role of the framework, optionally only for one grade
/// (so "Care Representative" at grade 105 can differ from the same title elsewhere).
/// </summary>
public sealed class TitleAlias
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Title folded to lower case with single spaces: the lookup key.</summary>
    public required string TitleKey { get; set; }
    public string? Grade { get; set; }
    public int RoleId { get; set; }
    public Role Role { get; set; } = null!;

    public static string KeyOf(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

sealed class ScimUserConfiguration : IEntityTypeConfiguration<ScimUser>
{
    public void Configure(EntityTypeBuilder<ScimUser> b)
    {
        b.ToTable("scim_users");
        b.HasIndex(x => x.ResourceId).IsUnique();
        // Unique among live users only: a deleted user's name may be provisioned again.
        b.HasIndex(x => x.UserNameKey).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        b.HasIndex(x => x.ExternalId);
        b.HasIndex(x => x.EmployeeNumber);
        b.HasIndex(x => x.ManagerRef);
        b.HasIndex(x => x.EmployeeId);
        b.Property(x => x.ResourceId).HasMaxLength(64);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.UserNameKey).HasMaxLength(256);
        b.Property(x => x.ExternalId).HasMaxLength(256);
        b.Property(x => x.EmployeeNumber).HasMaxLength(64);
        b.Property(x => x.ManagerRef).HasMaxLength(256);
        b.Property(x => x.Waiting).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> b)
    {
        b.ToTable("scim_tokens");
        b.HasIndex(x => x.Hash).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        // Tokens issued before scopes existed were all for provisioning.
        b.Property(x => x.Scope).HasMaxLength(16).HasDefaultValue(TokenScopes.Scim);
    }
}

sealed class TitleAliasConfiguration : IEntityTypeConfiguration<TitleAlias>
{
    public void Configure(EntityTypeBuilder<TitleAlias> b)
    {
        b.ToTable("title_aliases");
        b.HasIndex(x => new { x.TitleKey, x.Grade }).IsUnique();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.TitleKey).HasMaxLength(200);
        b.Property(x => x.Grade).HasMaxLength(64);
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}
