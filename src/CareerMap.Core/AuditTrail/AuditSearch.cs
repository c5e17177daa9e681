using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

using CareerMap.Audit;

namespace CareerMap.AuditTrail;

public static class AuditSearch
{
    /// <summary>Entries matching the words (in key, entity, actor or values), entity, actor and date range, newest first.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    public static async Task<IQueryable<AuditEntry>> FilterAsync(CareerMapDb db, string? q, string? entity, string? actor, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity)) query = query.Where(a => a.Entity == entity);
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(a => a.Actor == actor);
        if (from is { } f) query = query.Where(a => a.At >= f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (to is { } t) query = query.Where(a => a.At < t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            // Changes are stored with ids (a requirement's RoleId); words that name a role, a competency or a person find
            // the changes that belong to them as well as those that contain the words.
            var mentions = (await MentionsAsync(db, text, ct)).SelectMany(m => new[] { $"%{m},%", $"%{m}}}" }).ToList();
            query = query.Where(a => a.Key.ToLower().Contains(text) || a.Entity.ToLower().Contains(text) || a.Actor.ToLower().Contains(text)
                || (a.Before != null && a.Before.ToLower().Contains(text)) || (a.After != null && a.After.ToLower().Contains(text))
                || mentions.Any(m => EF.Functions.Like(a.After!, m) || EF.Functions.Like(a.Before!, m)));
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    /// <summary>How the words appear in stored changes as ids: "RoleId":5 for a role code, "CompetencyId":7 for a competency's code or name, "EmployeeId":9 (and manager, assessor) for a person's number or name.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1304", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1311", Justification = Sql.CaseInsensitiveMatch)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1862", Justification = Sql.CaseInsensitiveMatch)]
    static async Task<List<string>> MentionsAsync(CareerMapDb db, string text, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => r.Code.ToLower() == text).Select(r => r.Id).ToListAsync(ct);
        var competencies = await db.Competencies.Where(c => c.Code.ToLower() == text || c.Name.ToLower() == text).Select(c => c.Id).ToListAsync(ct);
        var people = await db.Employees.Where(e => e.EmployeeNumber.ToLower() == text || e.Name.ToLower() == text).Select(e => e.Id).Take(20).ToListAsync(ct);
        return [.. roles.Select(id => $"\"RoleId\":{id}"), .. competencies.Select(id => $"\"CompetencyId\":{id}"),
            .. people.SelectMany(id => new[] { $"\"EmployeeId\":{id}", $"\"ManagerId\":{id}", $"\"AssessorId\":{id}" })];
    }
}
