using System.Globalization;

namespace CareerMap.Framework;

/// <summary>
/// Finds roles and competencies by what a person would type: every word of the query somewhere in the item's texts, in the
/// reader's language or the framework's own, regardless of capitals and accents ("educacion" finds "Educación").
/// </summary>
public static class FrameworkSearch
{
    static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The roles of the reading document whose texts (or the original's) hold every word, in the reading order.</summary>
    public static IReadOnlyList<RoleDto> Roles(FrameworkDocument reading, FrameworkDocument original, string? query)
    {
        var words = Words(query);
        if (words.Count == 0) return reading.Roles;
        var originals = original.Roles.ToDictionary(r => r.Code, StringComparer.Ordinal);
        string? Unit(FrameworkDocument d, string code) => d.Units.FirstOrDefault(u => u.Code == code)?.Name;
        string? Family(FrameworkDocument d, string code) => d.Families.FirstOrDefault(f => f.Code == code)?.Name;
        return [.. reading.Roles.Where(r =>
        {
            var o = originals.GetValueOrDefault(r.Code) ?? r;
            return Holds(words, [r.Code, r.Title, r.Summary, r.Scope, Unit(reading, r.Unit), Family(reading, r.Family), .. r.Duties ?? [],
                o.Title, o.Summary, Unit(original, o.Unit), Family(original, o.Family), .. o.Duties ?? []]);
        })];
    }

    /// <summary>The competencies whose name, definition, levels or indicators (in either language) hold every word.</summary>
    public static IReadOnlyList<CompetencyDto> Competencies(FrameworkDocument reading, FrameworkDocument original, string? query)
    {
        var words = Words(query);
        if (words.Count == 0) return reading.Competencies;
        var originals = original.Competencies.ToDictionary(c => c.Code, StringComparer.Ordinal);
        return [.. reading.Competencies.Where(c =>
        {
            var o = originals.GetValueOrDefault(c.Code) ?? c;
            return Holds(words, [c.Code, c.Name, c.Definition, .. c.Levels, .. c.Indicators ?? [], o.Name, o.Definition, .. o.Levels, .. o.Indicators ?? []]);
        })];
    }

    static bool Holds(IReadOnlyList<string> words, IReadOnlyList<string?> texts) =>
        words.All(w => texts.Any(t => t is not null && Compare.IndexOf(t, w, Loose) >= 0));
}
