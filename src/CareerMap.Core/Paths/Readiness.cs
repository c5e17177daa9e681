using CareerMap.Framework;
using Microsoft.Extensions.Localization;

namespace CareerMap.Paths;

public sealed record CompetencyReadiness(string Competency, string Name, int Required, int Effective, bool Critical, decimal Weight)
{
    public int Gap => Math.Max(0, Required - Effective);
}

/// <summary>How ready a person is for a role, in DESIGN.md's terms, with every reason kept.</summary>
public sealed record Readiness(double Percent, bool ReadyNow, IReadOnlyList<CompetencyReadiness> Competencies, IReadOnlyList<PrerequisiteStatus> Prerequisites)
{
    public const double ReadyThreshold = 0.9;

    public int Met => Competencies.Count(c => c.Gap == 0);

    /// <summary>Σ w·min(effective, required) / Σ w·required; ready now at 90 % with every critical competency and prerequisite met.</summary>
    public static Readiness Of(CareerGraph graph, string role, PersonState person, IReadOnlyList<PrerequisiteStatus> prerequisites)
    {
        var lines = graph.Needs(role)
            .Select(n => new CompetencyReadiness(n.Competency, graph.CompetencyName(n.Competency), n.Level, person.Levels.GetValueOrDefault(n.Competency), n.Critical, n.Weight))
            .OrderByDescending(c => c.Gap).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var required = lines.Sum(c => c.Weight * c.Required);
        var percent = required == 0 ? 1 : (double)(lines.Sum(c => c.Weight * Math.Min(c.Effective, c.Required)) / required);
        var ready = percent >= ReadyThreshold && lines.All(c => !c.Critical || c.Gap == 0) && prerequisites.All(p => p.Met);
        return new(percent, ready, lines, prerequisites);
    }

    /// <summary>"You meet 9 of 12. Biggest gaps: Problem Solving (you 2, role 4)." to the person themselves; "Ana meets 9 of 12…" to anyone else.</summary>
    /// <param name="name">Whose readiness, when the reader is someone else; null when it is the reader's own.</param>
    public string Summary(CareerGraph graph, IStringLocalizer L, string? name = null)
    {
        var sentences = new List<string> { name is null ? L["You meet {0} of {1}.", Met, Competencies.Count] : L["{0} meets {1} of {2}.", name, Met, Competencies.Count] };
        var gaps = Competencies.Where(c => c.Gap > 0).Take(3)
            .Select(g => (name is null ? L["{0} (you {1}, role {2})", g.Name, g.Effective, g.Required] : L["{0} (has {1}, role {2})", g.Name, g.Effective, g.Required]).Value).ToList();
        if (gaps.Count > 0) sentences.Add(L["Biggest gaps: {0}.", string.Join(", ", gaps)]);
        var unmet = Prerequisites.Where(p => !p.Met).Select(p => p.Text(graph, L)).ToList();
        if (unmet.Count > 0) sentences.Add(L["Still needed: {0}.", string.Join("; ", unmet)]);
        return string.Join(" ", sentences);
    }
}
