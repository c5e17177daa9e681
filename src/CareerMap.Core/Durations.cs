using Microsoft.Extensions.Localization;

namespace CareerMap;

/// <summary>Spans of time in the reader's language: waits and estimates in months, and the time a prerequisite asks for.</summary>
public static class Durations
{
    /// <summary>A wait or an estimate ("no wait", "1 month", "7 months").</summary>
    public static string Months(int months, IStringLocalizer L) => months switch
    {
        0 => L["no wait"],
        1 => L["1 month"],
        _ => L["{0} months", months],
    };

    /// <summary>An estimate as a phrase: "about 7 months", or "open now" when there is nothing to wait for (never "about no wait").</summary>
    public static string About(int months, IStringLocalizer L) => months <= 0 ? L["open now"] : L["about {0}", Months(months, L)];

    /// <summary>The time a prerequisite asks for, in whole years when it is ("1 year", "2 years", "18 months").</summary>
    public static string Required(int? months, IStringLocalizer L) => months switch
    {
        null => L["some time"],
        1 => L["1 month"],
        var m when m % 12 == 0 => m == 12 ? L["1 year"] : L["{0} years", m / 12],
        var m => L["{0} months", m],
    };
}
