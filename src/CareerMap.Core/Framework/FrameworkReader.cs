using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Framework;

/// <summary>The stored framework as a document, with each item's version for optimistic concurrency.</summary>
public sealed record FrameworkSnapshot(FrameworkDocument Document, IReadOnlyDictionary<string, int> Versions)
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<string, FrameworkSnapshot> languages = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The framework as a reader of the language sees it (texts translated where they are, the organization's own elsewhere),
    /// made once per snapshot and language; this snapshot itself for the organization's language or one nothing is translated into.
    /// </summary>
    public FrameworkSnapshot In(string? language) =>
        string.IsNullOrWhiteSpace(language) || string.Equals(language, Document.Organization.Language, StringComparison.OrdinalIgnoreCase)
            ? this
            : languages.GetOrAdd(language, l => FrameworkTranslations.Has(Document, l) ? new(FrameworkTranslations.In(Document, l), Versions) : this);

    public static string VersionKey(IFrameworkCollection collection, string key) => $"{collection.Name}/{key}".ToUpperInvariant();

    public int? VersionOf(IFrameworkCollection collection, string key) =>
        Versions.TryGetValue(VersionKey(collection, key), out var v) ? v : null;

    /// <summary>One token for the set of a role's requirements as read (which competencies, each at which version): a form
    /// that edits them together is refused when any of them changed, was added or was removed since.</summary>
    public string RequirementsVersionOf(string role) => string.Join(",", Document.Requirements
        .Where(r => string.Equals(r.Role, role, StringComparison.OrdinalIgnoreCase)).OrderBy(r => r.Competency, StringComparer.OrdinalIgnoreCase)
        .Select(r => $"{r.Competency}:{VersionOf(FrameworkCollections.Requirements, FrameworkCollections.RequirementKey(r.Role, r.Competency))}"));
}

public static class FrameworkReader
{
    public static async Task<FrameworkSnapshot> ReadAsync(CareerMapDb db, CancellationToken ct = default)
    {
        var d = new FrameworkDocument();
        var versions = new Dictionary<string, int>();
        void Version(IFrameworkCollection c, string key, int v) => versions[FrameworkSnapshot.VersionKey(c, key)] = v;

        var org = await db.Organizations.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        if (org is not null) d.Organization = new(org.Code, org.Name, org.TopLevel, org.Language);

        foreach (var g in await db.Grades.AsNoTracking().OrderBy(g => g.Rank).ToListAsync(ct))
        {
            d.Grades.Add(new(g.Code, g.Name, g.Rank, Kept(g.Translations)));
            Version(FrameworkCollections.Grades, g.Code, g.Version);
        }
        foreach (var u in await db.Units.AsNoTracking().OrderBy(u => u.Code).ToListAsync(ct))
        {
            d.Units.Add(new(u.Code, u.Name, u.Description, Kept(u.Translations)));
            Version(FrameworkCollections.Units, u.Code, u.Version);
        }
        foreach (var f in await db.Families.AsNoTracking().Select(f => new { f.Code, f.Name, Unit = f.Unit.Code, f.Track, f.Description, f.Translations, f.Version }).OrderBy(f => f.Code).ToListAsync(ct))
        {
            d.Families.Add(new(f.Code, f.Name, f.Unit, f.Track.Name(), f.Description, Kept(f.Translations)));
            Version(FrameworkCollections.Families, f.Code, f.Version);
        }
        foreach (var c in await db.Competencies.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
        {
            d.Competencies.Add(new(c.Code, c.Name, c.Category.Name(), c.Definition, c.Levels, c.Indicators, Kept(c.Translations)));
            Version(FrameworkCollections.Competencies, c.Code, c.Version);
        }
        var roles = await db.Roles.AsNoTracking()
            .Select(r => new { r.Code, r.Title, Unit = r.Unit.Code, Family = r.Family.Code, Grade = r.Grade.Code, r.Level, r.Summary, r.Scope, r.Duties, r.Prerequisites, r.Translations, r.Version })
            .OrderBy(r => r.Code).ToListAsync(ct);
        foreach (var r in roles)
        {
            d.Roles.Add(new(r.Code, r.Title, r.Unit, r.Family, r.Grade, r.Level, r.Summary, r.Scope, r.Duties, [.. r.Prerequisites.Select(p => p.AsDto())], Kept(r.Translations)));
            Version(FrameworkCollections.Roles, r.Code, r.Version);
        }
        var requirements = await db.Requirements.AsNoTracking()
            .Select(q => new { Role = q.Role.Code, Competency = q.Competency.Code, q.Level, q.Weight, q.Critical, q.Version })
            .OrderBy(q => q.Role).ThenBy(q => q.Competency).ToListAsync(ct);
        foreach (var q in requirements)
        {
            d.Requirements.Add(new(q.Role, q.Competency, q.Level, q.Weight.Tidy(), q.Critical));
            Version(FrameworkCollections.Requirements, FrameworkCollections.RequirementKey(q.Role, q.Competency), q.Version);
        }
        var duties = await db.Duties.AsNoTracking()
            .Select(u => new { u.Code, Family = u.Family.Code, u.Name, u.Order, u.Marks, u.Translations, u.Version })
            .OrderBy(u => u.Family).ThenBy(u => u.Order).ThenBy(u => u.Code).ToListAsync(ct);
        foreach (var u in duties)
        {
            d.Duties.Add(new(u.Code, u.Family, u.Name, u.Order, [.. u.Marks.OrderBy(m => m.Level).Select(m => new DutyMarkDto(m.Level, m.Mark))], Kept(u.Translations)));
            Version(FrameworkCollections.Duties, u.Code, u.Version);
        }
        var strategies = await db.Strategies.AsNoTracking()
            .Select(s => new { s.Code, s.Name, s.Description, Competencies = s.Competencies.Select(c => c.Code).ToList(), s.Translations, s.Version })
            .OrderBy(s => s.Code).ToListAsync(ct);
        foreach (var s in strategies)
        {
            d.Strategies.Add(new(s.Code, s.Name, s.Description, [.. s.Competencies.Order(StringComparer.Ordinal)], Kept(s.Translations)));
            Version(FrameworkCollections.Strategies, s.Code, s.Version);
        }
        var moves = await db.Moves.AsNoTracking()
            .Select(m => new { m.Code, From = m.FromRole.Code, To = m.ToRole.Code, m.Note, m.Prerequisites, m.Off, m.Translations, m.Version })
            .OrderBy(m => m.Code).ToListAsync(ct);
        foreach (var m in moves)
        {
            d.Moves.Add(new(m.Code, m.From, m.To, m.Note, [.. m.Prerequisites.Select(p => p.AsDto())], m.Off, Kept(m.Translations)));
            Version(FrameworkCollections.Moves, m.Code, m.Version);
        }
        return new(d, versions);
    }

    static IReadOnlyDictionary<string, T>? Kept<T>(Dictionary<string, T> translations) => translations.Count > 0 ? translations : null;
}
