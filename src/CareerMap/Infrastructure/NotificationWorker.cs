using CareerMap.Notifications;
using Microsoft.Extensions.Options;

namespace CareerMap.Infrastructure;

/// <summary>
/// Every <c>Notifications:IntervalSeconds</c> (15 by default): adopts a framework draft whose effective day has come,
/// tells people what happened, then sends the mail that is due.
/// </summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, IOptions<NotificationWorkerOptions> options, ILogger<NotificationWorker> logger) : BackgroundService
{
    /// <summary>This process among the instances sharing the database, as the outbox records who claimed a message.</summary>
    readonly string instance = $"{Environment.MachineName[..Math.Min(30, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.IntervalSeconds)));
        do
        {
            try
            {
                await using (var adoption = scopes.CreateAsyncScope())
                    await adoption.ServiceProvider.GetRequiredService<CareerMap.Framework.Versions.FrameworkVersions>().AdoptDueAsync(stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<NoticeSweep>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<MailSender>().SendDueAsync(instance, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database that is away for a moment must not stop notifications for good: the next tick tries again.
                logger.NotificationRoundFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public sealed class NotificationWorkerOptions
{
    public const string Section = "Notifications";
    /// <summary>Off in tests, which sweep and send when they choose.</summary>
    public bool Enabled { get; set; } = true;
    public int IntervalSeconds { get; set; } = 15;
}

static partial class NotificationWorkerLog
{
    [LoggerMessage(9005, LogLevel.Error, "A notification round failed; the next one tries again")]
    public static partial void NotificationRoundFailed(this ILogger logger, Exception exception);
}
