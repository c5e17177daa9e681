using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class PlansApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task Simultaneous_edits_and_transitions_of_one_plan_answer_409_never_500(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/plan";
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var tabs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SignedInAsync(AppRoles.Employee, cast.Employee)));
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);

        var edits = await Task.WhenAll(tabs.Select((tab, i) => tab.PutAsJsonAsync(url, new { shortTermProfessional = $"Goal typed in tab {i}" }, Ct)));
        var submits = await Task.WhenAll(tabs.Select(tab => tab.PostAsJsonAsync($"{url}/status", new { to = "submitted" }, Ct)));

        foreach (var answer in edits.Concat(submits))
        {
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{answer.RequestMessage!.Method} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(Ct)}");
            if (answer.StatusCode == HttpStatusCode.Conflict) Assert.Equal(409, (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
        }
        Assert.Single(submits, s => s.StatusCode == HttpStatusCode.OK);
        // What was kept is one of the edits that answered 200, whole.
        var kept = (await me.GetFromJsonAsync<JsonElement>(url, Ct)).GetProperty("shortTermProfessional").GetString();
        var succeeded = edits.Select((e, i) => (e, i)).Where(x => x.e.StatusCode == HttpStatusCode.OK).Select(x => $"Goal typed in tab {x.i}").ToList();
        Assert.Contains(kept, succeeded);
    }

    [Theory, ProviderApps]
    public async Task A_plan_is_proposed_from_the_gaps_and_follows_its_status_flow(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/plan";
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);

        Assert.Equal(HttpStatusCode.NotFound, (await me.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);
        var started = await me.PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var plan = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        var readiness = await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        var gaps = readiness.GetProperty("competencies").EnumerateArray().Where(c => c.GetProperty("gap").GetInt32() > 0).Take(3).Select(c => c.GetProperty("competency").GetString()).ToHashSet();
        var actions = plan.GetProperty("actions").EnumerateArray().ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a.GetProperty("competency").GetString(), gaps));
        Assert.Equal(6, plan.GetProperty("reflections").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, (await me.PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);

        var edited = await me.PutAsJsonAsync(url, new { shortTermProfessional = "Join the Senior Team", targetRoles = new[] { "CC-REP-SR", "CI-AN-PM" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await me.PostAsJsonAsync($"{url}/status", new { to = "approved" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync($"{url}/status", new { to = "submitted" }, Ct)).StatusCode);
        var locked = await me.PutAsJsonAsync(url, new { shortTermProfessional = "Changed after submitting" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("can't be edited", await locked.Content.ReadAsStringAsync(Ct));

        var noReason = await manager.PostAsJsonAsync($"{url}/status", new { to = "changes-requested" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        Assert.Contains("comment is required", await noReason.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{url}/status", new { to = "changes-requested", comment = "Add a mid-term goal" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PutAsJsonAsync(url, new { midTermProfessional = "Supervisor in three years" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync($"{url}/status", new { to = "submitted" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{url}/status", new { to = "approved" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync($"{url}/status", new { to = "in-progress" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{url}/notes", new { kind = "check-in", text = "Shadowing done" }, Ct)).StatusCode);
        var done = await (await me.PostAsJsonAsync($"{url}/status", new { to = "completed" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var history = done.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("kind").GetString(), h.GetProperty("to").ValueKind == JsonValueKind.String ? h.GetProperty("to").GetString() : null)).ToList();
        Assert.Equal(["draft", "submitted", "changes-requested", "submitted", "approved", "in-progress", "completed"], history.Where(h => h.Item1 == "status").Select(h => h.Item2));
        Assert.Contains(history, h => h.Item1 == "check-in");
        Assert.Equal("Supervisor in three years", done.GetProperty("midTermProfessional").GetString());
    }

    /// <summary>A plan's actions are rows of their own: an edit of only them still moves the plan's version, the guard against a save racing a submit.</summary>
    [Theory, ProviderApps]
    public async Task Editing_only_a_plans_actions_moves_the_plans_version(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/plan";
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);
        Task<int> Version() => app.WithDbAsync(db => db.Plans.Where(p => p.Employee.EmployeeNumber == cast.Employee).Select(p => p.Version).SingleAsync(Ct));
        var before = await Version();

        var edit = await me.PutAsJsonAsync(url, new { actions = new[] { new { competency = "COMMS", description = "Lead the team huddle twice a month" } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(before + 1, await Version());
    }

    [Theory, ProviderApps]
    public async Task Only_the_owner_their_managers_and_hr_see_a_plan(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/plan";
        await (await app.SignedInAsync(AppRoles.Employee, cast.Employee)).PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct);
        async Task<HttpStatusCode> Read(string role, string? number) => (await (await app.SignedInAsync(role, number)).GetAsync(url, Ct)).StatusCode;
        Assert.Equal(HttpStatusCode.OK, await Read(AppRoles.Manager, cast.Manager));
        Assert.Equal(HttpStatusCode.OK, await Read(AppRoles.Manager, cast.SkipLevel));
        Assert.Equal(HttpStatusCode.OK, await Read(AppRoles.HrAdmin, null));
        Assert.Equal(HttpStatusCode.Forbidden, await Read(AppRoles.Employee, cast.Peer));
        Assert.Equal(HttpStatusCode.Forbidden, await Read(AppRoles.Manager, cast.OtherManager));
        var peer = await app.SignedInAsync(AppRoles.Employee, cast.Peer);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.PutAsJsonAsync(url, new { education = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.PostAsJsonAsync($"{url}/notes", new { kind = "comment", text = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync(AppRoles.HrAdmin)).PostAsJsonAsync($"{url}/status", new { to = "approved" }, Ct)).StatusCode);
    }

    [Theory, ProviderApps]
    public async Task A_plan_waiting_over_14_days_is_flagged_to_the_managers_manager(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var url = $"/api/employees/{cast.Employee}/plan";
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        await me.PostAsJsonAsync(url, new { targetRole = "CC-REP-SR" }, Ct);
        await me.PostAsJsonAsync($"{url}/status", new { to = "submitted" }, Ct);
        var skip = await app.SignedInAsync(AppRoles.Manager, cast.SkipLevel);
        Assert.Equal(0, (await skip.GetFromJsonAsync<JsonElement>("/api/plans/overdue", Ct)).GetArrayLength());
        // The sample's own plans elsewhere in the organization: some of them wait too.
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var elsewhere = (await hr.GetFromJsonAsync<JsonElement>("/api/plans/overdue", Ct)).GetArrayLength();

        await app.WithDbAsync(db => db.Plans.Where(p => p.Employee.EmployeeNumber == cast.Employee)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmittedOn, TestClock.Today.AddDays(-20)), Ct));
        var overdue = await skip.GetFromJsonAsync<JsonElement>("/api/plans/overdue", Ct);
        Assert.Equal(cast.Employee, overdue[0].GetProperty("employeeNumber").GetString());
        Assert.Equal(20, overdue[0].GetProperty("daysWaiting").GetInt32());
        Assert.Equal(0, (await (await app.SignedInAsync(AppRoles.Manager, cast.Manager)).GetFromJsonAsync<JsonElement>("/api/plans/overdue", Ct)).GetArrayLength());
        Assert.Equal(elsewhere + 1, (await hr.GetFromJsonAsync<JsonElement>("/api/plans/overdue", Ct)).GetArrayLength());
    }
}
