using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.People;

/// <summary>Roles people hold and competencies they were assessed on may not be removed from the framework.</summary>
public sealed class PeopleFrameworkReferences(CareerMapDb db, IStringLocalizer<SharedResource> L) : IFrameworkReferences
{
    public async Task<IReadOnlyList<ImportProblem>> RemovalProblemsAsync(FrameworkDiff diff, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var roles = diff.For(FrameworkCollections.Roles).Removed;
        if (roles.Count > 0)
        {
            var held = await db.Employees.Where(e => roles.Contains(e.Role.Code)).GroupBy(e => e.Role.Code)
                .Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(ct);
            problems.AddRange(held.OrderBy(h => h.Role).Select(h => new ImportProblem($"roles ({h.Role})", L["role {0} would be removed but {1} employee(s) hold it", h.Role, h.Count])));
        }
        var competencies = diff.For(FrameworkCollections.Competencies).Removed;
        if (competencies.Count > 0)
        {
            var rated = await db.Assessments.Where(a => competencies.Contains(a.Competency.Code)).GroupBy(a => a.Competency.Code)
                .Select(g => new { Competency = g.Key, Count = g.Count() }).ToListAsync(ct);
            problems.AddRange(rated.OrderBy(h => h.Competency).Select(h => new ImportProblem($"competencies ({h.Competency})", L["competency {0} would be removed but {1} assessment(s) rate it", h.Competency, h.Count])));
        }
        return problems;
    }
}
