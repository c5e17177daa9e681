using System.Security.Cryptography;
using System.Text.Json;
using CareerMap.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Badges;

/// <summary>
/// The organization's badge-signing keys, in the database beside the data-protection keys so every instance signs with the
/// same one. The first badge makes the key; the oldest signs; every key ever made stays published, so old badges still verify.
/// </summary>
public sealed class BadgeKeys(CareerMapDb db, IDataProtectionProvider protection, TimeProvider clock)
{
    const int KeySize = 2048;
    IDataProtector Protector => protection.CreateProtector("CareerMap.Badges.SigningKey");

    /// <summary>The published keys as a JWK set.</summary>
    public async Task<BadgeJwkSet> PublishedAsync(CancellationToken ct = default)
    {
        var keys = await db.BadgeKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.PublicJwk).ToListAsync(ct);
        return new([.. keys.Select(Read)]);
    }

    /// <summary>One published key as a JWK, by its thumbprint.</summary>
    public async Task<BadgeJwk?> PublishedAsync(string keyId, CancellationToken ct = default) =>
        await db.BadgeKeys.AsNoTracking().Where(k => k.KeyId == keyId).Select(k => k.PublicJwk).FirstOrDefaultAsync(ct) is { } jwk ? Read(jwk) : null;

    static BadgeJwk Read(string json) => JsonSerializer.Deserialize<BadgeJwk>(json, JsonSerializerOptions.Web)!;

    /// <summary>The key that signs new badges, made and stored on first use.</summary>
    public async Task<(string KeyId, RSA Key)> SigningKeyAsync(CancellationToken ct = default)
    {
        if (await db.BadgeKeys.AsNoTracking().OrderBy(k => k.Id).FirstOrDefaultAsync(ct) is { } stored)
        {
            var key = RSA.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(Protector.Unprotect(stored.PrivateKey)), out _);
            return (stored.KeyId, key);
        }
        var made = RSA.Create(KeySize);
        var parameters = made.ExportParameters(includePrivateParameters: false);
        var keyId = BadgeProof.Thumbprint(parameters);
        db.BadgeKeys.Add(new BadgeKey
        {
            KeyId = keyId, PublicJwk = JsonSerializer.Serialize(BadgeProof.Jwk(parameters, keyId), JsonSerializerOptions.Web),
            PrivateKey = Protector.Protect(Convert.ToBase64String(made.ExportPkcs8PrivateKey())), CreatedAt = clock.UtcNow(),
        });
        await db.SaveChangesAsync(ct);
        // Two instances issuing a first badge at once each make a key; both stay published, and from now on the oldest signs.
        return (keyId, made);
    }
}
