using CareerMap.Paths;
using Microsoft.Extensions.Localization;

namespace CareerMap.People;

public sealed record ReadinessLine(string Competency, string Name, int Required, int Effective, string? RatedBy, DateOnly? RatedOn, bool SelfReported, int Gap, bool Critical, decimal Weight);

public sealed record PrerequisiteLine(string Kind, string Text, bool Met, int MonthsToMeet, DateOnly? MetBy);

public sealed record ReadinessView(string Employee, string Role, string RoleTitle, double Percent, bool ReadyNow, int EstimatedMonths, string Summary,
    IReadOnlyList<ReadinessLine> Competencies, IReadOnlyList<PrerequisiteLine> Prerequisites);

public static class ReadinessReport
{
    /// <summary>A person's readiness for a role, every competency and prerequisite explained: whose rating, from when, met by when.</summary>
    /// <param name="own">The reader is the person (the summary says "you"), not someone reading about them.</param>
    public static ReadinessView Of(CareerGraph graph, PersonRecord person, string role, DateOnly today, IStringLocalizer L, bool own)
    {
        var code = graph.Role(role)!.Code;
        var step = PathFinder.Direct(graph, code, person.State);
        var readiness = Readiness.Of(graph, code, person.State, step.Prerequisites);
        return new ReadinessView(person.EmployeeNumber, code, graph.Title(code), Math.Round(readiness.Percent, 4), readiness.ReadyNow, step.Months, readiness.Summary(graph, L, own ? null : person.Name),
            [.. readiness.Competencies.Select(c =>
            {
                var rating = person.State.Ratings.GetValueOrDefault(c.Competency);
                return new ReadinessLine(c.Competency, c.Name, c.Required, c.Effective, rating?.Source, rating?.On, rating?.SelfReported ?? false, c.Gap, c.Critical, c.Weight);
            })],
            [.. readiness.Prerequisites.Select(p => new PrerequisiteLine(p.Prerequisite.Kind, p.Text(graph, L), p.Met, p.MonthsToMeet, p.Met ? null : today.AddMonths(p.MonthsToMeet)))]);
    }
}
