using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Plans;

sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlan> b)
    {
        b.ToTable("development_plans");
        b.HasIndex(x => new { x.EmployeeId, x.Cycle }).IsUnique();
        // Development health finds which of a cycle's plans changed from every plan's id and version: read from this index
        // alone, never from the plans' wide rows.
        b.HasIndex(x => new { x.Cycle, x.Id, x.Version, x.EmployeeId });
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Cycle).HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.TargetRoles).HasJsonConversion();
        b.Property(x => x.Strengths).HasJsonConversion();
        b.Property(x => x.Opportunities).HasJsonConversion();
        b.Property(x => x.Needs).HasJsonConversion();
        b.Property(x => x.Reflections).HasJsonConversion();
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("plan_actions");
        b.Property(x => x.Competency).HasMaxLength(64);
        b.Property(x => x.Strategy).HasMaxLength(64);
        b.Property(x => x.Activity).HasMaxLength(PlanService.ActivityLength);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
    }
}

sealed class PlanEventConfiguration : IEntityTypeConfiguration<PlanEvent>
{
    public void Configure(EntityTypeBuilder<PlanEvent> b)
    {
        b.ToTable("plan_events");
        b.HasIndex(x => x.PlanId);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.By).HasMaxLength(256);
    }
}
