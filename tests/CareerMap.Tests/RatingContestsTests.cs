using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class RatingContestsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Theory, ProviderApps]
    public async Task A_person_contests_a_managers_rating_the_manager_changes_it_and_both_sides_are_kept(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var skip = await app.SignedInAsync(AppRoles.Manager, cast.SkipLevel);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var rated = await BodyAsync(await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments",
            new { competency = "COMMS", level = 2, evidence = "Two callbacks missed in October" }, Ct));
        var ratingId = rated.GetProperty("id").GetInt64();
        var own = (await BodyAsync(await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 4 }, Ct))).GetProperty("id").GetInt64();
        var contest = $"/api/employees/{cast.Employee}/assessments/{ratingId}/contest";

        // Refused with the reason: a rating of one's own, no comment, someone else's rating, someone else contesting.
        var selfRating = await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments/{own}/contest", new { comment = "I disagree with myself" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, selfRating.StatusCode);
        Assert.Contains("only a manager's rating can be contested", (await BodyAsync(selfRating)).GetProperty("errors").GetProperty("assessment")[0].GetString());
        var empty = await me.PostAsJsonAsync(contest, new { comment = "  " }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await BodyAsync(empty)).GetProperty("errors").TryGetProperty("comment", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsJsonAsync(contest, new { comment = new string('x', 1001) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync(contest, new { comment = "on their behalf" }, Ct)).StatusCode);
        var peer = await app.SignedInAsync(AppRoles.Employee, cast.Peer);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.PostAsJsonAsync(contest, new { comment = "not mine" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await peer.GetAsync($"/api/employees/{cast.Employee}/contests", Ct)).StatusCode);

        var opened = await me.PostAsJsonAsync(contest, new { comment = "Both callbacks were rescheduled by the member; the notes show it." }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var open = await BodyAsync(opened);
        Assert.Equal(("COMMS", 2, "Two callbacks missed in October", 0, JsonValueKind.Null), (open.GetProperty("competency").GetString(), open.GetProperty("level").GetInt32(),
            open.GetProperty("evidence").GetString(), open.GetProperty("daysOpen").GetInt32(), open.GetProperty("answeredOn").ValueKind));
        Assert.Equal(HttpStatusCode.BadRequest, (await me.PostAsJsonAsync(contest, new { comment = "and again" }, Ct)).StatusCode);

        // The manager is asked at once; their manager only once it has waited over 14 days; HR always.
        static async Task<List<int>> WaitingAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/contests/waiting", Ct)).EnumerateArray().Select(c => c.GetProperty("id").GetInt32())];
        var id = open.GetProperty("id").GetInt32();
        Assert.Equal([id], await WaitingAsync(manager));
        Assert.DoesNotContain(id, await WaitingAsync(skip));
        Assert.Contains(id, await WaitingAsync(hr));
        Assert.Empty(await WaitingAsync(me));
        await app.WithDbAsync(db => db.RatingContests.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OpenedOn, TestClock.Today.AddDays(-15)), Ct));
        Assert.Contains(id, await WaitingAsync(skip));
        Assert.Equal(15, (await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/contests", Ct))[0].GetProperty("daysOpen").GetInt32());

        // The answer: refused without a known outcome or with the same level; then changed to 3, a new rating with the answer as its evidence.
        var answer = $"/api/employees/{cast.Employee}/contests/{id}/answer";
        Assert.Equal(HttpStatusCode.Forbidden, (await me.PostAsJsonAsync(answer, new { outcome = "kept", answer = "I'll keep it" }, Ct)).StatusCode);
        var unknown = await manager.PostAsJsonAsync(answer, new { outcome = "maybe", answer = "Let me think" }, Ct);
        Assert.True((await BodyAsync(unknown)).GetProperty("errors").TryGetProperty("outcome", out _));
        var same = await manager.PostAsJsonAsync(answer, new { outcome = "changed", level = 2, answer = "Same" }, Ct);
        Assert.True((await BodyAsync(same)).GetProperty("errors").TryGetProperty("level", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/contests/{id + 100}/answer", new { outcome = "kept", answer = "x" }, Ct)).StatusCode);
        var changed = await manager.PostAsJsonAsync(answer, new { outcome = "changed", level = 3, answer = "The notes bear it out: rescheduled by the member." }, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var done = await BodyAsync(changed);
        Assert.Equal(("changed", 3, TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), (done.GetProperty("outcome").GetString(), done.GetProperty("newLevel").GetInt32(), done.GetProperty("answeredOn").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync(answer, new { outcome = "kept", answer = "Changed my mind" }, Ct)).StatusCode);
        Assert.Empty(await WaitingAsync(manager));
        Assert.DoesNotContain(id, await WaitingAsync(skip));

        // History stays append-only: the contested rating is still there, the new one beside it, and the new one counts.
        var history = await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/assessments", Ct);
        var comms = history.EnumerateArray().Where(a => a.GetProperty("competency").GetString() == "COMMS").ToList();
        Assert.Contains(comms, a => a.GetProperty("id").GetInt64() == ratingId && a.GetProperty("level").GetInt32() == 2);
        Assert.Contains(comms, a => a.GetProperty("level").GetInt32() == 3 && a.GetProperty("source").GetString() == "manager"
            && a.GetProperty("evidence").GetString() == "The notes bear it out: rescheduled by the member.");
        var readiness = await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", Ct);
        Assert.Contains(readiness.GetProperty("competencies").EnumerateArray(), c => c.GetProperty("competency").GetString() == "COMMS" && c.GetProperty("effective").GetInt32() == 3);

        // Both sides are in the audit trail.
        var trail = await hr.GetFromJsonAsync<JsonElement>("/api/audit?entity=RatingContest", Ct);
        Assert.Equal(["modified", "added"], [.. trail.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString())]);
    }

    [Theory, ProviderApps]
    public async Task A_kept_rating_stays_and_counts_and_the_answer_is_the_persons_to_read(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var rated = await BodyAsync(await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "DEESC", level = 2 }, Ct));
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var open = await BodyAsync(await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments/{rated.GetProperty("id").GetInt64()}/contest",
            new { comment = "I handled the escalations alone all month." }, Ct));
        // Someone above the manager may answer too; a kept rating adds no rating.
        var ratings = (await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/assessments", Ct)).GetArrayLength();
        var skip = await app.SignedInAsync(AppRoles.Manager, cast.SkipLevel);
        var kept = await skip.PostAsJsonAsync($"/api/employees/{cast.Employee}/contests/{open.GetProperty("id").GetInt32()}/answer",
            new { outcome = "kept", answer = "Two of them came back the next day; level 2 stands for now." }, Ct);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var mine = (await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/contests", Ct))[0];
        Assert.Equal(("kept", JsonValueKind.Null, "Two of them came back the next day; level 2 stands for now."),
            (mine.GetProperty("outcome").GetString(), mine.GetProperty("newLevel").ValueKind, mine.GetProperty("answer").GetString()));
        Assert.Equal(ratings, (await me.GetFromJsonAsync<JsonElement>($"/api/employees/{cast.Employee}/assessments", Ct)).GetArrayLength());
    }
}
