namespace CareerMap.Pages;

/// <summary>A list page's search: where it submits, what it searches, what was asked and how many matched.</summary>
public sealed record SearchBox(string Action, string Label, string Hint, string? Query, int Found);
