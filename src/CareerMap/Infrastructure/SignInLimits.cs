using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareerMap.Infrastructure;

/// <summary>
/// How often sign-in may be tried, on top of the lockout (five wrong passwords lock an account for 15 minutes): per
/// client address (the forwarded client's when a known proxy forwards) and per account, counting attempts — POSTs of a
/// password — never page views.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    public const string Policy = "sign-in";
    public const int PerAddressPerMinute = 30;
    public const int PerAccountPerMinute = 10;
    public const string Refusal = "Too many sign-in attempts; wait a minute and try again.";

    readonly PartitionedRateLimiter<string> accounts = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerAccountPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Whether one more attempt at this account is allowed now (whether or not the account exists).</summary>
    public bool AllowAttempt(string? email)
    {
        using var lease = accounts.AttemptAcquire((email ?? "").Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    /// <summary>The per-address policy: attempts (POST) only; reading the sign-in page is never counted.</summary>
    public static void AddPolicy(RateLimiterOptions o) =>
        o.AddPolicy(Policy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PerAddressPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public void Dispose() => accounts.Dispose();
}
