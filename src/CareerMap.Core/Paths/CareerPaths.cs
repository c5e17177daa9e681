using System.Collections.Concurrent;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Paths;

/// <summary>The career graph of the stored framework, and what is known of a person to plan their route.</summary>
public sealed class CareerPaths(CareerMapDb db, FrameworkService framework)
{
    // Graphs are rebuilt only when the framework changes; the stamp is read from the database on every call,
    // so every app instance notices every other's edits.
    static readonly ConcurrentDictionary<string, (string Stamp, CareerGraph Graph)> Graphs = new();

    public async Task<CareerGraph> GraphAsync(CancellationToken ct = default)
    {
        var key = db.Database.GetConnectionString() ?? "";
        var stamp = await StampAsync(ct);
        if (Graphs.TryGetValue(key, out var hit) && hit.Stamp == stamp) return hit.Graph;
        var graph = CareerGraph.Build(await framework.ExportAsync(ct));
        Graphs[key] = (stamp, graph);
        return graph;
    }

    async Task<string> StampAsync(CancellationToken ct)
    {
        var parts = new[]
        {
            await db.Roles.GroupBy(_ => 1).Select(g => $"{g.Count()}:{g.Sum(x => x.Version)}:{g.Max(x => x.Id)}").FirstOrDefaultAsync(ct),
            await db.Requirements.GroupBy(_ => 1).Select(g => $"{g.Count()}:{g.Sum(x => x.Version)}:{g.Max(x => x.Id)}").FirstOrDefaultAsync(ct),
            await db.Moves.GroupBy(_ => 1).Select(g => $"{g.Count()}:{g.Sum(x => x.Version)}:{g.Max(x => x.Id)}").FirstOrDefaultAsync(ct),
            await db.Grades.GroupBy(_ => 1).Select(g => $"{g.Count()}:{g.Sum(x => x.Version)}:{g.Max(x => x.Id)}").FirstOrDefaultAsync(ct),
            await db.Families.GroupBy(_ => 1).Select(g => $"{g.Count()}:{g.Sum(x => x.Version)}:{g.Max(x => x.Id)}").FirstOrDefaultAsync(ct),
            await db.Competencies.GroupBy(_ => 1).Select(g => $"{g.Count()}:{g.Sum(x => x.Version)}:{g.Max(x => x.Id)}").FirstOrDefaultAsync(ct),
        };
        return string.Join('|', parts);
    }

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
