using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.People;

/// <summary>A role a person has said they are interested in: private to them, their leaders and HR.</summary>
public sealed class CareerInterest
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee Employee { get; set; } = null!;
    public int RoleId { get; set; }
    public Role Role { get; set; } = null!;
    public DateOnly MarkedOn { get; set; }
    public string? Note { get; set; }
}

sealed class CareerInterestConfiguration : IEntityTypeConfiguration<CareerInterest>
{
    public void Configure(EntityTypeBuilder<CareerInterest> b)
    {
        b.ToTable("career_interests");
        b.HasIndex(x => new { x.EmployeeId, x.RoleId }).IsUnique();
        // The succession report counts interest per role.
        b.HasIndex(x => x.RoleId);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        // A wish for a role HR retires goes with the role; it never keeps the role from being removed.
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Note).HasMaxLength(CareerInterests.NoteLength);
    }
}

/// <summary>An interest as people read it: the role by code and title, when it was marked, and the person's note.</summary>
public sealed record CareerInterestView(string Role, string Title, DateOnly MarkedOn, string? Note);

/// <summary>Why a role could not be marked: an unknown role (not found), or a field and its reason.</summary>
public sealed record InterestProblem(bool UnknownRole, string Field, string Reason);

/// <summary>
/// The roles people are interested in. Whether the caller may read or mark a person's interests is decided before these
/// run (PeopleAccess): reading by the person, their leaders and HR, marking by the person alone.
/// </summary>
public sealed class CareerInterests(CareerMapDb db, TimeProvider clock)
{
    public const int NoteLength = 500;

    /// <summary>The person's interests, latest marked first.</summary>
    public async Task<IReadOnlyList<CareerInterestView>> OfAsync(CareerGraph graph, int employeeId, CancellationToken ct = default)
    {
        var rows = await db.Set<CareerInterest>().AsNoTracking().Where(i => i.EmployeeId == employeeId)
            .OrderByDescending(i => i.MarkedOn).ThenByDescending(i => i.Id)
            .Select(i => new { Role = i.Role.Code, i.MarkedOn, i.Note }).ToListAsync(ct);
        return [.. rows.Select(r => new CareerInterestView(r.Role, graph.Title(r.Role), r.MarkedOn, r.Note))];
    }

    /// <summary>The person's current role and the codes of the roles they are interested in; null for nobody.</summary>
    public async Task<(string CurrentRole, IReadOnlySet<string> Roles)?> MineAsync(int employeeId, CancellationToken ct = default)
    {
        var current = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => e.Role.Code).FirstOrDefaultAsync(ct);
        if (current is null) return null;
        var roles = await db.Set<CareerInterest>().AsNoTracking().Where(i => i.EmployeeId == employeeId).Select(i => i.Role.Code).ToListAsync(ct);
        return (current, roles.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Marks the role as one the person is interested in, dated today; marking it again keeps the first date and
    /// replaces the note (a blank one clears it), so the same request twice leaves the same state.
    /// </summary>
    public async Task<(CareerInterestView? Marked, InterestProblem? Problem)> MarkAsync(CareerGraph graph, int employeeId, string roleCode, string? note,
        CancellationToken ct = default)
    {
        if (graph.Role(roleCode) is not { } role) return (null, new(true, "roleCode", $"role {roleCode} does not exist"));
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > NoteLength) return (null, new(false, "note", $"a note is at most {NoteLength} characters"));
        var person = await db.Employees.Where(e => e.Id == employeeId).Select(e => new { Role = e.Role.Code }).SingleAsync(ct);
        if (string.Equals(person.Role, role.Code, StringComparison.OrdinalIgnoreCase))
            return (null, new(false, "roleCode", $"{role.Code} is already your role: mark a role you might move to"));
        var roleId = await db.Roles.Where(r => r.Code == role.Code).Select(r => r.Id).SingleAsync(ct);
        var interest = await db.Set<CareerInterest>().FirstOrDefaultAsync(i => i.EmployeeId == employeeId && i.RoleId == roleId, ct);
        if (interest is null) db.Add(interest = new CareerInterest { EmployeeId = employeeId, RoleId = roleId, MarkedOn = clock.Today() });
        interest.Note = note;
        await db.SaveChangesAsync(ct);
        return (new(role.Code, graph.Title(role.Code), interest.MarkedOn, interest.Note), null);
    }

    /// <summary>Unmarks the role; false for an unknown role. A role not marked is unmarked already.</summary>
    public async Task<bool> UnmarkAsync(CareerGraph graph, int employeeId, string roleCode, CancellationToken ct = default)
    {
        if (graph.Role(roleCode) is not { } role) return false;
        // Through the change tracker, not a bulk delete, so the audit trail records it like any other write.
        var interest = await db.Set<CareerInterest>().FirstOrDefaultAsync(i => i.EmployeeId == employeeId && i.Role.Code == role.Code, ct);
        if (interest is null) return true;
        db.Remove(interest);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// How many people are interested in each role, by role code: among the people given (null for everyone), still
    /// active and not already in the role, as the bench counts them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(IReadOnlyCollection<int>? among, CancellationToken ct = default)
    {
        var interests = db.Set<CareerInterest>().AsNoTracking().Where(i => i.Employee.DeactivatedOn == null && i.Employee.RoleId != i.RoleId);
        if (among is not null)
        {
            var ids = among as int[] ?? [.. among];
            // One array parameter, not one parameter per person (EF Core's default): a manager's line is thousands of people.
            interests = interests.Where(i => EF.Parameter(ids).Contains(i.EmployeeId));
        }
        var counts = await interests.GroupBy(i => i.Role.Code).Select(g => new { Role = g.Key, People = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Role, c => c.People, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The roles each of the people given is interested in (codes, by employee id), for a team's table.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> OfPeopleAsync(IReadOnlyCollection<int> employeeIds, CancellationToken ct = default)
    {
        var ids = employeeIds as int[] ?? [.. employeeIds];
        var rows = await db.Set<CareerInterest>().AsNoTracking().Where(i => ids.Contains(i.EmployeeId))
            .OrderByDescending(i => i.MarkedOn).ThenByDescending(i => i.Id)
            .Select(i => new { i.EmployeeId, Role = i.Role.Code }).ToListAsync(ct);
        return rows.GroupBy(r => r.EmployeeId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Role)]);
    }
}
