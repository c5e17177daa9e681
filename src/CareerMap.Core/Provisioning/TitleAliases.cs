using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.Provisioning;

public sealed record TitleAliasView(int Id, string Title, string? Grade, string Role, string RoleTitle);

/// <summary>HR's table of job titles from the HR system and the roles they mean. Saving an alias links the users waiting for it.</summary>
public sealed class TitleAliases(CareerMapDb db, ScimProvisioning scim, IStringLocalizer<SharedResource> L)
{
    public Task<List<TitleAliasView>> ListAsync(CancellationToken ct = default) =>
        db.TitleAliases.AsNoTracking().OrderBy(a => a.TitleKey).ThenBy(a => a.Grade)
            .Select(a => new TitleAliasView(a.Id, a.Title, a.Grade, a.Role.Code, a.Role.Title)).ToListAsync(ct);

    /// <summary>Adds or changes the alias of a title (and grade); returns the problems, or how many waiting users it linked.</summary>
    public async Task<(IReadOnlyList<ImportProblem> Problems, TitleAliasView? Alias, int Linked)> SetAsync(string? title, string? grade, string? role, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add(new("title", L["the title is required"]));
        else if (title.Length > 200) problems.Add(new("title", L["the title is longer than 200 characters"]));
        grade = string.IsNullOrWhiteSpace(grade) ? null : grade.Trim();
        if (grade is not null && !await db.Grades.AnyAsync(g => g.Code == grade, ct)) problems.Add(new("grade", L["no grade '{0}' on the scale", grade]));
        var target = string.IsNullOrWhiteSpace(role) ? null : await db.Roles.Where(r => r.Code == role.Trim()).Select(r => new { r.Id, r.Code, r.Title }).FirstOrDefaultAsync(ct);
        if (target is null) problems.Add(new("role", string.IsNullOrWhiteSpace(role) ? L["the role is required"] : L["no role '{0}' in the framework", role]));
        if (problems.Count > 0) return (problems, null, 0);
        var key = TitleAlias.KeyOf(title!);
        var alias = await db.TitleAliases.SingleOrDefaultAsync(a => a.TitleKey == key && a.Grade == grade, ct);
        if (alias is null) db.TitleAliases.Add(alias = new TitleAlias { Title = title!.Trim(), TitleKey = key, Grade = grade });
        alias.RoleId = target!.Id;
        await db.SaveChangesAsync(ct);
        var linked = await scim.ResolveWaitingAsync(ct);
        return ([], new(alias.Id, alias.Title, alias.Grade, target.Code, target.Title), linked);
    }

    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default)
    {
        var alias = await db.TitleAliases.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alias is null) return false;
        db.TitleAliases.Remove(alias);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
