using CareerMap.Audit;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerMap.Tests;

/// <summary>The framework service over a bare context, as the tests that work below the app build it.</summary>
static class Frameworks
{
    sealed class Tester : IAuditActor
    {
        public string Name => "test";
    }

    public static FrameworkService Service(CareerMapDb db) =>
        new(db, new FrameworkCache(), [new PeopleFrameworkReferences(db, EnglishWords.Instance)], NullLogger<FrameworkService>.Instance, EnglishWords.Instance,
            TestClock.Create(), new Tester());
}
