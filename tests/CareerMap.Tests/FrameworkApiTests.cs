using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class FrameworkApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task Without_a_token_the_api_answers_401(TestApp app)
    {
        var client = app.Client(followRedirects: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/roles", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/grades", new { code = "120", name = "x", rank = 120 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task An_employee_reads_the_framework_but_cannot_change_it(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.Employee);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/roles?page=2&pageSize=10", Ct);
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() > 50);

        var write = await client.PutAsJsonAsync("/api/roles/CC-REP-1", new { code = "CC-REP-1", title = "Hacked", unit = "CARE", family = "CC-REP", grade = "105", level = 1 }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("Care Representative I", (await app.ExportAsync()).Roles.Single(r => r.Code == "CC-REP-1").Title);
    }

    [Theory, ProviderApps]
    public async Task An_hr_admin_creates_updates_and_deletes_a_grade(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var created = await client.PostAsJsonAsync("/api/grades", new { code = "112", name = "Grade 112 (senior executive)", rank = 112 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/grades/112", created.Headers.Location!.OriginalString);

        var get = await client.GetAsync("/api/grades/112", Ct);
        Assert.Equal("\"1\"", get.Headers.ETag!.Tag);
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/grades/112") { Content = JsonContent.Create(new { code = "112", name = "Grade 112", rank = 112 }) };
        put.Headers.IfMatch.Add(get.Headers.ETag);
        var updated = await client.SendAsync(put, Ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("\"2\"", updated.Headers.ETag!.Tag);
        Assert.Equal("Grade 112", (await app.ExportAsync()).Grades.Single(g => g.Code == "112").Name);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteIfMatchAsync("/api/grades/112", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/grades/112", Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task A_framework_write_that_does_not_say_which_version_it_replaces_is_refused_with_428(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var put = await client.PutAsJsonAsync("/api/units/CARE", new { code = "CARE", name = "Overwritten blindly" }, Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, put.StatusCode);
        Assert.Contains("If-Match", (await put.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.DeleteAsync("/api/strategies/ONLINE", Ct)).StatusCode);
        var framework = await app.ExportAsync();
        Assert.NotEqual("Overwritten blindly", framework.Units.Single(u => u.Code == "CARE").Name);
        Assert.Contains(framework.Strategies, s => s.Code == "ONLINE");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.PutIfMatchAsync("/api/units/CARE", new { code = "CARE", name = "x" }, Ct, ifMatch: "\"not-a-version\"")).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task A_page_number_past_any_list_is_refused_and_never_wraps_round_to_the_first_page(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        foreach (var url in new[] { "/api/roles", "/api/employees", "/api/audit" })
        {
            var huge = await hr.GetAsync($"{url}?page=2147483647&pageSize=500", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
            Assert.Contains("page", (await huge.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
            var far = await hr.GetFromJsonAsync<JsonElement>($"{url}?page=1000000&pageSize=500", Ct);
            Assert.Equal(0, far.GetProperty("items").GetArrayLength());
        }
        var second = await hr.GetStringAsync("/people?page=2", Ct);
        Assert.Contains("Page 2 of", second, StringComparison.Ordinal);
        // Past the end, a page goes to the last page there is.
        var noFollow = app.Client(followRedirects: false);
        noFollow.DefaultRequestHeaders.Authorization = hr.DefaultRequestHeaders.Authorization;
        var past = await noFollow.GetAsync("/people?page=2147483647", Ct);
        Assert.Equal(HttpStatusCode.Redirect, past.StatusCode);
        Assert.Equal("/people?q=&page=6", past.Headers.Location!.OriginalString);
        Assert.Contains("Page 6 of 6", await hr.GetStringAsync("/people?q=&page=6", Ct), StringComparison.Ordinal);
    }

    /// <summary>A strategy's competencies are rows of their own; changing only them still moves the strategy's version.</summary>
    [Theory, ProviderApps]
    public async Task Changing_only_what_an_item_owns_moves_its_version_so_a_stale_write_is_refused(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var first = await client.GetAsync("/api/strategies/COMMITTEE", Ct);
        var etag = first.Headers.ETag!;
        var body = System.Text.Json.Nodes.JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!.AsObject();

        body["competencies"] = new System.Text.Json.Nodes.JsonArray("COMMS");
        var mine = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/COMMITTEE") { Content = JsonContent.Create(body) };
        mine.Headers.IfMatch.Add(etag);
        var saved = await client.SendAsync(mine, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.NotEqual(etag, saved.Headers.ETag);

        body["competencies"] = new System.Text.Json.Nodes.JsonArray("TEAM");
        var theirs = new HttpRequestMessage(HttpMethod.Put, "/api/strategies/COMMITTEE") { Content = JsonContent.Create(body) };
        theirs.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(theirs, Ct)).StatusCode);
        Assert.Equal(["COMMS"], (await app.ExportAsync()).Strategies.Single(x => x.Code == "COMMITTEE").Competencies);
    }

    [Theory, ProviderApps]
    public async Task A_stale_write_answers_412_and_changes_nothing(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var first = await client.GetAsync("/api/roles/CC-REP-2", Ct);
        var etag = first.Headers.ETag!;

        var mine = new HttpRequestMessage(HttpMethod.Put, "/api/roles/CC-REP-2") { Content = JsonContent.Create(new { code = "CC-REP-2", title = "Care Representative II (edited first)", unit = "CARE", family = "CC-REP", grade = "105", level = 2 }) };
        mine.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(mine, Ct)).StatusCode);

        var theirs = new HttpRequestMessage(HttpMethod.Put, "/api/roles/CC-REP-2") { Content = JsonContent.Create(new { code = "CC-REP-2", title = "Overwritten", unit = "CARE", family = "CC-REP", grade = "106", level = 2 }) };
        theirs.Headers.IfMatch.Add(etag);
        var stale = await client.SendAsync(theirs, Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);

        var role = (await app.ExportAsync()).Roles.Single(r => r.Code == "CC-REP-2");
        Assert.Equal("Care Representative II (edited first)", role.Title);
        Assert.Equal("105", role.Grade);
    }

    [Theory, ProviderApps]
    public async Task Invalid_writes_name_the_field_and_change_nothing(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var before = JsonSerializer.Serialize(await app.ExportAsync());

        var badGrade = await client.PutIfMatchAsync("/api/roles/CC-REP-1", new { code = "CC-REP-1", title = "Care Representative I", unit = "CARE", family = "CC-REP", grade = "112", level = 1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badGrade.StatusCode);
        var problem = await badGrade.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("grade 112 is not on the scale", problem.GetProperty("errors").GetProperty("grade")[0].GetString());

        var wrongType = await client.PostAsync("/api/requirements", JsonContent.Create(new { role = "CC-REP-1", competency = "DATA", level = "high" }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("expected a whole number", (await wrongType.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("level")[0].GetString());

        var tooHigh = await client.PostAsync("/api/requirements", JsonContent.Create(new { role = "CC-REP-1", competency = "DATA", level = 6 }), Ct);
        Assert.Contains("above the framework's top level (5)", (await tooHigh.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("level")[0].GetString());

        var unknownField = await client.PostAsync("/api/units", JsonContent.Create(new { code = "NEW", name = "New", colour = "red" }), Ct);
        Assert.Contains("unknown field 'colour'", (await unknownField.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("colour")[0].GetString());

        Assert.Equal(before, JsonSerializer.Serialize(await app.ExportAsync()));
    }

    [Theory, ProviderApps]
    public async Task A_refused_write_says_why_in_the_language_the_request_asks_for_and_names_the_same_places(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");
        var before = JsonSerializer.Serialize(await app.ExportAsync());
        static async Task<JsonElement> Errors(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        }

        var badGrade = await Errors(await client.PutIfMatchAsync("/api/roles/CC-REP-1", new { code = "CC-REP-1", title = " ", unit = "CARE", family = "CC-REP", grade = "112", level = 1 }, Ct));
        Assert.StartsWith("el grado 112 no está en la escala (", badGrade.GetProperty("grade")[0].GetString());
        Assert.Equal("el título es obligatorio", badGrade.GetProperty("title")[0].GetString());
        var wrongType = await Errors(await client.PostAsync("/api/requirements", JsonContent.Create(new { role = "CC-REP-1", competency = "DATA", level = "high" }), Ct));
        Assert.Equal("se esperaba un número entero; se encontró el texto \"high\"", wrongType.GetProperty("level")[0].GetString());
        var tooHigh = await Errors(await client.PostAsync("/api/requirements", JsonContent.Create(new { role = "CC-REP-1", competency = "DATA", level = 6 }), Ct));
        Assert.Equal("el nivel 6 supera el nivel máximo del marco (5)", tooHigh.GetProperty("level")[0].GetString());
        var unknownField = await Errors(await client.PostAsync("/api/units", JsonContent.Create(new { code = "NEW", name = "New", colour = "red" }), Ct));
        Assert.Equal("campo desconocido 'colour'", unknownField.GetProperty("colour")[0].GetString());

        var held = await client.DeleteIfMatchAsync("/api/roles/CC-REP-1", Ct);
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        var conflict = await held.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("el puesto CC-REP-1 todavía está en uso", conflict.GetProperty("detail").GetString());
        Assert.EndsWith("empleado(s) lo ocupan", conflict.GetProperty("errors").GetProperty("roles (CC-REP-1)")[0].GetString());
        var missing = await client.GetAsync("/api/competencies/TELEPATHY", Ct);
        Assert.Equal("la competencia TELEPATHY no existe", (await missing.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
        var unasked = await client.PutAsync("/api/units/CARE", JsonContent.Create(new { code = "CARE", name = "Care" }), Ct);
        Assert.StartsWith("envíe If-Match con la ETag", (await unasked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());

        Assert.Equal(before, JsonSerializer.Serialize(await app.ExportAsync()));
    }

    [Theory, ProviderApps]
    public async Task Deleting_what_others_refer_to_is_refused_with_the_references(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var unit = await client.DeleteIfMatchAsync("/api/units/PORTAL", Ct);
        Assert.Equal(HttpStatusCode.Conflict, unit.StatusCode);
        var body = await unit.Content.ReadAsStringAsync(Ct);
        Assert.Contains("unknown unit 'PORTAL'", body);

        var held = await client.DeleteIfMatchAsync("/api/roles/CC-REP-1", Ct);
        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Contains("employee(s) hold it", await held.Content.ReadAsStringAsync(Ct));
        Assert.Contains((await app.ExportAsync()).Units, u => u.Code == "PORTAL");
    }

    [Theory, ProviderApps]
    public async Task Requirements_are_addressed_by_role_and_competency(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.HrAdmin);
        var requirement = await client.GetFromJsonAsync<RequirementDto>("/api/requirements/PS-TECH-1/PHARM", Ct);
        Assert.True(requirement!.Critical);
        var changed = await client.PutIfMatchAsync("/api/requirements/PS-TECH-1/PHARM", requirement with { Level = 4, Weight = 3 }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stored = (await app.ExportAsync()).Requirements.Single(q => q.Role == "PS-TECH-1" && q.Competency == "PHARM");
        Assert.Equal((4, 3m), (stored.Level, stored.Weight));
        var missing = await client.GetAsync("/api/requirements/PS-TECH-1/NOPE", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("PS-TECH-1/NOPE", await missing.Content.ReadAsStringAsync(Ct));
    }

    [Theory, ProviderApps]
    public async Task Moves_carry_their_derived_kind(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.Employee);
        var vendor = await client.GetFromJsonAsync<JsonElement>("/api/moves/CC-REP-SR-TO-VM-AN", Ct);
        Assert.Equal("promotion", vendor.GetProperty("direction").GetString());
        Assert.Equal("cross-functional", vendor.GetProperty("scope").GetString());
        var lateral = await client.GetFromJsonAsync<JsonElement>("/api/moves/CC-REP-3-TO-CO-CDR", Ct);
        Assert.Equal("lateral", lateral.GetProperty("direction").GetString());
        Assert.Equal("cross-functional", lateral.GetProperty("scope").GetString());
        var pm = await client.GetFromJsonAsync<JsonElement>("/api/moves/CC-REP-3-TO-CI-AN-PM", Ct);
        Assert.Equal(24, pm.GetProperty("prerequisites")[0].GetProperty("months").GetInt32());
    }

    [Theory, ProviderApps]
    public async Task Unknown_codes_answer_404_naming_the_code(TestApp app)
    {
        var client = await app.SignedInAsync(AppRoles.Employee);
        var response = await client.GetAsync("/api/competencies/TELEPATHY", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("competency TELEPATHY does not exist", await response.Content.ReadAsStringAsync(Ct));
        var badPage = await client.GetAsync("/api/units?pageSize=9999", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("pageSize", await badPage.Content.ReadAsStringAsync(Ct));
    }

    [Theory, ProviderApps]
    public async Task Sign_in_locks_the_account_after_repeated_failures(TestApp app)
    {
        await app.SignedInAsync(AppRoles.Employee);
        var email = await app.WithDbAsync(db => db.Users.Where(u => u.Email!.StartsWith("employee-")).Select(u => u.Email!).SingleAsync(Ct));
        var client = app.Client();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "wrong-password" }, Ct)).StatusCode);
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email, password = TestApp.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(Ct));
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync(Ct));
        Assert.DoesNotContain(TestApp.Password, hash!);
    }

    [Fact]
    public async Task Too_many_sign_ins_from_one_address_are_turned_away_for_a_minute()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < CareerMap.Infrastructure.SignInLimits.PerAddressPerMinute; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = $"nobody{i}@x.example", password = "wrong-password" }, Ct)).StatusCode);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@x.example", password = "wrong-password" }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter!.ToString());
        Assert.Contains("Too many sign-in attempts", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_api_describes_itself()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client();
        var openapi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/api/roles", "/api/roles/{code}", "/api/requirements/{role}/{competency}", "/api/moves", "/api/auth/login" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI document lacks {path}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs", Ct)).StatusCode);
    }
}
