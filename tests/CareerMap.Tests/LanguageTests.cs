using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CareerMap.Accounts;
using CareerMap.Plans;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

/// <summary>Every page speaks English and Spanish: each string a page shows has its Spanish, and a person's choice sticks.</summary>
public sealed partial class LanguageTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Source([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "src"));

    /// <summary>The web app and Core: both phrase what a person reads, from the one resource file in Core.</summary>
    static IEnumerable<string> Sources() =>
        new[] { "CareerMap", "CareerMap.Core" }.SelectMany(project => Directory.EnumerateFiles(Path.Combine(Source(), project), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    static Dictionary<string, string> Spanish() =>
        XDocument.Load(Path.Combine(Source(), "CareerMap.Core", "Resources", "SharedResource.es.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    static IEnumerable<(string File, string Key)> PageStrings() =>
        Sources().SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => (Path.GetRelativePath(Source(), f), Regex.Unescape(m.Groups["key"].Value))));

    [Fact]
    public void Every_page_string_has_its_Spanish_and_every_Spanish_string_is_used()
    {
        var spanish = Spanish();
        var used = PageStrings().ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(u => !spanish.TryGetValue(u.Key, out var es) || es.Trim().Length == 0).Select(u => $"{u.File}: \"{u.Key}\"").Distinct().ToList();
        Assert.True(missing.Count == 0, "Page strings without Spanish:\n" + string.Join("\n", missing));
        var unused = spanish.Keys.Except(used.Select(u => u.Key)).ToList();
        Assert.True(unused.Count == 0, "Spanish strings no page uses:\n" + string.Join("\n", unused));
        var placeholders = spanish.Where(p => Placeholders(p.Key) != Placeholders(p.Value)).Select(p => p.Key).ToList();
        Assert.True(placeholders.Count == 0, "Spanish strings whose {0} placeholders differ from the English:\n" + string.Join("\n", placeholders));
    }

    [Fact]
    public void No_two_strings_differ_only_in_capitals_which_the_resource_build_would_drop()
    {
        var clashes = Spanish().Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Keys that differ only in capitals:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void A_string_is_looked_up_by_its_literal_English_text_only_so_the_check_above_sees_every_one()
    {
        var computed = Sources()
            .SelectMany(f => ComputedLookup().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(Source(), f)}: {m.Value}"))
            .ToList();
        Assert.True(computed.Count == 0, "Lookups by a computed key:\n" + string.Join("\n", computed));
    }

    [Fact]
    public async Task The_browser_language_is_followed_and_the_page_says_which_it_is()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9,en;q=0.5");
        var login = await client.GetStringAsync("/account/login", Ct);
        Assert.Contains("<html lang=\"es\">", login);
        Assert.Contains("Inicie sesión en CareerMap", login);
        Assert.Contains("Correo electrónico", login);

        var english = app.Client();
        var page = await english.GetStringAsync("/account/login", Ct);
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("Sign in to CareerMap", page);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_person_who_chooses_Spanish_gets_it_on_any_device_after_signing_in(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var number = await app.WithDbAsync(db => db.Employees.OrderBy(e => e.Id).Select(e => e.EmployeeNumber).FirstAsync(Ct));
        var email = await app.CreateAccountAsync(AppRoles.Employee, number);
        var desk = app.Client();
        await TestApp.SignInThroughPageAsync(desk, email);
        var home = await desk.GetStringAsync("/", Ct);
        Assert.Contains("<html lang=\"en\">", home);
        var chosen = await desk.PostAsync("/account/language", Form(home, ("language", "es"), ("returnUrl", "/people")), Ct);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("/people", chosen.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<html lang=\"es\">", await chosen.Content.ReadAsStringAsync(Ct));

        // A phone that has never seen the choice, whose browser asks for English, signs in as the same person.
        var phone = app.Client();
        phone.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("Sign in to CareerMap", await phone.GetStringAsync("/account/login", Ct));
        await TestApp.SignInThroughPageAsync(phone, email);
        var there = await phone.GetStringAsync("/", Ct);
        Assert.Contains("<html lang=\"es\">", there);
        Assert.Contains(">Mi plan</a>", there);
    }

    [Fact]
    public async Task An_unknown_language_or_an_outside_return_address_changes_nothing()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = app.Client(followRedirects: false);
        var login = await client.GetStringAsync("/account/login", Ct);
        var refused = await client.PostAsync("/account/language", Form(login, ("language", "xx"), ("returnUrl", "/")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var outside = await client.PostAsync("/account/language", Form(login, ("language", "es"), ("returnUrl", "https://evil.example/")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        Assert.Equal("/", outside.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"es\">", await client.GetStringAsync("/account/login", Ct));
    }

    [Fact]
    public async Task The_people_list_a_profile_readiness_and_rating_speak_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var number = await DemoEmployeeNumberAsync(app);
        var hr = await SpanishSpeakerAsync(app, AppRoles.HrAdmin);
        Spanish(await hr.GetStringAsync("/people", Ct), ["<h1>Personas</h1>", "Buscar por nombre, número, puesto o ubicación", ">Ubicación</th>", "Página 1 de"],
            ["Search by name", ">Location</th>", "Page 1 of"]);
        Spanish(await hr.GetStringAsync($"/people/{number}", Ct), ["Calificaciones vigentes", "Preparación para cualquier puesto", "En el puesto desde"],
            ["Ratings that count now", "In role since", "Worth aiming at next"]);
        Spanish(await hr.GetStringAsync($"/people/{number}/readiness?role=CC-REP-SR", Ct), ["de preparación", "El puesto pide", ">Brecha</th>", "Requisitos previos"],
            ["% ready", "Role asks", "Whose rating, when"]);
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, number);
        Spanish(await self.GetStringAsync($"/people/{number}/assess", Ct), ["<h1>Autoevalúese</h1>", "Cómo se ve en la práctica", "Guardar calificaciones", "Nivel 1"],
            ["Rate yourself", "Save ratings", "Evidence (optional)"]);
    }

    [Fact]
    public async Task A_development_plan_is_started_and_shown_in_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var number = await DemoEmployeeNumberAsync(app);
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, number);
        var empty = await self.GetStringAsync("/me/plan", Ct);
        Spanish(empty, ["Plan de desarrollo individual", "El puesto al que aspira", "Comenzar mi plan"], ["Start my plan", "Individual Development Plan"]);
        var started = await self.PostAsync($"/plans/{number}?handler=Start", Form(empty, ("target", "CC-REP-SR")), Ct);
        var plan = await started.Content.ReadAsStringAsync(Ct);
        Spanish(plan, [">Borrador</span>", "Mediano plazo (2–5 años), profesional", "Guardar plan", "Enviar a revisión", "Comentarios y seguimientos", "Iniciado"],
            [">Draft</span>", "Save plan", "Submit for review", "Action plan"]);
        var print = await self.GetStringAsync($"/plans/{number}/print", Ct);
        Spanish(print, ["<html lang=\"es\">", "Plan de desarrollo individual", "Áreas de oportunidad", "Fecha límite"], ["Areas of opportunity", "Employee:"]);
    }

    [Fact]
    public async Task The_map_and_my_next_moves_speak_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, await DemoEmployeeNumberAsync(app));
        var map = await self.GetStringAsync("/map?from=CC-REP-1&to=CC-MGR", Ct);
        Spanish(map, ["<h1>Mapa de carrera</h1>", "Unidades de negocio", "Rutas de Representante de Atención I a Gerente de Atención", "Trazar esta ruta", "Paso atrás",
            "<title id=\"map-title\">Mapa de carrera</title>", "unidades de negocio, en los grados", "ascenso dentro de la familia"],
            ["Show the map", "Routes from", "Draw this route", "business units on grades", "The map as a list"]);
        var moves = await self.GetStringAsync("/me/moves", Ct);
        Spanish(moves, ["Mis próximos movimientos", "Usted es <a href=\"/roles/CC-REP-2\">Representante de Atención II</a>", ">Ascensos <span", "Ver la ruta completa en el mapa"],
            ["My next moves", "You are ", "See the full route on the map", "promotion within family"]);
    }

    [Fact]
    public async Task Roles_and_competencies_speak_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var client = await SpanishSpeakerAsync(app, AppRoles.HrAdmin);
        Spanish(await client.GetStringAsync("/roles", Ct), ["<h1>Puestos</h1>", "unidades de negocio, por grado.", ">Familia</th>"], ["business units, by grade", ">Family</th>"]);
        Spanish(await client.GetStringAsync("/roles/CC-REP-SR", Ct), ["Lo que requiere el puesto", "Para entrar a este puesto", "Desde aquí", "ascenso entre áreas", "aria-label=\"Nivel "],
            ["What the role requires", "From here", "cross-functional promotion", "aria-label=\"Level "]);
        Spanish(await client.GetStringAsync("/competencies", Ct), ["Competencias esenciales", "Cada competencia tiene una descripción"], ["Core competencies", "Every competency has"]);
        Spanish(await client.GetStringAsync("/competencies/PROBLEM", Ct), ["Indicadores de comportamiento", "Nivel 1", "Cómo desarrollarla", "Requerido por"],
            ["Behavioral indicators", "Level 1", "Required by"]);
    }

    [Fact]
    public async Task Readiness_summaries_and_routes_in_API_answers_follow_Accept_Language_and_codes_do_not()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var self = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        self.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var readiness = await self.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        Assert.StartsWith("Usted cumple con ", readiness.GetProperty("summary").GetString());
        Assert.Contains(readiness.GetProperty("prerequisites").EnumerateArray(), p => p.GetProperty("text").GetString()!.StartsWith("Al menos 6 meses como Representante de Atención I o ", StringComparison.Ordinal));
        Assert.Equal("months-in-roles", readiness.GetProperty("prerequisites")[0].GetProperty("kind").GetString());

        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX");
        var name = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Name).SingleAsync(Ct));
        var theirs = await manager.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        Assert.StartsWith($"{name} cumple con ", theirs.GetProperty("summary").GetString());

        var paths = await self.GetFromJsonAsync<JsonElement>("/api/paths?from=CC-REP-1&to=CC-MGR", Ct);
        var best = paths.GetProperty("paths")[0];
        Assert.StartsWith("Aprox. ", best.GetProperty("explanation").GetString());
        Assert.Contains(", ascenso dentro de la familia: al menos 6 meses como Representante de Atención I o ", best.GetProperty("explanation").GetString());
        Assert.Equal("promotion within family", best.GetProperty("moves")[0].GetProperty("kind").GetString());
        Assert.Equal("promotion", best.GetProperty("moves")[0].GetProperty("direction").GetString());
        var none = await self.GetFromJsonAsync<JsonElement>("/api/paths?from=CC-REP-1&to=CC-REP-1", Ct);
        Assert.Equal("Usted ya está en Representante de Atención I.", none.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Readiness_routes_and_prerequisites_on_the_pages_speak_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var number = await DemoEmployeeNumberAsync(app);
        var name = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Name).SingleAsync(Ct));
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, number);
        Spanish(await self.GetStringAsync($"/people/{number}/readiness?role=CC-REP-SR", Ct), ["<p class=\"lead\">Usted cumple con ", "Al menos 6 meses como Representante de Atención I o Representante de Atención II"],
            ["You meet", " meets ", "At least"]);
        var hr = await SpanishSpeakerAsync(app, AppRoles.HrAdmin);
        Spanish(await hr.GetStringAsync($"/people/{number}/readiness?role=CC-REP-SR", Ct), [$"<p class=\"lead\">{name} cumple con "], ["You meet", " meets ", "(has "]);
        Spanish(await self.GetStringAsync("/map?from=CC-REP-1&to=CC-MGR", Ct),
            ["Aprox. ", " en 3 movimientos (una estimación, a partir de lo que pide el puesto actual). 1. Representante de Atención I → "], ["About ", "an estimate", "nothing stands"]);
        Spanish(await self.GetStringAsync("/map?from=CC-REP-1&to=CC-REP-1", Ct), ["Usted ya está en Representante de Atención I."], ["You are already"]);
        Spanish(await self.GetStringAsync("/me/moves", Ct), ["Usted cumple con "], ["You meet", "Biggest gaps", "Still needed"]);
    }

    [Fact]
    public async Task A_plan_started_in_Spanish_is_proposed_in_Spanish_and_its_fixed_texts_follow_each_reader()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, cast.Employee);
        var empty = await self.GetStringAsync("/me/plan", Ct);
        var plan = await (await self.PostAsync($"/plans/{cast.Employee}?handler=Start", Form(empty, ("target", "CC-REP-SR")), Ct)).Content.ReadAsStringAsync(Ct);
        Spanish(plan, ["Subir ", " para Representante de Atención Sénior", " Para desarrollar ", "¿Qué partes de su trabajo disfruta más y cuáles menos?", "Iniciado</strong>", "<span>: Plan iniciado</span>"],
            ["Raise ", "To build", "Which parts of your job", "Plan started"]);
        var refused = await (await self.PostAsync($"/plans/{cast.Employee}?handler=Status", Form(plan, ("to", "approved")), Ct)).Content.ReadAsStringAsync(Ct);
        Spanish(refused, ["un plan que está en borrador no puede ser marcado como aprobado por su titular"], ["can't be"]);

        // Stored: the proposals in the owner's words, the app's own texts in English whatever the owner's language.
        var stored = await app.WithDbAsync(db => db.Plans.SingleAsync(p => p.Employee.EmployeeNumber == cast.Employee, Ct));
        Assert.Equal(PlanService.ReflectionQuestions, stored.Reflections.Select(r => r.Question));
        Assert.Equal("Plan started", await app.WithDbAsync(db => db.PlanEvents.Where(e => e.PlanId == stored.Id).Select(e => e.Text).SingleAsync(Ct)));

        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var english = await manager.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/plan", Ct);
        Assert.Equal("Which parts of your job do you enjoy most, and which least?", english.GetProperty("reflections")[0].GetProperty("question").GetString());
        Assert.Equal("Plan started", english.GetProperty("history")[0].GetProperty("text").GetString());
        Assert.StartsWith("Subir ", english.GetProperty("needs")[0].GetString());
        Assert.Equal("draft", english.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_Word_export_of_a_plan_has_Spanish_headings_for_a_Spanish_reader()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var number = await DemoEmployeeNumberAsync(app);
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, number);
        await self.PostAsync($"/plans/{number}?handler=Start", Form(await self.GetStringAsync("/me/plan", Ct), ("target", "CC-REP-SR")), Ct);
        using var docx = new ZipArchive(await self.GetStreamAsync($"/plans/{number}?handler=Docx", Ct));
        using var xml = new StreamReader(docx.GetEntry("word/document.xml")!.Open());
        var text = await xml.ReadToEndAsync(Ct);
        foreach (var heading in new[] { "Plan de desarrollo individual — ", "Ciclo: ", "Estado: ", "Borrador", "Sobre mí", "Metas", "Fortalezas", "Áreas de oportunidad", "Necesidades de desarrollo", "Plan de acción", "Reflexión", "(fecha límite: ", "¿Qué habilidades le ayudarían" })
            Assert.Contains(heading, text);
        foreach (var english in new[] { "Individual Development Plan", "Cycle", "Strengths", "Action plan", "Reflection", "(due ", "Which skills" })
            Assert.DoesNotContain(english, text);
    }

    [Fact]
    public async Task A_rating_refused_on_the_assess_page_says_why_in_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var number = await DemoEmployeeNumberAsync(app);
        var self = await SpanishSpeakerAsync(app, AppRoles.Employee, number);
        var page = await self.GetStringAsync($"/people/{number}/assess", Ct);
        var competency = Regex.Match(page, @"name=""Levels\[([^\]]+)\]""").Groups[1].Value;
        var refused = await (await self.PostAsync($"/people/{number}/assess", Form(page, ($"Levels[{competency}]", "9")), Ct)).Content.ReadAsStringAsync(Ct);
        Spanish(refused, ["el nivel 9 está fuera de 1..5"], ["is outside"]);
    }

    static void Spanish(string page, string[] shown, string[] notShown)
    {
        Assert.Contains("<html lang=\"es\">", page);
        foreach (var text in shown) Assert.Contains(text, page);
        foreach (var text in notShown) Assert.DoesNotContain(text, page);
    }

    static Task<string> DemoEmployeeNumberAsync(TestApp app) => app.WithDbAsync(db =>
        db.Users.Where(u => u.Email == Sample.SampleOrganization.EmployeeEmail).Select(u => db.Employees.First(e => e.Id == u.EmployeeId).EmployeeNumber).FirstAsync(Ct));

    /// <summary>A signed-in client whose browser asks for Spanish.</summary>
    static Task<HttpClient> SpanishSpeakerAsync(TestApp app, string role, string? number = null) => app.BrowserAsync(role, number, "es");

    static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Forms.AntiforgeryToken(page))));

    static string Placeholders(string text) => string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex("""\bL\[\s*"(?<key>(?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex Lookup();

    [GeneratedRegex("""\bL\[\s*(?!"(?:[^"\\]|\\.)*"\s*[,\]])[^\]\s][^\]]*\]""")]
    private static partial Regex ComputedLookup();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
