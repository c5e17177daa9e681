using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class JobDescriptionsApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Posting = """
        Member Advocate

        Reports To: Supervisor, Member Services
        FLSA Status: Non-Exempt
        Effective Date: March 1, 2025

        Summary
        Untangles members' claims, eligibility and pharmacy problems from the first call to the last.

        Essential Duties:Answer member calls about claims and billing questionsEscalate urgent cases to a supervisorExplain eligibility and coverage in plain language

        Qualifications
        - Two years of member services experience.
        - Bilingual English and Spanish preferred.

        This job description is not intended to be an exhaustive list of duties.
        """;

    [Theory, ProviderApps]
    public async Task A_pasted_description_comes_back_structured_and_nothing_is_stored(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var before = await hr.GetStringAsync("/api/audit/export.csv", Ct);

        var answer = await hr.PostAsync("/api/job-descriptions/parse", new FormUrlEncodedContent([new("text", Posting)]), Ct);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var doc = Assert.Single((await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("documents").EnumerateArray());
        Assert.Equal("Member Advocate", doc.GetProperty("title").GetString());
        var header = doc.GetProperty("header");
        Assert.Equal(("Supervisor, Member Services", "Non-Exempt", "2025-03-01"),
            (header.GetProperty("reportsTo").GetString(), header.GetProperty("flsaStatus").GetString(), header.GetProperty("effectiveDate").GetString()));
        Assert.Equal(["Answer member calls about claims and billing questions", "Escalate urgent cases to a supervisor", "Explain eligibility and coverage in plain language"],
            doc.GetProperty("responsibilities")[0].GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["Spanish"], doc.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("not intended to be an exhaustive list", doc.GetProperty("disclaimers")[0].GetString());
        var claims = doc.GetProperty("competencies").EnumerateArray().First(c => c.GetProperty("code").GetString() == "CLAIMS");
        Assert.Contains(claims.GetProperty("matchedWords").EnumerateArray(), w => w.GetString()!.Contains("claims", StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(claims.GetProperty("evidence").EnumerateArray());

        Assert.Equal(before, await hr.GetStringAsync("/api/audit/export.csv", Ct));
    }

    [Theory, ProviderApps]
    public async Task An_unreadable_file_is_a_400_naming_the_file_and_the_reason(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        async Task<string> Refusal(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", name } };
            var answer = await hr.PostAsync("/api/job-descriptions/parse", form, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("file")[0].GetString()!;
        }
        Assert.Equal("jd.docx: not a readable Word .docx file (InvalidDataException)", await Refusal(Encoding.UTF8.GetBytes("not a zip"), "jd.docx"));
        Assert.StartsWith("jd.pdf: not a readable PDF", await Refusal(Encoding.UTF8.GetBytes("%PDF-1.4 garbage"), "jd.pdf"));
        Assert.Equal("jd.txt: the file is empty", await Refusal([], "jd.txt"));
        Assert.Contains("larger than 5 MB", await Refusal(new byte[6 * 1024 * 1024], "big.txt"));
        var employee = await app.SignedInAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsync("/api/job-descriptions/parse", new FormUrlEncodedContent([new("text", Posting)]), Ct)).StatusCode);
    }
}

public sealed class JobDescriptionLibraryTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static MultipartFormDataContent File(string text, string name = "rep.txt") => new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };

    const string Version1 = """
        Care Representative I
        Reports To: Supervisor, Customer Care

        Summary
        Answers members' prescription-benefit calls.

        Responsibilities
        - Answer inbound member calls about prescriptions and claims.
        - Document every call accurately.

        Qualifications
        - High school diploma.
        """;

    const string Version2 = """
        Care Representative I
        Reports To: Supervisor, Customer Care

        Summary
        Answers members' prescription-benefit calls.

        Responsibilities
        - Answer inbound member calls about prescriptions and claims.
        - Explain denied claims and billing disputes in plain language.
        - Document every call accurately.

        Qualifications
        - High school diploma.
        - Six months of customer service experience.
        """;

    [Theory, ProviderApps]
    public async Task Versions_are_kept_diffed_and_confirmed_links_change_the_requirements(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var first = await hr.PostAsync("/api/job-descriptions", File(Version1), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal(("CC-REP-1", 1), (v1.GetProperty("role").GetString(), v1.GetProperty("number").GetInt32()));
        var v2 = (await (await hr.PostAsync("/api/job-descriptions?role=CC-REP-1", File(Version2), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal(2, v2.GetProperty("number").GetInt32());
        Assert.Equal(2, (await hr.GetFromJsonAsync<JsonElement>("/api/job-descriptions?role=CC-REP-1", Ct)).GetArrayLength());

        var diff = await hr.GetFromJsonAsync<JsonElement>($"/api/job-descriptions/diff?from={v1.GetProperty("id")}&to={v2.GetProperty("id")}", Ct);
        var added = diff.EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "added").Select(l => l.GetProperty("right").GetString()).ToList();
        Assert.Equal(["- Explain denied claims and billing disputes in plain language.", "- Six months of customer service experience."], added);
        Assert.DoesNotContain(diff.EnumerateArray(), l => l.GetProperty("kind").GetString() == "removed");

        var id = v2.GetProperty("id").GetInt32();
        var view = await hr.GetFromJsonAsync<JsonElement>($"/api/job-descriptions/{id}", Ct);
        Assert.Contains("Answer inbound member calls", view.GetProperty("description").GetProperty("responsibilities")[0].GetProperty("items")[0].GetString());
        var suggested = view.GetProperty("description").GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("CLAIMS", suggested);
        var before = await hr.GetFromJsonAsync<JsonElement>("/api/requirements/CC-REP-1/CLAIMS", Ct);
        var newLevel = before.GetProperty("level").GetInt32() == 3 ? 4 : 3;

        // The description alone never touched the framework; a bad decision changes nothing either.
        Assert.Equal(before.GetProperty("level").GetInt32(), (await hr.GetFromJsonAsync<JsonElement>("/api/requirements/CC-REP-1/CLAIMS", Ct)).GetProperty("level").GetInt32());
        var refused = await hr.PostAsJsonAsync($"/api/job-descriptions/{id}/confirm", new { links = new object[] { new { competency = "CLAIMS", level = newLevel }, new { competency = "NOPE", level = 2 } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("no competency 'NOPE'", await refused.Content.ReadAsStringAsync(Ct));
        var tooHigh = await hr.PostAsJsonAsync($"/api/job-descriptions/{id}/confirm", new { links = new object[] { new { competency = "CLAIMS", level = 9 } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooHigh.StatusCode);
        Assert.Equal(before.GetProperty("level").GetInt32(), (await hr.GetFromJsonAsync<JsonElement>("/api/requirements/CC-REP-1/CLAIMS", Ct)).GetProperty("level").GetInt32());

        var confirmed = await hr.PostAsJsonAsync($"/api/job-descriptions/{id}/confirm", new { links = new object[] { new { competency = "CLAIMS", level = newLevel } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(newLevel, (await hr.GetFromJsonAsync<JsonElement>("/api/requirements/CC-REP-1/CLAIMS", Ct)).GetProperty("level").GetInt32());
        Assert.Equal(newLevel, (await confirmed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmedLinks").GetProperty("CLAIMS").GetInt32());
        var trail = await hr.GetStringAsync("/api/audit/export.csv?entity=JobDescriptionVersion", Ct);
        Assert.Contains("JobDescriptionVersion", trail);

        var markdown = await hr.GetStringAsync($"/api/job-descriptions/{id}/export.md", Ct);
        Assert.StartsWith("# Care Representative I\n\n**Reports to:** Supervisor, Customer Care\n\n## Summary\n", markdown);
        Assert.Contains("## Responsibilities\n- Answer inbound member calls", markdown);
        var docx = await hr.GetByteArrayAsync($"/api/job-descriptions/{id}/export.docx", Ct);
        Assert.Equal((byte)'P', docx[0]);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false))
            Assert.Contains("Explain denied claims", word.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Theory, ProviderApps]
    public async Task Confirming_never_lowers_a_requirement_silently_and_HR_corrections_carry_to_the_next_version(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var claims = await hr.GetFromJsonAsync<JsonElement>("/api/requirements/CC-REP-1/CLAIMS", Ct);
        Assert.Equal(HttpStatusCode.OK, (await hr.PutIfMatchAsync("/api/requirements/CC-REP-1/CLAIMS",
            new { role = "CC-REP-1", competency = "CLAIMS", level = 5, weight = claims.GetProperty("weight").GetDecimal(), critical = claims.GetProperty("critical").GetBoolean() }, Ct)).StatusCode);
        var v1 = (await (await hr.PostAsync("/api/job-descriptions?role=CC-REP-1", File(Version2), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("id").GetInt32();

        var offers = (await hr.GetFromJsonAsync<JsonElement>($"/api/job-descriptions/{v1}", Ct)).GetProperty("offers").EnumerateArray().ToList();
        var offer = offers.Single(o => o.GetProperty("match").GetProperty("code").GetString() == "CLAIMS");
        Assert.True(offer.GetProperty("level").GetInt32() < 5, "the description suggests Claims and Billing below the level the role now requires");
        Assert.Equal(("lower", false, 5), (offer.GetProperty("effect").GetString(), offer.GetProperty("ticked").GetBoolean(), offer.GetProperty("current").GetInt32()));
        var page = await hr.GetStringAsync($"/admin/job-descriptions/{v1}", Ct);
        Assert.Matches("<input type=\"checkbox\" id=\"link-CLAIMS\" name=\"link.CLAIMS\" aria-describedby=\"effect-CLAIMS\" />", page);
        Assert.Contains($"Would lower 5 → {offer.GetProperty("level").GetInt32()}", page);

        // HR keeps Claims at 5 and leaves one other suggestion out; the next version of the same role offers exactly that.
        var other = offers.First(o => o.GetProperty("match").GetProperty("code").GetString() != "CLAIMS").GetProperty("match").GetProperty("code").GetString()!;
        var kept = offers.Where(o => o.GetProperty("match").GetProperty("code").GetString() is var c && c != other)
            .Select(o => new { competency = o.GetProperty("match").GetProperty("code").GetString(), level = o.GetProperty("match").GetProperty("code").GetString() == "CLAIMS" ? 5 : o.GetProperty("level").GetInt32() }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/job-descriptions/{v1}/confirm", new { links = kept }, Ct)).StatusCode);
        var v2 = (await (await hr.PostAsync("/api/job-descriptions?role=CC-REP-1", File(Version2 + "\n- Bilingual English/Spanish preferred.\n"), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("id").GetInt32();
        var next = (await hr.GetFromJsonAsync<JsonElement>($"/api/job-descriptions/{v2}", Ct)).GetProperty("offers").EnumerateArray()
            .ToDictionary(o => o.GetProperty("match").GetProperty("code").GetString()!);
        Assert.Equal((5, true, "same"), (next["CLAIMS"].GetProperty("level").GetInt32(), next["CLAIMS"].GetProperty("ticked").GetBoolean(), next["CLAIMS"].GetProperty("effect").GetString()));
        Assert.False(next[other].GetProperty("ticked").GetBoolean());
        Assert.True(next[other].GetProperty("declinedBefore").GetBoolean());
        var nextPage = await hr.GetStringAsync($"/admin/job-descriptions/{v2}", Ct);
        Assert.Contains("Level you chose on version ", nextPage);
        Assert.Contains("You left this out on version ", nextPage);
    }

    [Theory, ProviderApps]
    public async Task A_suggestion_made_on_meaning_alone_shows_the_line_it_is_close_to(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var id = (await (await hr.PostAsync("/api/job-descriptions?role=CC-REP-1", File(Version2), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct))[0].GetProperty("id").GetInt32();
        // As the suggestion model stores a competency no word of the description names: evidence, no matched words.
        await app.WithDbAsync(async db =>
        {
            var version = await db.JobDescriptions.SingleAsync(v => v.Id == id, Ct);
            var structured = System.Text.Json.Nodes.JsonNode.Parse(version.Structured)!;
            var suggestion = structured["competencies"]!.AsArray().First(c => (string?)c!["code"] == "CLAIMS")!;
            suggestion["matchedWords"] = new System.Text.Json.Nodes.JsonArray();
            suggestion["evidence"] = new System.Text.Json.Nodes.JsonArray("Document every call accurately.");
            version.Structured = structured.ToJsonString();
            return await db.SaveChangesAsync(Ct);
        });
        var page = WebUtility.HtmlDecode(await hr.GetStringAsync($"/admin/job-descriptions/{id}", Ct));
        Assert.Contains("Close in meaning to: Document every call accurately.", page);
        Assert.DoesNotContain("Matched “”", page);
    }

    [Theory, ProviderApps]
    public async Task Unknown_titles_become_proposals_and_roles_compare_by_what_the_senior_one_adds(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var proposal = (await (await hr.PostAsync("/api/job-descriptions", File(Version1.Replace("Care Representative I", "Community Health Worker", StringComparison.Ordinal)), Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct))[0];
        Assert.Equal(JsonValueKind.Null, proposal.GetProperty("role").ValueKind);
        var cannot = await hr.PostAsJsonAsync($"/api/job-descriptions/{proposal.GetProperty("id")}/confirm", new { links = new object[] { new { competency = "COMMS", level = 3 } } }, Ct);
        Assert.Contains("proposes a new role", await cannot.Content.ReadAsStringAsync(Ct));

        var proposalPage = await hr.GetStringAsync($"/admin/job-descriptions/{proposal.GetProperty("id")}", Ct);
        Assert.Contains("Add the role", proposalPage);
        Assert.Contains("<option value=\"105\">", proposalPage);
        // HR adds the role the proposal describes; a bad placement is refused naming the field, and nothing is added.
        var badPlace = await hr.PostAsJsonAsync($"/api/job-descriptions/{proposal.GetProperty("id")}/role", new { code = "CHW-1", unit = "CARE", family = "CC-REP", grade = "999", level = 1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPlace.StatusCode);
        Assert.Contains("999", await badPlace.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/roles/CHW-1", Ct)).StatusCode);
        var added = await hr.PostAsJsonAsync($"/api/job-descriptions/{proposal.GetProperty("id")}/role", new { code = "CHW-1", unit = "CARE", family = "CC-REP", grade = "105", level = 9 }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var role = await hr.GetFromJsonAsync<JsonElement>("/api/roles/CHW-1", Ct);
        Assert.Equal("Community Health Worker", role.GetProperty("title").GetString());
        Assert.Contains("Document every call accurately.", role.GetProperty("duties").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsJsonAsync($"/api/job-descriptions/{proposal.GetProperty("id")}/confirm", new { links = new object[] { new { competency = "COMMS", level = 3 } } }, Ct)).StatusCode);
        Assert.Equal(3, (await hr.GetFromJsonAsync<JsonElement>("/api/requirements/CHW-1/COMMS", Ct)).GetProperty("level").GetInt32());

        var badRole = await hr.PostAsync("/api/job-descriptions?role=NOPE", File(Version1), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("no role 'NOPE'", await badRole.Content.ReadAsStringAsync(Ct));
        var two = await hr.PostAsync("/api/job-descriptions?role=CC-REP-1", File(Version1 + "\n\n" + Version2.Replace("Care Representative I", "Senior Care Representative", StringComparison.Ordinal)), Ct);
        Assert.Contains("holds 2 descriptions", await two.Content.ReadAsStringAsync(Ct));
        Assert.Empty((await hr.GetFromJsonAsync<JsonElement>("/api/job-descriptions?role=CC-REP-1", Ct)).EnumerateArray());

        await hr.PostAsync("/api/job-descriptions", File(Version1), Ct);
        await hr.PostAsync("/api/job-descriptions?role=CC-REP-SR", File(Version2.Replace("Care Representative I", "Senior Care Representative", StringComparison.Ordinal)
            .Replace("- Document every call accurately.", "- Document every call accurately.\n- Coach newer representatives after call reviews.", StringComparison.Ordinal)), Ct);
        var compare = await hr.GetFromJsonAsync<JsonElement>("/api/job-descriptions/compare?junior=CC-REP-1&senior=CC-REP-SR", Ct);
        Assert.Equal(["Explain denied claims and billing disputes in plain language.", "Coach newer representatives after call reviews."],
            compare.GetProperty("adds").GetProperty("responsibilities").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/api/job-descriptions/compare?junior=CC-REP-1&senior=CC-MGR", Ct)).StatusCode);
        var page = await hr.GetStringAsync("/admin/job-descriptions/compare?junior=CC-REP-1&senior=CC-REP-SR", Ct);
        Assert.Contains("CC-REP-SR asks beyond CC-REP-1", page);
        Assert.Contains("<li>Coach newer representatives after call reviews.</li>", page);
    }

    const string Unsure = """
        Care Representative I
        Reports To: Supervisor, Customer Care
        Revised Date:
        Effective Date: next spring

        Summary
        Answers members' prescription-benefit calls.

        Responsibilities
        - Answer inbound member calls about prescriptions and claims.
        """;

    /// <summary>Uploads a file on the library page as a browser does; the page it lands on, HTML-decoded.</summary>
    static async Task<string> UploadAsync(HttpClient browser, byte[] bytes, string name, string role = "")
    {
        var library = await browser.GetStringAsync("/admin/job-descriptions", Ct);
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "Upload", name },
            { new StringContent(role), "Role" },
            { new StringContent(Forms.AntiforgeryToken(library)), "__RequestVerificationToken" },
        };
        return WebUtility.HtmlDecode(await (await browser.PostAsync("/admin/job-descriptions", upload, Ct)).Content.ReadAsStringAsync(Ct));
    }

    [Theory, ProviderApps]
    public async Task What_the_reader_noticed_is_kept_with_the_version_and_shown_in_each_readers_language(TestApp app)
    {
        var spanish = await app.BrowserAsync(AppRoles.HrAdmin, language: "es");
        var stored = await UploadAsync(spanish, Encoding.UTF8.GetBytes(Unsure), "rep.txt", "CC-REP-1");
        Assert.Contains("Lo que se notó al leer el archivo:", stored);
        Assert.Contains("<li>el campo de encabezado 'Revised Date' está vacío</li>", stored);
        Assert.Contains("<li>Effective Date: 'next spring' no es una fecha que el lector entienda; se dejó tal como está escrita</li>", stored);
        Assert.DoesNotContain("is empty", stored);

        var id = (await app.WithDbAsync(db => db.JobDescriptions.Select(v => v.Id).SingleAsync(Ct))).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var english = WebUtility.HtmlDecode(await (await app.BrowserAsync(AppRoles.HrAdmin, language: "en")).GetStringAsync($"/admin/job-descriptions/{id}", Ct));
        Assert.Contains("<li>header field 'Revised Date' is empty</li>", english);
        Assert.Contains("<li>Effective Date: 'next spring' is not a date this parser reads; kept as written</li>", english);

        var api = await app.SignedInAsync(AppRoles.HrAdmin);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/job-descriptions/{id}", Ct);
        Assert.Equal(["el campo de encabezado 'Revised Date' está vacío", "Effective Date: 'next spring' no es una fecha que el lector entienda; se dejó tal como está escrita"],
            view.GetProperty("description").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var parsed = await (await api.PostAsync("/api/job-descriptions/parse", new FormUrlEncodedContent([new("text", Unsure)]), Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("el campo de encabezado 'Revised Date' está vacío", parsed.GetProperty("documents")[0].GetProperty("warnings")[0].GetString());
    }

    [Theory, ProviderApps]
    public async Task A_refused_file_is_told_why_in_the_readers_language_and_in_the_words_of_where_it_was_sent(TestApp app)
    {
        var spanish = await app.BrowserAsync(AppRoles.HrAdmin, language: "es");
        Assert.Contains("<span id=\"Upload-error\" class=\"field-error\">jd.txt: el archivo está vacío</span>", await UploadAsync(spanish, [], "jd.txt"));
        Assert.Contains("jd.exe: tipo de archivo desconocido '.exe': se espera .txt, .text, .md, .docx, .pdf", await UploadAsync(spanish, [1, 2, 3], "jd.exe"));
        Assert.Contains("noise.txt: esto no es texto: contiene caracteres de control", await UploadAsync(spanish, [1, 2, 3, 4, 5, 6, 7, 8], "noise.txt"));
        var es = System.Globalization.CultureInfo.GetCultureInfo("es");
        Assert.Contains($"long.txt: el texto tiene {2_000_001.ToString("N0", es)} caracteres; se leen {2_000_000.ToString("N0", es)} como máximo",
            await UploadAsync(spanish, Encoding.ASCII.GetBytes(new string('a', 2_000_001)), "long.txt"));
        var two = Encoding.UTF8.GetBytes(Version1 + "\n\n" + Version2.Replace("Care Representative I", "Senior Care Representative", StringComparison.Ordinal));
        var several = await UploadAsync(spanish, two, "two.txt", "CC-REP-1");
        Assert.Contains("two.txt: contiene 2 descripciones (Care Representative I, Senior Care Representative); cargue un archivo por puesto, o elija «El puesto con su mismo título» para que cada descripción vaya a su propio puesto", several);
        Assert.DoesNotContain("--role", several);
        var english = await UploadAsync(await app.BrowserAsync(AppRoles.HrAdmin, language: "en"), two, "two.txt", "CC-REP-1");
        Assert.Contains("two.txt: holds 2 descriptions (Care Representative I, Senior Care Representative); upload one file per role, or choose \"The role with its title\"", english);
        Assert.DoesNotContain("--role", english);

        var api = await app.SignedInAsync(AppRoles.HrAdmin);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es");
        async Task<JsonElement> Refusal(HttpContent content, string url = "/api/job-descriptions/parse")
        {
            var answer = await api.PostAsync(url, content, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        }
        Assert.Equal("jd.docx: no es un archivo de Word .docx legible (InvalidDataException)", (await Refusal(File("not a zip", "jd.docx"))).GetProperty("file")[0].GetString());
        Assert.Equal("esto no es texto: contiene caracteres de control que los archivos de texto no tienen",
            (await Refusal(new FormUrlEncodedContent([new("text", "\u0001\u0002\u0003\u0004 binary \u0005\u0006\u0007\u0008")]))).GetProperty("text")[0].GetString());
        Assert.StartsWith("rep.txt: contiene 2 descripciones", (await Refusal(File(Version1 + "\n\n" + Version2.Replace("Care Representative I", "Senior Care Representative", StringComparison.Ordinal)),
            "/api/job-descriptions?role=CC-REP-1")).GetProperty("file")[0].GetString());
        Assert.Equal("no existe el puesto 'NOPE' en el marco", (await Refusal(File(Version1), "/api/job-descriptions?role=NOPE")).GetProperty("role")[0].GetString());
        Assert.Empty(await app.WithDbAsync(db => db.JobDescriptions.ToListAsync(Ct)));
    }
}
