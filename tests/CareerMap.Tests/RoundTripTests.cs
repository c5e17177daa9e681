using System.Net;
using CareerMap.Accounts;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

/// <summary>
/// How many commands the requests people make most send to the database, once caches are warm, pinned: a new N+1 or
/// a whole-table load shows up here as a changed number, on both databases.
/// </summary>
public sealed class RoundTripTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderApps]
    public async Task The_hot_requests_send_a_pinned_number_of_commands(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        // A redirect would drop the bearer token and measure the sign-in page instead.
        async Task<HttpClient> AsAsync(string role, string? number = null)
        {
            var client = app.Client(followRedirects: false);
            client.DefaultRequestHeaders.Authorization = (await app.SignedInAsync(role, number)).DefaultRequestHeaders.Authorization;
            return client;
        }
        var employee = await AsAsync(AppRoles.Employee, cast.Employee);
        var manager = await AsAsync(AppRoles.Manager, cast.Manager);
        var hr = await AsAsync(AppRoles.HrAdmin);
        var requests = new (string Name, HttpClient Client, string Url, int Commands)[]
        {
            // account + session; the person; change stamps; the person's record; their ratings; their dated credentials
            ("own readiness", employee, $"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", 6),
            // … and the reporting line up from the person
            ("a report's readiness as their manager", manager, $"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR", 7),
            ("recommendations", employee, $"/api/employees/{cast.Employee}/recommendations", 6),
            // account; stamps; the top candidates' records, ratings and dated credentials (no new ratings to catch up with)
            ("candidates for a role", hr, "/api/roles/CC-REP-SR/candidates", 5),
            // account; stamps; the page itself (with managers' numbers, without ratings); the count was kept from the first
            ("people list", manager, "/api/employees", 3),
            ("people search", hr, "/api/employees?q=anderson", 3),
            ("people page", manager, "/people", 3),
            ("map page", employee, "/map", 2),
            // account; the person; their record, ratings and dated credentials; stamps; the plan with its actions
            ("plan page", employee, $"/plans/{cast.Employee}", 7),
        };
        var differences = new List<string>();
        foreach (var (name, client, url, pinned) in requests)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode);
            var commands = await DatabaseCommands.DuringAsync(app, async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode));
            if (commands.Count != pinned) differences.Add($"{name}: {commands.Count} commands, pinned {pinned}:\n  {string.Join("\n  ", commands.Select(c => c.ReplaceLineEndings(" ")))}");
        }
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }
}
