using System.Globalization;

namespace CareerMap.Infrastructure;

/// <summary>
/// The time on the organization's wall. Instants are stored in UTC; pages show them in the organization's time zone
/// (<c>CareerMap:TimeZone</c>, an IANA name such as <c>America/Chicago</c>; UTC when unset) with its offset, so a check-in
/// at 9:00 in Pittsburgh does not read as 14:00.
/// </summary>
public sealed class OrganizationTime
{
    public const string Setting = "CareerMap:TimeZone";

    public OrganizationTime(IConfiguration configuration)
    {
        var id = configuration[Setting];
        if (string.IsNullOrWhiteSpace(id)) { Zone = TimeZoneInfo.Utc; return; }
        try { Zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim()); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"{Setting}: '{id}' is not a time zone this machine knows; use an IANA name such as America/Chicago", e);
        }
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>"2 Dec 2026 08:02 UTC−06:00" in the reader's culture; "… UTC" when the organization keeps UTC.</summary>
    public string Shown(DateTime utc)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, Zone);
        var offset = Zone.GetUtcOffset(instant);
        var label = offset == TimeSpan.Zero && Zone == TimeZoneInfo.Utc ? "UTC"
            : $"UTC{(offset < TimeSpan.Zero ? "−" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
        return $"{local.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)} {label}";
    }
}
