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
        var effective = EffectiveRatings.From(ratings.Select(r => (r.Competency, r.Level, r.Source, r.AssessedOn, r.Id)), today);
        var levels = effective.ToDictionary(x => x.Key, x => x.Value.Level, StringComparer.OrdinalIgnoreCase);
        var months = PeopleDirectory.MonthsBetween(e.RoleStartDate, today);
        return new PersonState(e.EmployeeNumber, e.Name, e.Role, months, e.ContactCenterMonths, levels,
            e.Certifications.ToHashSet(StringComparer.OrdinalIgnoreCase), e.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase)) { Ratings = effective };
    }

    /// <summary>The employee number of the person an account signs in as, if any.</summary>
    public Task<string?> EmployeeNumberAsync(int employeeId, CancellationToken ct = default) =>
        db.Employees.Where(x => x.Id == employeeId).Select(x => x.EmployeeNumber).FirstOrDefaultAsync(ct);
}
