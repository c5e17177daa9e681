using System.Globalization;
using CareerMap.Data;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerMap.Notifications;

/// <summary>
/// Tells people what happened, from the records that already say it: plan events, ratings and contests (read past a
/// cursor, since they are append-only or only ever gain an answer), plans waiting too long and credentials about to
/// expire (read by date). Nothing that makes an event has to remember to notify, so no feature depends on this one and
/// no event is missed; each notification has a unique key, so however many instances sweep, each is told once. The
/// e-mail for a notification is queued in the same save, in the recipient's language.
/// </summary>
public sealed class NoticeSweep(CareerMapDb db, ReviewCycles cycles, TimeProvider clock, IStringLocalizer<SharedResource> L, IOptions<MailOptions> mail,
    ILogger<NoticeSweep> logger)
{
    /// <summary>How many records of each kind one sweep reads; the rest wait for the next.</summary>
    public const int Batch = 500;
    /// <summary>The days before expiry a credential's holder is reminded.</summary>
    public static readonly int[] CredentialReminders = [90, 30, 7];
    /// <summary>A date-bound event (an answer, a plan becoming overdue, a reminder falling due) is told if it happened within this many days.</summary>
    const int Window = 7;

    sealed record Draft(int EmployeeId, NotificationKind Kind, string Key, string Text, string Link);

    /// <summary>One sweep: the notifications it made (0 when another instance made them first).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var cursor = await db.Set<NoticeCursor>().FirstOrDefaultAsync(ct);
        if (cursor is null)
        {
            await StartAsync(ct);
            return 0;
        }
        var drafts = new List<Draft>();
        drafts.AddRange(await PlanEventsAsync(cursor, ct));
        drafts.AddRange(await RatingsAsync(cursor, ct));
        drafts.AddRange(await ContestsOpenedAsync(cursor, ct));
        var dated = new List<Draft>();
        dated.AddRange(await ContestsAnsweredAsync(ct));
        dated.AddRange(await OverduePlansAsync(ct));
        dated.AddRange(await ExpiringCredentialsAsync(ct));
        drafts.AddRange(await UntoldAsync(dated, ct));
        drafts.AddRange(await ReviewCyclesAsync(Batch - drafts.Count, ct));

        var now = clock.UtcNow();
        var notifications = drafts.Select(d => new Notification { EmployeeId = d.EmployeeId, Kind = d.Kind, Key = d.Key, At = now, Text = d.Text, Link = d.Link }).ToList();
        db.AddRange(notifications);
        cursor.Version++;
        await QueueMailAsync(notifications, ct);
        await QueueDigestsAsync(notifications, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another instance swept the same records first (the cursor moved, or a key is taken): theirs stand.
            logger.NoticeSweepLost(e.GetType().Name);
            db.ChangeTracker.Clear();
            return 0;
        }
        if (notifications.Count > 0) logger.NoticesMade(notifications.Count);
        return notifications.Count;
    }

    /// <summary>The cursor starts at the end of each record: what happened before notifications ran is not news.</summary>
    async Task StartAsync(CancellationToken ct)
    {
        db.Add(new NoticeCursor
        {
            Id = 1,
            PlanEvent = await db.PlanEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0,
            Assessment = await db.Assessments.MaxAsync(a => (long?)a.Id, ct) ?? 0,
            Contest = await db.RatingContests.MaxAsync(c => (int?)c.Id, ct) ?? 0,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }

    async Task<IEnumerable<Draft>> PlanEventsAsync(NoticeCursor cursor, CancellationToken ct)
    {
        var events = await (from e in db.PlanEvents.AsNoTracking()
                            join p in db.Plans on e.PlanId equals p.Id
                            where e.Id > cursor.PlanEvent
                            orderby e.Id
                            select new { e.Id, e.Kind, e.To, e.By, e.ByEmployeeId, e.Text, p.EmployeeId, p.Employee.EmployeeNumber, p.Employee.Name, p.Employee.ManagerId })
            .Take(Batch).ToListAsync(ct);
        if (events.Count > 0) cursor.PlanEvent = events[^1].Id;
        var drafts = new List<Draft>();
        foreach (var e in events.Where(e => e.Kind == PlanEventKind.Status))
        {
            var key = $"plan-event:{e.Id}";
            if (e.To == PlanStatus.Submitted && e.ManagerId is { } manager && manager != e.ByEmployeeId)
                drafts.Add(new(manager, NotificationKind.PlanSubmitted, key, Submitted(StoredWords.Instance, e.Name), $"/plans/{e.EmployeeNumber}"));
            else if (e.To == PlanStatus.Approved && e.EmployeeId != e.ByEmployeeId)
                drafts.Add(new(e.EmployeeId, NotificationKind.PlanApproved, key, Approved(StoredWords.Instance, e.By ?? ""), "/me/plan"));
            else if (e.To == PlanStatus.ChangesRequested && e.EmployeeId != e.ByEmployeeId)
                drafts.Add(new(e.EmployeeId, NotificationKind.PlanChangesRequested, key, SentBack(StoredWords.Instance, e.By ?? "", e.Text ?? ""), "/me/plan"));
        }
        return drafts;
    }

    async Task<IEnumerable<Draft>> RatingsAsync(NoticeCursor cursor, CancellationToken ct)
    {
        var ratings = await db.Assessments.AsNoTracking().Where(a => a.Id > cursor.Assessment).OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.EmployeeId, a.Employee.EmployeeNumber, a.Source, a.AssessorId, a.Level, Competency = a.Competency.Name,
                Assessor = db.Employees.Where(x => x.Id == a.AssessorId).Select(x => x.Name).FirstOrDefault(),
                // A rating changed in answer to a contest is told as the answer.
                Answer = db.RatingContests.Any(c => c.NewAssessmentId == a.Id),
            })
            .Take(Batch).ToListAsync(ct);
        if (ratings.Count > 0) cursor.Assessment = ratings[^1].Id;
        return ratings.Where(r => r.Source == AssessmentSource.Manager && r.AssessorId != r.EmployeeId && !r.Answer)
            .Select(r => new Draft(r.EmployeeId, NotificationKind.RatingRecorded, $"rating:{r.Id}", Rated(StoredWords.Instance, r.Assessor ?? "", r.Competency, r.Level),
                $"/people/{r.EmployeeNumber}"));
    }

    async Task<IEnumerable<Draft>> ContestsOpenedAsync(NoticeCursor cursor, CancellationToken ct)
    {
        var contests = await db.RatingContests.AsNoTracking().Where(c => c.Id > cursor.Contest).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Person = db.Employees.Where(e => e.Id == c.EmployeeId).Select(e => new { e.EmployeeNumber, e.Name, e.ManagerId }).First(), Competency = c.Assessment.Competency.Name })
            .Take(Batch).ToListAsync(ct);
        if (contests.Count > 0) cursor.Contest = contests[^1].Id;
        return contests.Where(c => c.Person.ManagerId is not null)
            .Select(c => new Draft(c.Person.ManagerId!.Value, NotificationKind.RatingContested, $"contest:{c.Id}", Contested(StoredWords.Instance, c.Person.Name, c.Competency),
                $"/people/{c.Person.EmployeeNumber}"));
    }

    async Task<IEnumerable<Draft>> ContestsAnsweredAsync(CancellationToken ct)
    {
        var since = clock.Today().AddDays(-Window);
        var answered = await db.RatingContests.AsNoTracking().Where(c => c.AnsweredOn != null && c.AnsweredOn >= since)
            .Select(c => new
            {
                c.Id, c.EmployeeId, c.Outcome, c.Answer, Competency = c.Assessment.Competency.Name,
                Number = db.Employees.Where(e => e.Id == c.EmployeeId).Select(e => e.EmployeeNumber).First(),
                By = db.Employees.Where(e => e.Id == c.AnsweredById).Select(e => e.Name).FirstOrDefault(),
                NewLevel = db.Assessments.Where(a => a.Id == c.NewAssessmentId).Select(a => (int?)a.Level).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return answered.Select(c => new Draft(c.EmployeeId, NotificationKind.ContestAnswered, $"contest-answer:{c.Id}",
            c.Outcome == ContestOutcome.Changed && c.NewLevel is { } level
                ? Changed(StoredWords.Instance, c.By ?? "", c.Competency, level, c.Answer ?? "")
                : Kept(StoredWords.Instance, c.By ?? "", c.Competency, c.Answer ?? ""),
            $"/people/{c.Number}"));
    }

    /// <summary>A plan is overdue for review on its 15th day waiting; the manager's manager is told that day (or within the window, if no sweep ran).</summary>
    async Task<IEnumerable<Draft>> OverduePlansAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var cutoff = today.AddDays(-PlanService.ReviewDays);
        var since = cutoff.AddDays(-Window);
        var plans = await db.Plans.AsNoTracking()
            .Where(p => p.Status == PlanStatus.Submitted && p.SubmittedOn < cutoff && p.SubmittedOn >= since && p.Employee.Manager != null && p.Employee.Manager.ManagerId != null)
            .Select(p => new { p.Id, p.SubmittedOn, p.Employee.EmployeeNumber, p.Employee.Name, Manager = p.Employee.Manager!.Name, SkipLevel = p.Employee.Manager.ManagerId!.Value })
            .ToListAsync(ct);
        return plans.Select(p => new Draft(p.SkipLevel, NotificationKind.PlanReviewOverdue, $"plan-overdue:{p.Id}:{p.SubmittedOn:yyyy-MM-dd}",
            Overdue(StoredWords.Instance, p.Name, today.DayNumber - p.SubmittedOn!.Value.DayNumber, p.Manager), $"/plans/{p.EmployeeNumber}"));
    }

    /// <summary>A reminder falls due when the days left reach 90, 30 or 7; a renewed credential (a new expiry date) is reminded afresh.</summary>
    async Task<IEnumerable<Draft>> ExpiringCredentialsAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var last = today.AddDays(CredentialReminders.Max());
        var credentials = await db.Set<Credential>().AsNoTracking().Where(c => c.ExpiresOn >= today && c.ExpiresOn <= last && c.Employee.DeactivatedOn == null)
            .Select(c => new { c.Id, c.EmployeeId, c.Employee.EmployeeNumber, c.Name, ExpiresOn = c.ExpiresOn!.Value }).ToListAsync(ct);
        var drafts = new List<Draft>();
        foreach (var c in credentials)
        {
            var left = c.ExpiresOn.DayNumber - today.DayNumber;
            var due = CredentialReminders.Where(d => left <= d).Min();
            if (left <= due - Window) continue;
            drafts.Add(new(c.EmployeeId, NotificationKind.CredentialExpiring, $"credential:{c.Id}:{due}:{c.ExpiresOn:yyyy-MM-dd}",
                Expiring(StoredWords.Instance, c.Name, c.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), left), $"/people/{c.EmployeeNumber}"));
        }
        return drafts;
    }

    /// <summary>
    /// A cycle that opened within the week asks each person in it to rate themselves; in its last week it reminds those who
    /// have not, and each manager with someone left to rate. Told in batches: a cycle of many people takes a few sweeps.
    /// </summary>
    async Task<IEnumerable<Draft>> ReviewCyclesAsync(int room, CancellationToken ct)
    {
        var drafts = new List<Draft>();
        var today = clock.Today();
        foreach (var cycle in await cycles.OpenAsync(ct))
        {
            if (drafts.Count >= room) break;
            var opening = cycle.OpensOn >= today.AddDays(-Window);
            var closing = cycle.DueOn <= today.AddDays(Window);
            if (!opening && !closing) continue;
            var prefix = $"cycle:{cycle.Id}:";
            var told = (await db.Set<Notification>().Where(n => n.Key.StartsWith(prefix)).Select(n => n.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var due = cycle.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var people = await cycles.ParticipantsAsync(cycle, ct);
            var candidates = new List<Draft>();
            if (opening)
                candidates.AddRange(people.Select(p => new Draft(p.Id, NotificationKind.ReviewCycleOpened, $"{prefix}open:{p.Id}", CycleOpened(StoredWords.Instance, cycle.Name, due), "/reviews")));
            if (closing)
            {
                candidates.AddRange(people.Where(p => !p.Person.SelfRated)
                    .Select(p => new Draft(p.Id, NotificationKind.ReviewCycleDue, $"{prefix}due:{p.Id}", CycleDue(StoredWords.Instance, cycle.Name, due), "/reviews")));
                candidates.AddRange(people.Where(p => !p.Person.Complete && p.ManagerId is not null).GroupBy(p => p.ManagerId!.Value)
                    .Select(g => new Draft(g.Key, NotificationKind.ReviewCycleDue, $"{prefix}due-team:{g.Key}", TeamDue(StoredWords.Instance, cycle.Name, due, g.Count()), "/reviews")));
            }
            drafts.AddRange(candidates.Where(d => !told.Contains(d.Key)).Take(room - drafts.Count));
        }
        return drafts;
    }

    async Task<IEnumerable<Draft>> UntoldAsync(List<Draft> drafts, CancellationToken ct)
    {
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in drafts.Select(d => d.Key).Chunk(Batch))
            told.UnionWith(await db.Set<Notification>().Where(n => chunk.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct));
        return drafts.Where(d => !told.Contains(d.Key)).Take(Batch);
    }

    async Task QueueMailAsync(List<Notification> notifications, CancellationToken ct)
    {
        if (!mail.Value.Enabled || notifications.Count == 0) return;
        var recipients = await RecipientsAsync(notifications.Select(n => n.EmployeeId), ct);
        foreach (var n in notifications)
        {
            if (recipients.GetValueOrDefault(n.EmployeeId) is not { } to || to.DeliveryOf(n.Kind) != Delivery.Email) continue;
            using (new InLanguage(to.Language))
                db.Add(MailWriter.Single(n, to.Email, to.Language, mail.Value, clock.UtcNow(), L));
        }
    }

    /// <summary>On Mondays, everyone who asked for a digest of some kinds gets one e-mail with what they have not been sent yet.</summary>
    async Task QueueDigestsAsync(List<Notification> made, CancellationToken ct)
    {
        var today = clock.Today();
        if (!mail.Value.Enabled || today.DayOfWeek != DayOfWeek.Monday) return;
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var wanting = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.Delivery == Delivery.WeeklyDigest).ToListAsync(ct);
        foreach (var person in wanting.GroupBy(p => p.EmployeeId))
        {
            var key = $"digest:{person.Key}:{week}";
            if (await db.Set<OutboxMail>().AnyAsync(m => m.Key == key, ct)) continue;
            var kinds = person.Select(p => p.Kind).ToList();
            var waiting = await db.Set<Notification>().Where(n => n.EmployeeId == person.Key && n.DigestedAt == null && kinds.Contains(n.Kind)).OrderBy(n => n.Id).ToListAsync(ct);
            // Made in this same sweep: not saved yet, so not found above.
            waiting.AddRange(made.Where(n => n.EmployeeId == person.Key && kinds.Contains(n.Kind)));
            if (waiting.Count == 0 || (await RecipientsAsync([person.Key], ct)).GetValueOrDefault(person.Key) is not { } to) continue;
            foreach (var n in waiting) n.DigestedAt = clock.UtcNow();
            using (new InLanguage(to.Language))
                db.Add(MailWriter.Digest(key, waiting, to.Email, to.Language, mail.Value, clock.UtcNow(), L));
        }
    }

    sealed record Recipient(string Email, string Language, IReadOnlyDictionary<NotificationKind, Delivery> Chosen)
    {
        public Delivery DeliveryOf(NotificationKind kind) => Chosen.GetValueOrDefault(kind, Delivery.Email);
    }

    async Task<Dictionary<int, Recipient>> RecipientsAsync(IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => wanted.Contains(e.Id) && e.DeactivatedOn == null).Select(e => new { e.Id, e.Email }).ToListAsync(ct);
        var languages = await db.Users.AsNoTracking().Where(u => u.EmployeeId != null && wanted.Contains(u.EmployeeId.Value)).Select(u => new { u.EmployeeId, u.Language }).ToListAsync(ct);
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => wanted.Contains(p.EmployeeId)).ToListAsync(ct);
        return people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).ToDictionary(p => p.Id, p => new Recipient(p.Email,
            languages.FirstOrDefault(l => l.EmployeeId == p.Id)?.Language ?? mail.Value.DefaultLanguage,
            chosen.Where(c => c.EmployeeId == p.Id).ToDictionary(c => c.Kind, c => c.Delivery)));
    }

    static string Submitted(IStringLocalizer L, string person) => L["{0} submitted their development plan for your review.", person];
    static string Approved(IStringLocalizer L, string by) => L["{0} approved your development plan.", by];
    static string SentBack(IStringLocalizer L, string by, string comment) => L["{0} asked for changes to your development plan: {1}", by, comment];
    static string Overdue(IStringLocalizer L, string person, int days, string manager) => L["{0}'s development plan has waited {1} days for {2}'s review.", person, days, manager];
    static string Rated(IStringLocalizer L, string by, string competency, int level) => L["{0} rated your {1} at level {2}.", by, competency, level];
    static string Contested(IStringLocalizer L, string person, string competency) => L["{0} contested your rating of their {1}.", person, competency];
    static string Kept(IStringLocalizer L, string by, string competency, string answer) => L["{0} kept your {1} rating after your contest: {2}", by, competency, answer];
    static string Changed(IStringLocalizer L, string by, string competency, int level, string answer) =>
        L["{0} changed your {1} rating to level {2} after your contest: {3}", by, competency, level, answer];
    static string CycleOpened(IStringLocalizer L, string cycle, string due) => L["{0} is open until {1}: start by rating yourself.", cycle, due];
    static string CycleDue(IStringLocalizer L, string cycle, string due) => L["{0} is due on {1}, and your self rating is still missing.", cycle, due];
    static string TeamDue(IStringLocalizer L, string cycle, string due, int people) => L["{0} is due on {1}: {2} of your team still wait for your ratings.", cycle, due, people];
    static string Expiring(IStringLocalizer L, string credential, string date, int days) => L["Your {0} expires on {1}, in {2} days.", credential, date, days];
}

/// <summary>Phrases what is made inside it in one language (dates and numbers too), then puts the thread's language back.</summary>
public sealed class InLanguage : IDisposable
{
    readonly CultureInfo culture = CultureInfo.CurrentCulture, ui = CultureInfo.CurrentUICulture;

    public InLanguage(string language) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
}

static partial class NoticeLog
{
    [LoggerMessage(9001, LogLevel.Information, "Notifications made: {Count}")]
    public static partial void NoticesMade(this ILogger logger, int count);

    [LoggerMessage(9002, LogLevel.Information, "Another instance swept first ({Reason}); its notifications stand")]
    public static partial void NoticeSweepLost(this ILogger logger, string reason);
}
