using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CareerMap.Framework.Case;

namespace CareerMap.Badges;

/// <summary>The CASE item a badge aligns to: the competency's level item when the framework has one, else the competency's.</summary>
public sealed record BadgeAlignment(string Name, string Url, string Code, string? Description);

/// <summary>What an OpenBadgeCredential says: who issued it to whom, for what competency at what level, and why.</summary>
public sealed record BadgeFacts(Guid Id, string IssuerId, string IssuerName, string? IssuerUrl, DateTime IssuedAt, string Email, string PersonName,
    string AchievementId, string Name, string Description, string Criteria, string Framework, IReadOnlyList<BadgeAlignment> Alignments);

/// <summary>
/// The Open Badges 3.0 credential (1EdTech, VC Data Model 2.0 context): an OpenBadgeCredential whose AchievementSubject holds an
/// Achievement of type Competency with its criteria and its alignment to the CASE items of the framework.
/// </summary>
public static class OpenBadgeCredential
{
    public const string CredentialsContext = "https://www.w3.org/ns/credentials/v2";
    public const string BadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    public static JsonObject Of(BadgeFacts f)
    {
        var issuer = new JsonObject { ["id"] = f.IssuerId, ["type"] = new JsonArray("Profile"), ["name"] = f.IssuerName };
        if (f.IssuerUrl is not null) issuer["url"] = f.IssuerUrl;
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialsContext, BadgesContext),
            ["id"] = $"urn:uuid:{f.Id:D}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = f.IssuedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["name"] = f.Name,
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                // The e-mail travels hashed (salted SHA-256, as OB 3.0's IdentityHash), the name in clear: a badge is shown to others.
                ["identifier"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "IdentityObject", ["identityType"] = "emailAddress", ["hashed"] = true, ["salt"] = salt,
                        ["identityHash"] = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f.Email.ToLowerInvariant() + salt))),
                    },
                    new JsonObject { ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = f.PersonName }),
                ["achievement"] = new JsonObject
                {
                    ["id"] = f.AchievementId,
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Competency",
                    ["name"] = f.Name,
                    ["description"] = f.Description,
                    ["criteria"] = new JsonObject { ["narrative"] = f.Criteria },
                    ["alignment"] = new JsonArray([.. f.Alignments.Select(a => Alignment(a, f.Framework))]),
                },
            },
        };
    }

    static JsonObject Alignment(BadgeAlignment a, string framework)
    {
        var json = new JsonObject
        {
            ["type"] = new JsonArray("Alignment"), ["targetName"] = a.Name, ["targetUrl"] = a.Url, ["targetFramework"] = framework,
            ["targetCode"] = a.Code, ["targetType"] = "CFItem",
        };
        if (a.Description is not null) json["targetDescription"] = a.Description;
        return json;
    }

    /// <summary>The achievement's id: a name-based UUID of the framework, competency and level, the same on every badge for them.</summary>
    public static string AchievementId(string frameworkId, string competency, int level) =>
        $"urn:uuid:{CaseIdentifiers.Of(frameworkId, $"badge/{competency.ToLowerInvariant()}/{level}")}";

    /// <summary>
    /// What keeps a document from being an OpenBadgeCredential (the first missing required member, as a path), or null when it
    /// has every member OB 3.0 requires of the credential, its issuer, subject and achievement.
    /// </summary>
    public static string? Missing(JsonObject c)
    {
        static bool Has(JsonNode? array, string value) => array switch
        {
            JsonArray a => a.Any(x => BadgeProof.Text(x) == value),
            JsonValue => BadgeProof.Text(array) == value,
            _ => false,
        };
        static bool Filled(JsonNode? n) => BadgeProof.Text(n) is { Length: > 0 };
        if (!Has(c["@context"], CredentialsContext)) return "@context (" + CredentialsContext + ")";
        if (!(c["@context"] is JsonArray context && context.Any(x => BadgeProof.Text(x) is { } s && s.StartsWith("https://purl.imsglobal.org/spec/ob/v3p0/context", StringComparison.Ordinal))))
            return "@context (https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json)";
        if (!Has(c["type"], "VerifiableCredential")) return "type (VerifiableCredential)";
        if (!Has(c["type"], "OpenBadgeCredential") && !Has(c["type"], "AchievementCredential")) return "type (OpenBadgeCredential)";
        if (!Filled(c["id"])) return "id";
        if (!Filled(c["validFrom"])) return "validFrom";
        if (!Filled(c["name"])) return "name";
        if (c["issuer"] is JsonObject issuer)
        {
            if (!Filled(issuer["id"])) return "issuer.id";
            if (!Has(issuer["type"], "Profile")) return "issuer.type (Profile)";
        }
        else if (!Filled(c["issuer"])) return "issuer";
        if (c["credentialSubject"] is not JsonObject subject) return "credentialSubject";
        if (!Has(subject["type"], "AchievementSubject")) return "credentialSubject.type (AchievementSubject)";
        if (!Filled(subject["id"]) && subject["identifier"] is not JsonArray { Count: > 0 }) return "credentialSubject.id or credentialSubject.identifier";
        if (subject["achievement"] is not JsonObject achievement) return "credentialSubject.achievement";
        if (!Filled(achievement["id"])) return "credentialSubject.achievement.id";
        if (!Has(achievement["type"], "Achievement")) return "credentialSubject.achievement.type (Achievement)";
        if (!Filled(achievement["name"])) return "credentialSubject.achievement.name";
        if (!Filled(achievement["description"])) return "credentialSubject.achievement.description";
        if (achievement["criteria"] is not JsonObject criteria || !(Filled(criteria["narrative"]) || Filled(criteria["id"]))) return "credentialSubject.achievement.criteria";
        return null;
    }
}
