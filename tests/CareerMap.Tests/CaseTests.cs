using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Accounts;
using CareerMap.Cli;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Framework.Case;
using CareerMap.Hosting;
using CareerMap.Sample;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests;

/// <summary>
/// The competency framework as CASE 1.1 packages: exported, validated against the published schema, imported back
/// without losing a byte, a package in OpenSALT's shape kept whole, broken packages refused at their place, and the
/// read API at /ims/case/v1p1 for people signed in and for systems with a CASE token.
/// </summary>
public sealed class CaseTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string OpenSaltShaped => Path.Combine(AppContext.BaseDirectory, "Case", "opensalt-shaped.json");

    static async Task<T> WithAsync<T>(DatabaseTarget target, Func<IServiceProvider, Task<T>> work)
    {
        await using var services = CareerMapServices.BuildCliServices(target, TestClock.Create());
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    static Task<byte[]> ExportAsync(DatabaseTarget target) => WithAsync(target, async s =>
    {
        using var stream = new MemoryStream();
        await s.GetRequiredService<CaseExchange>().WriteAsync(stream, ct: Ct);
        return stream.ToArray();
    });

    static Task<CaseImportReport> ImportAsync(DatabaseTarget target, byte[] package, bool dryRun = false) =>
        WithAsync(target, s => s.GetRequiredService<CaseExchange>().ImportAsync(new MemoryStream(package), dryRun, ct: Ct));

    static Task<FrameworkDocument> FrameworkAsync(DatabaseTarget target) => WithAsync(target, s => s.GetRequiredService<FrameworkService>().ExportAsync(Ct));

    static Task<int> RecordsAsync(DatabaseTarget target) => WithAsync(target, s => s.GetRequiredService<CareerMapDb>().CaseRecords.CountAsync(Ct));

    static IReadOnlyList<ImportProblem> SchemaProblems(byte[] package)
    {
        using var json = JsonDocument.Parse(package);
        return CaseSchema.Check(json.RootElement, EnglishWords.Instance);
    }

    static List<JsonObject> Items(JsonNode package, string type) =>
        [.. package["CFItems"]!.AsArray().OfType<JsonObject>().Where(i => i["CFItemType"]?.GetValue<string>() == type)];

    static byte[] Bytes(JsonNode package) => Encoding.UTF8.GetBytes(package.ToJsonString(CaseExchange.Written));

    static string Problems(CaseImportReport report) => string.Join("\n", report.Problems);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_export_meets_the_schema_and_export_import_export_is_byte_identical(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await using var copy = await TestDatabase.CreateAsync(provider, empty: true);
        var first = await ExportAsync(source.Target);
        Assert.Empty(SchemaProblems(first));

        var sample = RiverbendHealth.Build();
        var package = JsonNode.Parse(first)!;
        Assert.Equal("Riverbend Health", package["CFDocument"]!["creator"]!.GetValue<string>());
        Assert.Equal("Adopted", package["CFDocument"]!["adoptionStatus"]!.GetValue<string>());
        Assert.Equal("1.1", package["CFDocument"]!["caseVersion"]!.GetValue<string>());
        var competencies = Items(package, CaseMapping.CompetencyType);
        Assert.Equal(sample.Competencies.Count, competencies.Count);
        Assert.Equal(sample.Competencies.Sum(c => c.Levels.Count), Items(package, CaseMapping.LevelType).Count);
        Assert.Equal(sample.Competencies.Sum(c => c.Indicators.Count), Items(package, CaseMapping.IndicatorType).Count);
        Assert.Equal(sample.Competencies.Select(c => c.Category).Distinct().Count(), Items(package, CaseMapping.CategoryType).Count);
        var associations = package["CFAssociations"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(sample.Competencies.Sum(c => c.Levels.Count - 1), associations.Count(a => a["associationType"]!.GetValue<string>() == "precedes"));
        var comms = sample.Competencies.Single(c => c.Code == "COMMS");
        var commsItem = competencies.Single(c => c["humanCodingScheme"]!.GetValue<string>() == "COMMS");
        Assert.Equal(comms.Name, commsItem["abbreviatedStatement"]!.GetValue<string>());
        Assert.Equal(comms.Definition, commsItem["fullStatement"]!.GetValue<string>());
        var criterion = package["CFRubrics"]![0]!["CFRubricCriteria"]!.AsArray()
            .Single(c => c!["CFItemURI"]!["identifier"]!.GetValue<string>() == commsItem["identifier"]!.GetValue<string>())!;
        var levels = criterion["CFRubricCriterionLevels"]!.AsArray();
        Assert.Equal(comms.Levels, levels.Select(l => l!["description"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3, 4, 5], levels.Select(l => l!["score"]!.GetValue<int>()));
        Assert.Equal([1, 2, 3, 4, 5], levels.Select(l => l!["position"]!.GetValue<int>()));

        // The same framework exports the same bytes: identifiers come from codes, times from the audit trail.
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(await ExportAsync(source.Target)));

        var report = await ImportAsync(copy.Target, first);
        Assert.True(report.Ok, Problems(report));
        Assert.True(report.Framework.Applied);
        Assert.Equal(sample.Competencies.Count, (await FrameworkAsync(copy.Target)).Competencies.Count);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(await ExportAsync(copy.Target)));

        // Back into the framework it came from, it changes nothing and comes out the same again.
        var again = await ImportAsync(source.Target, first);
        Assert.True(again.Ok, Problems(again));
        Assert.False(again.Framework.Applied);
        Assert.True(again.Framework.Diff!.IsEmpty);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(await ExportAsync(source.Target)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_package_in_OpenSALTs_shape_keeps_its_groupings_keywords_and_rubrics(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, empty: true);
        var file = await File.ReadAllBytesAsync(OpenSaltShaped, Ct);
        Assert.Empty(SchemaProblems(file));
        var report = await ImportAsync(database.Target, file);
        Assert.True(report.Ok, Problems(report));
        Assert.Equal(["PA.BEN.1", "PA.COM.1", "PA.COM.2"], report.Framework.Diff!.For(FrameworkCollections.Competencies).Added.Order(StringComparer.Ordinal));
        Assert.Equal(1 + 7 + 9 + 1 + 1 + 1 + 3 + 2, report.Records);

        var framework = await FrameworkAsync(database.Target);
        Assert.Equal("Northwind Pharmacy Services Consortium", framework.Organization.Name);
        Assert.Equal(4, framework.Organization.TopLevel);
        var listening = framework.Competencies.Single(c => c.Code == "PA.COM.1");
        Assert.Equal("Active Listening", listening.Name);
        Assert.Equal("core", listening.Category);
        // Levels come from the rubric, ordered by score (0 to 3 here): the lowest is level 1.
        Assert.Equal("Hears the question but often answers before the caller has finished.", listening.Levels[0]);
        Assert.Equal("Coaches others to listen well and handles distressed callers calmly.", listening.Levels[3]);
        Assert.Equal(["Restates the caller's concern in their own terms before answering.", "Tells the caller what will happen next and when."], listening.Indicators);

        // Nothing was lost: the export is the package as it came (its empty list of concepts aside).
        var exported = await ExportAsync(database.Target);
        Assert.Empty(SchemaProblems(exported));
        var expected = JsonNode.Parse(file)!;
        expected["CFDefinitions"]!.AsObject().Remove("CFConcepts");
        var actual = JsonNode.Parse(exported)!;
        foreach (var part in new[] { "CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics" })
            Assert.True(JsonNode.DeepEquals(expected[part], actual[part]), $"{part} differs:\n{actual[part]!.ToJsonString()}");
        var keywords = Items(actual, "Competency").Single(i => i["humanCodingScheme"]!.GetValue<string>() == "PA.COM.2")["conceptKeywords"]!.AsArray();
        Assert.Equal(["health literacy", "teach-back"], keywords.Select(k => k!.GetValue<string>()));
        Assert.Equal(2, actual["CFDefinitions"]!["CFAssociationGroupings"]!.AsArray().Count);
        Assert.Equal(2, actual["CFAssociations"]!.AsArray().Count(a => a!["CFAssociationGroupingURI"] is not null));
        Assert.Equal("Expert", actual["CFRubrics"]![0]!["CFRubricCriteria"]![0]!["CFRubricCriterionLevels"]![3]!["quality"]!.GetValue<string>());

        // Its export imports into another database and comes out byte for byte the same.
        await using var other = await TestDatabase.CreateAsync(provider, empty: true);
        Assert.True((await ImportAsync(other.Target, exported)).Ok);
        Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(await ExportAsync(other.Target)));

        // An edit in CareerMap is written over the kept record, which keeps the rest and says when it changed.
        var edited = await WithAsync(database.Target, async s =>
        {
            var service = s.GetRequiredService<FrameworkService>();
            var c = (await service.ExportAsync(Ct)).Competencies.Single(x => x.Code == "PA.BEN.1");
            return await service.UpdateAsync(FrameworkCollections.Competencies, c.Code, c with { Definition = "Runs prior authorizations from request to decision." }, null, Ct);
        });
        Assert.Equal(WriteStatus.Saved, edited.Status);
        var after = JsonNode.Parse(await ExportAsync(database.Target))!;
        var ben = Items(after, "Competency").Single(i => i["humanCodingScheme"]!.GetValue<string>() == "PA.BEN.1");
        Assert.Equal("Runs prior authorizations from request to decision.", ben["fullStatement"]!.GetValue<string>());
        Assert.Equal(3, ben["conceptKeywords"]!.AsArray().Count);
        Assert.Equal("Skill", ben["alternativeLabel"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(ben["lastChangeDateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= new DateTimeOffset(TestClock.Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        Assert.True(JsonNode.DeepEquals(expected["CFItems"]![1], Items(after, "Competency").Single(i => i["humanCodingScheme"]!.GetValue<string>() == "PA.COM.1")));
        Assert.NotEqual("2.1", after["CFDocument"]!["version"]!.GetValue<string>());
        Assert.Empty(SchemaProblems(Bytes(after)));
    }

    public static TheoryData<string, string> Broken()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
            foreach (var name in BrokenPackages.Keys) data.Add(provider, name);
        return data;
    }

    /// <summary>Each broken package, made from the sample's own export, and the place and reason the report must give.</summary>
    static readonly Dictionary<string, Func<JsonObject, (byte[] Package, string Place, string Reason)>> BrokenPackages = new()
    {
        ["missing CFDocument"] = p => { p.Remove("CFDocument"); return (Bytes(p), "CFDocument", "required by CASE 1.1"); },
        ["association to an unknown item"] = p =>
        {
            var i = p["CFAssociations"]!.AsArray().Select((a, i) => (a, i)).First(x => x.a!["associationType"]!.GetValue<string>() == "precedes").i;
            p["CFAssociations"]![i]!["destinationNodeURI"]!["identifier"] = "0f0e0d0c-0b0a-4908-8706-050403020100";
            return (Bytes(p), $"CFAssociations[{i}].destinationNodeURI.identifier", "no CFItem or CFDocument in this package has the identifier 0f0e0d0c-0b0a-4908-8706-050403020100");
        },
        ["duplicate identifier"] = p =>
        {
            p["CFItems"]![5]!["identifier"] = p["CFItems"]![2]!["identifier"]!.GetValue<string>();
            return (Bytes(p), "CFItems[5].identifier", "is used twice: CFItems[2] has it too");
        },
        ["rubric level without a score"] = p =>
        {
            p["CFRubrics"]![0]!["CFRubricCriteria"]![1]!["CFRubricCriterionLevels"]![2]!.AsObject().Remove("score");
            return (Bytes(p), "CFRubrics[0].CFRubricCriteria[1].CFRubricCriterionLevels[2].score", "a rubric level needs a score");
        },
        ["identifier that is not a UUID"] = p =>
        {
            p["CFItems"]![3]!["identifier"] = "COMMS-1";
            return (Bytes(p), "CFItems[3].identifier", "'COMMS-1' is not a UUID");
        },
        ["truncated file"] = p => (Bytes(p)[..5000], "line ", "not valid JSON"),
        ["a competency still in use left out"] = p =>
        {
            var items = p["CFItems"]!.AsArray();
            items.Remove(items.Single(i => i!["humanCodingScheme"]?.GetValue<string>() == "DEESC"));
            return (Bytes(p), "CFItems", "competency DEESC (De-escalation) is not in the package, but ");
        },
    };

    [Theory, MemberData(nameof(Broken))]
    public async Task A_broken_package_is_refused_at_its_place_with_the_reason_and_changes_nothing(string provider, string kind)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await ExportAsync(database.Target);
        var framework = JsonSerializer.Serialize(await FrameworkAsync(database.Target));
        var (package, place, reason) = BrokenPackages[kind](JsonNode.Parse(before)!.AsObject());
        var report = await ImportAsync(database.Target, package);
        Assert.False(report.Ok);
        Assert.False(report.Framework.Applied);
        Assert.True(report.Problems.Any(p => p.Place.StartsWith(place, StringComparison.Ordinal) && p.Message.Contains(reason, StringComparison.Ordinal)),
            $"expected {place}: {reason}; got\n{Problems(report)}");
        Assert.Equal(Encoding.UTF8.GetString(before), Encoding.UTF8.GetString(await ExportAsync(database.Target)));
        Assert.Equal(framework, JsonSerializer.Serialize(await FrameworkAsync(database.Target)));
        Assert.Equal(0, await RecordsAsync(database.Target));
    }

    [Fact]
    public async Task The_schema_places_each_problem_once_and_says_why_in_words()
    {
        var package = JsonNode.Parse(await File.ReadAllBytesAsync(OpenSaltShaped, Ct))!;
        Assert.Empty(SchemaProblems(Bytes(package)));
        package["CFAssociations"]![0]!["associationType"] = "childOf";
        package["CFAssociations"]![1]!["sequenceNumber"] = "3";
        package["CFItems"]![2]!["colour"] = "teal";
        package["CFItems"]![3]!["lastChangeDateTime"] = "yesterday";
        package["CFItems"]![4]!.AsObject().Remove("fullStatement");
        var problems = SchemaProblems(Bytes(package)).ToDictionary(p => p.Place, p => p.Message);
        Assert.Equal(5, problems.Count);
        Assert.StartsWith("'childOf' is not a CASE association type", problems["CFAssociations[0].associationType"], StringComparison.Ordinal);
        Assert.Equal("expected integer, found the text \"3\"", problems["CFAssociations[1].sequenceNumber"]);
        Assert.Equal("unknown field 'colour'", problems["CFItems[2].colour"]);
        Assert.StartsWith("'yesterday' is not a date and time", problems["CFItems[3].lastChangeDateTime"], StringComparison.Ordinal);
        Assert.Equal("required by CASE 1.1", problems["CFItems[4].fullStatement"]);
    }

    /// <summary>Random damage to a valid package never crashes the schema check, the reader or the writer: it is refused, or it is read.</summary>
    [Fact]
    public async Task Damaged_packages_are_refused_or_read_and_never_crash_the_reader()
    {
        var original = await File.ReadAllTextAsync(OpenSaltShaped, Ct);
        JsonNode?[] hostile = [null, "", "not-a-uuid", "isChildOf", -1, 1e300, true, new JsonArray(), new JsonObject(), "5b2e9c40-1d7a-4f3e-9a61-000000000111", new string('x', 5000)];
        var refused = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var rng = new Random(seed);
            var package = JsonNode.Parse(original)!.AsObject();
            for (var n = rng.Next(1, 4); n > 0; n--)
            {
                var nodes = new List<(JsonNode Parent, string? Name, int Index)>();
                void Walk(JsonNode node)
                {
                    if (node is JsonObject o) foreach (var (k, v) in o.ToList()) { nodes.Add((o, k, -1)); if (v is not null) Walk(v); }
                    else if (node is JsonArray a) for (var i = 0; i < a.Count; i++) { nodes.Add((a, null, i)); if (a[i] is { } v) Walk(v); }
                }
                Walk(package);
                var (parent, name, index) = nodes[rng.Next(nodes.Count)];
                var value = hostile[rng.Next(hostile.Length)]?.DeepClone();
                if (parent is JsonObject o) { if (rng.Next(3) == 0) o.Remove(name!); else o[name!] = value; }
                else ((JsonArray)parent)[index] = value;
            }
            using var json = JsonDocument.Parse(package.ToJsonString());
            if (CaseSchema.Check(json.RootElement, EnglishWords.Instance).Count > 0) { refused++; continue; }
            var read = CasePackageReader.Read(package, new FrameworkDocument(), [], hasOrganization: false, CaseSettings.DefaultBaseUrl, EnglishWords.Instance);
            if (read.Problems.Count > 0 || FrameworkValidator.Validate(read.Document!, EnglishWords.Instance).Count > 0) { refused++; continue; }
            var written = CasePackageWriter.Write(read.Document!, read.Records, new CaseChangeTimes(new Dictionary<string, DateTimeOffset>(), DateTimeOffset.UnixEpoch), new CaseSettings());
            Assert.Empty(SchemaProblems(Bytes(written)));
        }
        Assert.InRange(refused, 100, 399);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_competency_given_a_new_identifier_keeps_its_old_one_as_an_exact_match(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await ExportAsync(database.Target);
        var old = Items(JsonNode.Parse(first)!, "Competency").Single(i => i["humanCodingScheme"]!.GetValue<string>() == "COMMS")["identifier"]!.GetValue<string>();
        const string renewed = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
        var report = await ImportAsync(database.Target, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(first).Replace(old, renewed, StringComparison.Ordinal)));
        Assert.True(report.Ok, Problems(report));
        Assert.Equal(1, report.ExactMatches);
        var package = JsonNode.Parse(await ExportAsync(database.Target))!;
        Assert.Contains(package["CFAssociations"]!.AsArray(), a => a!["associationType"]!.GetValue<string>() == "exactMatchOf"
            && a["originNodeURI"]!["identifier"]!.GetValue<string>() == renewed && a["destinationNodeURI"]!["identifier"]!.GetValue<string>() == old);
        Assert.Equal(renewed, Items(package, "Competency").Single(i => i["humanCodingScheme"]!.GetValue<string>() == "COMMS")["identifier"]!.GetValue<string>());
    }

    static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!;
    }

    static void IsStatus(JsonNode body, string codeMinor)
    {
        Assert.Equal("failure", body["imsx_codeMajor"]!.GetValue<string>());
        Assert.Equal("error", body["imsx_severity"]!.GetValue<string>());
        Assert.Equal(codeMinor, body["imsx_codeMinor"]!["imsx_codeMinorField"]![0]!["imsx_codeMinorFieldValue"]!.GetValue<string>());
    }

    [Theory, ProviderApps]
    public async Task The_read_api_answers_anyone_signed_in_and_a_case_token_and_refuses_everyone_else(TestApp app)
    {
        const string root = "/ims/case/v1p1";
        var employee = await app.SignedInAsync(AppRoles.Employee);
        var documents = await JsonAsync(await employee.GetAsync($"{root}/CFDocuments", Ct), HttpStatusCode.OK);
        var document = documents["CFDocuments"]![0]!;
        var id = document["identifier"]!.GetValue<string>();
        Assert.EndsWith($"{root}/CFPackages/{id}", document["CFPackageURI"]!["uri"]!.GetValue<string>(), StringComparison.Ordinal);

        var package = await JsonAsync(await employee.GetAsync($"{root}/CFPackages/{id}", Ct), HttpStatusCode.OK);
        Assert.Empty(SchemaProblems(Bytes(package)));
        var comms = Items(package, "Competency").Single(i => i["humanCodingScheme"]!.GetValue<string>() == "COMMS");
        var item = await JsonAsync(await employee.GetAsync($"{root}/CFItems/{comms["identifier"]}", Ct), HttpStatusCode.OK);
        Assert.Equal("COMMS", item["humanCodingScheme"]!.GetValue<string>());
        Assert.Equal(id, item["CFDocumentURI"]!["identifier"]!.GetValue<string>());
        var first = package["CFAssociations"]![0]!;
        var association = await JsonAsync(await employee.GetAsync($"{root}/CFAssociations/{first["identifier"]}", Ct), HttpStatusCode.OK);
        Assert.Equal(first["associationType"]!.GetValue<string>(), association["associationType"]!.GetValue<string>());
        Assert.Equal(id, association["CFDocumentURI"]!["identifier"]!.GetValue<string>());

        IsStatus(await JsonAsync(await employee.GetAsync($"{root}/CFItems/{CaseIdentifiers.Of(id, "nothing")}", Ct), HttpStatusCode.NotFound), "unknownobject");
        IsStatus(await JsonAsync(await employee.GetAsync($"{root}/CFAssociations/{CaseIdentifiers.Of(id, "nothing")}", Ct), HttpStatusCode.NotFound), "unknownobject");
        IsStatus(await JsonAsync(await employee.GetAsync($"{root}/CFPackages/{comms["identifier"]}", Ct), HttpStatusCode.NotFound), "unknownobject");
        IsStatus(await JsonAsync(await employee.GetAsync($"{root}/CFItems/COMMS", Ct), HttpStatusCode.NotFound), "invalid_uuid");

        // No credentials: 401 in CASE's own words, never a redirect to the sign-in page.
        var anonymous = app.Client(followRedirects: false);
        IsStatus(await JsonAsync(await anonymous.GetAsync($"{root}/CFDocuments", Ct), HttpStatusCode.Unauthorized), "unauthorised_request");

        // A system holding a CASE token HR issued reads it; that token opens nothing else, and a SCIM token does not open CASE.
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var issued = await (await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name = "Learning system", scope = "case" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var secret = issued!["token"]!.GetValue<string>();
        Assert.StartsWith("cmcase_", secret, StringComparison.Ordinal);
        var lms = app.Client();
        lms.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await JsonAsync(await lms.GetAsync($"{root}/CFDocuments", Ct), HttpStatusCode.OK);
        await JsonAsync(await lms.GetAsync($"{root}/CFPackages/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lms.GetAsync("/api/roles", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await lms.GetAsync("/scim/v2/Users", Ct)).StatusCode);
        var scimToken = (await (await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name = "Workday" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct))!["token"]!.GetValue<string>();
        var hris = app.Client();
        hris.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", scimToken);
        IsStatus(await JsonAsync(await hris.GetAsync($"{root}/CFDocuments", Ct), HttpStatusCode.Unauthorized), "unauthorised_request");
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name = "x", scope = "everything" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await hr.DeleteAsync($"/api/provisioning/tokens/{issued["id"]}", Ct)).StatusCode);
        IsStatus(await JsonAsync(await lms.GetAsync($"{root}/CFDocuments", Ct), HttpStatusCode.Unauthorized), "unauthorised_request");

        // A person signed in with the page cookie reads it too.
        var browser = await app.BrowserAsync(AppRoles.Employee);
        await JsonAsync(await browser.GetAsync($"{root}/CFDocuments", Ct), HttpStatusCode.OK);
    }

    [Theory, ProviderApps]
    public async Task HR_downloads_the_package_and_checks_and_imports_it_on_the_exchange_page(TestApp app)
    {
        var hr = await app.BrowserAsync(AppRoles.HrAdmin);
        var page = await hr.GetStringAsync("/admin/framework", Ct);
        Assert.Contains("CASE 1.1", page, StringComparison.Ordinal);
        var download = await hr.GetAsync("/admin/framework?handler=Download", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var package = await download.Content.ReadAsByteArrayAsync(Ct);
        Assert.Empty(SchemaProblems(package));

        async Task<string> UploadAsync(byte[] bytes, bool dryRun)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Forms.AntiforgeryToken(page)), "__RequestVerificationToken" },
                { new StringContent(dryRun ? "true" : "false"), "dryRun" },
                { new ByteArrayContent(bytes), "Upload", "riverbend-case.json" },
            };
            var response = await hr.PostAsync("/admin/framework", form, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(Ct);
        }
        Assert.Contains("riverbend-case.json can be imported.", await UploadAsync(package, dryRun: true), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseRecords.CountAsync(Ct)));
        Assert.Contains("riverbend-case.json matches the competencies as they are.", await UploadAsync(package, dryRun: false), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.CaseRecords.CountAsync(Ct)) > 100);
        var broken = WebUtility.HtmlDecode(await UploadAsync(package[..100], dryRun: false));
        Assert.Contains("problem(s); nothing was imported.", broken, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", broken, StringComparison.Ordinal);

        var employee = await app.BrowserAsync(AppRoles.Employee);
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/admin/framework", Ct)).StatusCode);
    }
}

/// <summary>`careermap export case` and `import case`, in-process as a user would call them (serial: the console is shared).</summary>
[Collection(nameof(ConsoleBound))]
public sealed class CliCaseTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("careermap-case-").FullName;
    string Db => $"Data Source={Path.Combine(folder, "cli.db")};Pooling=False";
    string File(string name) => Path.Combine(folder, name);

    [Fact]
    public async Task Export_case_writes_a_package_that_import_case_checks_and_a_bad_one_exits_1()
    {
        Assert.Equal(0, await CareerMapCli.RunAsync(["seed", "--db", Db]));
        Assert.Equal(0, await CareerMapCli.RunAsync(["export", "case", File("case.json"), "--db", Db]));
        var package = await System.IO.File.ReadAllBytesAsync(File("case.json"), TestContext.Current.CancellationToken);
        using (var json = JsonDocument.Parse(package)) Assert.Empty(CaseSchema.Check(json.RootElement, EnglishWords.Instance));
        Assert.Equal(0, await CareerMapCli.RunAsync(["import", "case", File("case.json"), "--dry-run", "--db", Db]));
        Assert.Equal(0, await CareerMapCli.RunAsync(["import", "case", File("case.json"), "--db", Db]));
        await System.IO.File.WriteAllTextAsync(File("bad.json"), """{"CFItems": []}""", TestContext.Current.CancellationToken);
        Assert.Equal(1, await CareerMapCli.RunAsync(["import", "case", File("bad.json"), "--db", Db]));
        Assert.Equal(1, await CareerMapCli.RunAsync(["import", "case", File("missing.json"), "--db", Db]));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
