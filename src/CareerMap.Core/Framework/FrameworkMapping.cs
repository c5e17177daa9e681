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

    /// <summary>The prerequisite in plain words, as people read it on a role profile.</summary>
    /// <param name="titleOf">Turns a role code into the title people know it by.</param>
    public static string Describe(this PrerequisiteDto p, Func<string, string>? titleOf = null) => p.Kind switch
    {
        "months-in-role" => $"At least {Duration(p.Months)} in the current role",
        "months-in-roles" => $"At least {Duration(p.Months)} as {string.Join(" or ", (p.Roles ?? []).Select(titleOf ?? (c => c)))}",
        "contact-center-experience" => $"At least {Duration(p.Months)} of contact-center experience",
        "certification" => $"Certification: {p.Value}",
        "license" => $"License: {p.Value}",
        "language" => $"Speaks {p.Value}",
        "education" => $"Education: {p.Value}",
        _ => p.Kind,
    };

    static string Duration(int? months) => months switch
    {
        null => "some time",
        1 => "1 month",
        var m when m % 12 == 0 => m == 12 ? "1 year" : $"{m / 12} years",
        var m => $"{m} months",
    };
}
