using System.Net;
using System.Net.Http.Json;
using CareerMap.Access;
using CareerMap.Accounts;
using CareerMap.Infrastructure;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CareerMap.Tests;

/// <summary>Every API endpoint, called as every kind of caller, against the demo employee.</summary>
public sealed class AccessMatrixTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    enum Caller { Anonymous, Self, Peer, Manager, SkipLevel, OtherManager, HrAdmin }

    const HttpStatusCode Ok = HttpStatusCode.OK, No = HttpStatusCode.Forbidden, Anon = HttpStatusCode.Unauthorized;

    // Self, Peer, Manager, SkipLevel, OtherManager, HrAdmin; anonymous callers always get 401.
    static readonly (string Name, HttpMethod Method, string Path, object? Body, HttpStatusCode[] Expected)[] Endpoints =
    [
        ("profile", HttpMethod.Get, "/api/employees/{e}", null, [Ok, No, Ok, Ok, No, Ok]),
        ("assessments", HttpMethod.Get, "/api/employees/{e}/assessments", null, [Ok, No, Ok, Ok, No, Ok]),
        ("rate", HttpMethod.Post, "/api/employees/{e}/assessments", new { competency = "COMMS", level = 3 }, [HttpStatusCode.Created, No, HttpStatusCode.Created, HttpStatusCode.Created, No, No]),
        ("readiness", HttpMethod.Get, "/api/employees/{e}/readiness?role=CC-REP-SR", null, [Ok, No, Ok, Ok, No, Ok]),
        ("recommendations", HttpMethod.Get, "/api/employees/{e}/recommendations", null, [Ok, No, Ok, Ok, No, Ok]),
        ("routes for a person", HttpMethod.Get, "/api/paths?from=CC-REP-2&to=CC-REP-SR&employee={e}", null, [Ok, No, Ok, Ok, No, Ok]),
        ("plan", HttpMethod.Get, "/api/employees/{e}/plan", null, [Ok, No, Ok, Ok, No, Ok]),
        ("edit plan", HttpMethod.Put, "/api/employees/{e}/plan", new { education = "Associate degree" }, [Ok, No, No, No, No, No]),
        ("plan note", HttpMethod.Post, "/api/employees/{e}/plan/notes", new { kind = "comment", text = "Noted" }, [Ok, No, Ok, Ok, No, No]),
        ("interests", HttpMethod.Get, "/api/employees/{e}/interests", null, [Ok, No, Ok, Ok, No, Ok]),
        ("mark an interest", HttpMethod.Put, "/api/employees/{e}/interests/CC-REP-SR", new { note = "Coaching" }, [Ok, No, No, No, No, No]),
        ("unmark an interest", HttpMethod.Delete, "/api/employees/{e}/interests/CC-REP-SR", null, [HttpStatusCode.NoContent, No, No, No, No, No]),
        ("credentials", HttpMethod.Get, "/api/employees/{e}/credentials", null, [Ok, No, Ok, Ok, No, Ok]),
        ("record a credential", HttpMethod.Put, "/api/employees/{e}/credentials/Certified Pharmacy Technician", new { kind = "certification", expiresOn = "2027-06-30" }, [No, No, No, No, No, Ok]),
        ("remove a credential", HttpMethod.Delete, "/api/employees/{e}/credentials/Certified Pharmacy Technician", null, [No, No, No, No, No, HttpStatusCode.NoContent]),
        ("badges", HttpMethod.Get, "/api/employees/{e}/badges", null, [Ok, No, Ok, Ok, No, Ok]),
        ("issue a badge", HttpMethod.Post, "/api/employees/{e}/badges", new { competency = "NO-SUCH", level = 1 }, [HttpStatusCode.BadRequest, No, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, No, HttpStatusCode.BadRequest]),
        ("one badge", HttpMethod.Get, "/api/employees/{e}/badges/6b1e7c4a-2f0d-4c8e-9a51-3d7f0e2b9c41", null, [HttpStatusCode.NotFound, No, HttpStatusCode.NotFound, HttpStatusCode.NotFound, No, HttpStatusCode.NotFound]),
        ("expiring credentials", HttpMethod.Get, "/api/credentials/expiring?days=90", null, [No, No, No, No, No, Ok]),
        ("candidates", HttpMethod.Get, "/api/roles/CC-REP-SR/candidates", null, [No, No, Ok, Ok, Ok, Ok]),
        ("roster import", HttpMethod.Post, "/api/employees/import", null, [No, No, No, No, No, HttpStatusCode.BadRequest]),
        ("framework write", HttpMethod.Post, "/api/units", new { code = "X1", name = "X" }, [No, No, No, No, No, HttpStatusCode.Created]),
        ("framework update", HttpMethod.Put, "/api/grades/103", new { code = "103", name = "Grade 103", rank = 103 }, [No, No, No, No, No, Ok]),
        ("framework delete", HttpMethod.Delete, "/api/strategies/ONLINE", null, [No, No, No, No, No, HttpStatusCode.NoContent]),
        ("organization", HttpMethod.Get, "/api/organization", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("list roles", HttpMethod.Get, "/api/roles", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("one competency", HttpMethod.Get, "/api/competencies/COMMS", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("requirement", HttpMethod.Get, "/api/requirements/CC-REP-1/COMMS", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("career map", HttpMethod.Get, "/api/career-map", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("role moves", HttpMethod.Get, "/api/roles/CC-REP-1/moves", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("routes", HttpMethod.Get, "/api/paths?from=CC-REP-1&to=CC-MGR", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("people list", HttpMethod.Get, "/api/employees", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("overdue plans", HttpMethod.Get, "/api/plans/overdue", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("plan status", HttpMethod.Post, "/api/employees/{e}/plan/status", new { to = "submitted" }, [Ok, No, HttpStatusCode.Conflict, HttpStatusCode.Conflict, No, No]),
        ("audit", HttpMethod.Get, "/api/audit", null, [No, No, No, No, No, Ok]),
        ("audit export", HttpMethod.Get, "/api/audit/export.csv", null, [No, No, No, No, No, Ok]),
        ("me", HttpMethod.Get, "/api/auth/me", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("provisioning tokens", HttpMethod.Get, "/api/provisioning/tokens", null, [No, No, No, No, No, Ok]),
        ("issue token", HttpMethod.Post, "/api/provisioning/tokens", new { name = "HRIS" }, [No, No, No, No, No, HttpStatusCode.Created]),
        ("revoke token", HttpMethod.Delete, "/api/provisioning/tokens/999999", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("title aliases", HttpMethod.Get, "/api/provisioning/title-aliases", null, [No, No, No, No, No, Ok]),
        ("set title alias", HttpMethod.Put, "/api/provisioning/title-aliases", new { title = "Rep", role = "CC-REP-1" }, [No, No, No, No, No, Ok]),
        ("remove title alias", HttpMethod.Delete, "/api/provisioning/title-aliases/999999", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("parse a job description", HttpMethod.Post, "/api/job-descriptions/parse", null, [No, No, No, No, No, HttpStatusCode.BadRequest]),
        ("store a job description", HttpMethod.Post, "/api/job-descriptions", null, [No, No, No, No, No, HttpStatusCode.BadRequest]),
        ("job description versions", HttpMethod.Get, "/api/job-descriptions", null, [No, No, No, No, No, Ok]),
        ("one job description", HttpMethod.Get, "/api/job-descriptions/999999", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("confirm links", HttpMethod.Post, "/api/job-descriptions/999999/confirm", new { links = Array.Empty<object>() }, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("add a proposed role", HttpMethod.Post, "/api/job-descriptions/999999/role", new { code = "X" }, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("job description diff", HttpMethod.Get, "/api/job-descriptions/diff?from=1&to=2", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("compare roles", HttpMethod.Get, "/api/job-descriptions/compare?junior=CC-REP-1&senior=CC-REP-SR", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("export markdown", HttpMethod.Get, "/api/job-descriptions/999999/export.md", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("export word", HttpMethod.Get, "/api/job-descriptions/999999/export.docx", null, [No, No, No, No, No, HttpStatusCode.NotFound]),
        ("waiting users", HttpMethod.Get, "/api/provisioning/waiting", null, [No, No, No, No, No, Ok]),
        ("case documents", HttpMethod.Get, "/ims/case/v1p1/CFDocuments", null, [Ok, Ok, Ok, Ok, Ok, Ok]),
        ("case import", HttpMethod.Post, "/api/framework/case", null, [No, No, No, No, No, HttpStatusCode.BadRequest]),
        // SCIM takes provisioning tokens only: no person's sign-in, HR admin's included, provisions anyone.
        ("scim list", HttpMethod.Get, "/scim/v2/Users", null, [Anon, Anon, Anon, Anon, Anon, Anon]),
        ("scim create", HttpMethod.Post, "/scim/v2/Users", new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = "x" }, [Anon, Anon, Anon, Anon, Anon, Anon]),
        ("scim read", HttpMethod.Get, "/scim/v2/Users/1", null, [Anon, Anon, Anon, Anon, Anon, Anon]),
        ("scim replace", HttpMethod.Put, "/scim/v2/Users/1", new { userName = "x" }, [Anon, Anon, Anon, Anon, Anon, Anon]),
        ("scim patch", HttpMethod.Patch, "/scim/v2/Users/1", new { Operations = Array.Empty<object>() }, [Anon, Anon, Anon, Anon, Anon, Anon]),
        ("scim delete", HttpMethod.Delete, "/scim/v2/Users/1", null, [Anon, Anon, Anon, Anon, Anon, Anon]),
        ("scim search", HttpMethod.Post, "/scim/v2/Users/.search", new { filter = "userName pr" }, [Anon, Anon, Anon, Anon, Anon, Anon]),
    ];

    [Theory, ProviderApps]
    public async Task Every_endpoint_answers_each_caller_as_the_access_rules_say(TestApp app)
    {
        var c = await Cast.LoadAsync(app);
        var cast = new Dictionary<Caller, string?> { [Caller.Self] = c.Employee, [Caller.Peer] = c.Peer, [Caller.Manager] = c.Manager, [Caller.SkipLevel] = c.SkipLevel, [Caller.OtherManager] = c.OtherManager, [Caller.HrAdmin] = null };
        var employee = cast[Caller.Self]!;
        var clients = new Dictionary<Caller, HttpClient> { [Caller.Anonymous] = app.Client(followRedirects: false) };
        foreach (var (caller, number) in cast)
            clients[caller] = await app.SignedInAsync(caller switch { Caller.HrAdmin => AppRoles.HrAdmin, Caller.Self or Caller.Peer => AppRoles.Employee, _ => AppRoles.Manager }, number);
        Assert.Equal(HttpStatusCode.Created, (await clients[Caller.Self].PostAsJsonAsync($"/api/employees/{employee}/plan", new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);

        var failures = new List<string>();
        foreach (var (name, method, path, body, expected) in Endpoints)
        {
            var callers = new[] { Caller.Self, Caller.Peer, Caller.Manager, Caller.SkipLevel, Caller.OtherManager, Caller.HrAdmin };
            foreach (var (caller, want) in callers.Zip(expected).Prepend((Caller.Anonymous, Anon)))
            {
                using var request = new HttpRequestMessage(method, path.Replace("{e}", employee, StringComparison.Ordinal));
                if (body is not null) request.Content = JsonContent.Create(body);
                else if (method == HttpMethod.Post) request.Content = new MultipartFormDataContent();
                if (method == HttpMethod.Put || method == HttpMethod.Delete) request.Headers.TryAddWithoutValidation("If-Match", "*");
                var got = (await clients[caller].SendAsync(request, Ct)).StatusCode;
                if (got != want) failures.Add($"{name} as {caller}: expected {(int)want}, got {(int)got}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>An endpoint added later under a person's route, with no check of its own, is still refused to whoever may not see that person.</summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_new_person_endpoint_without_its_own_check_is_still_refused_to_a_stranger(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = await TestApp.StartAsync(database, extend: web =>
        {
            web.MapGet("/api/employees/{number}/secret", (string number) => TypedResults.Ok(new { number, secret = "salary band" })).RequireAuthorization();
            web.MapPost("/api/employees/{number}/secret", (string number) => TypedResults.Ok()).RequireAuthorization().ForRelations(Relation.Self);
        });
        var c = await Cast.LoadAsync(app);
        var peer = await app.SignedInAsync(AppRoles.Employee, c.Peer);
        var otherManager = await app.SignedInAsync(AppRoles.Manager, c.OtherManager);
        var manager = await app.SignedInAsync(AppRoles.Manager, c.Manager);
        var self = await app.SignedInAsync(AppRoles.Employee, c.Employee);

        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync($"/api/employees/{c.Employee}/secret", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.GetAsync($"/api/employees/{c.Employee}/secret", Ct)).StatusCode);
        Assert.DoesNotContain("salary", await (await peer.GetAsync($"/api/employees/{c.Employee}/secret", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // A number nobody has looks like a stranger's, so nobody but HR can probe which numbers exist.
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync("/api/employees/NO-SUCH-PERSON/secret", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/employees/NO-SUCH-PERSON/secret", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync(AppRoles.HrAdmin)).GetAsync("/api/employees/NO-SUCH-PERSON/secret", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/employees/{c.Employee}/secret", Ct)).StatusCode);
        // An endpoint that declares whom it serves is held to that, too: the manager may read but not act as the person.
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/employees/{c.Employee}/secret", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await self.PostAsync($"/api/employees/{c.Employee}/secret", null, Ct)).StatusCode);
    }
}
