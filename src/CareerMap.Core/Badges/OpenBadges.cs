using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CareerMap.Badges;

/// <summary>A badge as its holder and their leaders see it.</summary>
public sealed record BadgeView(Guid Id, string Competency, int Level, string Name, DateTime IssuedAt);

/// <summary>What checking a badge found: verified, or the reason it is not (the check, and a sentence saying where).</summary>
public sealed record BadgeVerification(bool Verified, BadgeCheck Check, string Reason, string? Id = null, string? Name = null, string? KeyId = null);

/// <summary>The issuer's Open Badges Profile, as verifiers fetch it from a badge's issuer.id.</summary>
public sealed record IssuerProfile([property: JsonPropertyName("@context")] IReadOnlyList<string> Context, string Id, IReadOnlyList<string> Type, string Name, string Url);

/// <summary>Where the app is reached from outside: the base of the issuer's profile, the keys' URLs and the CASE items' URLs.</summary>
public interface IBadgeAddress
{
    string BaseUrl { get; }
}

/// <summary>
/// Open Badges 3.0 for competencies: a manager's rating that meets a level is issued, on request of the person, their
/// leaders or HR, as an OpenBadgeCredential signed with the organization's key; anyone holding the badge can verify it.
/// </summary>
public sealed class OpenBadges(CareerMapDb db, BadgeKeys keys, FrameworkService framework, CaseExchange cases, IBadgeAddress address, TimeProvider clock,
    IStringLocalizer<SharedResource> L, ILogger<OpenBadges> logger)
{
    public string IssuerId => $"{address.BaseUrl}/badges/issuer";
    public string KeyUrl(string keyId) => $"{address.BaseUrl}/badges/keys/{keyId}";

    /// <summary>The issuer's Profile, as verifiers fetch it from the credential's issuer.id.</summary>
    public async Task<IssuerProfile> IssuerAsync(CancellationToken ct = default) =>
        new([OpenBadgeCredential.CredentialsContext, OpenBadgeCredential.BadgesContext], IssuerId, ["Profile"],
            (await framework.SnapshotAsync(ct)).Document.Organization.Name, address.BaseUrl);

    /// <summary>
    /// Issues the badge for a competency at a level from the person's latest manager rating in the last 12 months (the one
    /// that counts), when it meets the level; a badge already issued for them is returned as it is. Field errors otherwise.
    /// </summary>
    public async Task<(BadgeView? Badge, bool Issued, Dictionary<string, string[]> Errors)> IssueAsync(int employeeId, string? competency, int? level, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var document = (await framework.SnapshotAsync(ct)).Document;
        var known = PeopleDirectory.CheckCompetencyAndLevel(document, competency, level, L, errors);
        if (errors.Count > 0) return (null, false, errors);
        var code = known!.Code;
        var n = level!.Value;
        var competencyId = await db.Competencies.Where(c => c.Code == code).Select(c => c.Id).FirstAsync(ct);
        if (await FindAsync(employeeId, competencyId, n, ct) is { } kept) return (kept, false, errors);

        var since = clock.Today().AddMonths(-EffectiveRatings.ManagerRatingMonths);
        var rating = await db.Assessments.AsNoTracking()
            .Where(a => a.EmployeeId == employeeId && a.CompetencyId == competencyId && a.Source == AssessmentSource.Manager && a.AssessedOn >= since)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        if (rating is null)
        {
            errors["competency"] = [L["A badge needs a manager's rating: {0} has none from the last 12 months (a self rating is not enough).", known.Name]];
            return (null, false, errors);
        }
        if (rating.Level < n)
        {
            errors["level"] = [L["The manager's rating of {0} is level {1}: a badge for level {2} needs level {2} or above.", known.Name, rating.Level, n]];
            return (null, false, errors);
        }

        var person = await db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => new { e.Name, e.Email }).FirstAsync(ct);
        var package = await cases.PackageAsync(address.BaseUrl, ct);
        var caseDocument = package[CaseMapping.Document]!;
        var items = package[CaseMapping.Items]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        JsonObject? Item(string humanCode) => items.FirstOrDefault(i => BadgeProof.Text(i["humanCodingScheme"]) == humanCode);
        var descriptor = n <= known.Levels.Count ? known.Levels[n - 1] : null;
        var name = $"{known.Name}: level {n}";
        var alignments = new List<BadgeAlignment>();
        if (Item($"{code}.L{n}") is { } levelItem)
            alignments.Add(new(name, BadgeProof.Text(levelItem["uri"])!, $"{code}.L{n}", descriptor));
        if (Item(code) is { } competencyItem)
            alignments.Add(new(known.Name, BadgeProof.Text(competencyItem["uri"])!, code, known.Definition));

        var id = Guid.NewGuid();
        var issuedAt = clock.UtcNow();
        issuedAt = issuedAt.AddTicks(-(issuedAt.Ticks % TimeSpan.TicksPerSecond));
        var top = document.Organization.TopLevel;
        var facts = new BadgeFacts(id, IssuerId, document.Organization.Name, address.BaseUrl, issuedAt, person.Email, person.Name,
            OpenBadgeCredential.AchievementId(BadgeProof.Text(caseDocument["identifier"])!, code, n), name,
            descriptor is null ? known.Definition : $"{known.Definition} Level {n}: {descriptor}",
            $"A rating of level {n} or above (of {top}) in {known.Name} by the person's manager, within the {EffectiveRatings.ManagerRatingMonths} months before the badge is issued.",
            BadgeProof.Text(caseDocument["title"]) ?? document.Organization.Name, alignments);
        var (keyId, key) = await keys.SigningKeyAsync(ct);
        using (key)
        {
            db.Badges.Add(new Badge
            {
                Id = id, EmployeeId = employeeId, CompetencyId = competencyId, Level = n, AssessmentId = rating.Id, IssuedAt = issuedAt, KeyId = keyId,
                Jwt = BadgeProof.Sign(OpenBadgeCredential.Of(facts), key, KeyUrl(keyId)),
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Issued at the same moment by another request (a double click): that one is the badge.
            db.ChangeTracker.Clear();
            if (await FindAsync(employeeId, competencyId, n, ct) is { } raced) return (raced, false, []);
            throw;
        }
        logger.BadgeIssued(id, code, n, rating.Id);
        return (new BadgeView(id, code, n, name, issuedAt), true, errors);
    }

    async Task<BadgeView?> FindAsync(int employeeId, int competencyId, int level, CancellationToken ct) =>
        await ViewsAsync(db.Badges.Where(b => b.EmployeeId == employeeId && b.CompetencyId == competencyId && b.Level == level), ct) is [var found, ..] ? found : null;

    /// <summary>A person's badges, newest first.</summary>
    public Task<IReadOnlyList<BadgeView>> OfAsync(int employeeId, CancellationToken ct = default) => ViewsAsync(db.Badges.Where(b => b.EmployeeId == employeeId), ct);

    async Task<IReadOnlyList<BadgeView>> ViewsAsync(IQueryable<Badge> badges, CancellationToken ct)
    {
        var rows = await badges.AsNoTracking().Join(db.Competencies, b => b.CompetencyId, c => c.Id, (b, c) => new { b.Id, c.Code, c.Name, b.Level, b.IssuedAt })
            .OrderByDescending(b => b.IssuedAt).ToListAsync(ct);
        return [.. rows.Select(r => new BadgeView(r.Id, r.Code, r.Level, $"{r.Name}: level {r.Level}", r.IssuedAt))];
    }

    /// <summary>One of the person's badges as the signed JWT; null when they hold none with this id.</summary>
    public Task<string?> JwtAsync(int employeeId, Guid id, CancellationToken ct = default) =>
        db.Badges.AsNoTracking().Where(b => b.Id == id && b.EmployeeId == employeeId).Select(b => b.Jwt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The credential as a JSON document with its proof inside (a JwtProof2020 holding the signed JWT), for people and
    /// wallets that read JSON; the JWT itself is the proof, the JSON around it a convenience that must match it.
    /// </summary>
    public static JsonObject Document(string jwt)
    {
        var credential = BadgeProof.CredentialOf(BadgeProof.Read(jwt)!.Payload);
        credential["proof"] = new JsonObject { ["type"] = JwtProof, ["jwt"] = jwt };
        return credential;
    }

    const string JwtProof = "JwtProof2020";

    /// <summary>Checks a badge given as its JWT or as the credential JSON with its JWT proof, against the organization's keys.</summary>
    public async Task<BadgeVerification> VerifyAsync(string? badge, CancellationToken ct = default)
    {
        var text = (badge ?? "").Trim();
        // A JWT sent as a JSON string ("eyJ…"), as a JSON client would send it.
        if (text.StartsWith('"')) text = (Try(() => BadgeProof.Text(JsonNode.Parse(text))) ?? text).Trim();
        if (!text.StartsWith('{')) return await VerifyJwtAsync(text, ct);
        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException e)
        {
            return new(false, BadgeCheck.Malformed, $"neither a JWT nor JSON: {e.Message}");
        }
        if (credential is null) return new(false, BadgeCheck.Malformed, "the credential is not a JSON object");
        if (OpenBadgeCredential.Missing(credential) is { } missing) return new(false, BadgeCheck.NotAnOpenBadgeCredential, $"not an OpenBadgeCredential: it lacks {missing}");
        var proofs = credential["proof"] switch { JsonArray a => [.. a], JsonObject o => [o], _ => new List<JsonNode?>() };
        if (proofs.OfType<JsonObject>().Select(p => BadgeProof.Text(p["jwt"])).FirstOrDefault(j => j is not null) is not { } jwt)
            return new(false, BadgeCheck.Malformed, $"the credential carries no JWT proof (proof.type {JwtProof} with proof.jwt)");
        var verified = await VerifyJwtAsync(jwt, ct);
        if (!verified.Verified) return verified;
        var claimed = (JsonObject)credential.DeepClone();
        claimed.Remove("proof");
        var signed = BadgeProof.CredentialOf(BadgeProof.Read(jwt)!.Payload);
        if (FirstDifference(signed, claimed, "") is { } place)
            return verified with { Verified = false, Check = BadgeCheck.TamperedPayload, Reason = $"the credential differs from what its proof signed, at {place}" };
        return verified;
    }

    async Task<BadgeVerification> VerifyJwtAsync(string jwt, CancellationToken ct)
    {
        if (BadgeProof.Read(jwt) is not { } token) return new(false, BadgeCheck.Malformed, "not a JWT (a compact JWS: header.payload.signature, each base64url JSON)");
        var credential = BadgeProof.CredentialOf(token.Payload);
        if (OpenBadgeCredential.Missing(credential) is { } missing) return new(false, BadgeCheck.NotAnOpenBadgeCredential, $"not an OpenBadgeCredential: it lacks {missing}");
        var id = BadgeProof.Text(credential["id"]);
        var name = BadgeProof.Text(credential["name"]);
        if (token.KeyId is not { } keyId) return new(false, BadgeCheck.UnknownKey, "the JWT header names no key (kid)", id, name);
        var jwk = await keys.PublishedAsync(keyId, ct);
        using (var key = jwk is null ? null : BadgeProof.PublicKey(jwk))
        {
            if (key is null) return new(false, BadgeCheck.UnknownKey, $"the key {keyId} is not one of the organization's (see /badges/keys)", id, name, keyId);
            if (BadgeProof.Text(token.Header["alg"]) != BadgeProof.Algorithm)
                return new(false, BadgeCheck.BadSignature, $"the JWT is signed with {BadgeProof.Text(token.Header["alg"]) ?? "no algorithm"}, not {BadgeProof.Algorithm}", id, name, keyId);
            if (BadgeProof.SignedBy(token, key)) return new(true, BadgeCheck.Verified, "signed by the organization's key", id, name, keyId);
        }
        // The signature this organization gave a badge, over other content: someone changed the badge after it was issued.
        if (id is not null && Guid.TryParse(id.Replace("urn:uuid:", "", StringComparison.OrdinalIgnoreCase), out var badgeId)
            && await db.Badges.AsNoTracking().Where(b => b.Id == badgeId).Select(b => b.Jwt).FirstOrDefaultAsync(ct) is { } issued
            && BadgeProof.Read(issued) is { } original && original.Signature64 == token.Signature64)
        {
            var place = FirstDifference(BadgeProof.CredentialOf(original.Payload), credential, "") ?? "the JWT's claims";
            return new(false, BadgeCheck.TamperedPayload, $"the badge was changed after it was issued, at {place}", id, name, keyId);
        }
        return new(false, BadgeCheck.BadSignature, $"the signature is not the organization's key {keyId} over this badge", id, name, keyId);
    }

    static string? Try(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The path of the first member where two documents differ; null when they are the same.</summary>
    static string? FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        if (JsonNode.DeepEquals(a, b)) return null;
        if (a is JsonObject x && b is JsonObject y)
        {
            foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                if (FirstDifference(x[key], y[key], path.Length == 0 ? key : $"{path}.{key}") is { } inner) return inner;
        }
        if (a is JsonArray xs && b is JsonArray ys && xs.Count == ys.Count)
        {
            for (var i = 0; i < xs.Count; i++)
                if (FirstDifference(xs[i], ys[i], $"{path}[{i}]") is { } inner) return inner;
        }
        return path.Length == 0 ? "the document" : path;
    }
}

static partial class BadgeLog
{
    [LoggerMessage(8101, LogLevel.Information, "Badge {BadgeId} issued for {Competency} level {Level} from rating {AssessmentId}")]
    public static partial void BadgeIssued(this ILogger logger, Guid badgeId, string competency, int level, long assessmentId);
}
