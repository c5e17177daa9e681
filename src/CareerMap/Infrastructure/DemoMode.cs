namespace CareerMap.Infrastructure;

/// <summary>Demo mode offers one-click sign-in as sample personas: only for the embedded sample on a loopback address.</summary>
public sealed record DemoMode(bool Enabled);

/// <summary>How many sign-in attempts one address may make: lockout guards each account, this guards against one address trying many.</summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";
    public const int PerMinute = 30;
}
