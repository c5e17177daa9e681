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
            replaced.GetProperty(CareerMapExt).GetProperty("currentRoleCode").GetString(), replaced.GetProperty(CareerMapExt).GetProperty("currentGrade").GetString()));
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
        Assert.Equal("CC-REP-3", patched.GetProperty(CareerMapExt).GetProperty("currentRoleCode").GetString());
        var promoted = await hr.GetFromJsonAsync<JsonElement>("/api/employees/bjensen", Ct);
        Assert.Equal(("CC-REP-3", 0), (promoted.GetProperty("role").GetString(), promoted.GetProperty("monthsInRole").GetInt32()));
        // Her role history: linked as a Care Representative II, then promoted to III, both on the day they happened.
        var held = await hr.GetFromJsonAsync<JsonElement>("/api/employees/bjensen/role-history", Ct);
        Assert.Equal([("CC-REP-2", "CC-REP-3", "promotion", "scim"), (null, "CC-REP-2", null, "scim")], [.. held.EnumerateArray().Select(c => (
            c.GetProperty("fromRole").GetString(), c.GetProperty("toRole").GetString(),
            c.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.Object ? k.GetProperty("direction").GetString() : null, c.GetProperty("source").GetString()))]);

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
        Assert.Equal(7, (await Find("filter=" + Uri.EscapeDataString($"{CareerMapExt}:currentRoleCode eq \"CC-REP-1\""))).GetProperty("totalResults").GetInt32());
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
        Assert.Equal("CC-REP-1", (await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{id}")).Body.GetProperty(CareerMapExt).GetProperty("currentRoleCode").GetString());
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
    public async Task A_new_user_never_closes_a_reporting_loop_with_itself_or_with_whoever_waited_for_them(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);
        string Person(string number, string? manager) => $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"{{number}}@riverbend.example", "externalId":"x-{{number}}",
              "title":"Supervisor, Customer Care", "{{Enterprise}}": { "employeeNumber":"{{number}}"{{(manager is null ? "" : $", \"manager\": {{ \"value\": \"{manager}\" }}")}} } }
            """;
        var (self, selfBody, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("L-1", "x-L-1"));
        Assert.Equal(HttpStatusCode.BadRequest, self);
        AssertError(selfBody, 400, "invalidValue", "reports to this user");
        Assert.False(await app.WithDbAsync(db => db.Employees.AnyAsync(e => e.EmployeeNumber == "L-1", Ct)));

        // L-2 waits for L-3 as their manager; L-3 arrives naming L-2 as theirs. Linking both ways would be a loop: L-3 gets L-2, L-2 keeps waiting.
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("L-2", "L-3"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("L-3", "L-2"))).Status);
        Assert.Equal("L-2", (await hr.GetFromJsonAsync<JsonElement>("/api/employees/L-3", Ct)).GetProperty("manager").GetString());
        Assert.Null(await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == "L-2").Select(e => e.ManagerId).SingleAsync(Ct)));
    }

    [Theory, ProviderApps]
    public async Task Why_a_user_waits_is_shown_to_HR_in_their_language_and_a_reason_kept_before_as_it_was(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        var concierge = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users",
            """{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"ana@riverbend.example", "title":"Patient Concierge", "displayName":"Ana Ruiz" }""")).Body;
        Assert.Equal("no role for title 'Patient Concierge': HR maps it under Admin → Provisioning → Title aliases",
            concierge.GetProperty(CareerMapExt).GetProperty("waiting").GetString());
        var older = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users",
            """{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"luis@riverbend.example", "title":"Bed Coordinator", "displayName":"Luis Vega" }""")).Body.GetProperty("id").GetString();
        // A reason stored before reasons were kept in stored words: plain English, shown as it is.
        await app.WithDbAsync(db => db.ScimUsers.Where(u => u.ResourceId == older).ExecuteUpdateAsync(u => u.SetProperty(x => x.Waiting, "waiting since the spring sync"), Ct));

        var spanish = System.Net.WebUtility.HtmlDecode(await (await app.BrowserAsync(AppRoles.HrAdmin, language: "es")).GetStringAsync("/admin/provisioning", Ct));
        Assert.Contains("\">ningún puesto corresponde al título 'Patient Concierge': RR. HH. lo asigna en Aprovisionamiento → Títulos de puesto</td>", spanish);
        Assert.Contains("\">waiting since the spring sync</td>", spanish);
        Assert.DoesNotContain("no role for title", spanish);
        var english = System.Net.WebUtility.HtmlDecode(await (await app.BrowserAsync(AppRoles.HrAdmin, language: "en")).GetStringAsync("/admin/provisioning", Ct));
        Assert.Contains("\">no role for title 'Patient Concierge': HR maps it under Admin → Provisioning → Title aliases</td>", english);
        Assert.Contains("\">waiting since the spring sync</td>", english);

        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        hr.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var waiting = await hr.GetFromJsonAsync<JsonElement>("/api/provisioning/waiting", Ct);
        Assert.Equal(["ningún puesto corresponde al título 'Patient Concierge': RR. HH. lo asigna en Aprovisionamiento → Títulos de puesto", "waiting since the spring sync"],
            waiting.EnumerateArray().Select(w => w.GetProperty("reason").GetString()));
        scim.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var read = (await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{concierge.GetProperty("id").GetString()}")).Body;
        Assert.StartsWith("ningún puesto corresponde al título 'Patient Concierge'", read.GetProperty(CareerMapExt).GetProperty("waiting").GetString());
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
        Assert.Equal(("linked", "CC-REP-1"), (now.GetProperty(CareerMapExt).GetProperty("status").GetString(), now.GetProperty(CareerMapExt).GetProperty("currentRoleCode").GetString()));
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

    static string Patch(string operations) => $$"""{ "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations":[ {{operations}} ] }""";

    [Theory, ProviderApps]
    public async Task Undeclared_attributes_are_ignored_and_a_password_is_never_stored_or_returned(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        // Okta's documented create request (password sync on), plus attributes no schema declares.
        var (status, created, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", """
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
              "userName": "test.user@okta.local",
              "name": { "givenName": "Test", "familyName": "User", "nickname": "undeclared" },
              "emails": [ { "primary": true, "value": "test.user@okta.local", "type": "work", "verified": true } ],
              "displayName": "Test User",
              "locale": "en-US",
              "externalId": "00ujl29u0le5T6Aj10h7",
              "groups": [],
              "password": "1mz050nq",
              "foo": "bar",
              "active": true
            }
            """);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = created.GetProperty("id").GetString();
        var (_, read, _) = await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{id}");
        foreach (var answer in new[] { created, read })
        {
            Assert.False(answer.TryGetProperty("password", out _));
            Assert.False(answer.TryGetProperty("foo", out _));
            Assert.False(answer.TryGetProperty("groups", out _));
            Assert.False(answer.GetProperty("name").TryGetProperty("nickname", out _));
            Assert.False(answer.GetProperty("emails")[0].TryGetProperty("verified", out _));
            Assert.Equal("en-US", answer.GetProperty("locale").GetString());
        }

        // Okta's password change, and Entra's PATCH without a path: accepted, discarded.
        var (patched, patchedBody, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            Patch("""{ "op":"replace", "value":{ "password":"n3wPassw0rd" } }, { "op":"Add", "path":"password", "value":"another1" }, { "op":"Add", "value":{ "foo":"baz" } }"""));
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.False(patchedBody.TryGetProperty("password", out _));
        Assert.False(patchedBody.TryGetProperty("foo", out _));
        var stored = await app.WithDbAsync(db => db.ScimUsers.Select(u => u.Resource).SingleAsync(Ct));
        foreach (var secret in new[] { "1mz050nq", "n3wPassw0rd", "another1", "password", "foo", "bar", "baz", "verified" }) Assert.DoesNotContain(secret, stored);
        var (listed, _, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?attributes=password");
        Assert.Equal(HttpStatusCode.OK, listed);

        // A path the client names must exist (RFC 7644 §3.5.2: invalidPath), and nothing of the request is kept.
        foreach (var path in new[] { "nosuch.attr", "foo", "name.nickname", "emails[type eq \\\"work\\\"].verified", $"{Enterprise}:nosuch" })
        {
            var (bad, badBody, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
                Patch($$"""{ "op":"replace", "path":"title", "value":"Changed" }, { "op":"add", "path":"{{path}}", "value":"x" }"""));
            Assert.Equal(HttpStatusCode.BadRequest, bad);
            AssertError(badBody, 400, "invalidPath", "is not an attribute");
        }
        Assert.False((await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{id}")).Body.TryGetProperty("title", out _));
    }

    [Theory, ProviderApps]
    public async Task Patch_remove_takes_away_what_it_names_and_never_reactivates_or_renumbers(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);
        var id = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}","{{CareerMapExt}}"], "userName":"pat@riverbend.example",
              "title":"Care Representative I",
              "emails":[ { "value":"pat@riverbend.example", "type":"work", "primary":true }, { "value":"pat@home.example", "type":"home" } ],
              "{{Enterprise}}": { "employeeNumber":"P-1", "department":"Care" },
              "{{CareerMapExt}}": { "roleCode":"CC-REP-2", "grade":"105", "hireDate":"2024-03-01" } }
            """)).Body.GetProperty("id").GetString();
        var url = $"/scim/v2/Users/{id}";
        async Task<JsonElement> Read() => (await SendAsync(scim, HttpMethod.Get, url)).Body;
        async Task<JsonElement> Apply(string operations)
        {
            var (status, body, _) = await SendAsync(scim, HttpMethod.Patch, url, Patch(operations));
            Assert.Equal(HttpStatusCode.OK, status);
            return body;
        }
        async Task<(string Number, bool Active, string Role)> Employee()
        {
            var e = await app.WithDbAsync(db => db.Employees.Where(e => e.Id == db.ScimUsers.Single(u => u.ResourceId == id).EmployeeId)
                .Select(e => new { e.EmployeeNumber, Active = e.DeactivatedOn == null, Role = e.Role.Code }).SingleAsync(Ct));
            return (e.EmployeeNumber, e.Active, e.Role);
        }

        // RFC 7644 §3.5.2.3 with a value filter, then §3.5.2.2 removing one element of a multi-valued attribute.
        var emails = (await Apply("""{ "op":"replace", "path":"emails[type eq \"work\"].value", "value":"pat.new@riverbend.example" }, { "op":"remove", "path":"emails[type eq \"home\"]" }""")).GetProperty("emails");
        Assert.Equal(["pat.new@riverbend.example"], emails.EnumerateArray().Select(e => e.GetProperty("value").GetString()));
        Assert.Equal("pat.new@riverbend.example", (await hr.GetFromJsonAsync<JsonElement>("/api/employees/P-1", Ct)).GetProperty("email").GetString());

        // Removing roleCode and grade removes them; the title decides the role again.
        var careerMap = (await Apply($$"""{ "op":"remove", "path":"{{CareerMapExt}}:roleCode" }, { "op":"remove", "path":"{{CareerMapExt}}:grade" }""")).GetProperty(CareerMapExt);
        Assert.False(careerMap.TryGetProperty("roleCode", out _));
        Assert.False(careerMap.TryGetProperty("grade", out _));
        Assert.Equal(("CC-REP-1", "2024-03-01"), (careerMap.GetProperty("currentRoleCode").GetString(), careerMap.GetProperty("hireDate").GetString()));
        Assert.Equal("CC-REP-1", (await Employee()).Role);
        // The whole extension, as Entra removes it.
        await Apply($$"""{ "op":"add", "path":"{{CareerMapExt}}:roleCode", "value":"CC-REP-2" }""");
        careerMap = (await Apply($$"""{ "op":"remove", "path":"{{CareerMapExt}}" }""")).GetProperty(CareerMapExt);
        Assert.Equal(["currentRoleCode", "currentGrade", "roleTitle", "employeeNumber", "status"], careerMap.EnumerateObject().Select(p => p.Name));
        Assert.False((await Read()).GetProperty(CareerMapExt).TryGetProperty("hireDate", out _));

        // Removing the employee number leaves the employee their number (not their userName).
        var enterprise = (await Apply($$"""{ "op":"remove", "path":"{{Enterprise}}:employeeNumber" }""")).GetProperty(Enterprise);
        Assert.False(enterprise.TryGetProperty("employeeNumber", out _));
        Assert.Equal("P-1", (await Employee()).Number);
        Assert.Equal("P-1", (await Read()).GetProperty(CareerMapExt).GetProperty("employeeNumber").GetString());

        // Entra deactivates with "Replace" and the string "False"; removing active, or a replacement without it, never reactivates.
        Assert.False((await Apply("""{ "op":"Replace", "path":"active", "value":"False" }""")).GetProperty("active").GetBoolean());
        Assert.False((await Apply("""{ "op":"remove", "path":"active" }""")).GetProperty("active").GetBoolean());
        var (put, replaced, _) = await SendAsync(scim, HttpMethod.Put, url, $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"pat@riverbend.example", "title":"Care Representative I",
              "emails":[ { "value":"pat.new@riverbend.example", "type":"work" } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, put);
        Assert.False(replaced.GetProperty("active").GetBoolean());
        Assert.Equal(("P-1", false), ((await Employee()).Number, (await Employee()).Active));
        Assert.Equal(0, (await hr.GetFromJsonAsync<JsonElement>("/api/employees?q=P-1", Ct)).GetProperty("total").GetInt32());
    }

    [Theory, ProviderApps]
    public async Task Entra_patch_without_a_path_sets_dotted_and_extension_attributes(TestApp app)
    {
        var (scim, hr, _) = await ProvisionerAsync(app);
        string Person(string number) => $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"{{number}}@riverbend.example", "externalId":"ext-{{number}}",
              "title":"Care Representative I", "{{Enterprise}}": { "employeeNumber":"{{number}}" } }
            """;
        var report = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("E-1"))).Body.GetProperty("id").GetString();
        var manager = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", Person("E-2"))).Body.GetProperty("id").GetString();
        var (status, patched, _) = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{report}", Patch($$"""
            { "op":"Add", "value":{ "name.givenName":"Eve", "name.familyName":"Entra", "{{Enterprise}}:manager":"ext-E-2", "{{Enterprise}}:department":"Care" } }
            """));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("Eve", "Care"), (patched.GetProperty("name").GetProperty("givenName").GetString(), patched.GetProperty(Enterprise).GetProperty("department").GetString()));
        // RFC 7643 §4.3: manager.value is the manager's id, whatever identifier the client linked them by.
        Assert.Equal(manager, patched.GetProperty(Enterprise).GetProperty("manager").GetProperty("value").GetString());
        Assert.Equal("E-2", (await hr.GetFromJsonAsync<JsonElement>("/api/employees/E-1", Ct)).GetProperty("manager").GetString());
    }

    [Theory, ProviderApps]
    public async Task Schemas_give_every_attribute_its_characteristics_and_references_their_types(TestApp app)
    {
        var (status, schemas, _) = await SendAsync(app.Client(), HttpMethod.Get, "/scim/v2/Schemas");
        Assert.Equal(HttpStatusCode.OK, status);
        static IEnumerable<JsonElement> Attributes(JsonElement container) => container.GetProperty(container.TryGetProperty("attributes", out _) ? "attributes" : "subAttributes")
            .EnumerateArray().SelectMany(a => a.TryGetProperty("subAttributes", out _) ? Attributes(a).Prepend(a) : [a]);
        var all = schemas.GetProperty("Resources").EnumerateArray().SelectMany(Attributes).ToList();
        Assert.True(all.Count > 60);
        foreach (var attribute in all)
        {
            foreach (var characteristic in new[] { "name", "type", "multiValued", "required", "caseExact", "mutability", "returned", "uniqueness", "description" })
                Assert.True(attribute.TryGetProperty(characteristic, out _), $"{attribute} has no {characteristic}");
            if (attribute.GetProperty("type").GetString() == "reference") Assert.NotEmpty(attribute.GetProperty("referenceTypes").EnumerateArray());
        }
        var enterprise = (await SendAsync(app.Client(), HttpMethod.Get, $"/scim/v2/Schemas/{Enterprise}")).Body;
        var manager = enterprise.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "manager");
        Assert.Equal(["User"], manager.GetProperty("subAttributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "$ref")
            .GetProperty("referenceTypes").EnumerateArray().Select(t => t.GetString()));
        var password = all.Single(a => a.GetProperty("name").GetString() == "password");
        Assert.Equal(("writeOnly", "never"), (password.GetProperty("mutability").GetString(), password.GetProperty("returned").GetString()));
    }

    [Theory, ProviderApps]
    public async Task Every_answer_under_scim_is_a_scim_document_with_the_right_status(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        var huge = $$"""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"big@riverbend.example", "displayName":"{{new string('x', 21 * 1024 * 1024)}}" }""";
        // Sent as careful clients do (Expect: 100-continue), so the refusal arrives before the body is sent.
        using (var request = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users") { Content = Scim(huge) })
        {
            request.Headers.ExpectContinue = true;
            var response = await scim.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
            AssertError(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement, 413, null, "larger than");
        }

        foreach (var query in new[] { "/scim/v2", "/scim/v2/", "/scim/v2/Users?count=abc", "/scim/v2/Users?startIndex=abc" })
        {
            var (bad, badBody, _) = await SendAsync(scim, HttpMethod.Get, query);
            Assert.Equal(HttpStatusCode.BadRequest, bad);
            AssertError(badBody, 400, "invalidValue", "");
        }
        foreach (var path in new[] { "/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/Schemas", "/scim/v2/Schemas/" + ScimUserSchema })
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
            {
                var (notAllowed, body, response) = await SendAsync(scim, method, path, "{}");
                Assert.Equal(HttpStatusCode.MethodNotAllowed, notAllowed);
                AssertError(body, 405, null, "only GET");
                Assert.Equal(["GET"], response.Content.Headers.Allow);
            }

        // Whatever fails unexpectedly (here the database) is a SCIM 500, not a problem document.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE scim_users", Ct));
        var (failed, failedBody, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users");
        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        AssertError(failedBody, 500, null, "logged");
    }

    const string ScimUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    [Theory, ProviderApps]
    public async Task Filters_name_only_declared_attributes_and_values_have_their_declared_types(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        foreach (var filter in new[] { "nosuch eq \"x\"", "userName eq \"a\" or foo pr", "emails[foo eq \"x\"]", "name.nickname sw \"a\"", "password eq \"secret\"", $"{Enterprise}:nosuch eq \"1\"" })
        {
            var (status, body, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString(filter));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertError(body, 400, "invalidFilter", "not an attribute");
        }
        (string Json, string Detail)[] posts =
        [
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":12345 }""", "userName: expected text"),
            ("""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"n@riverbend.example", "emails":[ { "value":42 } ] }""", "emails.value: expected text"),
            ($$"""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"n@riverbend.example", "{{Enterprise}}": { "employeeNumber":"Z/1" } }""", $"{Enterprise}:employeeNumber: 'Z/1' is not an employee number"),
            ($$"""{ "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"n@riverbend.example", "{{Enterprise}}": { "employeeNumber":"Z?1" } }""", "employeeNumber"),
        ];
        foreach (var (json, detail) in posts)
        {
            var (status, body, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", json);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            AssertError(body, 400, "invalidValue", detail);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ScimUsers.CountAsync(Ct)));

        // A manager not provisioned yet keeps the value as sent until they arrive; then it is their id.
        var report = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", $$"""
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"], "userName":"r@riverbend.example", "title":"Care Representative I",
              "{{Enterprise}}": { "employeeNumber":"R-9", "manager": { "value":"hr-77" } } }
            """)).Body;
        Assert.Equal("hr-77", report.GetProperty(Enterprise).GetProperty("manager").GetProperty("value").GetString());
        var boss = (await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", """
            { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"boss@riverbend.example", "externalId":"hr-77", "title":"Supervisor, Customer Care" }
            """)).Body.GetProperty("id").GetString();
        var reread = (await SendAsync(scim, HttpMethod.Get, $"/scim/v2/Users/{report.GetProperty("id").GetString()}")).Body.GetProperty(Enterprise).GetProperty("manager");
        Assert.Equal(boss, reread.GetProperty("value").GetString());
        var found = (await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString($"{Enterprise}:manager.value eq \"{boss}\""))).Body;
        Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
    }

    [Theory, ProviderApps]
    public async Task Co_sw_and_ew_on_userName_and_emails_are_answered_from_an_index_exactly_as_the_filter_says(TestApp app)
    {
        var (scim, _, _) = await ProvisionerAsync(app);
        foreach (var (user, home) in new[] { ("Alpha_1@X.example", "alpha@home.example"), ("alphaX1@x.example", "ax1@cabin.example"), ("beta%2@x.example", "b@home.example") })
        {
            var (status, _, _) = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", $$"""
                { "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"], "userName":"{{user}}",
                  "emails":[ { "value":"{{user.ToLowerInvariant()}}", "type":"work", "primary":true }, { "value":"{{home}}", "type":"home" } ] }
                """);
            Assert.Equal(HttpStatusCode.Created, status);
        }
        async Task<string[]> Find(string filter)
        {
            var (status, body, _) = await SendAsync(scim, HttpMethod.Get, "/scim/v2/Users?filter=" + Uri.EscapeDataString(filter));
            Assert.True(status == HttpStatusCode.OK, body.ToString());
            return [.. body.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("userName").GetString()!)];
        }

        Assert.Equal(["Alpha_1@X.example"], await Find("userName co \"A_1\""));
        Assert.Equal(["beta%2@x.example"], await Find("userName co \"a%2\""));
        Assert.Equal(["Alpha_1@X.example", "alphaX1@x.example"], await Find("userName sw \"ALPHA\""));
        Assert.Equal(["Alpha_1@X.example", "alphaX1@x.example"], await Find("userName ew \"1@x.EXAMPLE\""));
        // Each address on its own: sw and ew anchor at every address, co never spans two.
        Assert.Equal(["Alpha_1@X.example", "beta%2@x.example"], await Find("emails sw \"B\" or emails.value sw \"alpha@\""));
        Assert.Equal(["Alpha_1@X.example", "beta%2@x.example"], await Find("emails.value ew \"@home.example\""));
        Assert.Equal(["alphaX1@x.example"], await Find("emailAddress co \"CABIN\""));
        Assert.Empty(await Find("emails co \"example\\nax1\""));

        // The indexes those LIKE patterns are answered from (how fast, at 100,000 users, is bench/load/scim.sh's to say):
        // trigram indexes on PostgreSQL; on SQLite indexes whose keys are scanned instead of the table and its resources.
        var indexes = await app.WithDbAsync(async db =>
        {
            var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = postgres ? "SELECT indexdef FROM pg_indexes WHERE tablename = 'scim_users'" : "SELECT sql FROM sqlite_master WHERE tbl_name = 'scim_users' AND type = 'index'";
            var found = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) found.Add(reader.IsDBNull(0) ? "" : reader.GetString(0));
            return found.Select(i => postgres ? i : i.Replace("\"", "", StringComparison.Ordinal)).ToList();
        });
        Assert.Contains(indexes, i => i.Contains("(UserNameKey)", StringComparison.Ordinal) || i.Contains("gin (\"UserNameKey\" gin_trgm_ops)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(EmailsKey)", StringComparison.Ordinal) || i.Contains("gin (\"EmailsKey\" gin_trgm_ops)", StringComparison.Ordinal));
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
