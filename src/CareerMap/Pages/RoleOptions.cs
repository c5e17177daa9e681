using CareerMap.Paths;

namespace CareerMap.Pages;

/// <summary>A role picker's options: the graph's roles by unit, with the one chosen.</summary>
public sealed record RoleOptions(CareerGraph Graph, string? Selected)
{
    public string UnitName(string code) => Graph.Document.Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;
}
