using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>Dated credentials provisioned through the CareerMap SCIM extension: created, read, replaced and patched, and what readiness makes of them.</summary>
public sealed class ScimCredentialsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Ext = "urn:careermap:scim:schemas:extension:2.0:User";
    const string Cpht = "Certified Pharmacy Technician";

    static async Task<HttpClient> ProvisionerAsync(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var issued = await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name = "Workday" }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var scim = app.Client();
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await issued.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("token").GetString());
        return scim;
    }

    static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/scim+json") };
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    static string Patch(string op, string path, string? value = null) =>
        $$"""{ "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ { "op":"{{op}}", "path":{{JsonSerializer.Serialize(path)}}{{(value is null ? "" : $", \"value\":{value}")}} } ] }""";

    /// <summary>A Care Representative III rated by a manager today at every level PS-TECH-1 asks: only the certificate stands between them and the move.</summary>
    static Task<(int Id, string Number, string Email)> CareRepAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var person = await db.Employees.Where(e => e.Role.Code == "CC-REP-3" && e.DeactivatedOn == null).OrderBy(e => e.Id).FirstAsync(Ct);
        person.Certifications = [];
        var needs = await db.Set<RoleRequirement>().Where(r => r.Role.Code == "PS-TECH-1").Select(r => new { r.CompetencyId, r.Level }).ToListAsync(Ct);
        foreach (var n in needs)
            db.Assessments.Add(new Assessment { EmployeeId = person.Id, CompetencyId = n.CompetencyId, Level = n.Level, Source = AssessmentSource.Manager, AssessedOn = TestClock.Today });
        await db.SaveChangesAsync(Ct);
        return (person.Id, person.EmployeeNumber, person.Email);
    });

    static string User(string number, string email, string? credentials) => $$"""
        {
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "{{Ext}}"],
          "userName":"{{email}}", "displayName":"Kept Name",
          "emails":[ { "value":"{{email}}", "type":"work", "primary":true } ],
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{ "employeeNumber":"{{number}}" },
          "{{Ext}}":{ "roleCode":"CC-REP-3"{{(credentials is null ? "" : $", \"credentials\":{credentials}")}} }
        }
        """;

    static async Task<List<(string Name, string Kind, DateOnly? Expires)>> HeldAsync(TestApp app, int id) =>
        [.. (await app.WithDbAsync(db => db.Set<Credential>().Where(c => c.EmployeeId == id).ToListAsync(Ct)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (c.Name, WireNames.Of(c.Kind), c.ExpiresOn))];

    static List<string> Names(JsonElement user) => user.GetProperty(Ext).TryGetProperty("credentials", out var list)
        ? [.. list.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)] : [];

    [Theory, ProviderApps]
    public async Task Credentials_sent_by_scim_are_held_read_back_patched_by_filter_and_kept_by_a_put_that_leaves_them_out_and_an_expiry_shows_in_readiness(TestApp app)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var (id, number, email) = await CareRepAsync(app);
            var scim = await ProvisionerAsync(app);
            var hr = await app.SignedInAsync(AppRoles.HrAdmin);
            async Task<(bool Ready, JsonElement Prerequisite)> ReadinessAsync()
            {
                var r = await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{number}/readiness?role=PS-TECH-1", Ct);
                return (r.GetProperty("readyNow").GetBoolean(), r.GetProperty("prerequisites")[0]);
            }
            Assert.False((await ReadinessAsync()).Ready);

            // Created with two credentials, one expiry as a date-time: the employee holds them, and the move is open.
            var (status, created) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", User(number, email, $$"""
                [ { "name":"{{Cpht}}", "kind":"certification", "issuer":"PTCB", "number":"PT-1", "issued":"2024-11-03", "expires":"2027-05-31T00:00:00Z" },
                  { "name":"Notary Public", "kind":"License" } ]
                """));
            Assert.Equal(HttpStatusCode.Created, status);
            var userUrl = $"/scim/v2/Users/{created.GetProperty("id").GetString()}";
            Assert.Equal(number, created.GetProperty(Ext).GetProperty("employeeNumber").GetString());
            Assert.Equal([(Cpht, "certification", new DateOnly(2027, 5, 31)), ("Notary Public", "license", null)], await HeldAsync(app, id));
            var returned = created.GetProperty(Ext).GetProperty("credentials")[0];
            Assert.Equal((Cpht, "certification", "PTCB", "PT-1", "2024-11-03", "2027-05-31"), (returned.GetProperty("name").GetString(), returned.GetProperty("kind").GetString(),
                returned.GetProperty("issuer").GetString(), returned.GetProperty("number").GetString(), returned.GetProperty("issued").GetString(), returned.GetProperty("expires").GetString()));
            Assert.True((await ReadinessAsync()).Ready);
            var (_, read) = await SendAsync(scim, HttpMethod.Get, userUrl);
            Assert.Equal([Cpht, "Notary Public"], Names(read));
            var (_, projected) = await SendAsync(scim, HttpMethod.Get, $"{userUrl}?attributes={Ext}:credentials.name");
            Assert.False(projected.GetProperty(Ext).GetProperty("credentials")[0].TryGetProperty("kind", out _));

            // Its expiry patched to yesterday, through a value filter: readiness says it expired.
            var (patched, _) = await SendAsync(scim, HttpMethod.Patch, userUrl, Patch("replace", $"{Ext}:credentials[name eq \"{Cpht}\"].expires", "\"2026-11-01\""));
            Assert.Equal(HttpStatusCode.OK, patched);
            var (ready, prerequisite) = await ReadinessAsync();
            Assert.False(ready);
            Assert.False(prerequisite.GetProperty("met").GetBoolean());
            Assert.Equal("Certified Pharmacy Technician expired on 1 Nov 2026: renew it", prerequisite.GetProperty("text").GetString());

            // Removed by filter, added back, then a replacement that leaves credentials out keeps them.
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(scim, HttpMethod.Patch, userUrl, Patch("remove", $"{Ext}:credentials[name eq \"Notary Public\"]"))).Status);
            Assert.Equal([(Cpht, "certification", new DateOnly(2026, 11, 1))], await HeldAsync(app, id));
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(scim, HttpMethod.Patch, userUrl,
                Patch("add", $"{Ext}:credentials", """[ { "name":"Notary Public", "kind":"license", "expires":"2028-01-01" } ]"""))).Status);
            Assert.Equal(2, (await HeldAsync(app, id)).Count);
            var (put, replaced) = await SendAsync(scim, HttpMethod.Put, userUrl, User(number, email, null));
            Assert.Equal(HttpStatusCode.OK, put);
            Assert.Equal([Cpht, "Notary Public"], Names(replaced));
            Assert.Equal(2, (await HeldAsync(app, id)).Count);

            // HR's edit shows on the next read; a PATCH works on what CareerMap holds, and removing the last one leaves none.
            Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/employees/{number}/credentials/Notary%20Public", Ct)).StatusCode);
            Assert.Equal([Cpht], Names((await SendAsync(scim, HttpMethod.Get, userUrl)).Body));
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(scim, HttpMethod.Patch, userUrl, Patch("remove", $"{Ext}:credentials[name eq \"{Cpht}\"]"))).Status);
            Assert.Empty(await HeldAsync(app, id));

            // A replacement naming them sets them; one with an empty list removes them all.
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(scim, HttpMethod.Put, userUrl, User(number, email, $$"""[ { "name":"{{Cpht}}", "kind":"certification" } ]"""))).Status);
            Assert.True((await ReadinessAsync()).Ready);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(scim, HttpMethod.Put, userUrl, User(number, email, "[]"))).Status);
            Assert.Empty(await HeldAsync(app, id));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory, ProviderApps]
    public async Task Bad_credentials_answer_400_invalid_value_naming_the_attribute_and_change_nothing(TestApp app)
    {
        var (id, number, email) = await CareRepAsync(app);
        var scim = await ProvisionerAsync(app);
        var (status, created) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", User(number, email, $$"""[ { "name":"{{Cpht}}", "kind":"certification", "expires":"2027-05-31" } ]"""));
        Assert.Equal(HttpStatusCode.Created, status);
        var userUrl = $"/scim/v2/Users/{created.GetProperty("id").GetString()}";

        async Task RefusedAsync(HttpMethod method, string body, string detail)
        {
            var (refused, error) = await SendAsync(scim, method, method == HttpMethod.Post ? "/scim/v2/Users" : userUrl, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused);
            Assert.Equal("invalidValue", error.GetProperty("scimType").GetString());
            Assert.True(error.GetProperty("detail").GetString()!.Contains(detail, StringComparison.Ordinal), error.GetProperty("detail").GetString());
        }
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "name":"CPhT", "kind":"diploma" } ]"""), $"{Ext}:credentials[0].kind: kind diploma is unknown");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "name":"CPhT" } ]"""), $"{Ext}:credentials[0].kind");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "kind":"license" } ]"""), $"{Ext}:credentials[0].name: a credential needs a name");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "name":"A", "kind":"license" }, { "name":"CPhT", "kind":"license", "expires":"2027-13-01" } ]"""),
            $"{Ext}:credentials[1].expires: '2027-13-01' is not a date");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "name":"CPhT", "kind":"license", "issued":"2026-01-10", "expires":"2025-01-10" } ]"""),
            $"{Ext}:credentials[0].expires: a credential cannot expire before it was issued");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "name":"CPhT", "kind":"license" }, { "name":"cpht", "kind":"license" } ]"""), $"{Ext}:credentials[1].name: 'cpht' is listed twice");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ "CPhT" ]"""), $"{Ext}:credentials: expected an object");
        await RefusedAsync(HttpMethod.Put, User(number, email, """[ { "name":"CPhT", "kind":"license", "number":7 } ]"""), $"{Ext}:credentials.number: expected text");
        await RefusedAsync(HttpMethod.Patch, Patch("replace", $"{Ext}:credentials[name eq \"{Cpht}\"].issued", "\"2026-12-01\""), "credentials[0].issued: a credential cannot be issued in the future");
        await RefusedAsync(HttpMethod.Post, User("N-NEW-1", "new.person@x.example", """[ { "name":"CPhT", "kind":"permit" } ]"""), $"{Ext}:credentials[0].kind");

        Assert.Equal([(Cpht, "certification", new DateOnly(2027, 5, 31))], await HeldAsync(app, id));
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "N-NEW-1", Ct)));
    }

    [Theory, ProviderApps]
    public async Task The_schemas_endpoint_declares_the_credentials_attribute_with_its_sub_attributes(TestApp app)
    {
        var scim = await ProvisionerAsync(app);
        var (_, schema) = await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Schemas/{Ext}");
        var credentials = schema.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "credentials");
        Assert.Equal(("complex", true), (credentials.GetProperty("type").GetString(), credentials.GetProperty("multiValued").GetBoolean()));
        Assert.Equal(["name", "kind", "issuer", "number", "issued", "expires"], credentials.GetProperty("subAttributes").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("dateTime", credentials.GetProperty("subAttributes")[5].GetProperty("type").GetString());
    }
}
