using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.People;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Data;

public sealed class CareerMapDb(DbContextOptions<CareerMapDb> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<BusinessUnit> Units => Set<BusinessUnit>();
    public DbSet<Grade> Grades => Set<Grade>();
    public DbSet<JobFamily> Families => Set<JobFamily>();
    // Hides Identity's account-role set of the same name; Identity's stores use Set<IdentityRole>() directly.
    public new DbSet<Role> Roles => Set<Role>();
    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<RoleRequirement> Requirements => Set<RoleRequirement>();
    public DbSet<Duty> Duties => Set<Duty>();
    public DbSet<DevelopmentStrategy> Strategies => Set<DevelopmentStrategy>();
    public DbSet<Move> Moves => Set<Move>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<RoleChange> RoleChanges => Set<RoleChange>();
    public DbSet<RatingContest> RatingContests => Set<RatingContest>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Plans.DevelopmentPlan> Plans => Set<Plans.DevelopmentPlan>();
    public DbSet<Audit.AuditEntry> Audit => Set<Audit.AuditEntry>();
    public DbSet<Plans.PlanAction> PlanActions => Set<Plans.PlanAction>();
    public DbSet<Plans.PlanEvent> PlanEvents => Set<Plans.PlanEvent>();
    public DbSet<Plans.PlanTemplate> PlanTemplates => Set<Plans.PlanTemplate>();
    public DbSet<Accounts.SignInSession> SignInSessions => Set<Accounts.SignInSession>();
    public DbSet<Provisioning.ScimUser> ScimUsers => Set<Provisioning.ScimUser>();
    public DbSet<Provisioning.ScimToken> ScimTokens => Set<Provisioning.ScimToken>();
    public DbSet<Framework.Case.CaseRecord> CaseRecords => Set<Framework.Case.CaseRecord>();
    public DbSet<Learning.LearningRecord> LearningRecords => Set<Learning.LearningRecord>();
    public DbSet<Provisioning.TitleAlias> TitleAliases => Set<Provisioning.TitleAlias>();
    public DbSet<Framework.Versions.FrameworkVersion> FrameworkVersions => Set<Framework.Versions.FrameworkVersion>();
    public DbSet<JobDescriptions.JobDescriptionVersion> JobDescriptions => Set<JobDescriptions.JobDescriptionVersion>();
    public DbSet<Badges.Badge> Badges => Set<Badges.Badge>();
    public DbSet<Badges.BadgeKey> BadgeKeys => Set<Badges.BadgeKey>();

    /// <summary>The change stamps as this unit of work (a request) first read them; forgotten whenever it writes.</summary>
    internal (long Framework, long People)? KnownStamps { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CareerMapDb).Assembly);
    }
}

/// <summary>ASP.NET Core data-protection keys kept in the database so every app instance shares sign-in.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string? Xml { get; set; }
}
