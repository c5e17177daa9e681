namespace CareerMap;

/// <summary>The one way the code asks for the date: from the injected <see cref="TimeProvider"/>, so tests run on a fixed day.</summary>
public static class Clock
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;
}
