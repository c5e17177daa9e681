using System.Security.Cryptography;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareerMap.Accounts;

/// <summary>
/// One sign-in on one device: a browser's cookie, or an API client's bearer and refresh tokens. The cookie or token
/// carries the session's id; ending the session makes that cookie or token worthless even if it is replayed, while
/// the person's other devices stay signed in.
/// </summary>
public sealed class SignInSession
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public required string Kind { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

/// <summary>Starts, checks and ends sign-in sessions. A sign-in lasts at most <see cref="Lifetime"/>, however active.</summary>
public sealed class SignInSessions(CareerMapDb db, TimeProvider clock)
{
    /// <summary>The claim that carries the session's id in a cookie or bearer token.</summary>
    public const string Claim = "careermap_session";
    public const string Browser = "browser";
    public const string Api = "api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public async Task<string> StartAsync(string accountId, string kind, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        // Sessions that ended or outlived any token are forgotten when their owner next signs in.
        var forgotten = now - Lifetime;
        await db.SignInSessions.Where(s => s.AccountId == accountId && (s.EndedAt != null || s.StartedAt < forgotten)).ExecuteDeleteAsync(ct);
        var session = new SignInSession { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), AccountId = accountId, Kind = kind, StartedAt = now };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>The live sessions of an account, as a query (composable into the one query that checks a request).</summary>
    public IQueryable<SignInSession> Live(string accountId, string sessionId)
    {
        var oldest = clock.UtcNow() - Lifetime;
        return db.SignInSessions.Where(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null && s.StartedAt > oldest);
    }

    /// <summary>Ends one session (signing out on this device); true when it was live.</summary>
    public async Task<bool> EndAsync(string accountId, string sessionId, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        return await Live(accountId, sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct) > 0;
    }

    /// <summary>Ends every session of the account (signing out everywhere); how many were live.</summary>
    public async Task<int> EndAllAsync(string accountId, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        return await db.SignInSessions.Where(s => s.AccountId == accountId && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
    }
}

sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("sign_in_sessions");
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.AccountId).HasMaxLength(450);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.HasIndex(x => x.AccountId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
