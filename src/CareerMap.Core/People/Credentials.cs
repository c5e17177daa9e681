using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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

/// <summary>A credential as a roster or SCIM states it, checked by <see cref="Credentials.Check"/>: trimmed, blanks as none.</summary>
public sealed record CredentialInput(string Name, CredentialKind Kind, string? Issuer, string? Number, DateOnly? IssuedOn, DateOnly? ExpiresOn)
{
    /// <summary>The input when it passes the rule, else the problem.</summary>
    public static (CredentialInput? Input, CredentialProblem? Problem) Of(string? name, string? kind, string? issuer, string? number, DateOnly? issuedOn, DateOnly? expiresOn, DateOnly today)
    {
        static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        if (Credentials.Check(name ?? "", kind, issuer, number, issuedOn, expiresOn, today) is { } problem) return (null, problem);
        return (new(name!.Trim(), WireNames.Parse<CredentialKind>(kind)!.Value, Blank(issuer), Blank(number), issuedOn, expiresOn), null);
    }
}

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

/// <summary>
/// A field of a credential refused, and why: the reason as a template and its values, so a page can say it in the
/// reader's language while the API, imports and SCIM say it in English.
/// </summary>
public sealed record CredentialProblem(string Field, string Template, object[] Args)
{
    public string Reason => string.Format(System.Globalization.CultureInfo.InvariantCulture, Template, Args);

    public static CredentialProblem Of(string field, string template, params object[] args) => new(field, template, args);

    /// <summary>The reason in the reader's language (each template looked up by its literal text, so every one is translated).</summary>
    public string Say(IStringLocalizer L) => Template switch
    {
        "a credential needs a name" => L["a credential needs a name"],
        "a name is at most {0} characters" => L["a name is at most {0} characters", Args],
        "say whether it is a certification or a license" => L["say whether it is a certification or a license"],
        "kind {0} is unknown: certification or license" => L["kind {0} is unknown: certification or license", Args],
        "an issuer is at most {0} characters" => L["an issuer is at most {0} characters", Args],
        "a number is at most {0} characters" => L["a number is at most {0} characters", Args],
        "a credential cannot expire before it was issued" => L["a credential cannot expire before it was issued"],
        "a credential cannot be issued in the future" => L["a credential cannot be issued in the future"],
        _ => Reason,
    };
}

/// <summary>
/// People's dated credentials. Whether the caller may read or write a person's credentials is decided before these run:
/// reading by the person, their leaders and HR; writing by HR admins.
/// </summary>
public sealed class Credentials(CareerMapDb db, TimeProvider clock)
{
    public const int TextLength = 200;

    /// <summary>
    /// The one rule for what a credential may say, whoever records it (the API, the profile's form, a roster, SCIM):
    /// a name, a kind, texts within <see cref="TextLength"/>, not issued in the future, not expiring before it was issued.
    /// </summary>
    public static CredentialProblem? Check(string name, string? kind, string? issuer, string? number, DateOnly? issuedOn, DateOnly? expiresOn, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(name)) return CredentialProblem.Of("name", "a credential needs a name");
        if (name.Trim().Length > TextLength) return CredentialProblem.Of("name", "a name is at most {0} characters", TextLength);
        if (WireNames.Parse<CredentialKind>(kind) is null)
            return string.IsNullOrWhiteSpace(kind) ? CredentialProblem.Of("kind", "say whether it is a certification or a license")
                : CredentialProblem.Of("kind", "kind {0} is unknown: certification or license", kind);
        if (issuer?.Trim().Length > TextLength) return CredentialProblem.Of("issuer", "an issuer is at most {0} characters", TextLength);
        if (number?.Trim().Length > TextLength) return CredentialProblem.Of("number", "a number is at most {0} characters", TextLength);
        if (issuedOn is { } issued && expiresOn is { } expires && expires < issued) return CredentialProblem.Of("expiresOn", "a credential cannot expire before it was issued");
        if (issuedOn > today) return CredentialProblem.Of("issuedOn", "a credential cannot be issued in the future");
        return null;
    }

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
        issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim();
        number = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (Check(name, kind, issuer, number, issuedOn, expiresOn, clock.Today()) is { } problem) return (null, problem);
        var parsed = WireNames.Parse<CredentialKind>(kind)!.Value;

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

    /// <summary>
    /// Brings a person's tracked credentials to what a roster or SCIM says (inputs already checked): adds what is new,
    /// changes what differs, and with <paramref name="removeOthers"/> removes those not named. Saved by the caller, so
    /// the same input twice changes nothing and writes no audit entry. Returns how many it added, changed or removed.
    /// </summary>
    public static int Apply(CareerMapDb db, IReadOnlyList<Credential> stored, IEnumerable<CredentialInput> wanted, bool removeOthers, Func<string, Credential> create)
    {
        var changes = 0;
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in wanted)
        {
            named.Add(w.Name);
            var credential = stored.FirstOrDefault(c => string.Equals(c.Name, w.Name, StringComparison.OrdinalIgnoreCase));
            if (credential is not null && credential.Kind == w.Kind && credential.Issuer == w.Issuer && credential.Number == w.Number
                && credential.IssuedOn == w.IssuedOn && credential.ExpiresOn == w.ExpiresOn) continue;
            if (credential is null) db.Add(credential = create(w.Name));
            (credential.Kind, credential.Issuer, credential.Number, credential.IssuedOn, credential.ExpiresOn) = (w.Kind, w.Issuer, w.Number, w.IssuedOn, w.ExpiresOn);
            changes++;
        }
        if (removeOthers)
            foreach (var gone in stored.Where(c => !named.Contains(c.Name)))
            {
                db.Remove(gone);
                changes++;
            }
        return changes;
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
