using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareerMap.Badges;

/// <summary>Why a badge did or did not verify; on the wire in kebab-case (bad-signature, tampered-payload).</summary>
public enum BadgeCheck { Verified, Malformed, NotAnOpenBadgeCredential, UnknownKey, BadSignature, TamperedPayload }

/// <summary>An RSA public key as a JWK (RFC 7517): n and e base64url, kid its RFC 7638 thumbprint.</summary>
public sealed record BadgeJwk(string Kty, string Use, string Alg, string Kid, string N, string E);

/// <summary>The organization's badge-signing keys as a JWK set.</summary>
public sealed record BadgeJwkSet(IReadOnlyList<BadgeJwk> Keys);

/// <summary>A JWT taken apart: its three segments, the header and the payload read as JSON.</summary>
public sealed record BadgeToken(string Header64, string Payload64, string Signature64, JsonObject Header, JsonObject Payload)
{
    public string? KeyId => BadgeProof.Text(Header["kid"]) is { } kid ? BadgeProof.KeyIdOf(kid) : null;
}

/// <summary>
/// The proof of an Open Badges 3.0 credential in the spec's JSON Web Token proof format (OB 3.0 §8.2, VC-JWT): the credential
/// is the JWT payload, with iss, jti and nbf mirroring issuer.id, id and validFrom, signed RS256 as a compact JWS whose
/// header names the key (kid). RS256 because the spec requires every verifier to support it and .NET signs it with no
/// extra library; a data-integrity proof (eddsa-rdfc-2022) would need RDF canonicalization, which nothing served here does.
/// </summary>
public static class BadgeProof
{
    public const string Algorithm = "RS256";
    /// <summary>The media type VC-JOSE-COSE gives a JWT-secured credential.</summary>
    public const string MediaType = "vc+jwt";
    /// <summary>The registered claims the payload adds to the credential; everything else in it is the credential.</summary>
    static readonly string[] Claims = ["iss", "jti", "nbf", "sub", "exp", "iat"];

    public static string Sign(JsonObject credential, RSA key, string kid)
    {
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = credential["issuer"]?["id"]?.DeepClone();
        payload["jti"] = credential["id"]?.DeepClone();
        if (Text(credential["validFrom"]) is { } from && DateTimeOffset.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, out var nbf))
            payload["nbf"] = nbf.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = MediaType, ["kid"] = kid };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>The JWT's parts, or null when it is not a compact JWS with JSON header and payload.</summary>
    public static BadgeToken? Read(string? jwt)
    {
        var parts = (jwt ?? "").Trim().Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return null;
        try
        {
            if (JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) is not JsonObject header
                || JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) is not JsonObject payload) return null;
            Base64Url.DecodeFromChars(parts[2]);
            return new(parts[0], parts[1], parts[2], header, payload);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the token's signature is the key's over its header and payload, RS256 and nothing else.</summary>
    public static bool SignedBy(BadgeToken token, RSA key)
    {
        if (Text(token.Header["alg"]) != Algorithm) return false;
        try
        {
            var signature = Base64Url.DecodeFromChars(token.Signature64);
            return key.VerifyData(Encoding.ASCII.GetBytes($"{token.Header64}.{token.Payload64}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The credential a payload carries: the payload without the JWT's registered claims.</summary>
    public static JsonObject CredentialOf(JsonObject payload)
    {
        var credential = (JsonObject)payload.DeepClone();
        foreach (var claim in Claims) credential.Remove(claim);
        return credential;
    }

    /// <summary>The public key as a JWK (RFC 7517) with its thumbprint as kid.</summary>
    public static BadgeJwk Jwk(RSAParameters key, string kid) =>
        new("RSA", "sig", Algorithm, kid, Base64Url.EncodeToString(key.Modulus), Base64Url.EncodeToString(key.Exponent));

    /// <summary>The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, no spaces.</summary>
    public static string Thumbprint(RSAParameters key)
    {
        var canonical = $"{{\"e\":\"{Base64Url.EncodeToString(key.Exponent)}\",\"kty\":\"RSA\",\"n\":\"{Base64Url.EncodeToString(key.Modulus)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The RSA public key of a JWK; null when it is not one.</summary>
    public static RSA? PublicKey(BadgeJwk jwk) => jwk.Kty != "RSA" ? null
        : RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(jwk.N), Exponent = Base64Url.DecodeFromChars(jwk.E) });

    /// <summary>A kid may be the key's URL (…/badges/keys/THUMBPRINT, or …#THUMBPRINT); the thumbprint is its last segment.</summary>
    public static string KeyIdOf(string kid) => kid.TrimEnd('/').Split('/', '#')[^1];

    /// <summary>A JSON string's text; null for anything else (a number, an object, nothing), so hostile input never throws.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    static string Encode(JsonObject json) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(json));
}
