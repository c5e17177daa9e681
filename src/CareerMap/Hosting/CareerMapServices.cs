using CareerMap.Accounts;
using CareerMap.Audit;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Sample;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareerMap.Hosting;

public static class CareerMapServices
{
    /// <summary>The database, the framework service, account storage and the strings: what both the CLI and the web app need.</summary>
    public static IServiceCollection AddCareerMapData(this IServiceCollection services, DatabaseTarget database)
    {
        services.AddSingleton(database);
        services.TryAddSingleton<IAuditActor, CommandLineActor>();
        services.TryAddSingleton(TimeProvider.System);
        // Core's services phrase routes, readiness and plans in the reader's language (the CLI's is the machine's).
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddDbContext<CareerMapDb>((sp, options) =>
        {
            database.Configure(options);
            // Versions and change stamps first, so the audit entry records the version the save writes.
            options.AddInterceptors(new ChangeStampInterceptor(), new AuditInterceptor(sp.GetRequiredService<IAuditActor>(), sp.GetRequiredService<TimeProvider>()));
        });
        services.AddSingleton<FrameworkCache>();
        services.AddSingleton<CareerMap.Paths.CareerGraphs>();
        services.AddSingleton<CareerMap.People.RatingIndexCache>();
        services.AddSingleton<CareerMap.Plans.PlanFactsCache>();
        services.AddScoped<FrameworkService>();
        services.AddScoped<CareerMap.Framework.Versions.FrameworkVersions>();
        services.AddScoped<IFrameworkReferences, CareerMap.People.PeopleFrameworkReferences>();
        services.AddScoped<CareerMap.Paths.CareerPaths>();
        services.AddScoped<CareerMap.People.PeopleDirectory>();
        services.AddScoped<CareerMap.People.RatingContests>();
        services.AddScoped<CareerMap.People.ReviewCycles>();
        services.AddScoped<CareerMap.People.CandidateSearch>();
        services.AddScoped<CareerMap.People.CareerInterests>();
        services.AddScoped<CareerMap.People.Credentials>();
        services.AddScoped<CareerMap.Learning.LearningRecords>();
        services.AddScoped<CareerMap.Badges.BadgeKeys>();
        services.AddScoped<CareerMap.Badges.OpenBadges>();
        services.AddScoped<CareerMap.Accounts.SavedSearches>();
        services.AddScoped<CareerMap.Reports.CapabilityReport>();
        services.AddScoped<CareerMap.Reports.SuccessionReport>();
        services.AddScoped<CareerMap.Reports.DraftEffect>();
        services.AddScoped<CareerMap.Reports.MobilityReport>();
        services.AddSingleton<CareerMap.People.RoleHistoryCache>();
        services.AddScoped<CareerMap.Reports.DevelopmentHealth>();
        services.AddSingleton<CareerMap.People.PeopleCounts>();
        services.AddScoped<CareerMap.AuditTrail.AuditStories>();
        services.AddScoped<CareerMap.Home.Homes>();
        services.AddScoped<CareerMap.Plans.PlanService>();
        services.AddScoped<CareerMap.Plans.PlanTemplates>();
        services.AddScoped<AccountService>();
        services.AddScoped<SignInSessions>();
        services.AddScoped<SampleOrganization>();
        services.AddScoped<CurrentAccount>();
        services.AddScoped<CareerMap.Access.PeopleAccess>();
        services.TryAddSingleton<CareerMap.Provisioning.IScimAddress, CareerMap.Provisioning.RelativeScimAddress>();
        services.AddScoped<CareerMap.Provisioning.ScimProvisioning>();
        services.AddScoped<CareerMap.Provisioning.ScimTokens>();
        services.AddScoped<CareerMap.Provisioning.TitleAliases>();
        services.AddScoped<CareerMap.JobDescriptions.JobDescriptionLibrary>();
        services.AddScoped<CareerMap.Notifications.NoticeSweep>();
        services.AddScoped<CareerMap.Notifications.MailSender>();
        services.AddScoped<CareerMap.Notifications.Inbox>();
        services.TryAddSingleton(new CareerMap.Framework.Case.CaseSettings());
        services.AddScoped<CareerMap.Framework.Case.CaseExchange>();
        services.AddScoped<CareerMap.Framework.Moodle.MoodleExchange>();
        return services;
    }

    /// <summary>CareerMap:Case:BaseUrl (the public address the CASE URIs name), :LicenseTitle and :LicenseUrl.</summary>
    public static CareerMap.Framework.Case.CaseSettings CaseSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection("CareerMap:Case");
        static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return new(Set(section["BaseUrl"]), Set(section["LicenseTitle"]), Set(section["LicenseUrl"]));
    }

    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        // Length, not composition, makes a password strong (NIST SP 800-63B).
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    /// <summary>Migrates the database, then opens a scope of the CLI's services over it.</summary>
    public static async Task<CliSession> OpenCliAsync(DatabaseTarget database, CancellationToken ct = default)
    {
        await database.MigrateAsync(ct);
        var services = BuildCliServices(database);
        return new CliSession(services, services.CreateAsyncScope());
    }

    /// <summary>A service provider for CLI commands: data, accounts and logging, no web server.</summary>
    public static ServiceProvider BuildCliServices(DatabaseTarget database, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        // Commands print their results (JSON with --json) on standard output; only warnings and errors are logged, on standard error.
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddDataProtection();
        var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
        services.AddSingleton(CaseSettings(configuration));
        services.AddCareerMapData(database);
        services.AddIdentityCore<AppUser>(ConfigureIdentity).AddRoles<IdentityRole>().AddEntityFrameworkStores<CareerMapDb>().AddPasswordValidator<CommonPasswords>();
        return services.BuildServiceProvider();
    }
}

/// <summary>The services one CLI command works with; disposing it closes the scope and the provider.</summary>
public sealed class CliSession(ServiceProvider provider, AsyncServiceScope scope) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}
