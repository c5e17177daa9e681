namespace CareerMap.Framework;

/// <summary>
/// Something outside the framework that refers to its items (people hold roles, assessments rate competencies). Removing
/// an item it still refers to would lose history, so the framework asks every one of these before it removes anything.
/// </summary>
public interface IFrameworkReferences
{
    Task<IReadOnlyList<ImportProblem>> RemovalProblemsAsync(FrameworkDiff diff, CancellationToken ct);
}
