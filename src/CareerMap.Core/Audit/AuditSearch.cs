using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Audit;

public static class AuditSearch
{
    /// <summary>Entries matching the words (in key, entity, actor or values), entity, actor and date range, newest first.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    public static IQueryable<AuditEntry> Filter(CareerMapDb db, string? q, string? entity, string? actor, DateOnly? from, DateOnly? to)
    {
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity)) query = query.Where(a => a.Entity == entity);
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(a => a.Actor == actor);
        if (from is { } f) query = query.Where(a => a.At >= f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (to is { } t) query = query.Where(a => a.At < t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(a => a.Key.ToLower().Contains(text) || a.Entity.ToLower().Contains(text) || a.Actor.ToLower().Contains(text)
                || (a.Before != null && a.Before.ToLower().Contains(text)) || (a.After != null && a.After.ToLower().Contains(text)));
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }
}
