using Microsoft.Extensions.Localization;

namespace CareerMap.Framework;

/// <summary>Converts between the document's words ("leadership", "months-in-role") and the stored values.</summary>
public static class FrameworkMapping
{
    /// <summary>1.00 and 1 are the same weight; drop the trailing zeros so every format writes it alike.</summary>
    public static decimal Tidy(this decimal value) => value / 1.0000000000000000000000000000m;

    public static string Name(this FamilyTrack track) => track == FamilyTrack.Leadership ? "leadership" : "individual-contributor";

    public static string Name(this CompetencyCategory category) => category switch
    {
        CompetencyCategory.Core => "core",
        CompetencyCategory.Leadership => "leadership",
        _ => "job-knowledge",
    };

    public static string Name(this PrerequisiteKind kind) =>
        FrameworkValidator.PrerequisiteKinds.First(k => k.Value == kind).Key;

    public static PrerequisiteDto AsDto(this Prerequisite p) =>
        new(p.Kind.Name(), p.Months, p.Roles is { Count: > 0 } ? [.. p.Roles] : null, p.Value);

    public static Prerequisite ToEntity(this PrerequisiteDto p) =>
        new(FrameworkValidator.PrerequisiteKinds[p.Kind], p.Months, p.Roles is { Count: > 0 } ? [.. p.Roles] : null, string.IsNullOrWhiteSpace(p.Value) ? null : p.Value.Trim());

    /// <summary>The prerequisite in plain words, as people read it on a role profile, in the reader's language.</summary>
    /// <param name="titleOf">Turns a role code into the title people know it by.</param>
    public static string Describe(this PrerequisiteDto p, Func<string, string> titleOf, IStringLocalizer L) => p.Kind switch
    {
        "months-in-role" => L["At least {0} in the current role", Durations.Required(p.Months, L)],
        "months-in-roles" => L["At least {0} as {1}", Durations.Required(p.Months, L),
            (p.Roles ?? []).Select(titleOf).DefaultIfEmpty("").Aggregate((a, b) => L["{0} or {1}", a, b])],
        "contact-center-experience" => L["At least {0} of contact-center experience", Durations.Required(p.Months, L)],
        "certification" => L["Certification: {0}", p.Value ?? ""],
        "license" => L["License: {0}", p.Value ?? ""],
        "language" => L["Speaks {0}", p.Value ?? ""],
        "education" => L["Education: {0}", p.Value ?? ""],
        _ => p.Kind,
    };
}
