using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Framework;

static class CodedEntity
{
    /// <summary>The table of a framework entity addressed by a unique code and guarded by its version.</summary>
    public static EntityTypeBuilder<T> Coded<T>(this EntityTypeBuilder<T> b, string table) where T : class
    {
        b.ToTable(table);
        b.HasIndex("Code").IsUnique();
        b.Property<string>("Code").HasMaxLength(64);
        b.Property<int>("Version").IsConcurrencyToken();
        return b;
    }
}

sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Coded("organizations");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(8);
    }
}

sealed class BusinessUnitConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> b)
    {
        b.Coded("business_units");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Translations).HasJsonConversion();
    }
}

sealed class GradeConfiguration : IEntityTypeConfiguration<Grade>
{
    public void Configure(EntityTypeBuilder<Grade> b)
    {
        b.Coded("grades");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Translations).HasJsonConversion();
    }
}

sealed class JobFamilyConfiguration : IEntityTypeConfiguration<JobFamily>
{
    public void Configure(EntityTypeBuilder<JobFamily> b)
    {
        b.Coded("job_families");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Translations).HasJsonConversion();
        b.Property(x => x.Track).HasConversion<string>().HasMaxLength(32);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.Coded("roles");
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Translations).HasJsonConversion();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Family).WithMany().HasForeignKey(x => x.FamilyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Grade).WithMany().HasForeignKey(x => x.GradeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Duties).HasJsonConversion();
        b.Property(x => x.Prerequisites).HasJsonConversion();
    }
}

sealed class CompetencyConfiguration : IEntityTypeConfiguration<Competency>
{
    public void Configure(EntityTypeBuilder<Competency> b)
    {
        b.Coded("competencies");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Translations).HasJsonConversion();
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Levels).HasJsonConversion();
        b.Property(x => x.Indicators).HasJsonConversion();
    }
}

sealed class RoleRequirementConfiguration : IEntityTypeConfiguration<RoleRequirement>
{
    public void Configure(EntityTypeBuilder<RoleRequirement> b)
    {
        b.ToTable("role_requirements");
        b.HasIndex(x => new { x.RoleId, x.CompetencyId }).IsUnique();
        b.HasOne(x => x.Role).WithMany(r => r.Requirements).HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Competency).WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Weight).HasPrecision(6, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class DutyConfiguration : IEntityTypeConfiguration<Duty>
{
    public void Configure(EntityTypeBuilder<Duty> b)
    {
        b.Coded("duties");
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Translations).HasJsonConversion();
        b.HasOne(x => x.Family).WithMany().HasForeignKey(x => x.FamilyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Marks).HasJsonConversion();
    }
}

sealed class DevelopmentStrategyConfiguration : IEntityTypeConfiguration<DevelopmentStrategy>
{
    public void Configure(EntityTypeBuilder<DevelopmentStrategy> b)
    {
        b.Coded("development_strategies");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Translations).HasJsonConversion();
        b.HasMany(x => x.Competencies).WithMany(c => c.Strategies).UsingEntity("strategy_competencies");
    }
}

sealed class MoveConfiguration : IEntityTypeConfiguration<Move>
{
    public void Configure(EntityTypeBuilder<Move> b)
    {
        b.Coded("moves");
        b.HasOne(x => x.FromRole).WithMany().HasForeignKey(x => x.FromRoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ToRole).WithMany().HasForeignKey(x => x.ToRoleId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Prerequisites).HasJsonConversion();
        b.Property(x => x.Translations).HasJsonConversion();
    }
}
