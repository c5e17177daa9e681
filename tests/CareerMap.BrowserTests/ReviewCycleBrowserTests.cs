using System.Text.RegularExpressions;
using CareerMap.People;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareerMap.BrowserTests;

public sealed class ReviewCycleBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HR_opens_a_cycle_the_employee_rates_themselves_the_manager_rates_them_and_HR_sees_it_complete()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var cast = await Cast.LoadAsync(app);
        var (role, unit, unitName) = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee)
            .Select(e => new ValueTuple<string, string, string>(e.Role.Code, e.Role.Unit.Code, e.Role.Unit.Name)).SingleAsync(Ct));

        // HR opens the cycle for the representative's role in their unit; an empty name is refused first.
        var hr = await chromium.PageAsync(app, "HR admin", width: 1366);
        int cycleId;
        await using (var _ = hr.Context)
        {
            await hr.GotoAsync("/admin/reviews");
            await hr.GetByRole(AriaRole.Button, new() { Name = "Open the cycle" }).ClickAsync();
            await Assertions.Expect(hr.Locator(".field-error").First).ToContainTextAsync("name is required");
            await hr.GetByLabel("Name").FillAsync("Autumn check-in");
            await hr.GetByLabel(unitName, new() { Exact = true }).CheckAsync();
            await hr.GetByLabel("Roles, by code (blank: every role)").FillAsync(role);
            await hr.GetByRole(AriaRole.Button, new() { Name = "Open the cycle" }).ClickAsync();
            await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("Autumn check-in is open.");
            await Assertions.Expect(hr).ToHaveURLAsync(new Regex(@"cycle=\d+"));
            cycleId = int.Parse(new Regex(@"cycle=(\d+)").Match(hr.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            await Assertions.Expect(hr.Locator($"tr[data-unit='{unit}'] td.complete")).ToContainTextAsync("0%");
        }

        // Everyone else in the cycle has been rated already (written straight to the database, marked with the cycle).
        await app.WithDbAsync(async db =>
        {
            var others = await db.Employees.Where(e => e.DeactivatedOn == null && e.Role.Code == role && e.Role.Unit.Code == unit && e.EmployeeNumber != cast.Employee)
                .Select(e => new { e.Id, e.ManagerId }).ToListAsync(Ct);
            var required = await db.Requirements.Where(r => r.Role.Code == role).Select(r => r.CompetencyId).ToListAsync(Ct);
            foreach (var o in others)
            {
                db.Assessments.Add(new Assessment { EmployeeId = o.Id, CompetencyId = required[0], Level = 3, Source = AssessmentSource.Self, AssessorId = o.Id, AssessedOn = TestClock.Today, CycleId = cycleId });
                foreach (var c in required)
                    db.Assessments.Add(new Assessment { EmployeeId = o.Id, CompetencyId = c, Level = 3, Source = AssessmentSource.Manager, AssessorId = o.ManagerId, AssessedOn = TestClock.Today, CycleId = cycleId });
            }
            return await db.SaveChangesAsync(Ct);
        });

        // The representative, on a phone, is asked to rate themselves first.
        var me = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using (var _ = me.Context)
        {
            await me.GotoAsync("/reviews");
            var mine = me.Locator($"section[data-cycle='{cycleId}']");
            await Assertions.Expect(mine).ToContainTextAsync("First, rate yourself");
            await mine.GetByRole(AriaRole.Link, new() { Name = "Rate yourself" }).ClickAsync();
            await me.Locator("form.assess input[type=radio][value='3']").First.CheckAsync(new() { Force = true });
            await me.Locator("form.assess button[type=submit]").ClickAsync();
            await Assertions.Expect(me).ToHaveURLAsync(new Regex("rated=1"));
            await me.GotoAsync("/reviews");
            await Assertions.Expect(mine).ToContainTextAsync("Your self rating is in.");
            Assert.Equal(360, await me.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        }

        // The manager sees the self rating is in and rates every competency of the role.
        var boss = await chromium.PageAsync(app, "Manager", width: 1366);
        await using (var _ = boss.Context)
        {
            await boss.GotoAsync("/reviews");
            var row = boss.Locator($"section[data-team-cycle='{cycleId}'] tr[data-employee='{cast.Employee}']");
            await Assertions.Expect(row).ToContainTextAsync("in");
            await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Rate ") }).ClickAsync();
            // The submit button comes after every competency's levels: once it shows, the whole form is there to tick.
            await Assertions.Expect(boss.Locator("form.assess button[type=submit]")).ToBeVisibleAsync();
            await boss.WaitForLoadStateAsync(LoadState.Load);
            await boss.EvaluateAsync("() => document.querySelectorAll(\"form.assess input[type=radio][value='3']\").forEach(r => r.checked = true)");
            await boss.Locator("form.assess button[type=submit]").ClickAsync();
            await Assertions.Expect(boss).ToHaveURLAsync(new Regex("rated="));
            await boss.GotoAsync("/reviews");
            await Assertions.Expect(row).ToContainTextAsync("nothing: done");
        }

        // HR sees the unit, and the cycle, at 100 %.
        var back = await chromium.PageAsync(app, "HR admin", width: 360, height: 800);
        await using (var _ = back.Context)
        {
            await back.GotoAsync($"/admin/reviews?cycle={cycleId}");
            await Assertions.Expect(back.Locator($"tr[data-unit='{unit}'] td.complete")).ToContainTextAsync("100%");
            await Assertions.Expect(back.GetByRole(AriaRole.Heading, new() { Name = "Autumn check-in: 100% complete" })).ToBeVisibleAsync();
            Assert.Equal(360, await back.EvaluateAsync<int>("document.documentElement.scrollWidth"));
            await Assertions.Expect(back.GetByRole(AriaRole.Link, new() { Name = "Completion by unit as CSV" })).ToHaveAttributeAsync("href", $"/api/review-cycles/{cycleId}/completion.csv");

            // HR closes it: the page says so and offers no second close.
            await back.GetByRole(AriaRole.Button, new() { Name = "Close this cycle" }).ClickAsync();
            await Assertions.Expect(back.Locator("#cycle-closed")).ToContainTextAsync("Autumn check-in is closed");
            await Assertions.Expect(back.Locator("#closed-on")).ToBeVisibleAsync();
            await Assertions.Expect(back.GetByRole(AriaRole.Button, new() { Name = "Close this cycle" })).ToHaveCountAsync(0);
            await Assertions.Expect(back.Locator($"tr[data-cycle='{cycleId}']")).ToContainTextAsync("closed");
            Assert.Equal(360, await back.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        }

        // Closed, the cycle is gone from the representative's reviews.
        var after = await chromium.PageAsync(app, "Employee", width: 360, height: 800);
        await using (var _ = after.Context)
        {
            await after.GotoAsync("/reviews");
            await Assertions.Expect(after.Locator($"section[data-cycle='{cycleId}']")).ToHaveCountAsync(0);
        }
    }
}
