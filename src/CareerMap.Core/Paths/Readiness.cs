using CareerMap.Framework;

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

    /// <summary>"You meet 9 of 12. Biggest gaps: Problem Solving (you 2, role 4)."</summary>
    public string Summary()
    {
        var text = $"You meet {Met} of {Competencies.Count}.";
        var gaps = Competencies.Where(c => c.Gap > 0).Take(3).ToList();
        if (gaps.Count > 0) text += " Biggest gaps: " + string.Join(", ", gaps.Select(g => $"{g.Name} (you {g.Effective}, role {g.Required})")) + ".";
        var unmet = Prerequisites.Where(p => !p.Met).Select(p => p.Text).ToList();
        if (unmet.Count > 0) text += " Still needed: " + string.Join("; ", unmet) + ".";
        return text;
    }
}
