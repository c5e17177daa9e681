using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
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
    public async Task Job_descriptions_and_provisioning_speak_Spanish()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var hr = await SpanishSpeakerAsync(app, AppRoles.HrAdmin);
        var library = await hr.GetStringAsync("/admin/job-descriptions", Ct);
        Spanish(library, ["<h1>Descripciones de puesto</h1>", "Archivo de la descripción (.txt, .docx, .pdf, .json, .xml, .html, .csv)", "Puesto que describe", ">Cargar</button>", ">Vínculos</th>"],
            ["Upload a job description", "Role it describes", ">Links</th>"]);
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Care Representative I\n\nSummary\nAnswers members' calls.\n\nResponsibilities\n- Resolve payment disputes and explain billing questions.\n")), "Upload", "care-rep.txt" },
            { new StringContent("CC-REP-1"), "Role" },
            { new StringContent(Forms.AntiforgeryToken(library)), "__RequestVerificationToken" },
        };
        Spanish(await (await hr.PostAsync("/admin/job-descriptions", upload, Ct)).Content.ReadAsStringAsync(Ct),
            ["Versión 1 de Representante de Atención I (CC-REP-1), del archivo care-rep.txt, ", "Historial de versiones", "Competencias que pide", "Confirmar vínculos", ">La descripción</h2>"],
            ["Version history", "Confirm links", " by "]);
        Spanish(await hr.GetStringAsync("/admin/job-descriptions/history?role=CC-REP-1", Ct), ["Comparar la versión", "aria-label=\"Diferencias entre las dos versiones\"", ">Versión 1</th>"],
            ["with version", "Differences"]);
        Spanish(await hr.GetStringAsync("/admin/job-descriptions/compare?junior=CC-REP-1&senior=CC-REP-SR", Ct),
            ["Lo que agrega el puesto de mayor nivel", "Puesto de menor nivel", "CC-REP-1 o CC-REP-SR todavía no tiene descripción de puesto."], ["Junior role", "has no job description"]);

        var desk = await hr.GetStringAsync("/admin/provisioning", Ct);
        Spanish(desk, ["<h1>Aprovisionamiento</h1>", "Nuevo token para", "placeholder=\"p. ej., Workday\"", "Títulos de puesto", "En espera de un puesto", ">Código de puesto</label>"],
            ["New token for", "Issue token", "Job titles", "Waiting for a role"]);
        var issued = await (await hr.PostAsync("/admin/provisioning?handler=Issue", Form(desk, ("TokenName", "Workday")), Ct)).Content.ReadAsStringAsync(Ct);
        Spanish(issued, ["Se emitió el token <strong>Workday</strong>. Cópielo ahora", "aria-label=\"Revocar el token Workday\"", ">nunca</td>"], ["issued. Copy", "never"]);
        var refused = await (await hr.PostAsync("/admin/provisioning?handler=Alias", Form(desk, ("Title", "Patient Concierge"), ("Role", "NOPE")), Ct)).Content.ReadAsStringAsync(Ct);
        Spanish(refused, ["no existe el puesto ", " en el marco"], ["in the framework"]);
        var saved = await (await hr.PostAsync("/admin/provisioning?handler=Alias", Form(desk, ("Title", "Patient Concierge"), ("Role", "CC-REP-1")), Ct)).Content.ReadAsStringAsync(Ct);
        Spanish(saved, ["ahora corresponde a Representante de Atención I (CC-REP-1); se vincularon 0 usuarios en espera.", ">cualquiera</td>"], ["now means", "linked."]);
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

    [Fact]
    public void No_page_writes_English_into_its_markup_instead_of_looking_it_up()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Source(), "CareerMap", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(pages);
        var written = pages.SelectMany(f => RazorText.Written(File.ReadAllText(f)).Select(w => $"{Path.GetRelativePath(Source(), f)}:{w.Line}: {w.Text}")).ToList();
        Assert.True(written.Count == 0, "Text a reader sees, written on the page instead of through L[…]:\n" + string.Join("\n", written));
    }

    [Fact]
    public void The_page_reader_finds_text_and_read_attributes_and_passes_over_comments_code_and_lookups()
    {
        const string page = """
            @page "/sample"
            @model SampleModel
            @{
                ViewData["Title"] = "Sample page";
                var pick = x < 3 ? L["Tiny"] : "";
                void Links() { <a href="/">Home</a> }
            }
            @* A comment in English is for the next developer. *@
            <h1>@L["Heading"] · CareerMap</h1>
            <p class="lead">Version @Model.Number by @Model.Author.</p>
            <input placeholder="e.g. Workday" value="@Model.Q" class="wide field" />
            <img alt="@L["Logo"]" src="/logo.png" />
            @if (Model.Count > 0) { <p role="status">@L["{0} saved", Model.Count]</p> } else { <text>Nothing saved</text> }
            @foreach (var (name, label) in new[] { ("a", "b") }) { <span class="@(name == "a" ? "first one" : "")">@(label ?? "none yet")</span> }
            <button aria-label="Remove @Model.Title">@L["Remove"]</button>
            <a href="mailto:hr@example.com">@Model.Email</a>
            """;
        Assert.Equal([(4, "Sample page"), (6, "Home"), (10, "Version … by …."), (11, "e.g. Workday"), (13, "Nothing saved"), (14, "none yet"), (15, "Remove …")],
            RazorText.Written(page).Select(w => (w.Line, w.Text)));
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

/// <summary>
/// Reads a Razor page for what a reader meets written into it: text between tags, and the attributes read aloud or shown
/// (placeholder, title, aria-label, alt…), with Razor comments, C# blocks, statements and expressions passed over as Razor
/// passes over them. A string literal rendered as it is (<c>@(x ? "none" : …)</c>) and a literal page title count as written.
/// </summary>
static partial class RazorText
{
    /// <summary>Not words of a language: the product's name, and names and codes every language writes alike.</summary>
    static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "CareerMap", "API", "UTC", "Markdown" };

    static readonly HashSet<string> ReadAttributes = new(StringComparer.OrdinalIgnoreCase)
        { "placeholder", "title", "alt", "label", "aria-label", "aria-description", "aria-roledescription", "aria-placeholder", "aria-valuetext", "data-label" };

    static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr" };

    static readonly HashSet<string> Directives = new(StringComparer.Ordinal)
        { "page", "model", "using", "inject", "namespace", "addTagHelper", "removeTagHelper", "tagHelperPrefix", "layout", "inherits", "implements", "attribute", "preservewhitespace", "typeparam" };

    /// <summary>Each piece of readable text written on the page, expressions shown as "…".</summary>
    public static List<(int Line, string Text)> Written(string page)
    {
        var reader = new Reader(page);
        reader.Markup();
        foreach (Match title in PageTitle().Matches(page))
            reader.Check(title.Index, title.Groups["text"].Value);
        return [.. reader.Found.OrderBy(f => f.Line)];
    }

    static bool Readable(string text) => Word().Matches(WebUtility.HtmlDecode(text)).Any(w => !Names.Contains(w.Value));

    sealed class Reader(string s)
    {
        const char Hole = '\u0001';
        int i;
        readonly StringBuilder text = new();
        int textAt;
        public readonly List<(int Line, string Text)> Found = [];

        char At(int k) => k < s.Length ? s[k] : '\0';
        bool Starts(string t) => string.CompareOrdinal(s, i, t, 0, t.Length) == 0;
        static bool IdentifierStart(char c) => char.IsLetter(c) || c == '_';
        void SkipSpace() { while (i < s.Length && char.IsWhiteSpace(s[i])) i++; }
        void SkipPast(string end) { var at = s.IndexOf(end, i, StringComparison.Ordinal); i = at < 0 ? s.Length : at + end.Length; }

        string Identifier()
        {
            var start = i;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++;
            return s[start..i];
        }

        public void Check(int at, string words)
        {
            if (Readable(words))
                Found.Add((s.AsSpan(0, at).Count('\n') + 1, Regex.Replace(words.Replace(Hole, '…'), @"\s+", " ").Trim()));
        }

        void Flush()
        {
            Check(textAt, text.ToString());
            text.Clear();
        }

        /// <summary>Markup to the end of the page; an island (markup inside C#) ends where its first element closes, a line (@:) at the line's end.</summary>
        public void Markup(bool island = false, bool line = false)
        {
            var depth = 0;
            while (i < s.Length && !(line && s[i] == '\n'))
            {
                if (Starts("@*")) SkipPast("*@");
                else if (Starts("@@")) { Append('@'); i += 2; }
                // An address such as hr@example.com is text, as Razor reads it.
                else if (s[i] == '@' && !(text.Length > 0 && char.IsLetterOrDigit(text[^1]) && char.IsLetterOrDigit(At(i + 1)))) Transition(rendered: true);
                else if (Starts("<!--")) { Flush(); SkipPast("-->"); }
                else if (Starts("<!")) { Flush(); SkipPast(">"); }
                else if (s[i] == '<' && (char.IsLetter(At(i + 1)) || At(i + 1) == '/' && char.IsLetter(At(i + 2))))
                {
                    Flush();
                    var (name, closing, empty) = Tag();
                    if (closing) depth--;
                    else if (name is "script" or "style") SkipPast($"</{name}>");
                    else if (!empty) depth++;
                    if (island && depth <= 0) return;
                }
                else { Append(s[i]); i++; }
            }
            Flush();
        }

        void Append(char c)
        {
            if (text.Length == 0) textAt = i;
            text.Append(c);
        }

        /// <summary>At an @ that leaves markup: an expression, a code block, a statement with its blocks, or a directive line.</summary>
        void Transition(bool rendered)
        {
            i++;
            if (At(i) == '(') { Rendered(rendered); Append(Hole); return; }
            if (At(i) == '{') { Flush(); Code(); return; }
            if (!IdentifierStart(At(i))) { Append('@'); return; }
            var word = Identifier();
            var save = i;
            SkipSpace();
            if (word is "if" or "for" or "foreach" or "while" or "switch" or "lock" or "using" && At(i) == '(' || word is "try" or "do") { Flush(); Statement(word); return; }
            if (word is "functions" or "code" && At(i) == '{') { Flush(); Code(); return; }
            if (Directives.Contains(word)) { SkipPast("\n"); return; }
            if (word == "await") Identifier(); else i = save;
            Implicit();
            Append(Hole);
        }

        /// <summary>@name.member?.other[index](arguments)! … as far as Razor takes an implicit expression.</summary>
        void Implicit()
        {
            while (true)
            {
                if (At(i) is '(' or '[') Balanced();
                else if (At(i) == '.' && IdentifierStart(At(i + 1))) { i++; Identifier(); }
                else if (At(i) == '?' && At(i + 1) == '.' && IdentifierStart(At(i + 2))) { i += 2; Identifier(); }
                else if (At(i) == '!' && At(i + 1) is '.' or '[') i++;
                else return;
            }
        }

        /// <summary>if (…) { … } else if (…) { … } else { … }, and the like for try, do, switch and loops.</summary>
        void Statement(string keyword)
        {
            while (true)
            {
                SkipSpace();
                if (At(i) == '(') Balanced();
                SkipSpace();
                if (At(i) == '{') Code();
                else if (At(i) == ';') i++;
                var save = i;
                SkipSpace();
                var next = IdentifierStart(At(i)) ? Identifier() : "";
                if (next is "else" or "catch" or "finally" || keyword == "do" && next == "while")
                {
                    var afterElse = i;
                    SkipSpace();
                    if (next != "else" || Identifier() != "if") i = afterElse;
                    continue;
                }
                i = save;
                return;
            }
        }

        /// <summary>A C# block from its {: markup starts where a statement may, at a tag, @: or @&lt;.</summary>
        void Code()
        {
            i++;
            var depth = 1;
            var last = '{';
            while (i < s.Length)
            {
                var c = s[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (Starts("//")) { SkipPast("\n"); continue; }
                if (Starts("/*")) { SkipPast("*/"); continue; }
                if (Starts("@*")) { SkipPast("*@"); continue; }
                if (Starts("@:")) { i += 2; Markup(line: true); last = ';'; continue; }
                if (Starts("@<")) { i++; Markup(island: true); last = ')'; continue; }
                if (c == '<' && char.IsLetter(At(i + 1)) && last is '{' or '}' or ';' or ':') { Markup(island: true); last = ';'; continue; }
                if (Literal() is not null) { last = '"'; continue; }
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) { i++; return; }
                last = c;
                i++;
            }
        }

        /// <summary>Passes over a bracketed C# span from its opening bracket, strings and all.</summary>
        void Balanced()
        {
            var depth = 0;
            while (i < s.Length)
            {
                if (Literal() is not null) continue;
                var c = s[i++];
                if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}' && --depth == 0) return;
            }
        }

        /// <summary>@( … ): a string literal outside any call or index is what the page shows.</summary>
        void Rendered(bool rendered)
        {
            var depth = 0;
            while (i < s.Length)
            {
                var at = i;
                if (Literal() is { } literal)
                {
                    if (rendered && depth == 1) Check(at, literal);
                    continue;
                }
                var c = s[i++];
                if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}' && --depth == 0) return;
            }
        }

        /// <summary>A C# string or char literal at the reader, passed over; its text, or null when there is none.</summary>
        string? Literal()
        {
            var start = i;
            var (verbatim, interpolated) = (false, false);
            while (At(i) is '$' or '@') { if (s[i] == '$') interpolated = true; else verbatim = true; i++; }
            if (At(i) == '\'' && !verbatim && !interpolated)
            {
                i += At(i + 1) == '\\' ? 3 : 2;
                SkipPast("'");
                return "";
            }
            if (At(i) != '"') { i = start; return null; }
            if (Starts("\"\"\""))
            {
                var quotes = 0;
                while (At(i) == '"') { quotes++; i++; }
                var from = i;
                SkipPast(new string('"', quotes));
                return s[from..Math.Max(from, i - quotes)];
            }
            i++;
            var value = new StringBuilder();
            while (i < s.Length)
            {
                var c = s[i];
                if (verbatim && c == '"' && At(i + 1) == '"') { value.Append('"'); i += 2; }
                else if (!verbatim && c == '\\') { value.Append(At(i + 1)); i += 2; }
                else if (c == '"') { i++; break; }
                else if (interpolated && c == '{' && At(i + 1) != '{') { Balanced(); value.Append(Hole); }
                else if (interpolated && c is '{' or '}') { value.Append(c); i += 2; }
                else { value.Append(c); i++; }
            }
            return value.ToString();
        }

        /// <summary>A start or end tag: its name, whether it closes, and whether it holds nothing; read attributes are checked.</summary>
        (string Name, bool Closing, bool Empty) Tag()
        {
            i++;
            var closing = At(i) == '/';
            if (closing) i++;
            var start = i;
            while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '-' or ':' or '.')) i++;
            var name = s[start..i].ToLowerInvariant();
            var attributes = new List<(string Name, int At, string Value)>();
            while (i < s.Length && s[i] != '>')
            {
                if (Starts("/>")) { i++; break; }
                if (char.IsWhiteSpace(s[i])) { i++; continue; }
                if (s[i] == '@') { AttributeExpression(read: false); continue; }
                var from = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not ('=' or '>') && !Starts("/>")) i++;
                var attribute = s[from..i];
                SkipSpace();
                if (At(i) != '=') { attributes.Add((attribute, from, "")); continue; }
                i++;
                SkipSpace();
                var valueAt = i;
                attributes.Add((attribute, valueAt, Value(ReadAttributes.Contains(attribute))));
            }
            var empty = s[i - 1] == '/' || VoidElements.Contains(name);
            i++;
            var button = name == "input" && attributes.Any(a => a.Name == "type" && a.Value is "submit" or "button" or "reset");
            foreach (var a in attributes.Where(a => ReadAttributes.Contains(a.Name) || button && a.Name == "value"))
                Check(a.At, a.Value);
            return (name, closing, empty);
        }

        /// <summary>An attribute's value, quoted or not, with its Razor expressions shown as "…".</summary>
        string Value(bool read)
        {
            var quote = At(i) is '"' or '\'' ? s[i++] : '\0';
            var value = new StringBuilder();
            while (i < s.Length && (quote != '\0' ? s[i] != quote : !char.IsWhiteSpace(s[i]) && s[i] != '>'))
            {
                if (Starts("@@")) { value.Append('@'); i += 2; }
                else if (s[i] == '@' && !(value.Length > 0 && char.IsLetterOrDigit(value[^1]))) { AttributeExpression(read); value.Append(Hole); }
                else value.Append(s[i++]);
            }
            if (quote != '\0') i++;
            return value.ToString();
        }

        void AttributeExpression(bool read)
        {
            i++;
            if (At(i) == '(') { Rendered(read); return; }
            if (Identifier() == "await") { SkipSpace(); Identifier(); }
            Implicit();
        }
    }

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    [GeneratedRegex(""""ViewData\["Title"\]\s*=\s*\$?@?"(?<text>(?:[^"\\]|\\.)*)"""")]
    private static partial Regex PageTitle();
}
