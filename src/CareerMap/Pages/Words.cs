using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Plans;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages;

/// <summary>
/// The words people read for the app's enum values and durations, in the page's language: one place per kind of value,
/// so a page never shows <c>ToString()</c> (ChangesRequested, step-back) and a translator finds each word once.
/// </summary>
public static class Words
{
    /// <summary>Who a rating that counts came from; effective ratings are a manager's or the person's own.</summary>
    public static string Of(AssessmentSource source, IStringLocalizer L) => source switch
    {
        AssessmentSource.Self => L["self-reported"],
        AssessmentSource.Manager => Lower(L["Manager"]),
        _ => L["other"],
    };

    public static string RatedBy(bool selfReported, IStringLocalizer L) => Of(selfReported ? AssessmentSource.Self : AssessmentSource.Manager, L);

    public static string Of(MoveDirection direction, IStringLocalizer L) => direction switch
    {
        MoveDirection.Promotion => L["Promotion"],
        MoveDirection.Lateral => L["Lateral"],
        _ => L["Step back"],
    };

    /// <summary>Why a move is on the map when no one drew it; empty for a move the framework names.</summary>
    public static string Of(MoveOrigin origin, IStringLocalizer L) => origin switch
    {
        MoveOrigin.NextLevel => L["next level"],
        MoveOrigin.LeadershipStep => L["step into leadership"],
        MoveOrigin.SimilarLateral => L["similar role"],
        _ => "",
    };

    /// <summary>A competency's category (core, leadership, job-knowledge) as a tag.</summary>
    public static string Category(string category, IStringLocalizer L) => category switch
    {
        "core" => L["Core"],
        "leadership" => L["Leadership"],
        "job-knowledge" => L["Job knowledge"],
        _ => category,
    };

    /// <summary>A competency category as the heading over its competencies.</summary>
    public static string CategoryHeading(string category, IStringLocalizer L) => category == "core" ? L["Core competencies"] : Category(category, L);

    /// <summary>A job family's track (individual-contributor, leadership).</summary>
    public static string Track(string? track, IStringLocalizer L) => track == "leadership" ? Lower(L["Leadership"]) : L["individual contributor"];

    /// <summary>A word that also starts sentences, used mid-sentence: one resource (the capitalized one), lowered in the reader's culture.</summary>
    static string Lower(LocalizedString word) => word.Value.ToLower(System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>
    /// The estimate beside a readiness figure, never contradicting it: nothing left to close, ready now with gaps still
    /// to close (ready now allows a few non-critical gaps), or the time to meet every requirement.
    /// </summary>
    public static string TimeToEveryRequirement(int months, bool readyNow, IStringLocalizer L) =>
        months <= 0 ? L["meets every requirement now"]
        : readyNow ? L["ready now; closing the remaining gaps would take about {0} (an estimate)", Durations.Months(months, L)]
        : L["about {0} to meet every requirement (an estimate)", Durations.Months(months, L)];

    /// <summary>A kind of framework item, as HR reads it in a list of what needs translating.</summary>
    public static string Of(IFrameworkCollection collection, IStringLocalizer L) => collection.Name switch
    {
        "grades" => L["Grade"],
        "units" => L["Unit"],
        "families" => L["Job family"],
        "competencies" => L["Competency"],
        "roles" => L["Role"],
        "duties" => L["Duty-matrix row"],
        "strategies" => L["Development strategy"],
        "moves" => L["Move"],
        _ => collection.Name,
    };

    /// <summary>A translatable text of an item by its key ("level 3", "summary"); lists by their name ("levels").</summary>
    public static string TextField(string key, IStringLocalizer L)
    {
        var parts = key.Split(' ');
        var n = parts.Length == 2 ? parts[1] : "";
        return parts[0] switch
        {
            "name" => L["Name"],
            "description" => L["Description"],
            "definition" => L["Definition"],
            "title" => L["Title"],
            "summary" => L["Summary"],
            "scope" => L["Scope"],
            "note" => L["Note"],
            "level" => L["Level {0}", n],
            "indicator" => L["Indicator {0}", n],
            "duty" => L["Duty {0}", n],
            "mark" => L["At level {0}", n],
            "levels" => L["level descriptors"],
            "indicators" => L["Behavioral indicators"],
            "duties" => L["Duties"],
            "marks" => L["marks in words"],
            _ => key,
        };
    }
}
