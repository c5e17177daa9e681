using CareerMap.People;
using CareerMap.Sample;

namespace CareerMap.Core.Tests;

public sealed class PeopleGeneratorTests
{
    static readonly DateOnly AsOf = new(2026, 11, 1);

    [Fact]
    public void A_tenure_filter_by_start_day_agrees_with_whole_months_in_role_on_every_day_of_four_years()
    {
        var wrong = new List<string>();
        for (var today = new DateOnly(2024, 1, 1); today < new DateOnly(2028, 1, 1); today = today.AddDays(1))
            foreach (var months in new[] { 1, 2, 6, 11, 12, 13, 24, 36 })
            {
                var cutoff = PeopleDirectory.StartedByForMonths(today, months);
                for (var start = cutoff.AddDays(-40); start <= cutoff.AddDays(40); start = start.AddDays(1))
                    if ((PeopleDirectory.MonthsBetween(start, today) >= months) != (start <= cutoff)) wrong.Add($"{start} → {today}, {months} months");
            }
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_same_seed_gives_the_same_people()
    {
        var d = RiverbendHealth.Build();
        var a = PeopleGenerator.Generate(d, new(500, 7, AsOf));
        var b = PeopleGenerator.Generate(d, new(500, 7, AsOf));
        var c = PeopleGenerator.Generate(d, new(500, 8, AsOf));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
        Assert.NotEqual(a.Employees.Select(e => e.Name), c.Employees.Select(e => e.Name));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(10_000)]
    public void The_workforce_is_a_pyramid_with_spans_of_8_to_15(int count)
    {
        var d = RiverbendHealth.Build();
        var people = PeopleGenerator.Generate(d, new(count, 1, AsOf));
        Assert.Equal(count, people.Employees.Count);
        Assert.Single(people.Employees, e => e.ManagerId is null);
        var ids = people.Employees.Select(e => e.Id).ToHashSet();
        Assert.All(people.Employees.Where(e => e.ManagerId is not null), e => Assert.Contains(e.ManagerId!.Value, ids));
        // Managers come before their reports, so they can be written in order.
        Assert.All(people.Employees.Where(e => e.ManagerId is not null), e => Assert.True(e.ManagerId < e.Id));

        var spans = people.Employees.Where(e => e.ManagerId is not null).GroupBy(e => e.ManagerId).Select(g => g.Count()).ToList();
        var inRange = spans.Count(s => s is >= 8 and <= 15) / (double)spans.Count;
        Assert.True(inRange > (count >= 10_000 ? 0.9 : 0.6), $"only {inRange:P0} of teams have 8 to 15 reports");
        Assert.True(spans.Max() <= 15, $"a team has {spans.Max()} reports");

        var leadership = d.Families.Where(f => f.Track == "leadership").Select(f => f.Code).ToHashSet();
        var leaderRoles = d.Roles.Where(r => leadership.Contains(r.Family)).Select(r => r.Code).ToHashSet();
        var leaders = people.Employees.Count(e => leaderRoles.Contains(e.Role));
        Assert.InRange(leaders / (double)count, 0.05, 0.15);
        var byGrade = people.Employees.GroupBy(e => d.Roles.Single(r => r.Code == e.Role).Grade).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byGrade["105"] > byGrade["107"] && byGrade["107"] > byGrade["109"] && byGrade["109"] > byGrade["111"], string.Join(", ", byGrade.OrderBy(g => g.Key)));
    }

    [Fact]
    public void People_have_believable_dates_and_assessments()
    {
        var d = RiverbendHealth.Build();
        var people = PeopleGenerator.Generate(d, new(1000, 3, AsOf));
        Assert.All(people.Employees, e =>
        {
            Assert.True(e.HireDate <= e.RoleStartDate && e.RoleStartDate <= AsOf);
            Assert.EndsWith("@riverbend.example", e.Email);
        });
        Assert.All(people.Employees.Where(e => e.Role.StartsWith("PS-TECH", StringComparison.Ordinal)), e => Assert.Contains("Certified Pharmacy Technician", e.Certifications));
        Assert.All(people.Assessments, a => Assert.InRange(a.Level, 1, 5));
        Assert.Contains(people.Assessments, a => a.Source == AssessmentSource.Manager && a.AssessorId is not null);
        Assert.Contains(people.Assessments, a => a.Source == AssessmentSource.Self);
        Assert.All(people.Assessments, a => Assert.True(a.AssessedOn <= AsOf));
        Assert.Equal(people.Employees.Select(e => e.EmployeeNumber).Distinct().Count(), people.Employees.Count);
    }
}
