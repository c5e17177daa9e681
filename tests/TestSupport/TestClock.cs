namespace CareerMap.Tests.Support;

/// <summary>
/// The day every test runs on, on both providers: the seeded history ends on it and the app's clock starts on it.
/// Time still moves forward from there, from one origin for the whole test process, so what a template seeded is
/// always older than what a test then does.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateOnly Today = new(2026, 11, 2);
    static readonly DateTimeOffset Start = new(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    static readonly long Origin = System.GetTimestamp();

    public static TestClock Create() => new();

    /// <summary>How far a test has moved this app's clock on (to let a retry fall due, or a week pass).</summary>
    public TimeSpan Ahead { get; set; }

    public override DateTimeOffset GetUtcNow() => Start + System.GetElapsedTime(Origin) + Ahead;
}
