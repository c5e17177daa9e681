using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CareerMap.Accounts;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>
/// Open Badges 3.0: a manager's rating that meets a level is issued as an OpenBadgeCredential signed with the organization's
/// key (VC-JWT, RS256), downloaded by the person, and verified by anyone; a changed badge or another key's fails.
/// </summary>
public sealed class BadgeTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Competency = "COMMS";

    static async Task<JsonObject> VerifyAsync(HttpClient client, string badge, string type = "application/vc+jwt")
    {
        var answer = await client.PostAsync("/api/badges/verify", new StringContent(badge, Encoding.UTF8, type), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    static string Check(JsonObject verification) => verification["check"]!.GetValue<string>();

    static string Encode(JsonNode json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    static JsonObject Decode(string segment) => JsonNode.Parse(Base64Url.DecodeFromChars(segment))!.AsObject();

    static string SignWith(RSA key, JsonObject header, JsonObject payload)
    {
        var input = $"{Encode(header)}.{Encode(payload)}";
        return $"{input}.{Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    static async Task<(Cast Cast, HttpClient Me, JsonObject Badge)> IssuedAsync(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = Competency, level = 4, evidence = "Clear call notes" }, Ct)).StatusCode);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var issued = await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/badges", new { competency = Competency, level = 3 }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return (cast, me, (await issued.Content.ReadFromJsonAsync<JsonObject>(Ct))!);
    }

    [Theory, ProviderApps]
    public async Task A_manager_rating_is_issued_as_an_open_badge_that_verifies_and_a_changed_or_foreign_one_does_not(TestApp app)
    {
        var (cast, me, badge) = await IssuedAsync(app);
        var id = badge["id"]!.GetValue<string>();
        Assert.Equal((Competency, 3), (badge["competency"]!.GetValue<string>(), badge["level"]!.GetValue<int>()));
        var url = $"/api/employees/{cast.Employee}/badges/{id}";

        // Issued once: asking again answers the same badge.
        var again = await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/badges", new { competency = Competency, level = 3 }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonObject>(Ct))!["id"]!.GetValue<string>());
        Assert.Equal(id, Assert.Single((await me.GetFromJsonAsync<JsonArray>($"/api/employees/{cast.Employee}/badges", Ct))!)!["id"]!.GetValue<string>());

        // The credential JSON, downloaded as a file, holds every member OB 3.0 requires.
        var download = await me.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"badge-{id}.json", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var credentialText = await download.Content.ReadAsStringAsync(Ct);
        var credential = JsonNode.Parse(credentialText)!.AsObject();
        Assert.Equal(new[] { "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" }, credential["@context"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(new[] { "VerifiableCredential", "OpenBadgeCredential" }, credential["type"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal($"urn:uuid:{id}", credential["id"]!.GetValue<string>());
        var issuer = credential["issuer"]!.AsObject();
        Assert.Contains("Profile", issuer["type"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(issuer["name"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(credential["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        var subject = credential["credentialSubject"]!.AsObject();
        Assert.Contains("AchievementSubject", subject["type"]!.AsArray().Select(x => x!.GetValue<string>()));
        var email = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Email).SingleAsync());
        var hashed = subject["identifier"]!.AsArray().Select(x => x!.AsObject()).Single(x => x["identityType"]!.GetValue<string>() == "emailAddress");
        Assert.True(hashed["hashed"]!.GetValue<bool>());
        Assert.Equal("sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant() + hashed["salt"]!.GetValue<string>()))),
            hashed["identityHash"]!.GetValue<string>());
        Assert.DoesNotContain(email, credentialText, StringComparison.OrdinalIgnoreCase);
        var achievement = subject["achievement"]!.AsObject();
        Assert.StartsWith("urn:uuid:", achievement["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Achievement", achievement["type"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.EndsWith("level 3", achievement["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(achievement["description"]!.GetValue<string>()));
        Assert.Contains("level 3 or above", achievement["criteria"]!["narrative"]!.GetValue<string>(), StringComparison.Ordinal);
        var alignments = achievement["alignment"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var level = alignments.Single(a => a["targetCode"]!.GetValue<string>() == $"{Competency}.L3");
        Assert.Equal("CFItem", level["targetType"]!.GetValue<string>());
        Assert.Contains("Alignment", level["type"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(level["targetFramework"]!.GetValue<string>()));
        Assert.Contains(alignments, a => a["targetCode"]!.GetValue<string>() == Competency);
        // The alignment names the CASE item the read service serves.
        var caseItem = await me.GetFromJsonAsync<JsonObject>(new Uri(level["targetUrl"]!.GetValue<string>()).PathAndQuery, Ct);
        Assert.Equal($"{Competency}.L3", caseItem!["humanCodingScheme"]!.GetValue<string>());

        // The JWT: the credential as payload, RS256, the key named by a kid that the published JWK set holds.
        var jwt = await me.GetStringAsync($"{url}/jwt", Ct);
        Assert.Equal(jwt, credential["proof"]!["jwt"]!.GetValue<string>());
        var parts = jwt.Split('.');
        var header = Decode(parts[0]);
        var payload = Decode(parts[1]);
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal($"urn:uuid:{id}", payload["jti"]!.GetValue<string>());
        Assert.Equal(issuer["id"]!.GetValue<string>(), payload["iss"]!.GetValue<string>());
        var anonymous = app.Client(followRedirects: false);
        var keys = (await anonymous.GetFromJsonAsync<JsonObject>("/badges/keys", Ct))!["keys"]!.AsArray();
        var jwk = Assert.Single(keys)!.AsObject();
        Assert.EndsWith("/" + jwk["kid"]!.GetValue<string>(), header["kid"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(jwk["d"]);
        Assert.Equal(jwk.ToJsonString(), (await anonymous.GetFromJsonAsync<JsonObject>(new Uri(header["kid"]!.GetValue<string>()).PathAndQuery, Ct))!.ToJsonString());
        var profile = await anonymous.GetFromJsonAsync<JsonObject>(new Uri(issuer["id"]!.GetValue<string>()).PathAndQuery, Ct);
        Assert.Equal(issuer["id"]!.GetValue<string>(), profile!["id"]!.GetValue<string>());

        // Anyone can check the signature with the published key alone, without CareerMap.
        using (var published = RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(jwk["n"]!.GetValue<string>()), Exponent = Base64Url.DecodeFromChars(jwk["e"]!.GetValue<string>()) }))
            Assert.True(published.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        // Verified, as the JWT and as the credential JSON, by a caller who is not signed in.
        var verified = await VerifyAsync(anonymous, jwt);
        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal("verified", Check(verified));
        Assert.True((await VerifyAsync(anonymous, credentialText, "application/json"))["verified"]!.GetValue<bool>());

        // A payload changed after signing (the level raised, the name changed) fails: the signature no longer covers it.
        var raised = (JsonObject)payload.DeepClone();
        raised["credentialSubject"]!["achievement"]!["name"] = achievement["name"]!.GetValue<string>().Replace("level 3", "level 5", StringComparison.Ordinal);
        var tampered = await VerifyAsync(anonymous, $"{parts[0]}.{Encode(raised)}.{parts[2]}");
        Assert.False(tampered["verified"]!.GetValue<bool>());
        Assert.Equal("tampered-payload", Check(tampered));
        Assert.Contains("credentialSubject.achievement.name", tampered["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var renamed = JsonNode.Parse(credentialText)!.AsObject();
        renamed["name"] = "Pharmacist license";
        var tamperedJson = await VerifyAsync(anonymous, renamed.ToJsonString(), "application/json");
        Assert.Equal(("tampered-payload", false), (Check(tamperedJson), tamperedJson["verified"]!.GetValue<bool>()));
        Assert.Contains("name", tamperedJson["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Signed by another key: under the organization's kid it is a bad signature; under its own kid an unknown key.
        using var forger = RSA.Create(2048);
        var forged = await VerifyAsync(anonymous, SignWith(forger, header, raised));
        Assert.Equal(("bad-signature", false), (Check(forged), forged["verified"]!.GetValue<bool>()));
        var ownKid = new JsonObject { ["alg"] = "RS256", ["kid"] = "https://badges.elsewhere.example/keys/another" };
        var foreign = await VerifyAsync(anonymous, SignWith(forger, ownKid, payload));
        Assert.Equal(("unknown-key", false), (Check(foreign), foreign["verified"]!.GetValue<bool>()));
        var unsigned = await VerifyAsync(anonymous, $"{Encode(new JsonObject { ["alg"] = "none", ["kid"] = header["kid"]!.GetValue<string>() })}.{parts[1]}.{parts[2]}");
        Assert.False(unsigned["verified"]!.GetValue<bool>());

        // Something that is not a badge says so.
        Assert.Equal("not-an-open-badge-credential", Check(await VerifyAsync(anonymous, SignWith(forger, header, new JsonObject { ["sub"] = "someone", ["name"] = "ID token" }))));
        Assert.Equal("malformed", Check(await VerifyAsync(anonymous, "not a badge")));
        var proofless = JsonNode.Parse(credentialText)!.AsObject();
        proofless.Remove("proof");
        Assert.Equal("malformed", Check(await VerifyAsync(anonymous, proofless.ToJsonString(), "application/json")));
    }

    [Theory, ProviderApps]
    public async Task Only_a_manager_rating_that_meets_the_level_is_issued(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var employeeId = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Id).SingleAsync());
        // A competency the person has no manager's rating for, rated by themselves only.
        var selfRated = await app.WithDbAsync(db => db.Competencies
            .Where(c => !db.Assessments.Any(a => a.EmployeeId == employeeId && a.CompetencyId == c.Id && a.Source == AssessmentSource.Manager))
            .OrderBy(c => c.Code).Select(c => c.Code).FirstAsync());
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = selfRated, level = 5 }, Ct)).StatusCode);

        async Task<JsonObject> RefusedAsync(HttpClient client, object body)
        {
            var answer = await client.PostAsJsonAsync($"/api/employees/{cast.Employee}/badges", body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.StartsWith("application/problem+json", answer.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            return (await answer.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        }

        var self = await RefusedAsync(me, new { competency = selfRated, level = 1 });
        Assert.Contains("manager's rating", self["competency"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = Competency, level = 2 }, Ct)).StatusCode);
        var below = await RefusedAsync(me, new { competency = Competency, level = 3 });
        Assert.Contains("level 2", below["level"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await RefusedAsync(manager, new { competency = "NO-SUCH", level = 1 })).ContainsKey("competency"));
        Assert.True((await RefusedAsync(me, new { competency = Competency, level = 9 })).ContainsKey("level"));
        Assert.True((await RefusedAsync(me, new { competency = Competency })).ContainsKey("level"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Badges.CountAsync()));

        // The manager may issue it for the person at the level they rated.
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/badges", new { competency = Competency, level = 2 }, Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task A_badge_is_seen_by_its_holder_their_leaders_and_hr_only_and_its_issue_is_audited(TestApp app)
    {
        var (cast, _, badge) = await IssuedAsync(app);
        var id = badge["id"]!.GetValue<string>();
        var url = $"/api/employees/{cast.Employee}/badges/{id}";
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(AppRoles.Manager, cast.Manager)).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(AppRoles.HrAdmin)).GetAsync($"{url}/jwt", Ct)).StatusCode);
        var peer = await app.SignedInAsync(AppRoles.Employee, cast.Peer);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync($"{url}/jwt", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync($"/api/employees/{cast.Employee}/badges", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.PostAsJsonAsync($"/api/employees/{cast.Employee}/badges", new { competency = Competency, level = 3 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.Manager, cast.OtherManager)).GetAsync(url, Ct)).StatusCode);
        // Another person's badge under one's own number is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await peer.GetAsync($"/api/employees/{cast.Peer}/badges/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(followRedirects: false).GetAsync(url, Ct)).StatusCode);

        // The issue is in the audit trail, told in words; the signing key never is.
        var audit = await (await app.SignedInAsync(AppRoles.HrAdmin)).GetStringAsync("/admin/audit", Ct);
        Assert.Contains("Badge", audit, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Entity == "Badge")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Audit.CountAsync(a => a.Entity == "BadgeKey")));
        var stored = await app.WithDbAsync(db => db.BadgeKeys.Select(k => k.PrivateKey).SingleAsync());
        // Kept as data protection's payload (its magic header reads CfDJ8), never as the bare PKCS#8 key.
        Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal);
    }

    [Theory, ProviderApps]
    public async Task The_person_gets_a_badge_from_their_profile_and_finds_it_to_download(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = Competency, level = 4 }, Ct)).StatusCode);
        var browser = await app.BrowserAsync(AppRoles.Employee, cast.Employee);
        var page = await browser.GetStringAsync($"/people/{cast.Employee}", Ct);
        Assert.Contains("Get badge", page, StringComparison.Ordinal);
        var posted = await browser.PostAsync($"/people/{cast.Employee}?handler=Badge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["BadgeCompetency"] = Competency, ["BadgeLevel"] = "4", ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var after = await posted.Content.ReadAsStringAsync(Ct);
        var id = await app.WithDbAsync(db => db.Badges.Select(b => b.Id).SingleAsync());
        Assert.Contains($"/api/employees/{cast.Employee}/badges/{id}", after, StringComparison.Ordinal);
        Assert.Contains("The badge is issued", System.Net.WebUtility.HtmlDecode(after), StringComparison.Ordinal);
    }
}
