using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Sample;

public sealed record DemoPersona(string Key, string Email, string Label, string Description);

/// <summary>Riverbend Health with generated people and the three demo personas.</summary>
public sealed class SampleOrganization(CareerMapDb db, FrameworkService framework, AccountService accounts, TimeProvider clock)
{
    public const int DefaultEmployees = 300;
    public const int DefaultSeed = 2026;
    public const string EmployeeEmail = "employee@demo.riverbend.example";
    public const string ManagerEmail = "manager@demo.riverbend.example";
    public const string AdminEmail = "hr.admin@demo.riverbend.example";

    public Task<bool> HasFrameworkAsync(CancellationToken ct = default) => db.Roles.AnyAsync(ct);

    /// <summary>Loads the Riverbend framework into an empty database; returns false when a framework is already there.</summary>
    public async Task<bool> LoadFrameworkAsync(CancellationToken ct = default)
    {
        if (await HasFrameworkAsync(ct)) return false;
        var report = await framework.ImportAsync(RiverbendHealth.Build(), p => p, dryRun: false, ct: ct);
        if (!report.Applied) throw new InvalidOperationException("the sample framework is invalid: " + string.Join("; ", report.Problems));
        if (!await db.PlanTemplates.AnyAsync(ct))
        {
            db.PlanTemplates.AddRange(RiverbendPlanTemplates.All());
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    public async Task SeedPeopleAsync(PeopleSeedOptions options, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var document = await framework.ExportAsync(ct);
        var people = PeopleGenerator.Generate(document, options);
        await PeopleWriter.WriteAsync(db, people, progress, ct);
        // The bulk writer bypasses change tracking, so the seed is recorded as one entry.
        db.Audit.Add(new CareerMap.Audit.AuditEntry
        {
            At = clock.UtcNow(), Actor = "seed", Entity = nameof(Employee), Key = "(generated)", Action = "added",
            After = $"{{\"employees\":{people.Employees.Count},\"assessments\":{people.Assessments.Count},\"seed\":{options.Seed}}}",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes every employee with their assessments, role history and plans, unlinking accounts first; for reseeding sample data only.</summary>
    public async Task ClearPeopleAsync(CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Users.Where(u => u.EmployeeId != null).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmployeeId, (int?)null), ct);
        await db.Assessments.ExecuteDeleteAsync(ct);
        await db.RoleChanges.ExecuteDeleteAsync(ct);
        await db.PlanEvents.ExecuteDeleteAsync(ct);
        await db.PlanActions.ExecuteDeleteAsync(ct);
        await db.Plans.ExecuteDeleteAsync(ct);
        await db.Set<CareerInterest>().ExecuteDeleteAsync(ct);
        await db.Set<Credential>().ExecuteDeleteAsync(ct);
        await db.Employees.ExecuteUpdateAsync(s => s.SetProperty(e => e.ManagerId, (int?)null), ct);
        await db.Employees.ExecuteDeleteAsync(ct);
        await ChangeStamps.BumpAsync(db, ChangeArea.People, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>First start of the embedded default: the framework, a few hundred people and the demo personas.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!await LoadFrameworkAsync(ct)) return;
        if (await db.Employees.AnyAsync(ct)) return;
        await SeedPeopleAsync(new(DefaultEmployees, DefaultSeed, clock.Today()), ct: ct);
        await CreatePersonasAsync(ct);
        await SeedPlansAsync(DefaultSeed, ct);
    }

    /// <summary>
    /// This cycle's plans for part of the people (see <see cref="SamplePlans"/>), leaving out the demo personas' line
    /// (the employee's manager's manager and everyone below), who start without plans to try the whole cycle themselves.
    /// </summary>
    public async Task<int> SeedPlansAsync(int seed, CancellationToken ct = default)
    {
        var persona = await db.Users.Where(u => u.Email == EmployeeEmail).Select(u => u.EmployeeId).FirstOrDefaultAsync(ct);
        var top = persona is int me ? await db.Employees.Where(e => e.Id == me).Select(e => e.Manager!.ManagerId ?? e.ManagerId ?? e.Id).FirstAsync(ct) : (int?)null;
        var exclude = top is int leader ? await ReportingLine.SelfAndBelow(db, leader).ToListAsync(ct) : [];
        return await SamplePlans.AddAsync(db, await framework.ExportAsync(ct), clock.Today(), seed, exclude, ct: ct);
    }

    public async Task CreatePersonasAsync(CancellationToken ct = default)
    {
        var employee = await db.Employees.Where(e => e.Role.Code == "CC-REP-2" && e.Manager != null && e.Manager.Role.Code == "CC-SUP")
            .OrderBy(e => e.Id).Select(e => new { e.EmployeeNumber, Manager = e.Manager!.EmployeeNumber }).FirstOrDefaultAsync(ct);
        if (employee is null) return;
        await accounts.CreateAsync(EmployeeEmail, AppRoles.Employee, employee.EmployeeNumber, null);
        await accounts.CreateAsync(ManagerEmail, AppRoles.Manager, employee.Manager, null);
        await accounts.CreateAsync(AdminEmail, AppRoles.HrAdmin, null, null);
    }

    public async Task<IReadOnlyList<DemoPersona>> PersonasAsync(CancellationToken ct = default)
    {
        var emails = new[] { EmployeeEmail, ManagerEmail, AdminEmail };
        var found = await db.Users.Where(u => emails.Contains(u.Email))
            .Select(u => new { u.Email, Employee = db.Employees.Where(e => e.Id == u.EmployeeId).Select(e => new { e.Name, e.Role.Title }).FirstOrDefault() })
            .ToListAsync(ct);
        var personas = new List<DemoPersona>();
        foreach (var (key, email, label) in new[] { ("employee", EmployeeEmail, "Employee"), ("manager", ManagerEmail, "Manager"), ("admin", AdminEmail, "HR admin") })
        {
            var user = found.FirstOrDefault(f => f.Email == email);
            if (user is null) continue;
            personas.Add(new(key, email, label, user.Employee is { } e ? $"{e.Name}, {e.Title}" : "Keeps the framework current"));
        }
        return personas;
    }
}
