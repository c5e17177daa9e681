using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Learning;

/// <summary>
/// What a learning system reported a person did, from one xAPI statement: the verb (completed, passed, attempted…), the
/// activity, the result. Evidence for the manager who rates and for the plan action the activity is; never a rating.
/// Append-only, the statement kept as it came.
/// </summary>
public sealed class LearningRecord
{
    public long Id { get; set; }
    /// <summary>The statement's id (the sender's, or one given on arrival): a statement sent twice is kept once.</summary>
    public Guid StatementId { get; set; }
    public int EmployeeId { get; set; }
    public required string Verb { get; set; }
    public string? VerbName { get; set; }
    public required string Activity { get; set; }
    public string? ActivityName { get; set; }
    public bool? Completion { get; set; }
    public bool? Success { get; set; }
    /// <summary>The score from -1 to 1 (xAPI's scaled score), as the learning system gave it.</summary>
    public double? Scaled { get; set; }
    public double? Raw { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }
    /// <summary>ISO 8601 duration as sent (PT1H30M).</summary>
    public string? Duration { get; set; }
    /// <summary>When it happened (the statement's timestamp, else when it arrived), UTC.</summary>
    public DateTime At { get; set; }
    public DateTime StoredAt { get; set; }
    /// <summary>The name of the token HR issued to the system that sent it.</summary>
    public required string Source { get; set; }
    public required string Statement { get; set; }
}

sealed class LearningRecordConfiguration : IEntityTypeConfiguration<LearningRecord>
{
    public void Configure(EntityTypeBuilder<LearningRecord> b)
    {
        b.ToTable("learning_records");
        b.HasIndex(x => x.StatementId).IsUnique();
        // A person's records newest first, and the records of one activity (a plan action's).
        b.HasIndex(x => new { x.EmployeeId, x.At });
        b.HasIndex(x => new { x.EmployeeId, x.Activity });
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Verb).HasMaxLength(Xapi.IriLength);
        b.Property(x => x.VerbName).HasMaxLength(Xapi.NameLength);
        b.Property(x => x.Activity).HasMaxLength(Xapi.IriLength);
        b.Property(x => x.ActivityName).HasMaxLength(Xapi.NameLength);
        b.Property(x => x.Duration).HasMaxLength(64);
        b.Property(x => x.Source).HasMaxLength(200);
    }
}
