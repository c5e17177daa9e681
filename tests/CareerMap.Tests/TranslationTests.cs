using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using CareerMap.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

/// <summary>
/// Framework content in the reader's language: each text from its translation where there is one and in the organization's
/// language where there is not, said so to HR, who translates on a page; translations travel in the JSON and Excel formats.
/// </summary>
public sealed class TranslationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Competency = "CUSTOMER";

    /// <summary>Replaces one competency's Spanish through the API, as an integration would.</summary>
    static async Task PutSpanishAsync(TestApp app, string code, JsonObject? spanish)
    {
        var api = await app.SignedInAsync(AppRoles.HrAdmin);
        var read = await api.GetAsync($"/api/competencies/{code}", Ct);
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync(Ct))!.AsObject();
        body.Remove("translations");
        if (spanish is not null) body["translations"] = new JsonObject { ["es"] = spanish };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/competencies/{code}") { Content = JsonContent.Create(body) };
        put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(read.Headers.ETag!.ToString()));
        var saved = await api.SendAsync(put, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
    }

    [Theory, ProviderApps]
    public async Task A_Spanish_reader_sees_the_translation_and_the_original_where_a_text_is_not_translated(TestApp app)
    {
        var english = (await app.ExportAsync()).Competencies.Single(c => c.Code == Competency);
        await PutSpanishAsync(app, Competency, new JsonObject
        {
            ["name"] = "Enfoque en el afiliado (prueba)",
            ["levels"] = new JsonArray([.. english.Levels.Select((l, i) => (JsonNode)JsonValue.Create(i == 2 ? "" : $"Nivel traducido {i + 1}")!)]),
        });

        var spanish = await (await app.BrowserAsync(AppRoles.Employee, language: "es")).GetStringAsync($"/competencies/{Competency}", Ct);
        Assert.Contains("Enfoque en el afiliado (prueba)", spanish);
        Assert.Contains("Nivel traducido 1", spanish);
        Assert.Contains(WebUtility.HtmlEncode(english.Definition), spanish);   // no Spanish definition: the English one
        Assert.Contains(WebUtility.HtmlEncode(english.Levels[2]), spanish);    // an empty level falls back alone
        Assert.DoesNotContain("Nivel traducido 3", spanish);

        var englishPage = await (await app.BrowserAsync(AppRoles.Employee, language: "en")).GetStringAsync($"/competencies/{Competency}", Ct);
        Assert.Contains(WebUtility.HtmlEncode(english.Name), englishPage);
        Assert.DoesNotContain("Enfoque en el afiliado (prueba)", englishPage);

        // The API answers the reader's language for what people read, and the stored texts where the framework is edited.
        var api = await app.SignedInAsync(AppRoles.HrAdmin);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/competencies/{Competency}", Ct);
        Assert.Equal(english.Name, stored.GetProperty("name").GetString());
        Assert.Equal("Enfoque en el afiliado (prueba)", stored.GetProperty("translations").GetProperty("es").GetProperty("name").GetString());
    }

    [Theory, ProviderApps]
    public async Task HR_sees_what_is_not_translated_and_translates_it_on_a_page_and_a_stale_form_keeps_what_was_typed(TestApp app)
    {
        await PutSpanishAsync(app, Competency, null);
        var hr = await app.BrowserAsync(AppRoles.HrAdmin, language: "es");
        var list = await hr.GetStringAsync("/admin/translations?language=es", Ct);
        Assert.Contains($"/admin/translations/competencies/{Competency}?language=es", list);
        var edit = await hr.GetStringAsync($"/admin/competencies/{Competency}/edit", Ct);
        Assert.Contains("En Español todavía falta: Nombre, Definición", edit);

        var form = await hr.GetStringAsync($"/admin/translations/competencies/{Competency}?language=es", Ct);
        var staleCopy = form;
        var english = (await app.ExportAsync()).Competencies.Single(c => c.Code == Competency);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Forms.AntiforgeryToken(form)), new("Version", Forms.Field(form, "Version")),
            new("Texts[name]", "Enfoque en el afiliado"), new("Texts[definition]", "Pone al afiliado en el centro."),
        };
        fields.AddRange(english.Levels.Select((_, i) => new KeyValuePair<string, string>($"Texts[level {i + 1}]", $"Nivel {i + 1} en español")));
        var saved = await hr.PostAsync($"/admin/translations/competencies/{Competency}?language=es", new FormUrlEncodedContent(fields), Ct);
        Assert.Contains("Guardado.", await saved.Content.ReadAsStringAsync(Ct));

        var after = (await app.ExportAsync()).Competencies.Single(c => c.Code == Competency);
        Assert.Equal(english.Name, after.Name);
        Assert.Equal("Enfoque en el afiliado", after.Translations!["es"].Name);
        Assert.Equal("Nivel 5 en español", after.Translations["es"].Levels![4]);
        var missing = await hr.GetStringAsync($"/admin/competencies/{Competency}/edit", Ct);
        Assert.Contains(english.Indicators.Count > 0 ? "En Español todavía falta: Indicadores de comportamiento" : "Todos los textos están en Español", missing);
        var reader = await (await app.BrowserAsync(AppRoles.Employee, language: "es")).GetStringAsync("/competencies", Ct);
        Assert.Contains("Enfoque en el afiliado", reader);

        // The first copy of the form, still open in another tab, names a version that is gone: refused, and the text typed stays.
        var stale = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Forms.AntiforgeryToken(staleCopy)), new("Version", Forms.Field(staleCopy, "Version")),
            new("Texts[name]", "Texto escrito en la otra pestaña"),
        };
        var refused = await (await hr.PostAsync($"/admin/translations/competencies/{Competency}?language=es", new FormUrlEncodedContent(stale), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Otra persona cambió este elemento", refused);
        Assert.Contains("Texto escrito en la otra pestaña", refused);
        Assert.Equal("Enfoque en el afiliado", (await app.ExportAsync()).Competencies.Single(c => c.Code == Competency).Translations!["es"].Name);

        // Not HR: no translating.
        var employee = await app.BrowserAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/admin/translations", Ct)).StatusCode);
    }

    [Fact]
    public async Task Translations_of_every_kind_of_item_travel_through_json_and_excel_unchanged()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var d = await app.ExportAsync();
        d.Grades[0] = d.Grades[0] with { Translations = new Dictionary<string, NameText> { ["es"] = new("Grado de prueba"), ["fr"] = new("Échelon d'essai") } };
        d.Units[0] = d.Units[0] with { Translations = new Dictionary<string, NameText> { ["es"] = new("Unidad", "Descripción") } };
        d.Families[0] = d.Families[0] with { Translations = new Dictionary<string, NameText> { ["es"] = new(Description: "Solo la descripción") } };
        var c = d.Competencies[0];
        d.Competencies[0] = c with { Translations = new Dictionary<string, CompetencyText> { ["es"] = new("Nombre", "Definición", [.. c.Levels.Select((_, i) => $"Nivel {i + 1}")], ["Indicador uno"]) } };
        var r = d.Roles.First(x => x.Duties is { Count: > 1 });
        d.Roles[d.Roles.IndexOf(r)] = r with { Translations = new Dictionary<string, RoleText> { ["es"] = new("Título", "Resumen", null, [.. r.Duties!.Select((_, i) => $"Función {i + 1}")]) } };
        var u = d.Duties.First(x => x.Marks.Any(m => FrameworkTranslations.IsWords(m.Mark)));
        var worded = u.Marks.First(m => FrameworkTranslations.IsWords(m.Mark));
        d.Duties[d.Duties.IndexOf(u)] = u with { Translations = new Dictionary<string, DutyText> { ["es"] = new("Fila", [new(worded.Level, "En palabras")]) } };
        d.Strategies[0] = d.Strategies[0] with { Translations = new Dictionary<string, NameText> { ["es"] = new("Estrategia", "Cómo") } };
        var m = d.Moves.First(x => x.Note is not null);
        d.Moves[d.Moves.IndexOf(m)] = m with { Translations = new Dictionary<string, MoveText> { ["es"] = new("Nota") } };

        var json = new MemoryStream();
        JsonFrameworkFormat.Write(d, json);
        var fromJson = JsonFrameworkFormat.Read(new MemoryStream(json.ToArray()), EnglishWords.Instance);
        Assert.Empty(fromJson.Problems);
        var excel = new MemoryStream();
        ExcelFrameworkFormat.Write(fromJson.Document!, excel);
        var fromExcel = ExcelFrameworkFormat.Read(new MemoryStream(excel.ToArray()));
        Assert.Empty(fromExcel.Problems);
        Assert.True(FrameworkDiff.Between(d, fromExcel.Document!).IsEmpty, string.Join("\n", FrameworkDiff.Between(d, fromExcel.Document!).Describe()));

        // And through the database: imported, read back, exported the same.
        await using var scope = app.App.Services.CreateAsyncScope();
        var framework = scope.ServiceProvider.GetRequiredService<FrameworkService>();
        var report = await framework.ImportAsync(fromExcel.Document!, p => p, dryRun: false, ct: Ct);
        Assert.True(report.Applied, string.Join("\n", report.Problems));
        var stored = await framework.ExportAsync(Ct);
        var title = stored.Roles.Single(x => x.Code == r.Code).Translations!["es"];
        Assert.Equal("Título", title.Title);
        Assert.Equal(FrameworkTranslations.Fingerprint(r.Title), title.Sources!["title"]);   // made from today's English
        var again = new MemoryStream();
        ExcelFrameworkFormat.Write(stored, again);
        var reread = ExcelFrameworkFormat.Read(new MemoryStream(again.ToArray()));
        Assert.True(FrameworkDiff.Between(stored, reread.Document!).IsEmpty, string.Join("\n", FrameworkDiff.Between(stored, reread.Document!).Describe()));
    }

    [Theory, ProviderApps]
    public async Task An_original_edited_after_it_was_translated_flags_its_translation_until_HR_checks_it(TestApp app)
    {
        var api = await app.SignedInAsync(AppRoles.HrAdmin);
        var hr = await app.BrowserAsync(AppRoles.HrAdmin, language: "es");
        Assert.DoesNotContain($"/admin/translations/competencies/{Competency}?", await hr.GetStringAsync("/admin/translations?language=es", Ct));

        // HR rewrites the English definition through the API, sending back the translations it read.
        var read = await api.GetAsync($"/api/competencies/{Competency}", Ct);
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync(Ct))!.AsObject();
        var spanishDefinition = body["translations"]!["es"]!["definition"]!.GetValue<string>();
        body["definition"] = "Puts the member first in every contact, and follows up until the need is met.";
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/competencies/{Competency}") { Content = JsonContent.Create(body) })
        {
            put.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(read.Headers.ETag!.ToString()));
            Assert.True((await api.SendAsync(put, Ct)).IsSuccessStatusCode);
        }

        // An Excel round trip keeps the flag.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var framework = scope.ServiceProvider.GetRequiredService<FrameworkService>();
            var excel = new MemoryStream();
            ExcelFrameworkFormat.Write(await framework.ExportAsync(Ct), excel);
            var fromExcel = ExcelFrameworkFormat.Read(new MemoryStream(excel.ToArray()));
            Assert.False((await framework.ImportAsync(fromExcel.Document!, p => p, dryRun: false, ct: Ct)).Applied);   // nothing to change
        }

        var list = await hr.GetStringAsync("/admin/translations?language=es", Ct);
        Assert.Contains($"/admin/translations/competencies/{Competency}?language=es", list);
        Assert.Contains("Elementos con textos cambiados en English después de traducirse: 1.", list);
        Assert.Contains("Cambiado después de la traducción al Español: Definición.", await hr.GetStringAsync($"/admin/competencies/{Competency}/edit", Ct));
        // Spanish readers keep the translation meanwhile.
        Assert.Contains(WebUtility.HtmlEncode(spanishDefinition), await (await app.BrowserAsync(AppRoles.Employee, language: "es")).GetStringAsync($"/competencies/{Competency}", Ct));

        var form = await hr.GetStringAsync($"/admin/translations/competencies/{Competency}?language=es", Ct);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(form, "Cambió en English después de traducirse"));
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", Forms.AntiforgeryToken(form)), new("Version", Forms.Field(form, "Version")) };
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(form, "name=\"(Texts\\[[^\\]]+\\])\"(?: value=\"([^\"]*)\")?[^>]*>([^<]*)"))
            fields.Add(new(m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)));

        // Saved without checking it: still flagged.
        var unchecked_ = await hr.PostAsync($"/admin/translations/competencies/{Competency}?language=es", new FormUrlEncodedContent(fields), Ct);
        Assert.Contains("Cambió en English después de traducirse", await unchecked_.Content.ReadAsStringAsync(Ct));
        Assert.Equal(spanishDefinition, (await app.ExportAsync()).Competencies.Single(c => c.Code == Competency).Translations!["es"].Definition);

        // Checked and kept: no longer flagged, and the text is the same.
        form = await hr.GetStringAsync($"/admin/translations/competencies/{Competency}?language=es", Ct);
        fields[0] = new("__RequestVerificationToken", Forms.AntiforgeryToken(form));
        fields[1] = new("Version", Forms.Field(form, "Version"));
        fields.Add(new("Confirmed", "definition"));
        var checked_ = await (await hr.PostAsync($"/admin/translations/competencies/{Competency}?language=es", new FormUrlEncodedContent(fields), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Guardado.", checked_);
        Assert.DoesNotContain("Cambió en English después de traducirse", checked_);
        Assert.DoesNotContain($"/admin/translations/competencies/{Competency}?", await hr.GetStringAsync("/admin/translations?language=es", Ct));
        Assert.Equal(spanishDefinition, (await app.ExportAsync()).Competencies.Single(c => c.Code == Competency).Translations!["es"].Definition);
    }

    [Fact]
    public async Task A_wrong_translation_row_or_language_is_refused_with_its_place_and_nothing_changes()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var d = await app.ExportAsync();
        var excel = new MemoryStream();
        ExcelFrameworkFormat.Write(d, excel);
        using (var wb = new ClosedXML.Excel.XLWorkbook(new MemoryStream(excel.ToArray())))
        {
            var sheet = wb.Worksheet("Translations");
            var row = sheet.LastRowUsed()?.RowNumber() + 1 ?? 2;
            void Row(params string[] cells) { for (var i = 0; i < cells.Length; i++) sheet.Cell(row, i + 1).Value = cells[i]; row++; }
            Row("competency", "NO-SUCH", "es", "name", "x");
            Row("role", d.Roles[0].Code, "es", "definition", "x");
            Row("planet", "X", "es", "name", "x");
            Row("unit", d.Units[0].Code, "EN", "name", "Customer Care again");
            excel = new MemoryStream();
            wb.SaveAs(excel);
        }
        var read = ExcelFrameworkFormat.Read(new MemoryStream(excel.ToArray()), "framework.xlsx");
        var problems = read.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("Translations!B", StringComparison.Ordinal) && p.Contains("no competency 'NO-SUCH'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Translations!D", StringComparison.Ordinal) && p.Contains("a role has no field 'definition'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Translations!A", StringComparison.Ordinal) && p.Contains("found 'planet'", StringComparison.Ordinal));

        await using var scope = app.App.Services.CreateAsyncScope();
        var framework = scope.ServiceProvider.GetRequiredService<FrameworkService>();
        var report = await framework.ImportAsync(read.Document!, read.Place, dryRun: false, read.Problems, ct: Ct);
        Assert.False(report.Applied);
        Assert.Contains(report.Problems, p => p.Place.StartsWith("Translations!", StringComparison.Ordinal) && p.Message.Contains("en is the framework's own language", StringComparison.Ordinal));
        Assert.True(FrameworkDiff.Between(d, await framework.ExportAsync(Ct)).IsEmpty);
    }
}
