using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Notifications;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CareerMap.Tests;

/// <summary>
/// Notifications end to end: what happens (a rating, a contest, a plan moving, a plan waiting, a credential expiring)
/// reaches the person it concerns in their inbox and through a real SMTP server on loopback, in their language.
/// </summary>
public sealed class NotificationsTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Site = "https://careermap.riverbend.example";

    static Task<TestApp> StartAsync(string provider, SmtpBox box) => TestApp.StartAsync(provider, settings: Mail(box));

    static Dictionary<string, string?> Mail(SmtpBox box) => new()
    {
        ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = box.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Security"] = "None",
        ["Mail:From"] = "careermap@riverbend.example", ["Mail:SiteUrl"] = Site,
    };

    static async Task<int> SweepAsync(TestApp app)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NoticeSweep>().RunAsync(Ct);
    }

    static async Task<int> SendAsync(TestApp app, string instance = "test")
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync(instance, Ct);
    }

    static Task<string> EmailOfAsync(TestApp app, string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Email).SingleAsync(Ct));

    static Task<int> IdOfAsync(TestApp app, string number) =>
        app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync(Ct));

    static Task SpeaksAsync(TestApp app, string number, string language) => app.WithDbAsync(async db =>
    {
        var id = await db.Employees.Where(e => e.EmployeeNumber == number).Select(e => e.Id).SingleAsync(Ct);
        return await db.Users.Where(u => u.EmployeeId == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language), Ct);
    });

    static TestClock Clock(TestApp app) => (TestClock)app.App.Services.GetRequiredService<TimeProvider>();

    /// <summary>The one message to this address since the last look, with its text and HTML parts.</summary>
    static MimeMessage Only(SmtpBox box, string to, List<MimeMessage> seen)
    {
        var mine = box.Received.Where(m => !seen.Contains(m) && m.To.Mailboxes.Any(a => a.Address == to)).ToList();
        Assert.True(mine.Count == 1, $"{mine.Count} messages to {to}: {string.Join(" | ", mine.Select(m => m.Subject))}");
        seen.Add(mine[0]);
        Assert.False(string.IsNullOrWhiteSpace(mine[0].TextBody));
        Assert.False(string.IsNullOrWhiteSpace(mine[0].HtmlBody));
        return mine[0];
    }

    static async Task<JsonElement> InboxAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/me/notifications", Ct);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Each_event_reaches_the_person_it_concerns_in_their_inbox_and_by_email_in_their_language(string provider)
    {
        await using var box = await SmtpBox.StartAsync();
        await using var app = await StartAsync(provider, box);
        var cast = await Cast.LoadAsync(app);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        await app.SignedInAsync(AppRoles.Manager, cast.SkipLevel);
        await SpeaksAsync(app, cast.Employee, "es");
        var (myMail, managerMail, skipMail) = (await EmailOfAsync(app, cast.Employee), await EmailOfAsync(app, cast.Manager), await EmailOfAsync(app, cast.SkipLevel));
        var (myName, managerName) = (await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Name).SingleAsync(Ct)),
            await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Manager).Select(e => e.Name).SingleAsync(Ct)));
        // The first sweep starts at the end of what is on record: the sample's past is not news.
        Assert.Equal(0, await SweepAsync(app));
        var seen = box.Received.ToList();

        // A manager's rating: the person hears of it, in Spanish, with a link to their page.
        var rating = (await (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 2, evidence = "Two callbacks missed" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        Assert.True(await SweepAsync(app) >= 1);
        Assert.True(await SendAsync(app) >= 1);
        var rated = Only(box, myMail, seen);
        Assert.Equal($"{managerName} calificó su competencia Communication en el nivel 2.", rated.Subject);
        Assert.Contains($"{Site}/people/{cast.Employee}", rated.TextBody);
        Assert.Contains($"href=\"{Site}/people/{cast.Employee}\"", rated.HtmlBody);
        Assert.Contains($"{Site}/me/notifications", rated.TextBody);
        Assert.Equal("es", rated.Body!.Headers[HeaderId.ContentLanguage]);

        // Contested: the manager hears of it in English; answered: the person, in Spanish.
        var contest = await (await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments/{rating}/contest", new { comment = "The member rescheduled both." }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        await SweepAsync(app);
        await SendAsync(app);
        Assert.Equal($"{myName} contested your rating of their Communication.", Only(box, managerMail, seen).Subject);
        await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/contests/{contest.GetProperty("id").GetInt32()}/answer",
            new { outcome = "changed", level = 3, answer = "The notes bear it out." }, Ct);
        await SweepAsync(app);
        await SendAsync(app);
        // The changed rating is told once, as the answer, not again as a new rating.
        Assert.Equal($"{managerName} cambió su calificación de Communication al nivel 3 tras su impugnación: The notes bear it out.", Only(box, myMail, seen).Subject);

        // The plan: submitted (to the manager), sent back (to the person, with the comment), overdue (to the manager's manager), approved.
        var plan = $"/api/employees/{cast.Employee}/plan";
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync(plan, new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync($"{plan}/status", new { to = "submitted" }, Ct)).StatusCode);
        await SweepAsync(app);
        await SendAsync(app);
        var submitted = Only(box, managerMail, seen);
        Assert.Equal($"{myName} submitted their development plan for your review.", submitted.Subject);
        Assert.Contains($"{Site}/plans/{cast.Employee}", submitted.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{plan}/status", new { to = "changes-requested", comment = "Add a due date to the coaching action." }, Ct)).StatusCode);
        await SweepAsync(app);
        await SendAsync(app);
        var back = Only(box, myMail, seen);
        Assert.Equal($"{managerName} pidió cambios en su plan de desarrollo: Add a due date to the coaching action.", back.Subject);
        Assert.Contains($"{Site}/me/plan", back.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync($"{plan}/status", new { to = "submitted" }, Ct)).StatusCode);
        await SweepAsync(app);
        await SendAsync(app);
        Only(box, managerMail, seen);
        await app.WithDbAsync(db => db.Plans.Where(p => p.Employee.EmployeeNumber == cast.Employee).ExecuteUpdateAsync(s => s.SetProperty(p => p.SubmittedOn, TestClock.Today.AddDays(-15)), Ct));
        await SweepAsync(app);
        await SendAsync(app);
        Assert.Equal($"{myName}'s development plan has waited 15 days for {managerName}'s review.", Only(box, skipMail, seen).Subject);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{plan}/status", new { to = "approved" }, Ct)).StatusCode);
        await SweepAsync(app);
        await SendAsync(app);
        Assert.Equal($"{managerName} aprobó su plan de desarrollo.", Only(box, myMail, seen).Subject);

        // A credential 30 days from expiry.
        var myId = await IdOfAsync(app, cast.Employee);
        await app.WithDbAsync(db =>
        {
            db.Add(new Credential { EmployeeId = myId, Name = "Certified Pharmacy Technician", Kind = CredentialKind.Certification, ExpiresOn = TestClock.Today.AddDays(30) });
            return db.SaveChangesAsync(Ct);
        });
        await SweepAsync(app);
        await SendAsync(app);
        Assert.Equal("Su Certified Pharmacy Technician vence el 2026-12-02, dentro de 30 días.", Only(box, myMail, seen).Subject);

        // Told once: another sweep and another send find nothing new for these people.
        await SweepAsync(app);
        await SendAsync(app);
        Assert.DoesNotContain(box.Received, m => !seen.Contains(m) && m.To.Mailboxes.Any(a => a.Address == myMail || a.Address == managerMail || a.Address == skipMail));

        // The inbox holds the same, in the reader's language, unread until opened.
        var inbox = await InboxAsync(me);
        Assert.Equal(5, inbox.GetProperty("unread").GetInt32());
        var texts = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("text").GetString()).ToList();
        Assert.Equal($"{managerName} aprobó su plan de desarrollo.", texts[1]);
        var first = inbox.GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await me.PostAsync($"/api/me/notifications/{first}/read", null, Ct)).StatusCode);
        Assert.Equal(4, (await InboxAsync(me)).GetProperty("unread").GetInt32());
        // Someone else's notification is not found, not read.
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/me/notifications/{first}/read", null, Ct)).StatusCode);
        Assert.Equal(4, (await (await me.PostAsync("/api/me/notifications/read", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await InboxAsync(me)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_message_cut_off_when_the_smtp_server_goes_down_stays_in_the_outbox_and_is_delivered_once_when_it_returns()
    {
        await using var box = await SmtpBox.StartAsync();
        await using var app = await StartAsync(Providers.Sqlite, box);
        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        await SweepAsync(app);
        await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 3 }, Ct);
        await SweepAsync(app);
        var myMail = await EmailOfAsync(app, cast.Employee);
        var key = await app.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.To == myMail).Select(m => m.Key).SingleAsync(Ct));
        Task<OutboxMail> Queued() => app.WithDbAsync(db => db.Set<OutboxMail>().AsNoTracking().SingleAsync(m => m.Key == key, Ct));
        // Only this message is due, so the server's going down lands on it.
        await app.WithDbAsync(db => db.Set<OutboxMail>().Where(m => m.Key != key).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTime.UtcNow), Ct));

        box.DropNext = true;
        Assert.Equal(0, await SendAsync(app));
        var failed = await Queued();
        Assert.Equal((1, (DateTime?)null, (string?)null), (failed.Attempts, failed.SentAt, failed.ClaimedBy));
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Empty(box.Received);

        // Still down when the retry falls due: it waits again, a little longer.
        Clock(app).Ahead += MailSender.Backoff(1) + TimeSpan.FromSeconds(1);
        Assert.Equal(0, await SendAsync(app));
        Assert.Equal(2, (await Queued()).Attempts);
        Assert.Equal(0, await SendAsync(app));
        Assert.Equal(2, (await Queued()).Attempts);

        await box.StartAgainAsync();
        Clock(app).Ahead += MailSender.Backoff(2) + TimeSpan.FromSeconds(1);
        Assert.Equal(1, await SendAsync(app));
        Assert.Equal(0, await SendAsync(app));
        var delivered = Assert.Single(box.Received);
        Assert.Equal(myMail, delivered.To.Mailboxes.Single().Address);
        var sent = await Queued();
        Assert.NotNull(sent.SentAt);
        Assert.Equal(3, sent.Attempts);
        Assert.Null(sent.LastError);

        // A restarted instance (a new app over the same database) has nothing left to send.
        await using var restarted = await TestApp.StartAsync(app.Database, settings: Mail(box));
        Assert.Equal(0, await SendAsync(restarted, "restarted"));
        Assert.Single(box.Received);
    }

    [Fact]
    public async Task Two_instances_on_one_PostgreSQL_database_tell_each_event_once_and_send_each_message_once()
    {
        await using var box = await SmtpBox.StartAsync();
        await using var first = await StartAsync(Providers.Postgres, box);
        await using var second = await TestApp.StartAsync(first.Database, settings: Mail(box));
        var cast = await Cast.LoadAsync(first);
        var manager = await first.SignedInAsync(AppRoles.Manager, cast.Manager);
        await SweepAsync(first);
        var team = await first.WithDbAsync(db => db.Employees.Where(e => e.Manager!.EmployeeNumber == cast.Manager).Select(e => e.EmployeeNumber).ToListAsync(Ct));
        Assert.True(team.Count >= 3, "the manager leads a team");
        foreach (var number in team)
            foreach (var code in new[] { "COMMS", "CUSTOMER" })
                Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/employees/{number}/assessments", new { competency = code, level = 3 }, Ct)).StatusCode);

        // Both instances sweep at once, again and again: each rating is told once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => SweepAsync(i % 2 == 0 ? first : second)));
        var ratings = await first.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.Kind == NotificationKind.RatingRecorded, Ct));
        Assert.Equal(team.Count * 2, ratings);

        // Both send at once until nothing is due: each message arrives once.
        var queued = await first.WithDbAsync(db => db.Set<OutboxMail>().CountAsync(Ct));
        Assert.True(queued >= team.Count * 2);
        async Task DrainAsync(TestApp app, string instance)
        {
            while (await SendAsync(app, instance) > 0) { }
        }
        await Task.WhenAll(DrainAsync(first, "first"), DrainAsync(second, "second"));
        Assert.Equal(queued, box.Received.Count);
        Assert.Equal(queued, box.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(0, await first.WithDbAsync(db => db.Set<OutboxMail>().CountAsync(m => m.SentAt == null, Ct)));
        Assert.Equal(["first", "second"], await first.WithDbAsync(db => db.Set<OutboxMail>().Select(m => m.ClaimedBy!).Distinct().OrderBy(c => c).ToListAsync(Ct)));
    }

    [Fact]
    public async Task A_person_chooses_a_weekly_digest_or_the_inbox_alone_and_gets_exactly_that()
    {
        await using var box = await SmtpBox.StartAsync();
        await using var app = await StartAsync(Providers.Sqlite, box);
        var cast = await Cast.LoadAsync(app);
        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var myMail = await EmailOfAsync(app, cast.Employee);
        await SweepAsync(app);

        var bad = await me.PutAsJsonAsync("/api/me/notification-preferences", new Dictionary<string, string> { ["rating-recorded"] = "weekly-digest", ["pigeon-post"] = "email" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("no notification kind pigeon-post", (await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("pigeon-post")[0].GetString());
        Assert.Equal("email", (await me.GetFromJsonAsync<JsonElement>("/api/me/notification-preferences", Ct)).GetProperty("rating-recorded").GetString());
        var chosen = await me.PutAsJsonAsync("/api/me/notification-preferences",
            new Dictionary<string, string> { ["rating-recorded"] = "weekly-digest", ["contest-answered"] = "inbox-only" }, Ct);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var all = await chosen.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("weekly-digest", "inbox-only", "email"), (all.GetProperty("rating-recorded").GetString(), all.GetProperty("contest-answered").GetString(),
            all.GetProperty("plan-approved").GetString()));

        // Monday (the test day): the digest goes out with what has come so far.
        var rated = await (await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level = 2 }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        await SweepAsync(app);
        await SendAsync(app);
        var seen = new List<MimeMessage>();
        var digest = Only(box, myMail, seen);
        Assert.Equal("Your CareerMap digest: 1 notification", digest.Subject);
        Assert.Contains("rated your Communication at level 2.", digest.TextBody);

        // Later that week: a second rating waits for next Monday; an answer to a contest stays in the inbox alone.
        await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "CUSTOMER", level = 4 }, Ct);
        var contest = await (await me.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments/{rated.GetProperty("id").GetInt64()}/contest", new { comment = "Rescheduled" }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/contests/{contest.GetProperty("id").GetInt32()}/answer", new { outcome = "kept", answer = "It stands." }, Ct);
        await SweepAsync(app);
        await SendAsync(app);
        Assert.DoesNotContain(box.Received, m => !seen.Contains(m) && m.To.Mailboxes.Any(a => a.Address == myMail));
        Assert.Equal(3, (await InboxAsync(me)).GetProperty("unread").GetInt32());

        Clock(app).Ahead += TimeSpan.FromDays(7);
        await SweepAsync(app);
        await SendAsync(app);
        var next = Only(box, myMail, seen);
        Assert.Equal("Your CareerMap digest: 1 notification", next.Subject);
        Assert.Contains("rated your Customer Focus at level 4.", next.TextBody);
        Assert.DoesNotContain("It stands.", next.TextBody);
    }

    [Fact]
    public async Task A_review_cycle_asks_its_people_to_rate_themselves_when_it_opens_and_reminds_whoever_is_behind_in_its_last_week()
    {
        await using var box = await SmtpBox.StartAsync();
        await using var app = await StartAsync(Providers.Sqlite, box);
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        await SpeaksAsync(app, cast.Employee, "es");
        var (myMail, managerMail) = (await EmailOfAsync(app, cast.Employee), await EmailOfAsync(app, cast.Manager));
        var role = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => e.Role.Code).SingleAsync(Ct));
        await SweepAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await hr.PostAsJsonAsync("/api/review-cycles",
            new { name = "Autumn check-in", opensOn = TestClock.Today, dueOn = TestClock.Today.AddDays(30), roles = new[] { role } }, Ct)).StatusCode);
        var seen = new List<MimeMessage>();

        await SweepAsync(app);
        await SweepAsync(app);
        await SendAsync(app);
        var open = Only(box, myMail, seen);
        Assert.Equal("Autumn check-in está abierto hasta el 2026-12-02: empiece por calificarse.", open.Subject);
        Assert.Contains($"{Site}/reviews", open.TextBody);

        // Six days before it is due: the person has still not rated themselves, and the manager has the whole team left.
        Clock(app).Ahead += TimeSpan.FromDays(24);
        await SweepAsync(app);
        await SendAsync(app);
        Assert.Equal("Autumn check-in vence el 2026-12-02 y todavía falta su autoevaluación.", Only(box, myMail, seen).Subject);
        var team = await app.WithDbAsync(db => db.Employees.CountAsync(e => e.Manager!.EmployeeNumber == cast.Manager && e.Role.Code == role && e.DeactivatedOn == null, Ct));
        Assert.Contains($"Autumn check-in is due on 2026-12-02: {team} of your team still wait for your ratings.", box.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == managerMail)).Select(m => m.Subject));

        // Told once.
        await SweepAsync(app);
        await SendAsync(app);
        Assert.DoesNotContain(box.Received, m => !seen.Contains(m) && m.To.Mailboxes.Any(a => a.Address == myMail));
        var myId = await IdOfAsync(app, cast.Employee);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.EmployeeId == myId && n.ReadAt == null, Ct)));
    }
}
