using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

/// <summary>HR keeps a role's competency requirements on the role's own edit page, with the API's validation and concurrency.</summary>
public sealed class RoleEditingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Page = "/admin/roles/CC-REP-1/edit";
    static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    static async Task<Dictionary<string, (int Level, decimal Weight, bool Critical)>> RequirementsAsync(TestApp app) =>
        (await app.ExportAsync()).Requirements.Where(r => r.Role == "CC-REP-1").ToDictionary(r => r.Competency, r => (r.Level, r.Weight, r.Critical));

    /// <summary>The form as the page drew it, with the requirement rows replaced by the given ones.</summary>
    static FormUrlEncodedContent Form(string page, IEnumerable<(string Competency, string Level, string Weight, bool Critical, bool Remove)> rows, string? title = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Forms.AntiforgeryToken(page)),
            new("Input.Version", Forms.Field(page, "Input.Version")),
            new("Input.RequirementsVersion", Forms.Field(page, "Input.RequirementsVersion")),
            new("Input.Title", title ?? Forms.Field(page, "Input.Title")),
            new("Input.Unit", "CARE"), new("Input.Family", "CC-REP"), new("Input.Grade", "105"), new("Input.Level", "1"),
        };
        var i = 0;
        foreach (var r in rows)
        {
            fields.Add(new($"Input.Requirements[{i}].Competency", r.Competency));
            fields.Add(new($"Input.Requirements[{i}].Level", r.Level));
            fields.Add(new($"Input.Requirements[{i}].Weight", r.Weight));
            if (r.Critical) fields.Add(new($"Input.Requirements[{i}].Critical", "true"));
            if (r.Remove) fields.Add(new($"Input.Requirements[{i}].Remove", "true"));
            i++;
        }
        return new(fields);
    }

    [Theory, ProviderApps]
    public async Task HR_changes_adds_and_removes_requirements_on_the_role_page_and_a_stale_or_wrong_form_changes_nothing(TestApp app)
    {
        var before = await RequirementsAsync(app);
        var hr = await app.BrowserAsync(AppRoles.HrAdmin, language: "es-MX");
        var page = await hr.GetStringAsync(Page, Ct);
        Assert.Contains("Requisitos de competencias", page);
        foreach (var code in before.Keys) Assert.Contains($"<option value=\"{code}\" selected=\"selected\">", page);
        var staleCopy = page;

        var (changed, removed) = (before.Keys.First(), before.Keys.Last());
        var added = (await app.ExportAsync()).Competencies.Select(c => c.Code).First(c => !before.ContainsKey(c));
        var rows = before.Select(b => (b.Key, Level: b.Key == changed ? (b.Value.Level == 5 ? "4" : "5") : b.Value.Level.ToString(Inv), Weight: b.Value.Weight.ToString(Inv), b.Value.Critical, Remove: b.Key == removed))
            .Append((Key: added, Level: "3", Weight: "1.5", Critical: true, Remove: false)).Append((Key: "", Level: "0", Weight: "1", Critical: false, Remove: false)).ToList();
        var saved = await hr.PostAsync(Page, Form(page, rows), Ct);
        Assert.Equal("/roles/CC-REP-1", saved.RequestMessage!.RequestUri!.AbsolutePath);

        var after = await RequirementsAsync(app);
        Assert.Equal(before.Count, after.Count);
        Assert.DoesNotContain(removed, after.Keys);
        Assert.Equal((3, 1.5m, true), after[added]);
        Assert.Equal(before[changed].Level == 5 ? 4 : 5, after[changed].Level);
        var api = await (await app.SignedInAsync(AppRoles.HrAdmin)).GetFromJsonAsync<JsonElement>($"/api/requirements/CC-REP-1/{added}", Ct);
        Assert.Equal(3, api.GetProperty("level").GetInt32());

        // The first copy of the page, still open in another tab, no longer matches what is stored.
        var stale = await hr.PostAsync(Page, Form(staleCopy, rows.Select(r => r with { Remove = false })), Ct);
        Assert.Contains("Otra persona cambió este puesto o sus requisitos", await stale.Content.ReadAsStringAsync(Ct));
        Assert.Equal(after, await RequirementsAsync(app));

        // The same competency twice and a weight of nothing: each row is marked, nothing is saved.
        var current = await hr.GetStringAsync(Page, Ct);
        var wrong = after.Select(a => (a.Key, a.Value.Level.ToString(Inv), a.Key == added ? "" : "1", a.Value.Critical, false)).Append((changed, "2", "1", false, false));
        var refused = await (await hr.PostAsync(Page, Form(current, wrong), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Algunos requisitos necesitan una corrección", refused);
        var first = after.Keys.ToList().IndexOf(changed) + 1;
        Assert.Contains($"El puesto CC-REP-1 ya requiere {changed} (fila {first}).", refused);
        Assert.Contains("El peso 0 debe ser mayor que 0 y no más de 100.", refused);
        Assert.DoesNotContain("already requires", refused);
        Assert.Equal(after, await RequirementsAsync(app));
    }

    [Theory, ProviderApps]
    public async Task A_refused_edit_says_why_beside_each_field_and_row_in_the_readers_language(TestApp app)
    {
        var before = await RequirementsAsync(app);
        var rows = before.Select(b => (b.Key, Level: b.Key == before.Keys.First() ? "9" : b.Value.Level.ToString(Inv), Weight: b.Value.Weight.ToString(Inv), b.Value.Critical, Remove: false)).ToList();
        async Task<string> RefusedAsync(string language)
        {
            var hr = await app.BrowserAsync(AppRoles.HrAdmin, language: language);
            var page = await hr.GetStringAsync(Page, Ct);
            return System.Net.WebUtility.HtmlDecode(await (await hr.PostAsync(Page, Form(page, rows, title: " "), Ct)).Content.ReadAsStringAsync(Ct));
        }

        var spanish = await RefusedAsync("es-MX");
        Assert.Contains("<span id=\"req-0-error\" class=\"field-error\">El nivel 9 supera el nivel máximo del marco (5).</span>", spanish);
        Assert.Matches("<span class=\"field-error[^\"]*\" data-valmsg-for=\"Input.Title\"[^>]*>El título es obligatorio.</span>", spanish);
        Assert.DoesNotContain("is above the framework's top level", spanish);
        Assert.DoesNotContain("Title is required", spanish);

        var english = await RefusedAsync("en-US");
        Assert.Contains("<span id=\"req-0-error\" class=\"field-error\">Level 9 is above the framework's top level (5).</span>", english);
        Assert.Matches("<span class=\"field-error[^\"]*\" data-valmsg-for=\"Input.Title\"[^>]*>Title is required.</span>", english);
        Assert.Equal(before, await RequirementsAsync(app));
    }
}
