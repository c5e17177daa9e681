namespace CareerMap.Framework.Versions;

/// <summary>An item a draft changed that was also changed, differently, in the framework since the draft started.</summary>
public sealed record MergeConflict(string Collection, string Key);

/// <summary>
/// Carries a draft's own changes (what differs between the version it started from and the draft) onto the framework as
/// it stands now, so edits made directly since the draft started are kept rather than undone by adopting it.
/// </summary>
public static class FrameworkMerge
{
    public static (FrameworkDocument Merged, IReadOnlyList<MergeConflict> Conflicts) Merge(FrameworkDocument start, FrameworkDocument draft, FrameworkDocument now)
    {
        var merged = new FrameworkDocument { Format = now.Format, Organization = now.Organization };
        var conflicts = new List<MergeConflict>();
        if (!FrameworkDiff.Same(start.Organization, draft.Organization))
        {
            if (!FrameworkDiff.Same(start.Organization, now.Organization) && !FrameworkDiff.Same(draft.Organization, now.Organization))
                conflicts.Add(new("organization", now.Organization.Code));
            merged.Organization = draft.Organization;
        }
        Carry(FrameworkCollections.Grades, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Units, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Families, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Competencies, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Roles, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Requirements, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Duties, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Strategies, start, draft, now, merged, conflicts);
        Carry(FrameworkCollections.Moves, start, draft, now, merged, conflicts);
        return (merged, conflicts);
    }

    static void Carry<T>(FrameworkCollection<T> c, FrameworkDocument start, FrameworkDocument draft, FrameworkDocument now, FrameworkDocument merged,
        List<MergeConflict> conflicts) where T : class
    {
        var was = ByKey(c, start);
        var drafted = ByKey(c, draft);
        var current = ByKey(c, now);
        var result = c.Items(merged);
        result.AddRange(c.Items(now));
        foreach (var key in was.Keys.Union(drafted.Keys, StringComparer.OrdinalIgnoreCase))
        {
            var before = was.GetValueOrDefault(key);
            var proposed = drafted.GetValueOrDefault(key);
            if (Equal(before, proposed)) continue;
            var present = current.GetValueOrDefault(key);
            if (Equal(present, proposed)) continue;
            if (!Equal(before, present)) conflicts.Add(new(c.Name, key));
            var at = result.FindIndex(i => string.Equals(c.Key(i), key, StringComparison.OrdinalIgnoreCase));
            if (proposed is null) { if (at >= 0) result.RemoveAt(at); }
            else if (at >= 0) result[at] = proposed;
            else result.Add(proposed);
        }
    }

    static Dictionary<string, T> ByKey<T>(FrameworkCollection<T> c, FrameworkDocument d) where T : class =>
        c.Items(d).GroupBy(c.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    static bool Equal(object? a, object? b) => a is null || b is null ? a is null && b is null : FrameworkDiff.Same(a, b);
}
