namespace CareerMap.Notifications;

/// <summary>What a person is told about. Each kind is noticed from the record that already says it happened (see <see cref="NoticeSweep"/>).</summary>
public enum NotificationKind
{
    PlanSubmitted,
    PlanApproved,
    PlanChangesRequested,
    PlanReviewOverdue,
    RatingRecorded,
    RatingContested,
    ContestAnswered,
    CredentialExpiring,
    ReviewCycleOpened,
    ReviewCycleDue,
}

/// <summary>How a person wants one kind delivered beyond the inbox: an e-mail each time, one e-mail a week, or the inbox alone.</summary>
public enum Delivery { Email, WeeklyDigest, InboxOnly }

/// <summary>One line in a person's inbox. Its text is kept as a stored sentence and phrased in the reader's language when shown.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public int EmployeeId { get; set; }
    public NotificationKind Kind { get; set; }
    /// <summary>The event it tells of ("plan-event:42", "credential:7:30"): unique, so an event is told once however many instances look.</summary>
    public required string Key { get; set; }
    public DateTime At { get; set; }
    /// <summary>A <see cref="StoredWords"/> sentence.</summary>
    public required string Text { get; set; }
    /// <summary>The page it is about, relative to the site ("/plans/E000151").</summary>
    public required string Link { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When it went out in a weekly digest (or was decided not to need one).</summary>
    public DateTime? DigestedAt { get; set; }
}

public sealed class NotificationPreference
{
    public int EmployeeId { get; set; }
    public NotificationKind Kind { get; set; }
    public Delivery Delivery { get; set; }
}

/// <summary>
/// An e-mail waiting to go, written in the same transaction as what it tells of, so a failed SMTP server loses nothing.
/// An instance claims a message before sending it; the claim lapses if that instance dies, and the stable Message-ID lets
/// a mail server or client drop the copy that a crash between "sent" and "marked sent" could make.
/// </summary>
public sealed class OutboxMail
{
    public long Id { get; set; }
    /// <summary>What the mail is for ("notification:42", "digest:17:2026-W48"): unique, so it is queued once.</summary>
    public required string Key { get; set; }
    public required string To { get; set; }
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Text { get; set; }
    public required string Html { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>
/// How far the sweep has read the append-only records it tells of (plan events, ratings, contests), one row. It starts at
/// the end of each record when notifications first run: what happened before is not news.
/// </summary>
public sealed class NoticeCursor
{
    public int Id { get; set; }
    public long PlanEvent { get; set; }
    public long Assessment { get; set; }
    public int Contest { get; set; }
    public int Version { get; set; }
}
