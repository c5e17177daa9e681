using CareerMap.Audit;
using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Badges;

/// <summary>
/// An Open Badges 3.0 credential the organization issued to a person for a competency at a level, from the manager's rating
/// that met it. Append-only: a badge is never changed, and the same competency and level is issued once.
/// </summary>
public sealed class Badge
{
    /// <summary>The credential's id (urn:uuid:…) and the badge's address in the API.</summary>
    public Guid Id { get; set; }
    public int EmployeeId { get; set; }
    public int CompetencyId { get; set; }
    public int Level { get; set; }
    /// <summary>The manager's rating the badge was issued from.</summary>
    public long AssessmentId { get; set; }
    public DateTime IssuedAt { get; set; }
    /// <summary>The thumbprint of the key that signed it.</summary>
    public required string KeyId { get; set; }
    /// <summary>The signed credential as a compact JWS (VC-JWT): the payload is the credential, exactly as issued.</summary>
    public required string Jwt { get; set; }
}

/// <summary>
/// The organization's badge-signing key pair (RSA, for RS256). The private key is kept protected by ASP.NET Core data
/// protection and never leaves the app; the public half is published as a JWK. Never audited: the trail would copy the key.
/// </summary>
[NotAudited]
public sealed class BadgeKey
{
    public int Id { get; set; }
    /// <summary>The RFC 7638 JWK thumbprint of the public key: the kid of every badge it signed.</summary>
    public required string KeyId { get; set; }
    /// <summary>The public key as a JWK (kty, n, e).</summary>
    public required string PublicJwk { get; set; }
    /// <summary>The PKCS#8 private key, protected by data protection.</summary>
    public required string PrivateKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

sealed class BadgeConfiguration : IEntityTypeConfiguration<Badge>
{
    public void Configure(EntityTypeBuilder<Badge> b)
    {
        b.ToTable("badges");
        b.Property(x => x.Id).ValueGeneratedNever();
        // One badge per person, competency and level; issuing again returns it.
        b.HasIndex(x => new { x.EmployeeId, x.CompetencyId, x.Level }).IsUnique();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Competency>().WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.KeyId).HasMaxLength(64);
    }
}

sealed class BadgeKeyConfiguration : IEntityTypeConfiguration<BadgeKey>
{
    public void Configure(EntityTypeBuilder<BadgeKey> b)
    {
        b.ToTable("badge_keys");
        b.HasIndex(x => x.KeyId).IsUnique();
        b.Property(x => x.KeyId).HasMaxLength(64);
    }
}
