using CareerMap.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CareerMap.Notifications;

/// <summary>
/// Sends what the outbox holds. Each message is claimed by one instance with a conditional update before it is sent, so
/// several instances on one database send each message once; a failure leaves it in the outbox to try again later, a
/// little later each time.
/// </summary>
public sealed class MailSender(CareerMapDb db, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailSender> logger)
{
    const int Batch = 50;
    /// <summary>Longer than one send can take (MailKit gives up after <see cref="SmtpTimeout"/>), so a live claim never lapses mid-send.</summary>
    static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);
    static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(30);
    static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>The wait after the n-th failed attempt: 30 s, 1 min, 2 min… up to an hour. A message is never given up on.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(LongestWait.TotalSeconds, 30 * Math.Pow(2, Math.Min(attempts - 1, 20))));

    /// <summary>Sends the messages that are due; returns how many this instance sent.</summary>
    public async Task<int> SendDueAsync(string instance, CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled) return 0;
        var now = clock.UtcNow();
        var due = await Due(now).OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return 0;
        using var smtp = new SmtpClient { Timeout = (int)SmtpTimeout.TotalMilliseconds };
        var sent = 0;
        foreach (var id in due)
        {
            var claimed = await Due(now).Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, instance).SetProperty(m => m.ClaimedUntil, now + Claim), ct);
            if (claimed == 0) continue;
            var mail = await db.Set<OutboxMail>().AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                if (!smtp.IsConnected)
                {
                    await smtp.ConnectAsync(o.Host!, o.Port, Enum.Parse<SecureSocketOptions>(o.Security, ignoreCase: true), ct);
                    if (!string.IsNullOrEmpty(o.User)) await smtp.AuthenticateAsync(o.User, o.Password ?? "", ct);
                }
                using var message = Message(mail, o);
                await smtp.SendAsync(message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var attempts = mail.Attempts + 1;
                var said = e is SmtpCommandException refused ? $"{e.GetType().Name} {(int)refused.StatusCode}: {e.Message}" : $"{e.GetType().Name}: {e.Message}";
                var error = said.Length > 1000 ? said[..1000] : said;
                await Mine(id, instance).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, now + Backoff(attempts))
                    .SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                logger.MailFailed(id, attempts, e.GetType().Name, e.Message);
                // The server is away or refusing: the rest wait for the next round rather than fail one by one.
                break;
            }
            // Sent: recorded even if the host is stopping, or the next instance would send it again.
            await Mine(id, instance).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, clock.UtcNow()).SetProperty(m => m.Attempts, mail.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
            logger.MailSent(id, mail.Key);
            sent++;
        }
        if (smtp.IsConnected) await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        return sent;
    }

    IQueryable<OutboxMail> Due(DateTime now) =>
        db.Set<OutboxMail>().Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now));

    IQueryable<OutboxMail> Mine(long id, string instance) => db.Set<OutboxMail>().Where(m => m.Id == id && m.ClaimedBy == instance);

    static MimeMessage Message(OutboxMail mail, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From!));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // The same for every attempt, so the copy a crash between sending and recording could make is recognizably one message.
        message.MessageId = $"outbox-{mail.Id}.{mail.CreatedAt:yyyyMMddHHmmss}@{o.From!.Split('@').Last()}";
        // Out-of-office replies are not sent to automatic messages (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        return message;
    }
}

static partial class MailLog
{
    [LoggerMessage(9003, LogLevel.Information, "Mail {MailId} sent ({Key})")]
    public static partial void MailSent(this ILogger logger, long mailId, string key);

    [LoggerMessage(9004, LogLevel.Warning, "Mail {MailId} not sent on attempt {Attempts} ({ExceptionType}: {Reason}); it stays in the outbox")]
    public static partial void MailFailed(this ILogger logger, long mailId, int attempts, string exceptionType, string reason);
}
