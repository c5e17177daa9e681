using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Localization;

namespace CareerMap.People;

/// <summary>
/// A rating round HR opens: who is in it (units and roles; none named means everyone), from when until when. Ratings
/// made while it is open, of someone in it, are marked with it; the history of ratings stays append-only.
/// </summary>
public sealed class ReviewCycle
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly DueOn { get; set; }
    public List<string> Units { get; set; } = [];
    public List<string> Roles { get; set; } = [];
    public DateOnly CreatedOn { get; set; }
    /// <summary>The day HR closed it: from then on nobody is asked for ratings in it and no rating is marked with it.</summary>
    public DateOnly? ClosedOn { get; set; }

    public bool IsOpen(DateOnly today) => ClosedOn is null && OpensOn <= today && today <= DueOn;

    public bool Covers(string unit, string role) =>
        (Units.Count == 0 || Units.Contains(unit, StringComparer.OrdinalIgnoreCase)) && (Roles.Count == 0 || Roles.Contains(role, StringComparer.OrdinalIgnoreCase));
}

sealed class ReviewCycleConfiguration : IEntityTypeConfiguration<ReviewCycle>
{
    public void Configure(EntityTypeBuilder<ReviewCycle> b)
    {
        b.ToTable("review_cycles");
        b.Property(x => x.Name).HasMaxLength(ReviewCycles.NameLength);
        b.Property(x => x.Units).HasJsonConversion();
        b.Property(x => x.Roles).HasJsonConversion();
        b.HasIndex(x => x.DueOn);
        // Two HR people closing the same cycle at once: the second finds it closed instead of closing it again.
        b.Property(x => x.ClosedOn).IsConcurrencyToken();
    }
}

/// <summary>A cycle and how far it has come: everyone in it, how many rated themselves, how many their manager has fully rated.</summary>
public sealed record CycleView(int Id, string Name, DateOnly OpensOn, DateOnly DueOn, IReadOnlyList<string> Units, IReadOnlyList<string> Roles, bool Open,
    int People, int SelfRated, int Complete, DateOnly? ClosedOn)
{
    public int Percent => People == 0 ? 0 : (int)Math.Round(100.0 * Complete / People, MidpointRounding.AwayFromZero);
}

/// <summary>A unit's progress in a cycle.</summary>
public sealed record CycleUnit(string Unit, string Name, int People, int SelfRated, int Complete)
{
    public int Percent => People == 0 ? 0 : (int)Math.Round(100.0 * Complete / People, MidpointRounding.AwayFromZero);
}

/// <summary>One person in a cycle: whether they rated themselves, and which of their role's competencies still wait for a manager's rating.</summary>
public sealed record CyclePerson(string EmployeeNumber, string Name, string Role, bool SelfRated, IReadOnlyList<string> LeftToRate)
{
    public bool Complete => LeftToRate.Count == 0;
}

/// <summary>
/// Review cycles: HR opens one; each person is asked to rate themselves first; their manager rates them on their role's
/// competencies; a person is complete when every competency their role requires has a manager's rating made in the cycle.
/// </summary>
public sealed class ReviewCycles(CareerMapDb db, FrameworkService framework, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int NameLength = 120;

    sealed record Member(int Id, string EmployeeNumber, string Name, int? ManagerId, string Role, string Unit);

    /// <summary>Who is in a cycle, by id, with their manager and where they stand (for the notices that ask them).</summary>
    public sealed record Participant(int Id, int? ManagerId, CyclePerson Person);

    public async Task<IReadOnlyList<Participant>> ParticipantsAsync(ReviewCycle cycle, CancellationToken ct = default) =>
        [.. (await PeopleAsync(cycle, null, ct)).Select(p => new Participant(p.Member.Id, p.Member.ManagerId, p.Person))];

    public async Task<(CycleView? Opened, Dictionary<string, string[]> Errors)> OpenAsync(string? name, DateOnly? opensOn, DateOnly? dueOn,
        IReadOnlyList<string>? units, IReadOnlyList<string>? roles, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var document = (await framework.SnapshotAsync(ct)).Document;
        var today = clock.Today();
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = [L["name is required"]];
        else if (name.Trim().Length > NameLength) errors["name"] = [L["name is limited to {0} characters", NameLength]];
        if (opensOn is null) errors["opensOn"] = [L["the opening day is required"]];
        if (dueOn is null) errors["dueOn"] = [L["the due day is required"]];
        else if (opensOn is not null && dueOn < opensOn) errors["dueOn"] = [L["the due day comes before the opening day"]];
        else if (dueOn < today) errors["dueOn"] = [L["the due day has already passed"]];
        var unitCodes = Known(units, document.Units.Select(u => u.Code), "units", code => L["unknown unit '{0}'", code], errors);
        var roleCodes = Known(roles, document.Roles.Select(r => r.Code), "roles", code => L["unknown role '{0}'", code], errors);
        if (errors.Count > 0) return (null, errors);
        var cycle = new ReviewCycle { Name = name!.Trim(), OpensOn = opensOn!.Value, DueOn = dueOn!.Value, Units = unitCodes, Roles = roleCodes, CreatedOn = today };
        db.Add(cycle);
        await db.SaveChangesAsync(ct);
        return ((await ListAsync(ct)).First(c => c.Id == cycle.Id), errors);
    }

    static List<string> Known(IReadOnlyList<string>? asked, IEnumerable<string> known, string field, Func<string, string> unknown, Dictionary<string, string[]> errors)
    {
        var codes = known.ToList();
        var kept = new List<string>();
        foreach (var code in (asked ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()))
        {
            if (codes.FirstOrDefault(k => string.Equals(k, code, StringComparison.OrdinalIgnoreCase)) is { } match) { if (!kept.Contains(match)) kept.Add(match); }
            else errors[field] = [unknown(code)];
        }
        return kept;
    }

    /// <summary>Every cycle, latest first, with its progress.</summary>
    public async Task<IReadOnlyList<CycleView>> ListAsync(CancellationToken ct = default)
    {
        var cycles = await db.Set<ReviewCycle>().AsNoTracking().OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).ToListAsync(ct);
        var views = new List<CycleView>();
        foreach (var cycle in cycles)
        {
            var people = await PeopleAsync(cycle, null, ct);
            views.Add(View(cycle, people));
        }
        return views;
    }

    /// <summary>The cycles open today, due soonest first.</summary>
    public async Task<IReadOnlyList<ReviewCycle>> OpenAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        return await db.Set<ReviewCycle>().AsNoTracking().Where(c => c.ClosedOn == null && c.OpensOn <= today && c.DueOn >= today).OrderBy(c => c.DueOn).ToListAsync(ct);
    }

    /// <summary>What closing a cycle came to: closed now (its view), not found, or closed already (on that day).</summary>
    public sealed record Closing(CycleView? Closed, DateOnly? AlreadyClosedOn, bool Found = true);

    /// <summary>Closes a cycle today: it leaves everyone's open cycles, and ratings made from now on are no longer marked with it. Closing it again is refused.</summary>
    public async Task<Closing> CloseAsync(int id, CancellationToken ct = default)
    {
        var cycle = await db.Set<ReviewCycle>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cycle is null) return new(null, null, Found: false);
        if (cycle.ClosedOn is { } closed) return new(null, closed);
        cycle.ClosedOn = clock.Today();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(null, (await FindAsync(id, ct))?.ClosedOn ?? clock.Today());
        }
        return new(View(cycle, await PeopleAsync(cycle, null, ct)), null);
    }

    public async Task<ReviewCycle?> FindAsync(int id, CancellationToken ct = default) => await db.Set<ReviewCycle>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Progress by unit, for HR.</summary>
    public async Task<(CycleView Cycle, IReadOnlyList<CycleUnit> Units)> ProgressAsync(ReviewCycle cycle, CancellationToken ct = default)
    {
        var document = (await framework.SnapshotAsync(ct)).Document;
        var people = await PeopleAsync(cycle, null, ct);
        var units = people.GroupBy(p => p.Member.Unit).Select(g => new CycleUnit(g.Key, document.Units.FirstOrDefault(u => u.Code == g.Key)?.Name ?? g.Key, g.Count(),
            g.Count(p => p.Person.SelfRated), g.Count(p => p.Person.Complete))).OrderBy(u => u.Name, StringComparer.CurrentCulture).ToList();
        return (View(cycle, people), units);
    }

    /// <summary>A manager's direct reports in the cycle: who has rated themselves, and what is left for the manager to rate.</summary>
    public async Task<IReadOnlyList<CyclePerson>> TeamAsync(ReviewCycle cycle, int managerId, CancellationToken ct = default) =>
        [.. (await PeopleAsync(cycle, managerId, ct)).Select(p => p.Person).OrderBy(p => p.Complete).ThenBy(p => p.Name, StringComparer.CurrentCulture)];

    /// <summary>The open cycles a person is in, with where they stand in each.</summary>
    public async Task<IReadOnlyList<(ReviewCycle Cycle, CyclePerson Me)>> MineAsync(int employeeId, CancellationToken ct = default)
    {
        var today = clock.Today();
        var me = await Members(db.Employees.Where(e => e.Id == employeeId)).FirstOrDefaultAsync(ct);
        if (me is null) return [];
        var open = (await db.Set<ReviewCycle>().AsNoTracking().Where(c => c.ClosedOn == null && c.OpensOn <= today && c.DueOn >= today).ToListAsync(ct)).Where(c => c.Covers(me.Unit, me.Role));
        var mine = new List<(ReviewCycle, CyclePerson)>();
        foreach (var cycle in open)
            mine.Add((cycle, (await StatusAsync(cycle, [me], ct))[0].Person));
        return mine;
    }

    /// <summary>The open cycle a new rating of this person belongs to, if any (the one due soonest, should two overlap).</summary>
    public async Task<int?> CycleOfAsync(int employeeId, CancellationToken ct = default)
    {
        var today = clock.Today();
        var open = await db.Set<ReviewCycle>().AsNoTracking().Where(c => c.ClosedOn == null && c.OpensOn <= today && c.DueOn >= today).OrderBy(c => c.DueOn).ToListAsync(ct);
        if (open.Count == 0) return null;
        var me = await Members(db.Employees.Where(e => e.Id == employeeId)).FirstOrDefaultAsync(ct);
        return me is null ? null : open.FirstOrDefault(c => c.Covers(me.Unit, me.Role))?.Id;
    }

    CycleView View(ReviewCycle c, IReadOnlyList<(Member Member, CyclePerson Person)> people) =>
        new(c.Id, c.Name, c.OpensOn, c.DueOn, c.Units, c.Roles, c.IsOpen(clock.Today()), people.Count, people.Count(p => p.Person.SelfRated),
            people.Count(p => p.Person.Complete), c.ClosedOn);

    static IQueryable<Member> Members(IQueryable<Employee> employees) =>
        employees.Where(e => e.DeactivatedOn == null).Select(e => new Member(e.Id, e.EmployeeNumber, e.Name, e.ManagerId, e.Role.Code, e.Role.Unit.Code));

    async Task<IReadOnlyList<(Member Member, CyclePerson Person)>> PeopleAsync(ReviewCycle cycle, int? managerId, CancellationToken ct)
    {
        var query = db.Employees.AsNoTracking().AsQueryable();
        if (managerId is int m) query = query.Where(e => e.ManagerId == m);
        if (cycle.Units.Count > 0) query = query.Where(e => cycle.Units.Contains(e.Role.Unit.Code));
        if (cycle.Roles.Count > 0) query = query.Where(e => cycle.Roles.Contains(e.Role.Code));
        return await StatusAsync(cycle, await Members(query).ToListAsync(ct), ct);
    }

    async Task<IReadOnlyList<(Member Member, CyclePerson Person)>> StatusAsync(ReviewCycle cycle, IReadOnlyList<Member> members, CancellationToken ct)
    {
        var document = (await framework.SnapshotAsync(ct)).Document;
        var required = document.Requirements.GroupBy(r => r.Role).ToDictionary(g => g.Key, g => g.Select(r => r.Competency).ToList());
        var names = document.Competencies.ToDictionary(c => c.Code, c => c.Name);
        var rated = await db.Assessments.AsNoTracking().Where(a => a.CycleId == cycle.Id).Select(a => new { a.EmployeeId, a.Source, a.Competency.Code }).ToListAsync(ct);
        var self = rated.Where(a => a.Source == AssessmentSource.Self).Select(a => a.EmployeeId).ToHashSet();
        var byManager = rated.Where(a => a.Source == AssessmentSource.Manager).GroupBy(a => a.EmployeeId).ToDictionary(g => g.Key, g => g.Select(a => a.Code).ToHashSet());
        return [.. members.Select(p => (p, new CyclePerson(p.EmployeeNumber, p.Name, p.Role, self.Contains(p.Id),
            [.. required.GetValueOrDefault(p.Role, []).Where(c => !byManager.GetValueOrDefault(p.Id, []).Contains(c)).Select(c => names.GetValueOrDefault(c, c))])))];
    }
}
