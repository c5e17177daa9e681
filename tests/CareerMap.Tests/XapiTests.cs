using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>
/// The learning system's statements (xAPI 1.0.3) arrive as evidence: checked whole against the specification, each refused
/// statement named with its place and reason, matched to people by e-mail or employee number, linked to the plan action
/// whose activity they are about, and never turned into a rating.
/// </summary>
public sealed class XapiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Course = "https://learning.riverbend.example/course/deescalation-101";
    static readonly Guid Completed = Guid.Parse("6b1e7c4a-2f0d-4c8e-9a51-3d7f0e2b9c41");

    static JsonObject Statement(JsonObject actor, string verb = "http://adlnet.gov/expapi/verbs/completed", string activity = Course) => new()
    {
        ["actor"] = actor,
        ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en-US"] = verb.Split('/')[^1] } },
        ["object"] = new JsonObject
        {
            ["id"] = activity, ["objectType"] = "Activity",
            ["definition"] = new JsonObject { ["name"] = new JsonObject { ["en-US"] = "De-escalation 101" } },
        },
    };

    static JsonObject Mbox(string email) => new() { ["mbox"] = $"mailto:{email}", ["name"] = "Learner", ["objectType"] = "Agent" };

    static async Task<HttpClient> LearningSystemAsync(TestApp app, string scope = "xapi")
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var issued = await (await hr.PostAsJsonAsync("/api/provisioning/tokens", new { name = "Moodle", scope }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var lms = app.Client(followRedirects: false);
        // What Moodle's logstore_xapi and most LMS plugins send: Basic, the key as user name and the secret as password.
        lms.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"moodle:{issued!["token"]}")));
        lms.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        return lms;
    }

    static Task<HttpResponseMessage> PostAsync(HttpClient client, JsonNode body) =>
        client.PostAsync("/xapi/statements", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), Ct);

    [Theory, ProviderApps]
    public async Task A_batch_is_checked_whole_and_its_statements_become_evidence_on_the_person_and_their_plan_action(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var (email, peerEmail) = await app.WithDbAsync(async db => (
            await db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Email).SingleAsync(),
            await db.Employees.Where(e => e.EmployeeNumber == cast.Peer).Select(e => e.Email).SingleAsync()));
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var planUrl = $"/api/employees/{cast.Employee}/plan";
        var plan = await (await me.PostAsJsonAsync(planUrl, new { targetRole = "CC-REP-SR" }, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var actions = plan!["actions"]!.AsArray().Select(a => a!.AsObject().DeepClone().AsObject()).ToList();
        actions[0]["activity"] = "javascript:alert(1)";
        var refusedLink = await me.PutAsJsonAsync(planUrl, new { actions }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refusedLink.StatusCode);
        Assert.Contains("actions[0].activity", await refusedLink.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        actions[0]["activity"] = Course;
        var edited = await me.PutAsJsonAsync(planUrl, new { actions }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var action = actions[0]["description"]!.GetValue<string>();
        Assert.Equal(Course, (await edited.Content.ReadFromJsonAsync<JsonObject>(Ct))!["actions"]![0]!["activity"]!.GetValue<string>());
        var ratingsBefore = await app.WithDbAsync(db => db.Assessments.CountAsync());

        var lms = await LearningSystemAsync(app);
        var completed = Statement(Mbox(email.ToUpperInvariant()));
        completed["id"] = Completed.ToString();
        completed["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 0.92, ["raw"] = 92, ["min"] = 0, ["max"] = 100 }, ["success"] = true, ["completion"] = true, ["duration"] = "PT1H30M" };
        completed["timestamp"] = "2026-10-28T15:04:00-05:00";
        var attempted = Statement(new JsonObject { ["account"] = new JsonObject { ["homePage"] = "https://learning.riverbend.example", ["name"] = cast.Peer } },
            "http://adlnet.gov/expapi/verbs/attempted", "https://learning.riverbend.example/course/hipaa-basics");

        var noVerb = Statement(Mbox(email));
        noVerb.Remove("verb");
        var twoIds = Statement(new JsonObject { ["mbox"] = $"mailto:{email}", ["account"] = new JsonObject { ["homePage"] = "https://x.example", ["name"] = cast.Employee } });
        var notMailto = Statement(new JsonObject { ["mbox"] = email });
        var overScaled = Statement(Mbox(email));
        overScaled["result"] = new JsonObject { ["score"] = new JsonObject { ["scaled"] = 1.5 } };
        var stranger = Statement(Mbox("nobody@elsewhere.example"));
        var nulled = Statement(Mbox(email));
        nulled["context"] = null;
        var group = Statement(new JsonObject { ["objectType"] = "Group", ["member"] = new JsonArray(Mbox(email)) });
        var aboutAnAgent = Statement(Mbox(email));
        aboutAnAgent["object"] = Mbox(peerEmail);
        aboutAnAgent["object"]!["objectType"] = "Agent";
        var relativeVerb = Statement(Mbox(email), verb: "completed");
        var badTime = Statement(Mbox(email));
        badTime["timestamp"] = "yesterday";

        var refused = await PostAsync(lms, new JsonArray(completed.DeepClone(), attempted.DeepClone(), noVerb, twoIds, notMailto, overScaled, stranger, nulled, group, aboutAnAgent, relativeVerb, badTime));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        string Reason(string place) => Assert.IsType<JsonArray>(errors[place], exactMatch: false)[0]!.GetValue<string>();
        Assert.Contains("needs a verb", Reason("statements[2].verb"), StringComparison.Ordinal);
        Assert.Contains("exactly one of mbox, mbox_sha1sum, openid or account", Reason("statements[3].actor"), StringComparison.Ordinal);
        Assert.Contains("mailto:", Reason("statements[4].actor.mbox"), StringComparison.Ordinal);
        Assert.Contains("from -1 to 1", Reason("statements[5].result.score.scaled"), StringComparison.Ordinal);
        Assert.Contains("nobody@elsewhere.example", Reason("statements[6].actor"), StringComparison.Ordinal);
        Assert.Contains("may not be null", Reason("statements[7].context"), StringComparison.Ordinal);
        Assert.Contains("a group", Reason("statements[8].actor.objectType"), StringComparison.Ordinal);
        Assert.Contains("this object is a Agent", Reason("statements[9].object.objectType"), StringComparison.Ordinal);
        Assert.Contains("absolute IRI", Reason("statements[10].verb.id"), StringComparison.Ordinal);
        Assert.Contains("ISO 8601", Reason("statements[11].timestamp"), StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Key.StartsWith("statements[0]", StringComparison.Ordinal) || e.Key.StartsWith("statements[1]", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.LearningRecords.CountAsync()));

        var stored = await PostAsync(lms, new JsonArray(completed.DeepClone(), attempted.DeepClone()));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("1.0.3", stored.Headers.GetValues("X-Experience-API-Version").Single());
        var ids = (await stored.Content.ReadFromJsonAsync<Guid[]>(Ct))!;
        Assert.Equal(2, ids.Length);
        Assert.Equal(Completed, ids[0]);

        // The manager reads it on the person, beside the plan action whose activity it is; the peer's is on the peer.
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var learning = Assert.Single((await manager.GetFromJsonAsync<JsonArray>($"/api/employees/{cast.Employee}/learning", Ct))!);
        Assert.Equal(("completed", "De-escalation 101", 92, true, action), (learning!["verbText"]!.GetValue<string>(), learning["activityName"]!.GetValue<string>(),
            learning["percent"]!.GetValue<int>(), learning["success"]!.GetValue<bool>(), learning["planAction"]!.GetValue<string>()));
        Assert.Equal(new DateTime(2026, 10, 28, 20, 4, 0, DateTimeKind.Utc), learning["at"]!.GetValue<DateTime>().ToUniversalTime());
        var peers = Assert.Single((await manager.GetFromJsonAsync<JsonArray>($"/api/employees/{cast.Peer}/learning", Ct))!);
        Assert.Equal(ids[1], peers!["id"]!.GetValue<Guid>());
        var outsider = await app.SignedInAsync(AppRoles.Manager, cast.OtherManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/employees/{cast.Employee}/learning", Ct)).StatusCode);

        // Evidence, never a rating.
        Assert.Equal(ratingsBefore, await app.WithDbAsync(db => db.Assessments.CountAsync()));
        Assert.Contains("De-escalation 101", await me.GetStringAsync($"/plans/{cast.Employee}", Ct), StringComparison.Ordinal);
        var assess = await manager.GetStringAsync($"/people/{cast.Employee}/assess", Ct);
        Assert.Contains("From the learning system", assess, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(action), assess, StringComparison.Ordinal);

        // A retry after a lost answer is kept once; another statement under a taken id is a 409.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(lms, completed.DeepClone())).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.LearningRecords.CountAsync()));
        var impostor = Statement(Mbox(email), activity: "https://learning.riverbend.example/course/other");
        impostor["id"] = Completed.ToString();
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(lms, impostor)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task Only_a_learning_system_holding_an_xapi_token_and_speaking_xapi_1_0_may_send(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var email = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Email).SingleAsync());
        var statement = Statement(Mbox(email));

        var about = await app.Client().GetFromJsonAsync<JsonObject>("/xapi/about", Ct);
        Assert.Contains("1.0.3", about!["version"]!.AsArray().Select(v => v!.GetValue<string>()));

        var anonymous = app.Client(followRedirects: false);
        anonymous.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var unsigned = await PostAsync(anonymous, statement);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.StartsWith("Basic", unsigned.Headers.WwwAuthenticate.Single().Scheme, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(await LearningSystemAsync(app, scope: "case"), statement)).StatusCode);
        var employee = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        employee.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(employee, statement)).StatusCode);

        var lms = await LearningSystemAsync(app);
        lms.DefaultRequestHeaders.Remove("X-Experience-API-Version");
        var unversioned = await PostAsync(lms, statement);
        Assert.Equal(HttpStatusCode.BadRequest, unversioned.StatusCode);
        Assert.Contains("X-Experience-API-Version", await unversioned.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        lms.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        Assert.Equal(HttpStatusCode.BadRequest, (await lms.PostAsync("/xapi/statements", new StringContent("{not json", Encoding.UTF8, "application/json"), Ct)).StatusCode);

        // PUT stores one statement under the id in the query, and refuses a body naming another.
        var id = Guid.NewGuid();
        var put = await lms.PutAsync($"/xapi/statements?statementId={id}", new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        Assert.Equal(id, await app.WithDbAsync(db => db.LearningRecords.Select(r => r.StatementId).SingleAsync()));
        statement["id"] = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await lms.PutAsync($"/xapi/statements?statementId={id}", new StringContent(statement.ToJsonString(), Encoding.UTF8, "application/json"), Ct)).StatusCode);
        Assert.Equal("Moodle", await app.WithDbAsync(db => db.LearningRecords.Select(r => r.Source).SingleAsync()));
    }
}
