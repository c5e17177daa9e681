using System.Security.Cryptography;
using System.Text;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Provisioning;

public sealed record IssuedToken(int Id, string Name, string Prefix, string Token);

/// <summary>Provisioning tokens: random, shown once, stored as a SHA-256 hash, revocable.</summary>
public sealed class ScimTokens(CareerMapDb db, TimeProvider clock)
{
    const string Scheme = "cmscim_";

    public async Task<IssuedToken> IssueAsync(string name, string issuedBy, CancellationToken ct = default)
    {
        var token = Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new ScimToken { Name = name.Trim(), Prefix = token[..(Scheme.Length + 6)], Hash = HashOf(token), CreatedAt = clock.UtcNow(), CreatedBy = issuedBy };
        db.ScimTokens.Add(stored);
        await db.SaveChangesAsync(ct);
        return new(stored.Id, stored.Name, stored.Prefix, token);
    }

    /// <summary>The live token this secret is, if any; notes when it was last used (at most once a minute, to spare writes).</summary>
    public async Task<ScimToken?> VerifyAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Scheme, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = HashOf(secret);
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (token is not null && (token.LastUsedAt is not { } used || clock.UtcNow() - used > TimeSpan.FromMinutes(1)))
        {
            token.LastUsedAt = clock.UtcNow();
            await db.ScimTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, token.LastUsedAt), ct);
        }
        return token;
    }

    public async Task<bool> RevokeAsync(int id, CancellationToken ct = default)
    {
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.UtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<ScimToken>> ListAsync(CancellationToken ct = default) => db.ScimTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);

    static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
