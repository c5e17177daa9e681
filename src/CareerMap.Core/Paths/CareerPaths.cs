using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Paths;

/// <summary>The career graph of the stored framework, and what is known of a person to plan their route.</summary>
public sealed class CareerPaths(CareerMapDb db)
{
    public Task<CareerGraph> GraphAsync(CancellationToken ct = default) => FrameworkCache.GraphAsync(db, ct);

    /// <summary>A person's current role, time served, credentials and effective ratings (DESIGN.md: the latest
    /// manager rating within 12 months, else the latest self rating, else not yet assessed).</summary>
    public async Task<PersonState?> PersonAsync(string employeeNumber, DateOnly today, CancellationToken ct = default)
    {
        var e = await db.Employees.AsNoTracking().Where(x => x.EmployeeNumber == employeeNumber)
            .Select(x => new { x.Id, x.EmployeeNumber, x.Name, Role = x.Role.Code, x.RoleStartDate, x.ContactCenterMonths, x.Certifications, x.Languages })
            .FirstOrDefaultAsync(ct);
        if (e is null) return null;
        var ratings = await db.Assessments.AsNoTracking().Where(a => a.EmployeeId == e.Id)
            .Select(a => new { Competency = a.Competency.Code, a.Level, a.Source, a.AssessedOn, a.Id }).ToListAsync(ct);
        var recent = today.AddMonths(-12);
        var levels = ratings.GroupBy(r => r.Competency).ToDictionary(g => g.Key, g =>
            (g.Where(r => r.Source == AssessmentSource.Manager && r.AssessedOn >= recent).OrderByDescending(r => r.AssessedOn).ThenByDescending(r => r.Id).FirstOrDefault()
             ?? g.Where(r => r.Source == AssessmentSource.Self).OrderByDescending(r => r.AssessedOn).ThenByDescending(r => r.Id).FirstOrDefault())?.Level ?? 0,
            StringComparer.OrdinalIgnoreCase);
        var months = Math.Max(0, (today.Year - e.RoleStartDate.Year) * 12 + today.Month - e.RoleStartDate.Month - (today.Day < e.RoleStartDate.Day ? 1 : 0));
        return new PersonState(e.EmployeeNumber, e.Name, e.Role, months, e.ContactCenterMonths, levels,
            e.Certifications.ToHashSet(StringComparer.OrdinalIgnoreCase), e.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The employee number of the person an account signs in as, if any.</summary>
    public Task<string?> EmployeeNumberAsync(int employeeId, CancellationToken ct = default) =>
        db.Employees.Where(x => x.Id == employeeId).Select(x => x.EmployeeNumber).FirstOrDefaultAsync(ct);
}
