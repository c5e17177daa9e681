using System.Net.Http.Json;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerMap.Tests;

public sealed class RatingIndexTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task The_index_ranks_exactly_as_the_straightforward_computation_and_follows_new_ratings(TestApp app)
    {
        var today = TestClock.Today;
        var graph = CareerGraph.Build(await app.ExportAsync());
        var index = await app.WithDbAsync(db => RatingIndex.LoadAsync(db, today, Ct));
        Assert.Equal(300, index.Count);

        var everyone = await app.WithDbAsync(db =>
        {
            var framework = Frameworks.Service(db);
            return new PeopleDirectory(db, framework, new PeopleCounts(), new ReviewCycles(db, framework, TestClock.Create(), app.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()),
            app.App.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()).LoadAsync(null, today, Ct);
        });
        foreach (var role in new[] { "CC-REP-SR", "CC-SUP", "PS-TECH-1", "CI-AN-PM" })
        {
            List<(int Id, double Readiness, bool Critical)> Straightforward(IEnumerable<PersonRecord> people, int top) => [.. people
                .Select(p => (p.Id, r: Readiness.Of(graph, role, p.State, [])))
                .Select(x => (x.Id, Readiness: Math.Round(x.r.Percent, 10), Critical: x.r.Competencies.All(c => !c.Critical || c.Gap == 0)))
                .OrderByDescending(x => x.Critical).ThenByDescending(x => x.Readiness).ThenBy(x => x.Id).Take(top)];
            var expected = Straightforward(everyone, 25);
            var actual = index.Rank(graph.Needs(role), 25).Select(x => (Id: index.EmployeeId(x.Row), Readiness: Math.Round(x.Readiness, 10), Critical: x.CriticalMet)).ToList();
            Assert.Equal(expected, actual);

            // Among a few people (a manager's line), exactly the same as everyone filtered down to them.
            var few = everyone.Where(p => p.Id % 7 == 3 || p.Id % 11 == 0).Select(p => p.Id).ToHashSet();
            var filtered = index.RankAll(graph.Needs(role), 10, row => few.Contains(index.EmployeeId(row)));
            var among = index.RankAll(graph.Needs(role), 10, among: few);
            Assert.Equal(filtered.Top, among.Top);
            Assert.Equal((few.Count, filtered.ReadyNow, filtered.WithinAYear, filtered.Later), (among.Considered, among.ReadyNow, among.WithinAYear, among.Later));
            Assert.Equal(Straightforward(everyone.Where(p => few.Contains(p.Id)), 10),
                among.Top.Select(x => (Id: index.EmployeeId(x.Row), Readiness: Math.Round(x.Readiness, 10), Critical: x.CriticalMet)).ToList());
        }

        var cast = await Cast.LoadAsync(app);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        await manager.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "DATA", level = 5 }, Ct);
        await app.WithDbAsync(async db => { await index.CatchUpAsync(db, Ct); return 0; });
        var id = everyone.Single(p => p.EmployeeNumber == cast.Employee).Id;
        var row = Enumerable.Range(0, index.Count).Single(r => index.EmployeeId(r) == id);
        Assert.Equal(5, index.Level(row, "DATA"));

        // A rating entered late but dated before the one standing does not displace it.
        await app.WithDbAsync(async db =>
        {
            var data = await db.Competencies.Where(c => c.Code == "DATA").Select(c => c.Id).SingleAsync(Ct);
            db.Assessments.Add(new Assessment { EmployeeId = id, CompetencyId = data, Level = 1, Source = AssessmentSource.Manager, AssessedOn = today.AddMonths(-2) });
            await db.SaveChangesAsync(Ct);
            await index.CatchUpAsync(db, Ct);
            return 0;
        });
        Assert.Equal(5, index.Level(row, "DATA"));
        Assert.Equal(graph.Roles.Count(), index.ForPerson(id, graph).Count);
    }

    [Theory, ProviderApps]
    public async Task A_leaders_line_from_the_index_is_the_recursive_querys_line_through_and_with_those_who_left(TestApp app)
    {
        var today = TestClock.Today;
        // A middle manager leaves with their team still reporting to them, and two people end up each other's manager.
        var (left, looped) = await app.WithDbAsync(async db =>
        {
            var middle = await db.Employees.Where(e => e.ManagerId != null && e.DeactivatedOn == null && db.Employees.Any(r => r.ManagerId == e.Id && db.Employees.Any(x => x.ManagerId == r.Id)))
                .OrderBy(e => e.Id).FirstAsync(Ct);
            middle.DeactivatedOn = today.AddDays(-3);
            var a = await db.Employees.Where(e => e.ManagerId != null && e.DeactivatedOn == null && e.Id != middle.Id && e.ManagerId != middle.Id && db.Employees.Any(r => r.ManagerId == e.Id))
                .OrderByDescending(e => e.Id).FirstAsync(Ct);
            var b = await db.Employees.Where(e => e.ManagerId == a.Id).OrderBy(e => e.Id).FirstAsync(Ct);
            a.ManagerId = b.Id;
            await db.SaveChangesAsync(Ct);
            return (middle, a.Id);
        });
        var index = await app.WithDbAsync(db => RatingIndex.LoadAsync(db, today, Ct));
        var leaders = await app.WithDbAsync(db => db.Employees.Where(e => db.Employees.Any(r => r.ManagerId == e.Id)).Select(e => e.Id).ToListAsync(Ct));
        Assert.Contains(left.Id, leaders);
        foreach (var leader in leaders)
        {
            var expected = await app.WithDbAsync(db => ReportingLine.SelfAndBelow(db, leader).ToListAsync(Ct));
            Assert.Equal(expected.Order(), index.LineIds(leader));
        }
        // Above the one who left, they and their team are still in the line.
        var above = left.ManagerId!.Value;
        var team = await app.WithDbAsync(db => db.Employees.Where(e => e.ManagerId == left.Id).Select(e => e.Id).ToListAsync(Ct));
        Assert.NotEmpty(team);
        Assert.All(team.Append(left.Id), id => Assert.Contains(id, index.LineIds(above)));
        Assert.Contains(looped, index.LineIds(looped));
        Assert.Empty(index.LineIds(int.MaxValue));
    }
}
