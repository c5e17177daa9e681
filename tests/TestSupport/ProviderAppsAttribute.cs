using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace CareerMap.Tests.Support;

/// <summary>
/// Runs a test once per database provider, handing it the real app already started over a fresh sample database of
/// that provider; the app, its database and every client it handed out are disposed when the test is done. Without
/// PostgreSQL the PostgreSQL run is skipped with the reason, except under CI=true, where that is a failure.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderAppsAttribute : DataAttribute
{
    public override async ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var rows = new List<ITheoryDataRow>();
        foreach (var provider in new[] { Providers.Sqlite, Providers.Postgres })
        {
            if (provider == Providers.Postgres && Environment.GetEnvironmentVariable("CI") != "true" && (await PostgresServer.GetAsync()).Reason is { } reason)
            {
                rows.Add(new TheoryDataRow<TestApp?>(null) { Skip = reason, TestDisplayName = $"{testMethod.Name}({provider})" });
                continue;
            }
            var app = await TestApp.StartAsync(provider);
            disposalTracker.Add(app);
            rows.Add(new TheoryDataRow<TestApp>(app) { TestDisplayName = $"{testMethod.Name}({provider})" });
        }
        return rows;
    }

    // The apps are started when the test runs, never while tests are being discovered.
    public override bool SupportsDiscoveryEnumeration() => false;
}
