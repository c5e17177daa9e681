using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Versions;
using CareerMap.Paths;
using CareerMap.Plans;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Reports;

/// <summary>One requirement as it would change: a level before (none when added) and after (none when removed).</summary>
public sealed record RequirementChange(string Role, string Competency, int? Before, int? After, bool CriticalBefore, bool CriticalAfter);

/// <summary>
/// A plan aiming at a role whose requirements would change, with the person's gaps toward it (competencies below the
/// level asked, on their effective ratings) under the requirements in effect and under the draft's.
/// </summary>
public sealed record PlanAffected(int Plan, string EmployeeNumber, string Name, string Role, PlanStatus Status, int GapsNow, int GapsAfter);

/// <summary>
/// What adopting a draft would do, before anyone adopts it: the framework's changes, the requirement changes, each
/// changed role's bench (who would join or leave ready now) and the open plans aiming at those roles.
/// </summary>
public sealed record DraftPreview(FrameworkVersionView Draft, FrameworkDiff Changes, IReadOnlyList<MergeConflict> Conflicts,
    IReadOnlyList<RequirementChange> Requirements, IReadOnlyList<BenchChange> Benches, int PlansAffected, IReadOnlyList<PlanAffected> Plans);

public sealed class DraftEffect(CareerMapDb db, FrameworkVersions versions, SuccessionReport succession, CareerPaths paths, CareerMap.People.RatingIndexCache ratings,
    TimeProvider clock)
{
    /// <summary>Benches are worked out for this many changed roles at most, plans listed up to this many.</summary>
    public const int Shown = 50;

    public async Task<DraftPreview?> PreviewAsync(int number, CancellationToken ct = default)
    {
        if (await versions.GetAsync(number, ct) is not { } draft || await versions.MergedAsync(number, ct) is not { } merge) return null;
        var (merged, conflicts, now) = merge;
        var changes = FrameworkDiff.Between(now, merged);
        var requirements = RequirementChanges(now, merged);
        var roles = requirements.Select(r => r.Role).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(r => FrameworkCollections.Roles.IndexOf(merged, r) >= 0 && FrameworkCollections.Roles.IndexOf(now, r) >= 0).ToList();

        var benches = new List<BenchChange>();
        if (roles.Count > 0)
        {
            var graph = await paths.GraphAsync(ct);
            foreach (var role in roles.Take(Shown))
            {
                var needs = merged.Requirements.Where(r => string.Equals(r.Role, role, StringComparison.OrdinalIgnoreCase))
                    .Select(r => new Need(r.Competency, r.Level, r.Weight, r.Critical)).ToList();
                if (await succession.WhatIfAsync(graph, role, needs, null, ct) is { } change) benches.Add(change);
            }
        }

        var aimed = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var open = aimed.Count == 0 ? [] : await db.Plans.AsNoTracking().Where(p => p.Status != PlanStatus.Completed)
            .Select(p => new { p.Id, p.EmployeeId, p.TargetRoles, p.Status }).ToListAsync(ct);
        var affected = open.Select(p => (p.Id, p.EmployeeId, p.Status, Role: p.TargetRoles.FirstOrDefault(aimed.Contains))).Where(p => p.Role is not null).ToList();
        var shown = affected.OrderBy(p => p.Id).Take(Shown).ToList();
        var ids = shown.Select(p => p.EmployeeId).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => (e.EmployeeNumber, e.Name), ct);
        var index = shown.Count == 0 ? null : await ratings.GetAsync(db, clock.Today(), ct);
        int Gaps(int employeeId, FrameworkDocument framework, string role) => index!.RowOf(employeeId) is >= 0 and var row
            ? framework.Requirements.Count(r => string.Equals(r.Role, role, StringComparison.OrdinalIgnoreCase) && index.Level(row, r.Competency) < r.Level)
            : 0;
        var plans = shown.Select(p => new PlanAffected(p.Id, people[p.EmployeeId].EmployeeNumber, people[p.EmployeeId].Name, p.Role!, p.Status,
            Gaps(p.EmployeeId, now, p.Role!), Gaps(p.EmployeeId, merged, p.Role!))).ToList();
        return new(draft.View, changes, conflicts, requirements, benches, affected.Count, plans);
    }

    static List<RequirementChange> RequirementChanges(FrameworkDocument now, FrameworkDocument merged)
    {
        var key = FrameworkCollections.Requirements;
        var before = now.Requirements.GroupBy(key.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var after = merged.Requirements.GroupBy(key.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase)
            .Select(k => (Was: before.GetValueOrDefault(k), Is: after.GetValueOrDefault(k)))
            .Where(x => x.Was is null || x.Is is null || x.Was.Level != x.Is.Level || x.Was.Critical != x.Is.Critical || x.Was.Weight != x.Is.Weight)
            .Select(x => new RequirementChange((x.Is ?? x.Was)!.Role, (x.Is ?? x.Was)!.Competency, x.Was?.Level, x.Is?.Level, x.Was?.Critical ?? false, x.Is?.Critical ?? false))
            .OrderBy(r => r.Role, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Competency, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
