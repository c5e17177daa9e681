using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace CareerMap.Plans;

/// <summary>One step of a template: an action due some days after the person starts in the role.</summary>
public sealed record PlanTemplateItem(int Days, string Competency, string? Strategy, string Description);

/// <summary>
/// A plan HR keeps for a role (or every role of a family): the goal and the actions of someone's first weeks in it,
/// such as a 30-60-90 day plan. A person who starts in the role gets a draft plan from it, dated from their start.
/// </summary>
public sealed class PlanTemplate
{
    public int Id { get; set; }
    /// <summary>A role's code, or a family's code for every role of the family that has no template of its own.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Goal { get; set; }
    public List<PlanTemplateItem> Items { get; set; } = [];
    public int Version { get; set; } = 1;
}

sealed class PlanTemplateConfiguration : IEntityTypeConfiguration<PlanTemplate>
{
    public void Configure(EntityTypeBuilder<PlanTemplate> b)
    {
        b.ToTable("plan_templates");
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Goal).HasMaxLength(PlanTemplates.MaxText);
        b.Property(x => x.Items).HasJsonConversion();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

public sealed record PlanTemplateView(string Code, string AppliesTo, string Name, string? Goal, IReadOnlyList<PlanTemplateItem> Items, int Version);

/// <summary>
/// A template as HR sends it: every item it will have. Version is the one the sender read: a save over a template that
/// has moved on since (or, with 0, over one someone else created meanwhile) is refused; without it the save replaces whatever is there.
/// </summary>
public sealed record PlanTemplateRequest(string? Name, string? Goal, IReadOnlyList<PlanTemplateItem>? Items, int? Version = null);

/// <summary>What became of a save or a delete: saved (with the template as stored), refused with field errors, stale, or not found.</summary>
public sealed record PlanTemplateOutcome(WriteStatus Status, PlanTemplateView? Saved = null, Dictionary<string, string[]>? Errors = null);

/// <summary>Someone who starts in a role: a new hire, or a person moved into it.</summary>
public sealed record RoleEntrant(int EmployeeId, string Role, DateOnly Start);

public sealed class PlanTemplates(CareerMapDb db, FrameworkService framework, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int MaxText = 2000;
    public const int MaxItems = 30;
    public const int MaxDays = 365;
    /// <summary>A start further back than this is history brought in (a first roster), not someone starting now: no plan.</summary>
    public const int RecentDays = 60;

    public async Task<IReadOnlyList<PlanTemplateView>> ListAsync(CancellationToken ct = default)
    {
        var document = (await framework.SnapshotAsync(ct)).Document;
        var rows = await db.PlanTemplates.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);
        return [.. rows.Select(t => View(document, t))];
    }

    /// <summary>
    /// Creates or replaces the template for a role or family. Refused, with the field errors (place and reason) in the
    /// writer's language, when invalid; stale when <see cref="PlanTemplateRequest.Version"/> is not the stored one. Nothing changes when refused.
    /// </summary>
    public async Task<PlanTemplateOutcome> SaveAsync(string code, PlanTemplateRequest request, CancellationToken ct = default)
    {
        var document = (await framework.SnapshotAsync(ct)).Document;
        var errors = new Dictionary<string, string[]>();
        var canonical = document.Roles.FirstOrDefault(r => Same(r.Code, code))?.Code ?? document.Families.FirstOrDefault(f => Same(f.Code, code))?.Code;
        if (string.IsNullOrWhiteSpace(code)) errors["code"] = [L["say which role or job family the template is for"]];
        else if (canonical is null) errors["code"] = [L["'{0}' is neither a role nor a job family", code]];
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = [L["name is required"]];
        else if (request.Name.Trim().Length > 200) errors["name"] = [L["name is at most {0} characters", 200]];
        if (request.Goal is { Length: > MaxText }) errors["goal"] = [L["goal is at most {0} characters", MaxText]];
        var items = request.Items ?? [];
        if (items.Count > MaxItems) errors["items"] = [L["a template has at most {0} items", MaxItems]];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var place = $"items[{i}]";
            if (item.Days is < 1 or > MaxDays) errors[$"{place}.days"] = [L["days must be between 1 and {0}", MaxDays]];
            if (string.IsNullOrWhiteSpace(item.Competency)) errors[$"{place}.competency"] = [L["competency is required"]];
            else if (!document.Competencies.Any(c => Same(c.Code, item.Competency))) errors[$"{place}.competency"] = [L["unknown competency '{0}'", item.Competency]];
            if (item.Strategy is { } s && !document.Strategies.Any(x => Same(x.Code, s))) errors[$"{place}.strategy"] = [L["unknown development strategy '{0}'", s]];
            if (string.IsNullOrWhiteSpace(item.Description)) errors[$"{place}.description"] = [L["description is required"]];
            else if (item.Description.Trim().Length > 500) errors[$"{place}.description"] = [L["description is at most {0} characters", 500]];
        }
        if (errors.Count > 0) return new(WriteStatus.Invalid, Errors: errors);
        var template = await db.PlanTemplates.FirstOrDefaultAsync(t => t.Code == canonical, ct);
        if (request.Version is int read && read != (template?.Version ?? 0)) return new(WriteStatus.Stale);
        if (template is null) db.PlanTemplates.Add(template = new PlanTemplate { Code = canonical!, Name = "" });
        else if (request.Version is int expected) db.Entry(template).Property(t => t.Version).OriginalValue = expected;
        template.Name = request.Name!.Trim();
        template.Goal = string.IsNullOrWhiteSpace(request.Goal) ? null : request.Goal.Trim();
        template.Items = [.. items.OrderBy(i => i.Days).Select(i => new PlanTemplateItem(i.Days,
            document.Competencies.First(c => Same(c.Code, i.Competency)).Code,
            i.Strategy is null ? null : document.Strategies.First(x => Same(x.Code, i.Strategy)).Code, i.Description.Trim()))];
        if (!await SavedAsync(ct)) return new(WriteStatus.Stale);
        return new(WriteStatus.Saved, View(document, template));
    }

    /// <summary>Removes a template; stale when <paramref name="version"/> is given and the template has moved on since.</summary>
    public async Task<WriteStatus> DeleteAsync(string code, int? version = null, CancellationToken ct = default)
    {
        var template = await db.PlanTemplates.FirstOrDefaultAsync(t => t.Code == code, ct)
            ?? (await db.PlanTemplates.ToListAsync(ct)).FirstOrDefault(t => Same(t.Code, code));
        if (template is null) return WriteStatus.NotFound;
        if (version is int read)
        {
            if (read != template.Version) return WriteStatus.Stale;
            db.Entry(template).Property(t => t.Version).OriginalValue = read;
        }
        db.PlanTemplates.Remove(template);
        return await SavedAsync(ct) ? WriteStatus.Saved : WriteStatus.Stale;
    }

    /// <summary>False when another writer got there first: the template changed or went, or another one for the same code was created.</summary>
    async Task<bool> SavedAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// A draft plan from the role's template (else its family's) for each person who starts in a role now (within the
    /// last <see cref="RecentDays"/> days, or later), dated from their start: the cycle of the start date, each action due
    /// its days after the start. A person who already has a plan for that cycle keeps it untouched. Returns how many were drafted.
    /// </summary>
    public async Task<int> DraftForAsync(IReadOnlyCollection<RoleEntrant> entrants, CancellationToken ct = default)
    {
        var recent = clock.Today().AddDays(-RecentDays);
        var starting = entrants.Where(e => e.Start >= recent).ToList();
        if (starting.Count == 0) return 0;
        var document = (await framework.SnapshotAsync(ct)).Document;
        var templates = await db.PlanTemplates.AsNoTracking().ToDictionaryAsync(t => t.Code, StringComparer.OrdinalIgnoreCase, ct);
        if (templates.Count == 0) return 0;
        var ids = starting.Select(e => e.EmployeeId).ToList();
        var planned = (await db.Plans.AsNoTracking().Where(p => ids.Contains(p.EmployeeId)).Select(p => new { p.EmployeeId, p.Cycle }).ToListAsync(ct))
            .Select(p => (p.EmployeeId, p.Cycle)).ToHashSet();
        var drafted = 0;
        foreach (var entrant in starting)
        {
            var role = document.Roles.FirstOrDefault(r => Same(r.Code, entrant.Role));
            if (role is null) continue;
            var template = templates.GetValueOrDefault(role.Code) ?? templates.GetValueOrDefault(role.Family);
            var cycle = PlanService.Cycle(entrant.Start);
            if (template is null || !planned.Add((entrant.EmployeeId, cycle))) continue;
            db.Plans.Add(new DevelopmentPlan
            {
                EmployeeId = entrant.EmployeeId, Cycle = cycle, Status = PlanStatus.Draft, CreatedOn = entrant.Start,
                ShortTermProfessional = template.Goal ?? template.Name,
                Actions = [.. template.Items.Select(i => new PlanAction
                {
                    Competency = i.Competency, Strategy = i.Strategy, Description = i.Description, DueOn = entrant.Start.AddDays(i.Days), Status = ActionStatus.NotStarted,
                })],
            });
            drafted++;
        }
        await db.SaveChangesAsync(ct);
        return drafted;
    }

    /// <summary>The people of a roster import who started in a role, by the numbers the report names.</summary>
    public async Task<int> DraftForImportAsync(RosterReport report, CancellationToken ct = default)
    {
        if (!report.Applied || report.Entrants.Count == 0) return 0;
        var numbers = report.Entrants.Select(e => e.EmployeeNumber).ToList();
        var ids = await db.Employees.Where(e => numbers.Contains(e.EmployeeNumber)).ToDictionaryAsync(e => e.EmployeeNumber, e => e.Id, StringComparer.OrdinalIgnoreCase, ct);
        return await DraftForAsync([.. report.Entrants.Where(e => ids.ContainsKey(e.EmployeeNumber)).Select(e => new RoleEntrant(ids[e.EmployeeNumber], e.Role, e.Start))], ct);
    }

    static PlanTemplateView View(FrameworkDocument document, PlanTemplate t) =>
        new(t.Code, document.Roles.FirstOrDefault(r => r.Code == t.Code) is { } role ? "role" : "family", t.Name, t.Goal, t.Items, t.Version);

    static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
