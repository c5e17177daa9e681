using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.People;

public enum CredentialKind { Certification, License }

/// <summary>A certification or license a person holds, with its dates: named as the prerequisites that ask for it spell it.</summary>
public sealed class Credential
{
    public int Id { get; set; }
    public int EmployeeId { get; set; }
    public Employee Employee { get; set; } = null!;
    public required string Name { get; set; }
    public CredentialKind Kind { get; set; }
    public string? Issuer { get; set; }
    public string? Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>The last day it is valid; none for a credential that does not expire.</summary>
    public DateOnly? ExpiresOn { get; set; }
}

sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> b)
    {
        b.ToTable("credentials");
        b.HasIndex(x => new { x.EmployeeId, x.Name }).IsUnique();
        // HR's list of what expires soon reads by date.
        b.HasIndex(x => x.ExpiresOn);
        b.HasOne(x => x.Employee).WithMany().HasForeignKey(x => x.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Name).HasMaxLength(Credentials.TextLength);
        b.Property(x => x.Issuer).HasMaxLength(Credentials.TextLength);
        b.Property(x => x.Number).HasMaxLength(Credentials.TextLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>A credential as people read it; expired when its last valid day is before today.</summary>
public sealed record CredentialView(string Name, CredentialKind Kind, string? Issuer, string? Number, DateOnly? IssuedOn, DateOnly? ExpiresOn, bool Expired);

/// <summary>A credential that expires soon, with whose it is and how many days it has left (0 for its last day).</summary>
public sealed record ExpiringCredential(string EmployeeNumber, string EmployeeName, string Name, CredentialKind Kind, DateOnly ExpiresOn, int DaysLeft);

/// <summary>What a person holds on a day, by the one rule both readiness and the rating index apply.</summary>
public sealed record HeldCredentials(IReadOnlySet<string> Held, IReadOnlyDictionary<string, DateOnly> Expired);

/// <summary>
/// The holding rule, in one place: a credential is held today when the person's plain certifications list names it and
/// it has no dated record, or when it has a dated record that has not expired (no expiry, or expiring today or later).
/// An expired record means not held, even when the plain list still names it.
/// </summary>
public static class CredentialHolding
{
    public static HeldCredentials Of(IEnumerable<string> listed, IEnumerable<(string Name, DateOnly? ExpiresOn)> records, DateOnly today)
    {
        var held = new HashSet<string>(listed, StringComparer.OrdinalIgnoreCase);
        var expired = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, expiresOn) in records)
        {
            if (expiresOn is { } last && last < today)
            {
                held.Remove(name);
                expired[name] = last;
            }
            else held.Add(name);
        }
        return new(held, expired);
    }

    public static bool IsExpired(DateOnly? expiresOn, DateOnly today) => expiresOn is { } last && last < today;
}

/// <summary>A field of a credential refused, and why.</summary>
public sealed record CredentialProblem(string Field, string Reason);

/// <summary>
/// People's dated credentials. Whether the caller may read or write a person's credentials is decided before these run:
/// reading by the person, their leaders and HR; writing by HR admins.
/// </summary>
public sealed class Credentials(CareerMapDb db, TimeProvider clock)
{
    public const int TextLength = 200;

    /// <summary>The person's credentials, soonest to expire first, those that never expire last.</summary>
    public async Task<IReadOnlyList<CredentialView>> OfAsync(int employeeId, CancellationToken ct = default)
    {
        var today = clock.Today();
        var rows = await db.Set<Credential>().AsNoTracking().Where(c => c.EmployeeId == employeeId).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.ExpiresOn ?? DateOnly.MaxValue).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => c.AsView(today))];
    }

    /// <summary>Each person's dated records, by employee id, for the holding rule (null ids means everyone).</summary>
    public static async Task<ILookup<int, (string Name, DateOnly? ExpiresOn)>> RecordsAsync(CareerMapDb db, IReadOnlyCollection<int>? ids, CancellationToken ct = default)
    {
        var records = db.Set<Credential>().AsNoTracking();
        if (ids is not null) records = records.Where(c => ids.Contains(c.EmployeeId));
        var rows = await records.Select(c => new { c.EmployeeId, c.Name, c.ExpiresOn }).ToListAsync(ct);
        return rows.ToLookup(r => r.EmployeeId, r => (r.Name, r.ExpiresOn));
    }

    /// <summary>Records or replaces the person's credential of that name; the same request twice leaves the same state.</summary>
    public async Task<(CredentialView? Saved, CredentialProblem? Problem)> SaveAsync(int employeeId, string name, string? kind, string? issuer, string? number,
        DateOnly? issuedOn, DateOnly? expiresOn, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length == 0) return (null, new("name", "a credential needs a name"));
        if (name.Length > TextLength) return (null, new("name", $"a name is at most {TextLength} characters"));
        if (WireNames.Parse<CredentialKind>(kind) is not { } parsed)
            return (null, new("kind", kind is null ? "say whether it is a certification or a license" : $"kind {kind} is unknown: certification or license"));
        issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim();
        number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (issuer?.Length > TextLength) return (null, new("issuer", $"an issuer is at most {TextLength} characters"));
        if (number?.Length > TextLength) return (null, new("number", $"a number is at most {TextLength} characters"));
        if (issuedOn is { } issued && expiresOn is { } expires && expires < issued) return (null, new("expiresOn", "a credential cannot expire before it was issued"));
        if (issuedOn > clock.Today()) return (null, new("issuedOn", "a credential cannot be issued in the future"));

        var credential = (await db.Set<Credential>().Where(c => c.EmployeeId == employeeId).ToListAsync(ct))
            .FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (credential is null) db.Add(credential = new Credential { EmployeeId = employeeId, Name = name });
        credential.Kind = parsed;
        credential.Issuer = issuer;
        credential.Number = number;
        credential.IssuedOn = issuedOn;
        credential.ExpiresOn = expiresOn;
        await db.SaveChangesAsync(ct);
        return (credential.AsView(clock.Today()), null);
    }

    /// <summary>Removes the person's dated record of that name; false when there was none.</summary>
    public async Task<bool> RemoveAsync(int employeeId, string name, CancellationToken ct = default)
    {
        // Through the change tracker, not a bulk delete, so the audit trail records it like any other write.
        var credential = (await db.Set<Credential>().Where(c => c.EmployeeId == employeeId).ToListAsync(ct))
            .FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (credential is null) return false;
        db.Remove(credential);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Active people's credentials whose last valid day is from today to <paramref name="days"/> days on, soonest first.</summary>
    public async Task<IReadOnlyList<ExpiringCredential>> ExpiringAsync(int days, CancellationToken ct = default)
    {
        var today = clock.Today();
        var until = today.AddDays(days);
        var rows = await db.Set<Credential>().AsNoTracking()
            .Where(c => c.ExpiresOn >= today && c.ExpiresOn <= until && c.Employee.DeactivatedOn == null)
            .Select(c => new { c.Employee.EmployeeNumber, EmployeeName = c.Employee.Name, c.Name, c.Kind, c.ExpiresOn })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ExpiresOn).ThenBy(r => r.EmployeeName, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ExpiringCredential(r.EmployeeNumber, r.EmployeeName, r.Name, r.Kind, r.ExpiresOn!.Value, r.ExpiresOn.Value.DayNumber - today.DayNumber))];
    }
}

public static class CredentialMapping
{
    public static CredentialView AsView(this Credential c, DateOnly today) =>
        new(c.Name, c.Kind, c.Issuer, c.Number, c.IssuedOn, c.ExpiresOn, CredentialHolding.IsExpired(c.ExpiresOn, today));
}
