using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Audit;

/// <summary>One change to stored data: who, when, what, and the values before and after. Append-only.</summary>
public sealed class AuditEntry
{
    /// <summary>The actor of a summary entry a bulk path adds itself: the audit interceptor fills in who and when as it saves.</summary>
    public const string CurrentActor = "";

    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Entity { get; set; }
    public required string Key { get; set; }
    public required string Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>
/// Marks an entity whose rows are written as a set by one bulk path that records its own summary entry (the CASE records of
/// an import), so the trail is not flooded with a row per record.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>Who is making the changes being saved: the signed-in account, or the command line.</summary>
public interface IAuditActor
{
    string Name { get; }
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Entity, x.Key });
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Entity).HasMaxLength(64);
        b.Property(x => x.Key).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(16);
    }
}
