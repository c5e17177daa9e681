using CareerMap.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Framework.Case;

/// <summary>
/// One record of the last CASE package imported, kept as it came: a CFItem, a CFAssociation, a CFRubric with its criteria
/// and levels, a definition, or the CFDocument itself. The framework owns the fields it maps (a competency's name,
/// definition, level descriptors, indicators, category); everything else CASE carries (identifiers, URIs, keywords,
/// groupings, notes, extensions, items and associations CareerMap has no home for) is exported from here, so an imported
/// package comes back out as it went in. The import replaces the whole set and writes one audit entry for it.
/// </summary>
[NotAudited]
public sealed class CaseRecord
{
    public int Id { get; set; }
    /// <summary>Where the record sits in a package: CFDocument, CFItems, CFAssociations, CFRubrics, CFDefinitions.CFItemTypes …</summary>
    public required string Collection { get; set; }
    /// <summary>Its CASE identifier; null only for a package's or definitions' own extensions.</summary>
    public string? Identifier { get; set; }
    /// <summary>
    /// What in the framework the record stands for (competency/CLAIMS/level/3), when it stands for something; null for a
    /// record CareerMap only keeps.
    /// </summary>
    public string? Key { get; set; }
    /// <summary>Its place in its collection in the package, so an export lists records in the order they came.</summary>
    public int Position { get; set; }
    /// <summary>The record's JSON as it came.</summary>
    public required string Json { get; set; }
}

sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> b)
    {
        b.ToTable("case_records");
        b.Property(x => x.Collection).HasMaxLength(64);
        b.Property(x => x.Identifier).HasMaxLength(256);
        b.Property(x => x.Key).HasMaxLength(256);
        b.HasIndex(x => x.Identifier);
    }
}
