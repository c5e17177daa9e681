using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CareerMap.Tests;

/// <summary>Dated certifications and licenses: kept by HR, read by the person, their leaders and HR; an expired one no longer meets a prerequisite.</summary>
public sealed class CredentialsTests
{
    const string Cpht = "Certified Pharmacy Technician";

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Credentials(string number, string? name = null) => $"/api/employees/{number}/credentials{(name is null ? "" : "/" + Uri.EscapeDataString(name))}";

    static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A Care Representative III rated by a manager today at every level PS-TECH-1 asks, holding no certification on the roster.</summary>
    static Task<(int Id, string Number)> CareRepMeetingPharmacyTechAsync(TestApp app, bool listed = false) => app.WithDbAsync(async db =>
    {
        var person = await db.Employees.Where(e => e.Role.Code == "CC-REP-3" && e.DeactivatedOn == null).OrderBy(e => e.Id).FirstAsync(Ct);
        person.Certifications = listed ? [Cpht] : [];
        var needs = await db.Set<RoleRequirement>().Where(r => r.Role.Code == "PS-TECH-1").Select(r => new { r.CompetencyId, r.Level }).ToListAsync(Ct);
        foreach (var n in needs)
            db.Assessments.Add(new Assessment { EmployeeId = person.Id, CompetencyId = n.CompetencyId, Level = n.Level, Source = AssessmentSource.Manager, AssessedOn = TestClock.Today });
        await db.SaveChangesAsync(Ct);
        return (person.Id, person.EmployeeNumber);
    });

    static async Task<ReadinessView> ReadinessOnAsync(TestApp app, int id, DateOnly day)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var graph = await s.GetRequiredService<CareerPaths>().GraphAsync(Ct);
        var person = await s.GetRequiredService<PeopleDirectory>().PersonAsync(id, day, Ct);
        return ReadinessReport.Of(graph, person, "PS-TECH-1", day, s.GetRequiredService<IStringLocalizer<SharedResource>>(), own: false);
    }

    /// <summary>Whether the rating index built for that day counts the person as holding the certificate (what the bench and candidates read).</summary>
    static async Task<bool> IndexHoldsOnAsync(TestApp app, int id, DateOnly day)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var db = s.GetRequiredService<CareerMapDb>();
        var cache = s.GetRequiredService<RatingIndexCache>();
        var index = await cache.GetAsync(db, day, Ct);
        var facts = await cache.FactsAsync(db, index, day, Ct);
        return facts.HoldersOf(Cpht).Contains(index.RowOf(id));
    }

    [Theory, ProviderApps]
    public async Task A_pharmacy_technician_certificate_expiring_tomorrow_makes_the_move_ready_today_and_not_after_it_expires_with_the_reason(TestApp app)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            // The roster's plain list still names the certificate: the dated record decides.
            var (id, number) = await CareRepMeetingPharmacyTechAsync(app, listed: true);
            var hr = await app.SignedInAsync(AppRoles.HrAdmin);
            var tomorrow = TestClock.Today.AddDays(1);
            var saved = await hr.PutAsJsonAsync(Credentials(number, Cpht),
                new { kind = "certification", issuer = "PTCB", number = "PT-0042", issuedOn = "2024-11-03", expiresOn = Day(tomorrow) }, Ct);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

            var today = await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{number}/readiness?role=PS-TECH-1", Ct);
            Assert.True(today.GetProperty("readyNow").GetBoolean(), today.ToString());
            Assert.True(today.GetProperty("prerequisites").EnumerateArray().Single().GetProperty("met").GetBoolean());

            // Tomorrow is its last valid day; the day after, it has expired. The clock cannot move, so both readers are asked for those days.
            Assert.True((await ReadinessOnAsync(app, id, tomorrow)).ReadyNow);
            var after = await ReadinessOnAsync(app, id, tomorrow.AddDays(1));
            Assert.False(after.ReadyNow);
            var line = after.Prerequisites.Single();
            Assert.False(line.Met);
            Assert.Equal("Certified Pharmacy Technician expired on 3 Nov 2026: renew it", line.Text);
            Assert.Contains("expired on 3 Nov 2026", after.Summary, StringComparison.Ordinal);

            Assert.True(await IndexHoldsOnAsync(app, id, TestClock.Today));
            Assert.True(await IndexHoldsOnAsync(app, id, tomorrow));
            Assert.False(await IndexHoldsOnAsync(app, id, tomorrow.AddDays(1)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Theory, ProviderApps]
    public async Task Readiness_and_the_candidates_for_the_role_agree_on_an_expired_certificate_and_say_when_it_expired_in_english_and_spanish(TestApp app)
    {
        var (_, number) = await CareRepMeetingPharmacyTechAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var candidates = $"/api/roles/PS-TECH-1/candidates?top=100&credential={Uri.EscapeDataString(Cpht)}";

        async Task<(bool Ready, bool Candidate, bool CandidateReady)> BothAsync()
        {
            var r = await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{number}/readiness?role=PS-TECH-1", Ct);
            var c = (await hr.GetFromJsonAsync<JsonElement>(candidates, Ct)).GetProperty("top").EnumerateArray()
                .FirstOrDefault(x => x.GetProperty("employeeNumber").GetString() == number);
            return (r.GetProperty("readyNow").GetBoolean(), c.ValueKind == JsonValueKind.Object, c.ValueKind == JsonValueKind.Object && c.GetProperty("readyNow").GetBoolean());
        }

        Assert.Equal((false, false, false), await BothAsync());
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(number, Cpht), new { kind = "certification", expiresOn = Day(TestClock.Today) }, Ct)).StatusCode);
        Assert.Equal((true, true, true), await BothAsync());

        // Renewal lapsed: recorded as having ended yesterday.
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(number, Cpht), new { kind = "certification", expiresOn = Day(TestClock.Today.AddDays(-1)) }, Ct)).StatusCode);
        Assert.Equal((false, false, false), await BothAsync());
        var english = await hr.GetFromJsonAsync<JsonElement>($"/api/employees/{number}/readiness?role=PS-TECH-1", Ct);
        Assert.Equal("Certified Pharmacy Technician expired on 1 Nov 2026: renew it", english.GetProperty("prerequisites")[0].GetProperty("text").GetString());

        var spanish = await app.SignedInAsync(AppRoles.HrAdmin);
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var es = await spanish.GetFromJsonAsync<JsonElement>($"/api/employees/{number}/readiness?role=PS-TECH-1", Ct);
        Assert.StartsWith("Certified Pharmacy Technician venció el 1", es.GetProperty("prerequisites")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("2026: renuévela", es.GetProperty("prerequisites")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        // Without a dated record the plain list counts again.
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync(Credentials(number, Cpht), Ct)).StatusCode);
        Assert.Equal((false, false, false), await BothAsync());
        await app.WithDbAsync(async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.EmployeeNumber == number, Ct);
            e.Certifications = [Cpht];
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Equal((true, true, true), await BothAsync());
    }

    [Theory, ProviderApps]
    public async Task Only_hr_records_credentials_the_person_and_their_leaders_read_them_a_peer_does_not(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var self = await app.SignedInAsync(AppRoles.Employee, c.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, c.Manager);
        var peer = await app.SignedInAsync(AppRoles.Employee, c.Peer);
        var body = new { kind = "license", issuer = "State Board of Pharmacy", number = "RPH-77", issuedOn = "2025-01-15", expiresOn = "2027-01-31" };

        Assert.Equal(HttpStatusCode.Forbidden, (await self.PutAsJsonAsync(Credentials(c.Employee, "Pharmacist License"), body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync(Credentials(c.Employee, "Pharmacist License"), body, Ct)).StatusCode);
        var saved = await hr.PutAsJsonAsync(Credentials(c.Employee, "Pharmacist License"), body, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // The same request again (any case of the name) leaves the same state, and writes no audit entry.
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(c.Employee, "pharmacist license"), body, Ct)).StatusCode);

        foreach (var reader in new[] { self, manager, hr })
        {
            var list = await reader.GetFromJsonAsync<JsonElement>(Credentials(c.Employee), Ct);
            var one = Assert.Single(list.EnumerateArray());
            Assert.Equal(("Pharmacist License", "license", "State Board of Pharmacy", "RPH-77", "2025-01-15", "2027-01-31", false),
                (one.GetProperty("name").GetString(), one.GetProperty("kind").GetString(), one.GetProperty("issuer").GetString(), one.GetProperty("number").GetString(),
                 one.GetProperty("issuedOn").GetString(), one.GetProperty("expiresOn").GetString(), one.GetProperty("expired").GetBoolean()));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync(Credentials(c.Employee), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await self.DeleteAsync(Credentials(c.Employee, "Pharmacist License"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/credentials/expiring", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync(Credentials(c.Employee, "Pharmacist License"), Ct)).StatusCode);
        Assert.Empty((await self.GetFromJsonAsync<JsonElement>(Credentials(c.Employee), Ct)).EnumerateArray());
        var audit = await app.WithDbAsync(db => db.Audit.Where(a => a.Entity == nameof(Credential)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["added", "deleted"], audit);
    }

    [Theory, ProviderApps]
    public async Task Bad_credentials_are_refused_naming_the_field_and_nothing_is_saved(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);

        async Task RefusedAsync(object body, string field, string name = Cpht)
        {
            var response = await hr.PutAsJsonAsync(Credentials(c.Employee, name), body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        await RefusedAsync(new { kind = "diploma" }, "kind");
        await RefusedAsync(new { issuer = "PTCB" }, "kind");
        await RefusedAsync(new { kind = "certification", issuedOn = "2026-01-10", expiresOn = "2025-01-10" }, "expiresOn");
        await RefusedAsync(new { kind = "certification", issuedOn = Day(TestClock.Today.AddDays(3)) }, "issuedOn");
        await RefusedAsync(new { kind = "certification", number = new string('9', 201) }, "number");
        await RefusedAsync(new { kind = "certification" }, "name", new string('x', 201));
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync("/api/credentials/expiring?days=-1", Ct)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Credential>().CountAsync(Ct)));
    }

    [Theory, ProviderApps]
    public async Task Hr_lists_credentials_expiring_within_the_days_asked_soonest_first_not_those_expired_later_or_of_people_who_left(TestApp app)
    {
        var people = await app.WithDbAsync(db => db.Employees.Where(e => e.DeactivatedOn == null).OrderBy(e => e.Id).Select(e => e.EmployeeNumber).Take(5).ToListAsync(Ct));
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        (string Who, string Name, int Days)[] records =
        [
            (people[0], "Certified Pharmacy Technician", 30), (people[1], "Certified Pharmacy Technician", 0), (people[2], "Notary Public", 91),
            (people[3], "Certified Pharmacy Technician", -1), (people[4], "Certified Pharmacy Technician", 7),
        ];
        foreach (var (who, name, days) in records)
            Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(who, name), new { kind = "certification", expiresOn = Day(TestClock.Today.AddDays(days)) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(people[0], "Pharmacist License"), new { kind = "license" }, Ct)).StatusCode);
        await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == people[4]).ExecuteUpdateAsync(s => s.SetProperty(e => e.DeactivatedOn, TestClock.Today), Ct));

        var expiring = await hr.GetFromJsonAsync<JsonElement>("/api/credentials/expiring?days=90", Ct);
        Assert.Equal([(people[1], 0), (people[0], 30)],
            expiring.EnumerateArray().Select(x => (x.GetProperty("employeeNumber").GetString(), x.GetProperty("daysLeft").GetInt32())));
        Assert.False(string.IsNullOrEmpty(expiring[0].GetProperty("employeeName").GetString()));
        Assert.Equal(Day(TestClock.Today), expiring[0].GetProperty("expiresOn").GetString());
        Assert.Equal(3, (await hr.GetFromJsonAsync<JsonElement>("/api/credentials/expiring?days=91", Ct)).GetArrayLength());
        Assert.Equal(2, (await hr.GetFromJsonAsync<JsonElement>("/api/credentials/expiring", Ct)).GetArrayLength());
    }

    [Theory, ProviderApps]
    public async Task The_profile_lists_the_credentials_with_their_dates_marking_expired_ones_and_hr_sees_what_expires_within_90_days_in_spanish_too(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(c.Employee, Cpht),
            new { kind = "certification", issuer = "PTCB", number = "PT-0042", issuedOn = "2024-11-01", expiresOn = "2026-11-01" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync(Credentials(c.Employee, "Notary Public"),
            new { kind = "license", expiresOn = "2026-12-15" }, Ct)).StatusCode);

        var employee = await app.BrowserAsync(AppRoles.Employee, c.Employee);
        var profile = await employee.GetStringAsync($"/people/{c.Employee}", Ct);
        Assert.Contains("Certifications and licenses", profile, StringComparison.Ordinal);
        var expired = profile[profile.IndexOf("data-credential=\"Certified Pharmacy Technician\"", StringComparison.Ordinal)..];
        Assert.Matches(@"^[^\n]*class=""expired""", expired);
        Assert.Contains("PT-0042", expired, StringComparison.Ordinal);
        Assert.Contains("1 Nov 2026", expired, StringComparison.Ordinal);
        Assert.Contains("Expired</strong>", expired, StringComparison.Ordinal);

        var page = await (await app.BrowserAsync(AppRoles.HrAdmin)).GetStringAsync("/admin/credentials", Ct);
        Assert.Contains("href=\"/admin/credentials\"", page, StringComparison.Ordinal);
        Assert.Contains("data-credential=\"Notary Public\"", page, StringComparison.Ordinal);
        Assert.Contains("15 Dec 2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-credential=\"Certified Pharmacy Technician\"", page, StringComparison.Ordinal);
        var spanish = await (await app.BrowserAsync(AppRoles.HrAdmin, language: "es")).GetStringAsync("/admin/credentials", Ct);
        Assert.Contains("Credenciales que vencen pronto", spanish, StringComparison.Ordinal);
        Assert.Contains("licencia", spanish, StringComparison.Ordinal);

        var refused = await employee.GetAsync("/admin/credentials", Ct);
        Assert.DoesNotContain("Credentials expiring soon", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/credentials\"", profile, StringComparison.Ordinal);
    }

    [Theory, ProviderApps]
    public async Task Hr_keeps_credentials_with_the_profiles_form_keeping_what_was_typed_when_refused_and_others_get_no_form_and_403(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var profile = $"/people/{c.Employee}";
        static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
            new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Forms.AntiforgeryToken(page))));

        var hr = await app.BrowserAsync(AppRoles.HrAdmin);
        var page = await hr.GetStringAsync(profile, Ct);
        Assert.Contains("Save credential", page, StringComparison.Ordinal);
        (string, string)[] typed = [("NewCredential.Name", Cpht), ("NewCredential.Kind", "certification"), ("NewCredential.Issuer", "PTCB"), ("NewCredential.Number", "PT-0042"),
            ("NewCredential.IssuedOn", Day(TestClock.Today.AddDays(5))), ("NewCredential.ExpiresOn", "2028-01-31")];

        // Issued in the future: refused beside its field, in Spanish for a Spanish reader too, with everything typed kept.
        var refused = await hr.PostAsync($"{profile}?handler=Credential", Form(page, typed), Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<span id=\"credential-IssuedOn-error\" class=\"field-error\">a credential cannot be issued in the future</span>", html, StringComparison.Ordinal);
        foreach (var (name, value) in typed.Where(t => t.Item1 != "NewCredential.Kind")) Assert.Equal(value, Forms.Field(html, name));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Credential>().CountAsync(Ct)));
        var spanish = await app.BrowserAsync(AppRoles.HrAdmin, language: "es");
        var spanishPage = await spanish.GetStringAsync(profile, Ct);
        var refusedInSpanish = await spanish.PostAsync($"{profile}?handler=Credential", Form(spanishPage, [.. typed.Where(t => t.Item1 != "NewCredential.Name")]), Ct);
        Assert.Contains("una credencial necesita un nombre", System.Net.WebUtility.HtmlDecode(await refusedInSpanish.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        typed[4] = ("NewCredential.IssuedOn", "2026-01-10");
        var saved = await hr.PostAsync($"{profile}?handler=Credential", Form(page, typed), Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("The credential is saved.", await saved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var held = await app.WithDbAsync(db => db.Set<Credential>().SingleAsync(Ct));
        Assert.Equal((Cpht, CredentialKind.Certification, "PTCB", "PT-0042", new DateOnly(2026, 1, 10), new DateOnly(2028, 1, 31)),
            (held.Name, held.Kind, held.Issuer, held.Number, held.IssuedOn!.Value, held.ExpiresOn!.Value));

        // The person and their manager read the list with no form and no remove button; their posts are refused.
        foreach (var (role, number) in new[] { (AppRoles.Employee, c.Employee), (AppRoles.Manager, c.Manager) })
        {
            var other = await app.BrowserAsync(role, number);
            var seen = await other.GetStringAsync(profile, Ct);
            Assert.Contains($"data-credential=\"{Cpht}\"", seen, StringComparison.Ordinal);
            Assert.DoesNotContain("Save credential", seen, StringComparison.Ordinal);
            Assert.DoesNotContain("RemovedCredential", seen, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{profile}?handler=Credential", Form(seen, typed), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"{profile}?handler=RemoveCredential", Form(seen, ("RemovedCredential", Cpht)), Ct)).StatusCode);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Credential>().CountAsync(Ct)));

        var removed = await hr.PostAsync($"{profile}?handler=RemoveCredential", Form(page, ("RemovedCredential", Cpht)), Ct);
        Assert.Contains("The credential is removed.", await removed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Credential>().CountAsync(Ct)));
    }
}
