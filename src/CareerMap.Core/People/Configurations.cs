using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.People;

sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.ToTable("employees");
        b.HasIndex(x => x.EmployeeNumber).IsUnique();
        b.HasIndex(x => x.ManagerId);
        b.HasIndex(x => x.RoleId);
        b.HasIndex(x => x.Email);
        // Lists are in name order: HR's first page of a million people reads 50 index entries instead of sorting them all.
        b.HasIndex(x => new { x.Name, x.Id });
        b.Property(x => x.EmployeeNumber).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Manager).WithMany().HasForeignKey(x => x.ManagerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Languages).HasJsonConversion();
        b.Property(x => x.Certifications).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.ToTable("assessments");
        b.HasIndex(x => new { x.EmployeeId, x.CompetencyId, x.AssessedOn });
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Competency).WithMany().HasForeignKey(x => x.CompetencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewCycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.CycleId);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
    }
}

sealed class RoleChangeConfiguration : IEntityTypeConfiguration<RoleChange>
{
    public void Configure(EntityTypeBuilder<RoleChange> b)
    {
        b.ToTable("role_changes");
        b.HasIndex(x => new { x.EmployeeId, x.On });
        // Mobility reports read every change into a role, and every change in a period.
        b.HasIndex(x => x.On);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.FromRole).HasMaxLength(64);
        b.Property(x => x.ToRole).HasMaxLength(64);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
    }
}
