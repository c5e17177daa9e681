using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>SCIM provisioning through the real app, replaying RFC 7644's example requests, on SQLite and PostgreSQL.</summary>
public sealed class ScimTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    const string CareerMapExt = "urn:careermap:scim:schemas:extension:2.0:User";

    /// <summary>A client carrying a provisioning token an HR admin issued through the API.</summary>
    static async Task<(HttpClient Scim, HttpClient Hr, int TokenId)> ProvisionerAsync(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var issued = await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name = "Workday" }, Ct);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var scim = app.Client();
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return (scim, hr, body.GetProperty("id").GetInt32());
    }

    static StringContent Scim(string json) => new(json, Encoding.UTF8, "application/scim+json");

    static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpClient client, HttpMethod method, string url, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : Scim(json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (text.Length > 0) Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    static void AssertError(JsonElement body, int status, string? scimType, string detail)
    {
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body.GetProperty("schemas")[0].GetString());
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("status").GetString());
        if (scimType is not null) Assert.Equal(scimType, body.GetProperty("scimType").GetString());
        Assert.Contains(detail, body.GetProperty("detail").GetString());
    }

    [Theory, ProviderApps]
    public async Task The_rfc_examples_create_read_replace_patch_and_delete_a_user(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);

        // RFC 7644 §3.3: the creation example, verbatim. It names no role, so it waits for one.
        var (status, created, response) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", """
            {
              "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName":"bjensen",
              "externalId":"bjensen",
              "name":{ "formatted":"Ms. Barbara J Jensen III", "familyName":"Jensen", "givenName":"Barbara" }
            }
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal($"{app.BaseAddress.ToString().TrimEnd('/')}/scim/v2/Users/{id}", response.Headers.Location!.ToString());
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal("User", created.GetProperty("meta").GetProperty("resourceType").GetString());
        Assert.Equal("waiting", created.GetProperty(CareerMapExt).GetProperty("status").GetString());
        Assert.Contains("no role", created.GetProperty(CareerMapExt).GetProperty("waiting").GetString());
        var waiting = await hr.GetFromJsonAsync<JsonElement>("/api/provisioning/waiting", Ct);
        Assert.Equal("bjensen", waiting[0].GetProperty("userName").GetString());

        // RFC 7644 §3.4.1: read it back.
        var (_, read, _) = await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{id}");
        Assert.Equal(("bjensen", "Jensen"), (read.GetProperty("userName").GetString(), read.GetProperty("name").GetProperty("familyName").GetString()));

        // RFC 7644 §3.5.1: the replace example, plus what CareerMap needs to make her an employee (a title HR can map).
        var (putStatus, replaced, _) = await SendAsync(scim, HttpMethod.Put, $"/scim/v2/Users/{id}", $$"""
            {
              "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
              "id":"{{id}}",
              "userName":"bjensen",
              "externalId":"bjensen",
              "title": "Care Representative II",
              "name":{ "formatted":"Ms. Barbara J Jensen III", "familyName":"Jensen", "givenName":"Barbara", "middleName":"Jane" },
              "roles":[],
              "emails":[ { "value":"bjensen@example.com" }, { "value":"babs@jensen.org" } ],
              "addresses":[ { "type":"work", "locality":"Tempe" } ]
            }
            """, ifMatch: "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, putStatus);
        Assert.Equal(("linked", "CC-REP-2", "105"), (replaced.GetProperty(CareerMapExt).GetProperty("status").GetString(),
            replaced.GetProperty(CareerMapExt).GetProperty("roleCode").GetString(), replaced.GetProperty(CareerMapExt).GetProperty("grade").GetString()));
        var employee = await hr.GetFromJsonAsync<JsonElement>("/api/employees/bjensen", Ct);
        Assert.Equal(("Ms. Barbara J Jensen III", "bjensen@example.com", "CC-REP-2", "Tempe"), (employee.GetProperty("name").GetString(),
            employee.GetProperty("email").GetString(), employee.GetProperty("role").GetString(), employee.GetProperty("location").GetString()));

        // A stale version is refused and changes nothing.
        var (stale, staleBody, _) = await SendAsync(scim, HttpMethod.Put, $"/scim/v2/Users/{id}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"other"}""", ifMatch: "W/\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        AssertError(staleBody, 412, null, "changed since it was read");

        // RFC 7644 §3.5.2.1 and §3.5.2.3: add an email and a nickname; replace the title with a promotion.
        var (patchStatus, patched, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", """
            { "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              "Operations":[
                { "op":"add", "value":{ "emails":[ { "value":"babs@jensen.example", "type":"home" } ], "nickname":"Babs" } },
                { "op":"replace", "path":"title", "value":"Care Representative III" } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, patchStatus);
        Assert.Equal(3, patched.GetProperty("emails").GetArrayLength());
        Assert.Equal("CC-REP-3", patched.GetProperty(CareerMapExt).GetProperty("roleCode").GetString());
        var promoted = await hr.GetFromJsonAsync<JsonElement>("/api/employees/bjensen", Ct);
        Assert.Equal(("CC-REP-3", 0), (promoted.GetProperty("role").GetString(), promoted.GetProperty("monthsInRole").GetInt32()));

        // RFC 7644 §3.6: delete. The resource is gone; the employee and her history stay, deactivated.
        await app.WithDbAsync(async db =>
        {
            db.Assessments.Add(new() { EmployeeId = db.Employees.Single(e => e.EmployeeNumber == "bjensen").Id, CompetencyId = db.Competencies.First().Id, Level = 3, AssessedOn = new(2026, 1, 5) });
            return await db.SaveChangesAsync(Ct);
        });
        var (deleted, _, _) = await SendAsync(scim, HttpMethod.Delete, $"/scim/v2/Users/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted);
        var (gone, goneBody, _) = await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone);
        AssertError(goneBody, 404, null, id);
        var kept = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "bjensen").Select(e => new { e.DeactivatedOn, Ratings = db.Assessments.Count(a => a.EmployeeId == e.Id) }).SingleAsync(Ct));
        Assert.NotNull(kept.DeactivatedOn);
        Assert.Equal(1, kept.Ratings);
        var list = await hr.GetFromJsonAsync<JsonElement>("/api/employees?q=bjensen", Ct);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var trail = await hr.GetFromJsonAsync<JsonElement>("/api/audit?entity=Employee&q=bjensen", Ct);
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("actor").GetString() == "scim:Workday");
    }

    [Theory, ProviderApps]
    public async Task Filters_and_paging_find_users_as_the_rfc_describes(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        for (var i = 1; i <= 7; i++)
        {
            var (status, _, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", $$"""
                { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"user{{i}}@riverbend.example", "externalId":"ext-{{i}}",
                  "emails":[ { "value":"user{{i}}@{{(i % 2 == 0 ? "even" : "odd")}}.example", "type":"work", "primary":true } ],
                  "title":"Care Representative I", "{{Enterprise}}": { "employeeNumber":"S-{{i}}", "department":"Care" } }
                """);
            Assert.Equal(HttpStatusCode.Created, status);
        }
        async Task<JsonElement> Find(string query) => (await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?" + query)).Body;

        var one = await Find("filter=" + Uri.EscapeDataString("userName eq \"USER3@riverbend.example\""));
        Assert.Equal(("urn:ietf:params:scim:api:messages:2.0:ListResponse", 1), (one.GetProperty("schemas")[0].GetString(), one.GetProperty("totalResults").GetInt32()));
        Assert.Equal("ext-3", one.GetProperty("Resources")[0].GetProperty("externalId").GetString());
        Assert.Equal(1, (await Find("filter=" + Uri.EscapeDataString("externalId eq \"ext-5\""))).GetProperty("totalResults").GetInt32());
        Assert.Equal(0, (await Find("filter=" + Uri.EscapeDataString("externalId eq \"EXT-5\""))).GetProperty("totalResults").GetInt32());
        Assert.Equal(3, (await Find("filter=" + Uri.EscapeDataString("emails co \"@even.example\""))).GetProperty("totalResults").GetInt32());
        Assert.Equal(4, (await Find("filter=" + Uri.EscapeDataString("emails[type eq \"work\" and value ew \"odd.example\"]"))).GetProperty("totalResults").GetInt32());
        Assert.Equal(1, (await Find("filter=" + Uri.EscapeDataString($"{Enterprise}:employeeNumber eq \"S-6\""))).GetProperty("totalResults").GetInt32());
        Assert.Equal(7, (await Find("filter=" + Uri.EscapeDataString($"{CareerMapExt}:roleCode eq \"CC-REP-1\""))).GetProperty("totalResults").GetInt32());
        Assert.Equal(7, (await Find("filter=" + Uri.EscapeDataString("meta.lastModified gt \"2020-01-01T00:00:00Z\""))).GetProperty("totalResults").GetInt32());

        // RFC 7644 §3.4.2.4: startIndex is 1-based; count caps the page; totalResults counts every match.
        var page = await Find("startIndex=3&count=2");
        Assert.Equal((7, 2, 3), (page.GetProperty("totalResults").GetInt32(), page.GetProperty("itemsPerPage").GetInt32(), page.GetProperty("startIndex").GetInt32()));
        Assert.Equal(["user3@riverbend.example", "user4@riverbend.example"], page.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("userName").GetString()));
        var counted = await Find("count=0");
        Assert.Equal((7, 0), (counted.GetProperty("totalResults").GetInt32(), counted.GetProperty("Resources").GetArrayLength()));
        var slim = await Find("attributes=userName&count=1");
        Assert.Equal(["schemas", "id", "userName"], slim.GetProperty("Resources")[0].EnumerateObject().Select(p => p.Name));

        var (searched, search, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users/.search",
            """{ "schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"], "filter":"userName sw \"user1\"", "attributes":["userName"], "startIndex":1, "count":10 }""");
        Assert.Equal(HttpStatusCode.OK, searched);
        Assert.Equal(1, search.GetProperty("totalResults").GetInt32());

        var (bad, badBody, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq"));
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        AssertError(badBody, 400, "invalidFilter", "at the end of the filter");
    }

    [Theory, ProviderApps]
    public async Task Bad_requests_get_scim_errors_and_change_nothing(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        var people = await app.WithDbAsync(db => db.Employees.CountAsync(Ct));
        var user = """{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"dup@riverbend.example", "title":"Care Representative I" }""";
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", user)).Status);
        var id = (await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq \"dup@riverbend.example\""))).Body.GetProperty("Resources")[0].GetProperty("id").GetString();

        (string Json, int Status, string? Type, string Detail)[] posts =
        [
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"DUP@riverbend.example" }""", 409, "uniqueness", "already taken"),
            ("""{ "userName":"x@riverbend.example" }""", 400, "invalidSyntax", "schemas must list"),
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"] }""", 400, "invalidValue", "userName is required"),
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"y", "active":"maybe" }""", 400, "invalidValue", "active: expected true or false"),
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"y", "emails":[{"value":"not-an-email"}] }""", 400, "invalidValue", "emails[0].value"),
            ($$"""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"y@riverbend.example", "{{CareerMapExt}}": { "roleCode":"NOPE" } }""", 400, "invalidValue", "no role 'NOPE'"),
            ($$"""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"y@riverbend.example", "{{CareerMapExt}}": { "roleCode":"CC-REP-1", "grade":"109" } }""", 400, "invalidValue", "is on grade 105, not 109"),
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"y", "urn:example:other": {} }""", 400, "invalidValue", "not a schema extension"),
            ("""{ "schemas": [ "urn:ietf:params:scim:schemas:core:2.0:User" """, 400, "invalidSyntax", "not valid JSON"),
        ];
        foreach (var (json, code, type, detail) in posts)
        {
            var (status, body, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", json);
            Assert.Equal((HttpStatusCode)code, status);
            AssertError(body, code, type, detail);
        }
        var (patch, patchBody, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{ "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ { "op":"replace", "path":"title", "value":"Care Representative II" }, { "op":"replace", "path":"id", "value":"mine" } ] }""");
        Assert.Equal(HttpStatusCode.BadRequest, patch);
        AssertError(patchBody, 400, "mutability", "Operations[1]: 'id' is read-only");
        Assert.Equal("CC-REP-1", (await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{id}")).Body.GetProperty(CareerMapExt).GetProperty("roleCode").GetString());
        var (groups, groupsBody, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Groups");
        Assert.Equal(HttpStatusCode.NotFound, groups);
        AssertError(groupsBody, 404, null, "Users only");
        Assert.Equal(people + 1, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
    }

    [Theory, ProviderApps]
    public async Task Only_a_live_provisioning_token_may_provision_and_only_its_hash_is_stored(TestApp app)
    {
        var (scim, hr, tokenId) = await ProvisionerAsync(app);
        var secret = scim.DefaultRequestHeaders.Authorization!.Parameter!;
        const string User = """{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"t@riverbend.example" }""";

        var anonymous = app.Client();
        var (none, noneBody, noneResponse) = await SendAsync(anonymous, HttpMethod.Get, "/scim/v2/Users");
        Assert.Equal(HttpStatusCode.Unauthorized, none);
        AssertError(noneBody, 401, null, "provisioning token is required");
        Assert.Equal("Bearer", noneResponse.Headers.WwwAuthenticate.Single().Scheme);
        // An HR admin's own sign-in is not a provisioning credential.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(hr, HttpMethod.Post, "/scim/v2/Users", User)).Status);
        var forged = app.Client();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(forged, HttpMethod.Get, "/scim/v2/Users")).Status);
        // Discovery needs no token.
        var (config, configBody, _) = await SendAsync(anonymous, HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        Assert.Equal(HttpStatusCode.OK, config);
        Assert.True(configBody.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.True(configBody.GetProperty("filter").GetProperty("supported").GetBoolean());
        var types = (await SendAsync(anonymous, HttpMethod.Get, "/scim/v2/ResourceTypes")).Body;
        Assert.Equal([Enterprise, CareerMapExt], types.GetProperty("Resources")[0].GetProperty("schemaExtensions").EnumerateArray().Select(s => s.GetProperty("schema").GetString()));
        var schemas = (await SendAsync(anonymous, HttpMethod.Get, "/scim/v2/Schemas")).Body;
        Assert.Equal(3, schemas.GetProperty("totalResults").GetInt32());
        var enterprise = (await SendAsync(anonymous, HttpMethod.Get, $"/scim/v2/Schemas/{Enterprise}")).Body;
        Assert.Contains(enterprise.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("name").GetString() == "manager");

        Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", User)).Status);
        var stored = await app.WithDbAsync(db => db.ScimTokens.SingleAsync(t => t.Id == tokenId, Ct));
        Assert.NotEqual(secret, stored.Hash);
        Assert.DoesNotContain(secret, await hr.GetStringAsync("/api/provisioning/tokens", Ct));
        Assert.NotNull(stored.LastUsedAt);

        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/provisioning/tokens/{tokenId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.DeleteAsync("/api/provisioning/tokens/999999", Ct)).StatusCode);
        var employee = await app.SignedInAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/provisioning/tokens", new { name = "mine" }, Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task A_manager_who_arrives_after_their_reports_is_linked_and_can_be_changed_and_removed(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);
        string Person(string number, string title, string? manager) => $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"{{number}}@riverbend.example", "title":"{{title}}",
              "{{Enterprise}}": { "employeeNumber":"{{number}}"{{(manager is null ? "" : $", \"manager\": {{ \"value\": \"{manager}\" }}")}} } }
            """;
        var report = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("R-1", "Care Representative I", "M-1"))).Body;
        Assert.Null(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "R-1").Select(e => e.ManagerId).SingleAsync(Ct)));
        Assert.False(report.GetProperty(Enterprise).GetProperty("manager").TryGetProperty("displayName", out _));

        var manager = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("M-1", "Supervisor, Customer Care", null))).Body;
        var linked = (await hr.GetFromJsonAsync<JsonElement>("/api/employees/R-1", Ct)).GetProperty("manager").GetString();
        Assert.Equal("M-1", linked);
        var reread = (await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{report.GetProperty("id").GetString()}")).Body.GetProperty(Enterprise).GetProperty("manager");
        Assert.Equal("M-1@riverbend.example", reread.GetProperty("displayName").GetString());
        Assert.EndsWith($"/scim/v2/Users/{manager.GetProperty("id").GetString()}", reread.GetProperty("$ref").GetString());

        // The manager by SCIM id, as most HR systems send it; then removed.
        var other = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("M-2", "Supervisor, Customer Care", null))).Body.GetProperty("id").GetString();
        var path = $"/scim/v2/Users/{report.GetProperty("id").GetString()}";
        var (replaced, _, _) = await SendAsync(scim, HttpMethod.Patch, path, $$"""
            { "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ { "op":"Replace", "path":"{{Enterprise}}:manager", "value":"{{other}}" } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, replaced);
        Assert.Equal("M-2", (await hr.GetFromJsonAsync<JsonElement>("/api/employees/R-1", Ct)).GetProperty("manager").GetString());
        // A manager who reports to the user would make a loop: refused.
        var (loop, loopBody, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{other}", $$"""
            { "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ { "op":"add", "path":"{{Enterprise}}:manager", "value":{ "value":"R-1" } } ] }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, loop);
        AssertError(loopBody, 400, "invalidValue", "reports to this user");
        await SendAsync(scim, HttpMethod.Patch, path, $$"""{ "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ { "op":"remove", "path":"{{Enterprise}}:manager" } ] }""");
        Assert.False((await hr.GetFromJsonAsync<JsonElement>("/api/employees/R-1", Ct)).TryGetProperty("manager", out var none) && none.ValueKind == JsonValueKind.String);
    }

    [Theory, ProviderApps]
    public async Task Titles_map_through_hr_aliases_and_existing_people_are_adopted_not_duplicated(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);
        var waiting = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users",
            """{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"ana@riverbend.example", "title":"Patient Concierge", "displayName":"Ana Ruiz" }""")).Body;
        Assert.Contains("no role for title 'Patient Concierge'", waiting.GetProperty(CareerMapExt).GetProperty("waiting").GetString());

        var bad = await hr.PutAsJsonAsync("/api/provisioning/title-aliases", new { title = "Patient Concierge", role = "NOPE", grade = "999" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problems = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("no role 'NOPE'", problems.GetProperty("errors").GetProperty("role")[0].GetString());
        Assert.Contains("no grade '999'", problems.GetProperty("errors").GetProperty("grade")[0].GetString());
        var saved = await hr.PutAsJsonAsync("/api/provisioning/title-aliases", new { title = "patient  CONCIERGE", role = "CC-REP-1" }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(1, (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("linked").GetInt32());
        var now = (await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{waiting.GetProperty("id").GetString()}")).Body;
        Assert.Equal(("linked", "CC-REP-1"), (now.GetProperty(CareerMapExt).GetProperty("status").GetString(), now.GetProperty(CareerMapExt).GetProperty("roleCode").GetString()));
        Assert.Empty((await hr.GetFromJsonAsync<JsonElement>("/api/provisioning/waiting", Ct)).EnumerateArray());

        // Someone the roster already holds: the HR system's user takes over that employee, ratings and all.
        var cast = await Cast.LoadAsync(app);
        var before = await app.WithDbAsync(db => db.Employees.CountAsync(Ct));
        var (status, adopted, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"persona@riverbend.example", "displayName":"Renamed Person",
              "{{Enterprise}}": { "employeeNumber":"{{cast.Employee}}" } }
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(before, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
        Assert.Equal("linked", adopted.GetProperty(CareerMapExt).GetProperty("status").GetString());
        Assert.Equal("Renamed Person", (await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}", Ct)).GetProperty("name").GetString());
        var (twice, twiceBody, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"another@riverbend.example", "{{Enterprise}}": { "employeeNumber":"{{cast.Employee}}" } }
            """);
        Assert.Equal(HttpStatusCode.Conflict, twice);
        AssertError(twiceBody, 409, "uniqueness", "belongs to another provisioned user");
    }

    [Theory, ProviderApps]
    public async Task Deactivating_a_user_stops_their_sign_in_and_reactivating_restores_it(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);
        var id = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", """
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], "userName":"leaver@riverbend.example",
              "title":"Care Representative I", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { "employeeNumber":"L-1" } }
            """)).Body.GetProperty("id").GetString();
        var signedIn = await app.SignedInAsync(AppRoles.Employee, "L-1");
        var email = await app.WithDbAsync(db => db.Users.Where(u => u.EmployeeId == db.Employees.Single(e => e.EmployeeNumber == "L-1").Id).Select(u => u.Email).SingleAsync(Ct));
        async Task<HttpStatusCode> SignIn() => (await app.Client().PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.Password }, Ct)).StatusCode;
        Assert.Equal(HttpStatusCode.OK, await SignIn());

        const string Patch = """{ "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ { "op":"replace", "value":{ "active":"False" } } ] }""";
        var (_, off, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch);
        Assert.False(off.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await SignIn());
        // A token issued before the deactivation stops working at once, not when it expires.
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(0, (await hr.GetFromJsonAsync<JsonElement>("/api/employees?q=L-1", Ct)).GetProperty("total").GetInt32());
        Assert.DoesNotContain("\"employeeNumber\":\"L-1\"", await hr.GetStringAsync("/api/roles/CC-REP-2/candidates?top=100", Ct));

        var (_, on, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}", Patch.Replace("False", "true", StringComparison.Ordinal));
        Assert.True(on.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, await SignIn());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ten_thousand_users_provisioned_reports_first_all_end_up_under_the_right_manager(string provider)
    {
        const int People = 10_000;
        await using var app = await TestApp.StartAsync(provider);
        var (scim, _, _) = await ProvisionerAsync(app);
        var before = await app.WithDbAsync(db => db.Employees.CountAsync(Ct));
        // A tree ten wide: person i reports to (i - 1) / 10. Sent from the last person to the first, so nearly every
        // manager arrives after their reports, by four clients at once as an HR system's sync job would.
        static string? ManagerOf(int i) => i == 0 ? null : $"B{(i - 1) / 10:D5}";
        static string Title(int i) => i == 0 ? "Director, Care Operations" : i <= 10 ? "Care Manager" : i <= 1110 ? "Supervisor, Customer Care" : "Care Representative I";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, People).Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct }, async (i, ct) =>
        {
            var manager = ManagerOf(i) is { } m ? $", \"manager\": {{ \"value\": \"{m}\" }}" : "";
            using var response = await scim.PostAsync("/scim/v2/Users", Scim($$"""
                { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"b{{i:D5}}@bulk.example", "externalId":"X{{i}}",
                  "name": { "givenName":"Bulk", "familyName":"Person {{i}}" }, "title":"{{Title(i)}}", "emails":[ { "value":"b{{i:D5}}@bulk.example", "primary":true } ],
                  "{{Enterprise}}": { "employeeNumber":"B{{i:D5}}"{{manager}} } }
                """), ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });
        TestContext.Current.SendDiagnosticMessage($"{provider}: {People:N0} users provisioned in {watch.Elapsed.TotalSeconds:F1} s");

        var stored = await app.WithDbAsync(db => db.Employees.Where(e => EF.Functions.Like(e.EmployeeNumber, "B%"))
            .Select(e => new { e.EmployeeNumber, Manager = e.Manager == null ? null : e.Manager.EmployeeNumber, Role = e.Role.Code }).ToListAsync(Ct));
        Assert.Equal(People, stored.Count);
        Assert.Equal(before + People, await app.WithDbAsync(db => db.Employees.CountAsync(Ct)));
        Assert.All(stored, e => Assert.Equal(ManagerOf(int.Parse(e.EmployeeNumber[1..], System.Globalization.CultureInfo.InvariantCulture)), e.Manager));
        Assert.Equal(People - 1 - 10 - 1100, stored.Count(e => e.Role == "CC-REP-1"));
        var (_, page, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?startIndex=9991&count=100");
        Assert.Equal((People, 10), (page.GetProperty("totalResults").GetInt32(), page.GetProperty("itemsPerPage").GetInt32()));
    }
}
