using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CareerMap;

/// <summary>
/// What CareerMap counts and traces of its own work. OpenTelemetry exports it when configured;
/// `dotnet-counters monitor --counters CareerMap` reads the counters without it.
/// </summary>
public static class CareerMapTelemetry
{
    public const string Name = "CareerMap";

    public static readonly ActivitySource Source = new(Name);

    static readonly Meter Meter = new(Name);

    /// <summary>Framework, roster and job-description imports, tagged kind and outcome (applied, unchanged, dry-run, refused).</summary>
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("careermap.imports", "{import}", "Imports of the framework, rosters and job descriptions");

    /// <summary>SCIM writes, tagged operation and outcome (linked, waiting, deactivated, refused).</summary>
    public static readonly Counter<long> ProvisioningWrites = Meter.CreateCounter<long>("careermap.provisioning.writes", "{write}", "SCIM provisioning writes");

    /// <summary>Development plans moved along their status flow, tagged from and to.</summary>
    public static readonly Counter<long> PlanTransitions = Meter.CreateCounter<long>("careermap.plan.transitions", "{transition}", "Development plan status changes");

    public static void CountImport(string kind, string outcome) =>
        Imports.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
