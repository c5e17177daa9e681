using System.Security.Cryptography;
using System.Text;
using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Provisioning;

public sealed record IssuedToken(int Id, string Name, string Prefix, string Token, string Scope = TokenScopes.Scim);

/// <summary>What a token HR issues is good for: provisioning people over SCIM, reading the framework over CASE, or sending learning statements over xAPI.</summary>
public static class TokenScopes
{
    public const string Scim = "scim";
    public const string Case = "case";
    public const string Xapi = "xapi";
    public static readonly IReadOnlyList<string> All = [Scim, Case, Xapi];

    /// <summary>A token names its scope in its first characters (cmscim_, cmcase_, cmxapi_), so the app knows which door it is for before looking it up.</summary>
    public static string Prefix(string scope) => $"cm{scope}_";
}

/// <summary>Tokens HR issues to other systems: random, shown once, stored as a SHA-256 hash, good for one scope, revocable.</summary>
public sealed class ScimTokens(CareerMapDb db, TimeProvider clock)
{
    public async Task<IssuedToken> IssueAsync(string name, string issuedBy, string scope = TokenScopes.Scim, CancellationToken ct = default)
    {
        var prefix = TokenScopes.Prefix(scope);
        var token = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var stored = new ScimToken { Name = name.Trim(), Prefix = token[..(prefix.Length + 6)], Hash = HashOf(token), CreatedAt = clock.UtcNow(), CreatedBy = issuedBy, Scope = scope };
        db.ScimTokens.Add(stored);
        await db.SaveChangesAsync(ct);
        return new(stored.Id, stored.Name, stored.Prefix, token, scope);
    }

    /// <summary>The live token of that scope this secret is, if any; notes when it was last used (at most once a minute, to spare writes).</summary>
    public async Task<ScimToken?> VerifyAsync(string secret, string scope = TokenScopes.Scim, CancellationToken ct = default)
    {
        if (!secret.StartsWith(TokenScopes.Prefix(scope), StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = HashOf(secret);
        var token = await db.ScimTokens.SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null && t.Scope == scope, ct);
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
