using CareerMap.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.Notifications;

/// <summary>A notification as its reader sees it, in their language.</summary>
public sealed record NotificationView(long Id, NotificationKind Kind, DateTime At, string Text, string Link, bool Read);

/// <summary>A person's notifications and how they want each kind delivered. Only ever their own: every call names the reader.</summary>
public sealed class Inbox(CareerMapDb db, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const string Page = "/me/notifications";
    public const int PageSize = 50;

    public Task<int> UnreadAsync(int employeeId, CancellationToken ct = default) =>
        db.Set<Notification>().CountAsync(n => n.EmployeeId == employeeId && n.ReadAt == null, ct);

    /// <summary>Newest first, one page; the text phrased in the current language.</summary>
    public async Task<(IReadOnlyList<NotificationView> Items, int Total)> ListAsync(int employeeId, int page, CancellationToken ct = default)
    {
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.EmployeeId == employeeId);
        var rows = await mine.OrderByDescending(n => n.Id).Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return ([.. rows.Select(n => new NotificationView(n.Id, n.Kind, n.At, StoredWords.Phrase(n.Text, L), n.Link, n.ReadAt is not null))], await mine.CountAsync(ct));
    }

    /// <summary>Marks one notification read and gives its page; null when it is not this reader's.</summary>
    public async Task<string?> OpenAsync(int employeeId, long id, CancellationToken ct = default)
    {
        var link = await db.Set<Notification>().Where(n => n.Id == id && n.EmployeeId == employeeId).Select(n => n.Link).FirstOrDefaultAsync(ct);
        if (link is not null)
            await db.Set<Notification>().Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.UtcNow()), ct);
        return link;
    }

    /// <summary>Marks everything read; returns how many were unread.</summary>
    public Task<int> ReadAllAsync(int employeeId, CancellationToken ct = default) =>
        db.Set<Notification>().Where(n => n.EmployeeId == employeeId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.UtcNow()), ct);

    /// <summary>Every kind with the delivery chosen for it (e-mail each time when never chosen).</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, Delivery>> PreferencesAsync(int employeeId, CancellationToken ct = default)
    {
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.EmployeeId == employeeId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, ct);
        return Enum.GetValues<NotificationKind>().ToDictionary(k => k, k => chosen.GetValueOrDefault(k, Delivery.Email));
    }

    /// <summary>Sets the delivery of the kinds given (wire names, as the API and the form send them); the others stay. Field errors when a name is unknown.</summary>
    public async Task<Dictionary<string, string[]>> ChooseAsync(int employeeId, IReadOnlyDictionary<string, string?> choices, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = new Dictionary<NotificationKind, Delivery>();
        foreach (var (kind, delivery) in choices)
        {
            if (WireNames.Parse<NotificationKind>(kind) is not { } k) errors[kind] = [L["no notification kind {0}", kind]];
            else if (WireNames.Parse<Delivery>(delivery) is not { } d) errors[kind] = [L["delivery is email, weekly-digest or inbox-only"]];
            else parsed[k] = d;
        }
        if (errors.Count > 0) return errors;
        var stored = await db.Set<NotificationPreference>().Where(p => p.EmployeeId == employeeId).ToListAsync(ct);
        foreach (var (kind, delivery) in parsed)
        {
            if (stored.FirstOrDefault(p => p.Kind == kind) is { } row) row.Delivery = delivery;
            else db.Add(new NotificationPreference { EmployeeId = employeeId, Kind = kind, Delivery = delivery });
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>What a kind is about, as the settings list it.</summary>
    public static string Words(NotificationKind kind, IStringLocalizer L) => kind switch
    {
        NotificationKind.PlanSubmitted => L["Someone I lead submits a development plan"],
        NotificationKind.PlanApproved => L["My development plan is approved"],
        NotificationKind.PlanChangesRequested => L["My development plan is sent back for changes"],
        NotificationKind.PlanReviewOverdue => L["A plan in my line waits more than 14 days for review"],
        NotificationKind.RatingRecorded => L["A manager rates one of my competencies"],
        NotificationKind.RatingContested => L["Someone contests a rating I am to answer"],
        NotificationKind.ContestAnswered => L["My contest of a rating is answered"],
        NotificationKind.CredentialExpiring => L["A certification or license of mine is about to expire"],
        NotificationKind.ReviewCycleOpened => L["A review cycle I am in opens"],
        NotificationKind.ReviewCycleDue => L["A review cycle is due and something is left for me"],
        _ => kind.ToString(),
    };

    public static string Words(Delivery delivery, IStringLocalizer L) => delivery switch
    {
        Delivery.Email => L["E-mail each time"],
        Delivery.WeeklyDigest => L["Weekly digest"],
        _ => L["Inbox only"],
    };
}
