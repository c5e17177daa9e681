using System.Text.Json;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

using CareerMap.Audit;

namespace CareerMap.AuditTrail;

/// <summary>One field of a change, with ids put in the words people know (a role code, a competency's name, a person).</summary>
public sealed record AuditField(string Name, string? Before, string? After);

/// <summary>
/// An audit entry told for people: what kind of thing (Entity), which one (Subject: "CC-REP-3 · Customer Focus",
/// "Adriana Okafor (E000123)"), and the fields that changed, before and after. Fields that only say what the change
/// belongs to (a role id that did not change) are in the subject, not the list.
/// </summary>
public sealed record AuditLine(long Id, DateTime At, string Actor, string Entity, string Action, string Subject, IReadOnlyList<AuditField> Fields);

/// <summary>Tells audit entries for people. It reads roles, competencies, people and plans, so it lives beside them (AuditTrail), not in Audit, which every feature writes to.</summary>
public sealed class AuditStories(CareerMapDb db)
{
    // A badge's JWT is its whole credential, signed: the kind, person, competency and level say which badge it is.
    static readonly HashSet<string> Hidden = ["Id", "Version", "NormalizedEmail", "NormalizedUserName", "NormalizedName", "Jwt"];

    public async Task<IReadOnlyList<AuditLine>> TellAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        var parsed = entries.Select(e => (Entry: e, Before: Parse(e.Before), After: Parse(e.After))).ToList();
        IEnumerable<int> Ids(params string[] names) => parsed.SelectMany(p => names.SelectMany(n => new[] { Int(p.Before, n), Int(p.After, n) })).OfType<int>().Distinct();

        // Requirements recorded before changes named their role and competency: found through the row, while it exists.
        var bare = parsed.Where(p => p.Entry.Entity == "RoleRequirement" && Int(p.Before, "RoleId") is null && Int(p.After, "RoleId") is null && int.TryParse(p.Entry.Key, out _))
            .Select(p => int.Parse(p.Entry.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var requirementRows = bare.Count == 0 ? [] : await db.Requirements.AsNoTracking().Where(r => bare.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => (r.RoleId, r.CompetencyId), ct);
        var roleIds = Ids("RoleId", "FromRoleId", "ToRoleId").Concat(requirementRows.Values.Select(v => v.RoleId)).Distinct().ToList();
        var competencyIds = Ids("CompetencyId").Concat(requirementRows.Values.Select(v => v.CompetencyId)).Distinct().ToList();
        var personIds = Ids("EmployeeId", "ManagerId", "AssessorId", "ByEmployeeId").ToList();
        var planIds = Ids("PlanId").ToList();

        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var competencies = await db.Competencies.AsNoTracking().Where(c => competencyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.EmployeeId, p.Cycle), ct);
        personIds.AddRange(plans.Values.Select(p => p.EmployeeId));
        var people = await db.Employees.AsNoTracking().Where(e => personIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => $"{e.Name} ({e.EmployeeNumber})", ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var families = await db.Families.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Code, ct);
        var grades = await db.Grades.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Code, ct);

        string? Named(string field, JsonElement? value)
        {
            if (value is not { } v || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var id))
            {
                var name = field switch
                {
                    "RoleId" or "FromRoleId" or "ToRoleId" => roles.GetValueOrDefault(id),
                    "CompetencyId" => competencies.GetValueOrDefault(id),
                    "EmployeeId" or "ManagerId" or "AssessorId" or "ByEmployeeId" => people.GetValueOrDefault(id),
                    "UnitId" => units.GetValueOrDefault(id),
                    "FamilyId" => families.GetValueOrDefault(id),
                    "GradeId" => grades.GetValueOrDefault(id),
                    "PlanId" => plans.TryGetValue(id, out var plan) ? $"{people.GetValueOrDefault(plan.EmployeeId)} · {plan.Cycle}" : null,
                    _ => null,
                };
                if (name is not null) return name;
            }
            return v.ValueKind == JsonValueKind.String ? Plain(v.GetString()!) : Plain(v);
        }

        return [.. parsed.Select(p =>
        {
            var e = p.Entry;
            JsonElement? Either(string name) => Get(p.After, name) ?? Get(p.Before, name);
            string? Of(string name) => Named(name, Either(name));
            var (role, competency) = e.Entity == "RoleRequirement" && Either("RoleId") is null && int.TryParse(e.Key, out var rid) && requirementRows.TryGetValue(rid, out var row)
                ? (roles.GetValueOrDefault(row.RoleId), competencies.GetValueOrDefault(row.CompetencyId))
                : (Of("RoleId"), Of("CompetencyId"));
            var subject = e.Entity switch
            {
                "RoleRequirement" => Join(role, competency) ?? e.Key,
                "Assessment" or "Badge" => Join(Of("EmployeeId"), competency) ?? e.Key,
                "DevelopmentPlan" => Join(Of("EmployeeId"), Of("Cycle")) ?? e.Key,
                "PlanAction" or "PlanEvent" => Join(Of("PlanId"), Of("Competency")) ?? e.Key,
                _ => e.Key,
            };
            var names = Names(p.Before).Concat(Names(p.After)).Distinct().Where(n => !Hidden.Contains(n)).ToList();
            var fields = names
                .Select(n => new AuditField(n, Named(n, Get(p.Before, n)), Named(n, Get(p.After, n))))
                // Added and removed items list every field; a change lists only what changed.
                .Where(f => e.Action != "modified" || f.Before != f.After)
                .ToList();
            return new AuditLine(e.Id, e.At, e.Actor, e.Entity, e.Action, subject, fields);
        })];
    }

    /// <summary>Values kept as JSON (a list of duties, a move's prerequisites) read as their values, not as JSON.</summary>
    static string Plain(string text)
    {
        if (text.Length < 2 || text[0] is not ('[' or '{')) return text;
        try
        {
            using var json = JsonDocument.Parse(text);
            return Plain(json.RootElement);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    static string Plain(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Array => string.Join("; ", v.EnumerateArray().Select(Plain).Where(x => x.Length > 0)),
        JsonValueKind.Object => string.Join(", ", v.EnumerateObject().Where(p => p.Value.ValueKind is not JsonValueKind.Null).Select(p => Plain(p.Value)).Where(x => x.Length > 0)),
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Null => "",
        _ => v.GetRawText(),
    };

    static string? Join(string? a, string? b) => a is null && b is null ? null : string.Join(" · ", new[] { a, b }.Where(x => x is not null));

    static Dictionary<string, JsonElement>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static IEnumerable<string> Names(Dictionary<string, JsonElement>? values) => values?.Keys ?? Enumerable.Empty<string>();

    static JsonElement? Get(Dictionary<string, JsonElement>? values, string name) => values is not null && values.TryGetValue(name, out var v) ? v : null;

    static int? Int(Dictionary<string, JsonElement>? values, string name) =>
        Get(values, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;
}
