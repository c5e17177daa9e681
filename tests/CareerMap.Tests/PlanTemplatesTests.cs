using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class PlanTemplatesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static MultipartFormDataContent Roster(params string[] rows) => new()
    {
        {
            new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n",
                ["EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths", .. rows]) + "\n")),
            "file", "roster.csv"
        },
    };

    static string Day(int days) => TestClock.Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory, ProviderApps]
    public async Task A_care_representative_hired_through_the_roster_finds_a_30_60_90_draft_dated_from_the_start(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var lead = await app.WithDbAsync(db => db.Employees.Where(e => e.Role.Code == "CC-SUP").Select(e => e.EmployeeNumber).FirstAsync(Ct));

        // Riverbend ships templates for its entry roles, and each passes the same checks HR's own would.
        var shipped = await hr.GetFromJsonAsync<JsonElement>("/api/plan-templates", Ct);
        var rep = shipped.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "CC-REP-1");
        Assert.Equal(("role", 6), (rep.GetProperty("appliesTo").GetString(), rep.GetProperty("items").GetArrayLength()));
        foreach (var t in shipped.EnumerateArray())
            Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync($"/api/plan-templates/{t.GetProperty("code").GetString()}",
                new { name = t.GetProperty("name").GetString(), goal = t.GetProperty("goal").GetString(), items = t.GetProperty("items") }, Ct)).StatusCode);

        // HR keeps one for a whole family; bad items are refused by place, and only HR may write.
        var bad = await hr.PutAsJsonAsync("/api/plan-templates/MX-ADV", new { name = "Advocates", items = new[] { new { days = 0, competency = "NOPE", strategy = "MENTOR", description = "x" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("items[0].days", out _) && errors.TryGetProperty("items[0].competency", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PutAsJsonAsync("/api/plan-templates/NOPE", new { name = "x", items = Array.Empty<object>() }, Ct)).StatusCode);
        var manager = await app.SignedInAsync(AppRoles.Manager, lead);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync("/api/plan-templates/MX-ADV", new { name = "x", items = Array.Empty<object>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutAsJsonAsync("/api/plan-templates/mx-adv", new
        {
            name = "Member Advocate: first 60 days", goal = "Own my first cases.",
            items = new[] { new { days = 45, competency = "CUSTOMER", strategy = (string?)null, description = "Close ten cases on my own." } },
        }, Ct)).StatusCode);

        // The roster hires a Care Representative I starting next week, a Member Advocate I starting today, and someone
        // whose start two years ago is history brought in, not a start.
        var imported = await hr.PostAsync("/api/employees/import", Roster(
            $"N1,Ana New,n1@x.example,CC-REP-1,{lead},{Day(7)},{Day(7)},Remote,English,,0",
            $"N2,Bo Old,n2@x.example,CC-REP-1,{lead},2024-11-04,2024-11-04,Remote,English,,24",
            $"N3,Cy Advocate,n3@x.example,MX-ADV-1,,{Day(0)},{Day(0)},Remote,English,,0"), Ct);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(["N1", "N2", "N3"], (await imported.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("entrants").EnumerateArray()
            .Select(e => e.GetProperty("employeeNumber").GetString()).Order(StringComparer.Ordinal));

        var plan = await hr.GetFromJsonAsync<JsonElement>("/api/employees/N1/plan", Ct);
        Assert.Equal(("draft", "2026", "Take calls on my own with confidence and meet the 30-60-90 day call metrics."),
            (plan.GetProperty("status").GetString(), plan.GetProperty("cycle").GetString(), plan.GetProperty("shortTermProfessional").GetString()));
        var due = plan.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("dueOn").GetString(), a.GetProperty("competency").GetString())).ToList();
        Assert.Equal(6, due.Count);
        Assert.Equal([Day(37), Day(67), Day(97)], due.Select(d => d.Item1).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains((Day(97), "DEESC"), due);
        var advocate = await hr.GetFromJsonAsync<JsonElement>("/api/employees/N3/plan", Ct);
        Assert.Equal([(Day(45), "CUSTOMER", "Close ten cases on my own.")], [.. advocate.GetProperty("actions").EnumerateArray()
            .Select(a => (a.GetProperty("dueOn").GetString(), a.GetProperty("competency").GetString(), a.GetProperty("description").GetString()))]);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/employees/N2/plan", Ct)).StatusCode);

        // Moved into another role the same year, the person keeps the plan they have: nothing is overwritten.
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/employees/import", Roster($"N1,Ana New,n1@x.example,CC-BIL-1,{lead},{Day(7)},{Day(20)},Remote,English;Spanish,,0"), Ct)).StatusCode);
        Assert.Equal(6, (await hr.GetFromJsonAsync<JsonElement>("/api/employees/N1/plan", Ct)).GetProperty("actions").GetArrayLength());
        Assert.Equal(1, await app.WithDbAsync(db => db.Plans.CountAsync(p => p.Employee.EmployeeNumber == "N1", Ct)));
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync("/api/plan-templates/MX-ADV", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.DeleteAsync("/api/plan-templates/MX-ADV", Ct)).StatusCode);
    }

    static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Forms.AntiforgeryToken(page)), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);

    static async Task<string> StoredNameAsync(TestApp app, string code) =>
        await app.WithDbAsync(db => db.PlanTemplates.Where(t => t.Code == code).Select(t => t.Name).SingleOrDefaultAsync(Ct)) ?? "(none)";

    [Theory, ProviderApps]
    public async Task HR_writes_a_template_on_its_page_a_refused_save_keeps_what_was_typed_and_a_stale_one_loses_nothing(TestApp app)
    {
        var hr = await app.BrowserAsync(AppRoles.HrAdmin);
        var api = await app.SignedInAsync(AppRoles.HrAdmin);

        // The list shows each template with what it applies to, its title and how many actions it has; the menu links to it.
        var list = await hr.GetStringAsync("/admin/plan-templates", Ct);
        Assert.Contains("href=\"/admin/plan-templates\"", list);
        Assert.Matches("data-template=\"CC-REP-1\"[\\s\\S]*?a goal and 6 actions", list);

        // A new one for a job family: refused with each reason beside its field and in the summary; the typed text stays; nothing is stored.
        var form = await hr.GetStringAsync("/admin/plan-templates/new", Ct);
        var refused = await (await hr.PostAsync("/admin/plan-templates/new", Form(form,
            ("Input.Code", "MX-ADV"), ("Input.Name", " "), ("Input.Goal", "Own my first cases."),
            ("Input.Items[0].Days", "ten"), ("Input.Items[0].Competency", "CUSTOMER"), ("Input.Items[0].Description", "Close ten cases on my own."),
            ("Input.Items[1].Days", ""), ("Input.Items[1].Competency", ""), ("Input.Items[1].Description", ""),
            ("Input.Items[2].Days", "20"), ("Input.Items[2].Competency", ""), ("Input.Items[2].Description", "Shadow a senior advocate.")), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"error-summary\"", refused);
        Assert.Contains("<a href=\"#Input_Name\">Name is required.</a>", refused);
        Assert.Matches("data-valmsg-for=\"Input.Items\\[0\\].Days\"[^>]*>Days must be between 1 and 365.</span>", refused);
        Assert.Matches("data-valmsg-for=\"Input.Items\\[2\\].Competency\"[^>]*>Competency is required.</span>", refused);
        Assert.Matches("field-validation-valid\" data-valmsg-for=\"Input.Items\\[1\\].Days\"", refused);
        Assert.Equal(("ten", "Close ten cases on my own.", "Shadow a senior advocate.", "Own my first cases."),
            (Forms.Field(refused, "Input.Items[0].Days"), Forms.Field(refused, "Input.Items[0].Description"), Forms.Field(refused, "Input.Items[2].Description"),
            System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(refused, "<textarea[^>]*name=\"Input.Goal\"[^>]*>\\s*([^<]*)</textarea>").Groups[1].Value)));
        Assert.Equal("(none)", await StoredNameAsync(app, "MX-ADV"));

        // In Spanish the same refusal is in Spanish.
        var es = await app.BrowserAsync(AppRoles.HrAdmin, language: "es");
        var esForm = await es.GetStringAsync("/admin/plan-templates/new", Ct);
        var spanish = await (await es.PostAsync("/admin/plan-templates/new", Form(esForm, ("Input.Code", "MX-ADV"), ("Input.Name", "")), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("El nombre es obligatorio.", spanish);
        Assert.Contains("No se guardó nada; corrija lo marcado:", spanish);

        // Corrected, it is saved (blank rows left out, actions in day order) and the list says so.
        var saved = await (await hr.PostAsync("/admin/plan-templates/new", Form(form,
            ("Input.Code", "MX-ADV"), ("Input.Name", "Member Advocate: first 60 days"), ("Input.Goal", "Own my first cases."),
            ("Input.Items[0].Days", "45"), ("Input.Items[0].Competency", "CUSTOMER"), ("Input.Items[0].Description", "Close ten cases on my own."),
            ("Input.Items[1].Days", "20"), ("Input.Items[1].Competency", "COMMS"), ("Input.Items[1].Strategy", "SHADOW"), ("Input.Items[1].Description", "Shadow a senior advocate.")), Ct))
            .Content.ReadAsStringAsync(Ct);
        Assert.Contains("The template for MX-ADV is saved.", saved);
        Assert.Matches("data-template=\"MX-ADV\"[\\s\\S]*?a goal and 2 actions", saved);
        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/plan-templates", Ct)).EnumerateArray().Single(t => t.GetProperty("code").GetString() == "MX-ADV");
        Assert.Equal(("family", 1), (stored.GetProperty("appliesTo").GetString(), stored.GetProperty("version").GetInt32()));
        Assert.Equal([20, 45], stored.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("days").GetInt32()));

        // A second "new" form for the same family, written meanwhile, is refused rather than replacing the first; the API's create-only save too.
        var late = await (await hr.PostAsync("/admin/plan-templates/new", Form(form, ("Input.Code", "MX-ADV"), ("Input.Name", "Another advocates' plan")), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Someone else created a template for MX-ADV while you were writing this one", late);
        Assert.Equal("Another advocates' plan", Forms.Field(late, "Input.Name"));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync("/api/plan-templates/MX-ADV", new { name = "x", items = Array.Empty<object>(), version = 0 }, Ct)).StatusCode);

        // Two HR people open the edit form; the first saves; the second's save is refused with a notice, keeping what they typed.
        var first = await hr.GetStringAsync("/admin/plan-templates/MX-ADV/edit", Ct);
        var second = await hr.GetStringAsync("/admin/plan-templates/mx-adv/edit", Ct);
        Assert.Equal(("1", "Shadow a senior advocate.", "SHADOW"), (Forms.Field(first, "Input.Version"), Forms.Field(first, "Input.Items[0].Description"),
            System.Text.RegularExpressions.Regex.Match(first, "name=\"Input.Items\\[0\\].Strategy\"[\\s\\S]*?<option(?=[^>]*selected)[^>]*value=\"([^\"]+)\"").Groups[1].Value));
        var edited = await (await hr.PostAsync("/admin/plan-templates/MX-ADV/edit", Form(first, ("Input.Version", Forms.Field(first, "Input.Version")),
            ("Input.Name", "Member Advocate: first 90 days"), ("Input.Items[0].Days", "30"), ("Input.Items[0].Competency", "CUSTOMER"), ("Input.Items[0].Description", "Close cases.")), Ct))
            .Content.ReadAsStringAsync(Ct);
        Assert.Contains("The template for MX-ADV is saved.", edited);
        var stale = await (await hr.PostAsync("/admin/plan-templates/MX-ADV/edit", Form(second, ("Input.Version", Forms.Field(second, "Input.Version")),
            ("Input.Name", "Typed in the other tab"), ("Input.Items[0].Days", "30"), ("Input.Items[0].Competency", "CUSTOMER"), ("Input.Items[0].Description", "Close cases.")), Ct))
            .Content.ReadAsStringAsync(Ct);
        Assert.Contains("Someone else changed or removed this template while you were editing it", stale);
        Assert.Equal("Typed in the other tab", Forms.Field(stale, "Input.Name"));
        Assert.Equal("Member Advocate: first 90 days", await StoredNameAsync(app, "MX-ADV"));
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync("/api/plan-templates/MX-ADV", new { name = "x", items = Array.Empty<object>(), version = 1 }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync("/api/plan-templates/MX-ADV?version=1", Ct)).StatusCode);

        // Removing from the list as it was first drawn is refused (it changed since); from the fresh list it goes.
        var removedStale = await (await hr.PostAsync("/admin/plan-templates?handler=Delete", Form(list, ("code", "MX-ADV"), ("version", "1")), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Someone else changed the template for MX-ADV after this list was shown, so it was not removed.", removedStale);
        var fresh = await hr.GetStringAsync("/admin/plan-templates", Ct);
        var removed = await (await hr.PostAsync("/admin/plan-templates?handler=Delete", Form(fresh, ("code", "MX-ADV"), ("version", "2")), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("The template for MX-ADV is removed.", removed);
        Assert.DoesNotContain("data-template=\"MX-ADV\"", removed);
        Assert.Equal("(none)", await StoredNameAsync(app, "MX-ADV"));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/admin/plan-templates/MX-ADV/edit", Ct)).StatusCode);

        // Only HR sees the page.
        var employee = await app.BrowserAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/admin/plan-templates", Ct)).StatusCode);
    }
}
