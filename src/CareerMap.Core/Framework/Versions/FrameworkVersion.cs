using CareerMap.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Framework.Versions;

public enum FrameworkVersionState { Draft, Scheduled, Adopted, Discarded }

/// <summary>How a version came to be: an edit of one item, a whole-file import, or a draft HR adopted.</summary>
public enum FrameworkChangeKind { Edit, Import, Draft }

/// <summary>
/// The whole framework as it stood after one change (careermap/1 JSON), or as a draft proposes it. Adopted versions are
/// append-only history: the framework on a past date is the latest version in effect on it. Its id is its number.
/// Audited by its own summary entries, not field by field (the document is the whole framework).
/// </summary>
[NotAudited]
public sealed class FrameworkVersion
{
    public int Id { get; set; }
    public FrameworkVersionState State { get; set; }
    public FrameworkChangeKind Kind { get; set; }
    /// <summary>What an edit changed ("role CC-REP-1"), or the name HR gave a draft.</summary>
    public string? Subject { get; set; }
    /// <summary>The adopted version a draft started from; its changes are the difference between the two.</summary>
    public int? BasedOn { get; set; }
    public required string Document { get; set; }
    /// <summary>The first day it is in effect; none for the framework a database started with (in effect from the start).</summary>
    public DateOnly? EffectiveOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? AdoptedAt { get; set; }
    public string? AdoptedBy { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; } = 1;
}

sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> b)
    {
        b.ToTable("framework_versions");
        b.HasIndex(x => new { x.State, x.EffectiveOn });
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Subject).HasMaxLength(FrameworkVersions.SubjectLength);
        b.Property(x => x.Note).HasMaxLength(FrameworkVersions.NoteLength);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.AdoptedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
