using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.People;

/// <summary>Roles people hold and competencies they were assessed on may not be removed from the framework.</summary>
public sealed class PeopleFrameworkReferences(CareerMapDb db) : IFrameworkReferences
{
    public async Task<IReadOnlyList<ImportProblem>> RemovalProblemsAsync(FrameworkDiff diff, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var roles = diff.For(FrameworkCollections.Roles).Removed;
        if (roles.Count > 0)
        {
            var held = await db.Employees.Where(e => roles.Contains(e.Role.Code)).GroupBy(e => e.Role.Code)
                .Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(ct);
            problems.AddRange(held.OrderBy(h => h.Role).Select(h => new ImportProblem($"roles ({h.Role})", $"role {h.Role} would be removed but {h.Count} employee(s) hold it")));
        }
        var competencies = diff.For(FrameworkCollections.Competencies).Removed;
        if (competencies.Count > 0)
        {
            var rated = await db.Assessments.Where(a => competencies.Contains(a.Competency.Code)).GroupBy(a => a.Competency.Code)
                .Select(g => new { Competency = g.Key, Count = g.Count() }).ToListAsync(ct);
            problems.AddRange(rated.OrderBy(h => h.Competency).Select(h => new ImportProblem($"competencies ({h.Competency})", $"competency {h.Competency} would be removed but {h.Count} assessment(s) rate it")));
        }
        return problems;
    }
}
