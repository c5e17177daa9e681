using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using CareerMap.Sample;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

public sealed class DataSafetyTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Killing_the_process_in_the_middle_of_a_large_import_leaves_the_database_as_it_was(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, empty: true);
        var file = Path.Combine(Path.GetTempPath(), $"careermap-large-{Guid.NewGuid():N}.json");
        await using (var stream = File.Create(file))
            JsonFrameworkFormat.Write(SyntheticFramework.Build(5000), stream);
        try
        {
            var cli = Path.Combine(AppContext.BaseDirectory, "careermap.dll");
            using var process = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { cli, "import", file, "--db", database.Target.ConnectionString }, RedirectStandardOutput = true, RedirectStandardError = true })!;
            // Wait until it says it is writing, then give it a moment to be well inside the transaction.
            var said = await process.StandardError.ReadLineAsync(Ct);
            Assert.StartsWith("Writing ", said);
            await Task.Delay(TimeSpan.FromMilliseconds(700), Ct);
            Assert.False(process.HasExited, "the import finished before it could be interrupted");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);

            await using var db = database.Target.CreateContext();
            Assert.Equal(0, await db.Roles.CountAsync(Ct));
            Assert.Equal(0, await db.Requirements.CountAsync(Ct));
            Assert.Equal(0, await db.Competencies.CountAsync(Ct));
            if (database.Target.Provider == CareerMap.Data.DatabaseProvider.Sqlite)
                Assert.Equal("ok", await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(Ct) is [var result] ? result : "several");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Two_instances_on_one_postgresql_database_share_sign_in_and_see_each_others_writes()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        await using var first = await TestApp.StartAsync(database);
        await using var second = await TestApp.StartAsync(database);
        var onFirst = await first.SignedInAsync(AppRoles.HrAdmin);
        var onSecond = second.Client();
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/units/CARE", Ct)).StatusCode);
        Assert.True((await onSecond.GetFromJsonAsync<JsonElement>("/api/roles?pageSize=1", Ct)).GetProperty("total").GetInt32() > 50);
        Assert.Equal(HttpStatusCode.Created, (await onFirst.PostAsJsonAsync("/api/units", new { code = "HR", name = "People Operations" }, Ct)).StatusCode);
        Assert.Equal("People Operations", (await onSecond.GetFromJsonAsync<JsonElement>("/api/units/HR", Ct)).GetProperty("name").GetString());
        var renamed = await onSecond.PutIfMatchAsync("/api/units/HR", new { code = "HR", name = "People & Culture" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/units/HR") { Content = JsonContent.Create(new { code = "HR", name = "Overwritten" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await onFirst.SendAsync(stale, Ct)).StatusCode);
        Assert.Equal("People & Culture", (await onFirst.GetFromJsonAsync<JsonElement>("/api/units/HR", Ct)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Two_instances_on_one_postgresql_database_see_each_others_ratings_and_people_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(Providers.Postgres);
        await using var first = await TestApp.StartAsync(database);
        await using var second = await TestApp.StartAsync(database);
        var cast = await Cast.LoadAsync(first);
        var managerOnFirst = await first.SignedInAsync(AppRoles.Manager, cast.Manager);
        var hrOnSecond = await second.SignedInAsync(AppRoles.HrAdmin);
        var readiness = $"/api/employees/{cast.Employee}/readiness?role=CC-REP-SR";
        int Comms(JsonElement view) => view.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("competency").GetString() == "COMMS").GetProperty("effective").GetInt32();
        // Both instances have built their caches (rating index, framework) before the writes.
        var before = Comms(await hrOnSecond.GetFromJsonAsync<JsonElement>(readiness, Ct));
        Assert.Equal(HttpStatusCode.OK, (await hrOnSecond.GetAsync("/api/roles/CC-REP-SR/candidates", Ct)).StatusCode);
        var level = before == 5 ? 4 : 5;

        Assert.Equal(HttpStatusCode.Created, (await managerOnFirst.PostAsJsonAsync($"/api/employees/{cast.Employee}/assessments", new { competency = "COMMS", level }, Ct)).StatusCode);
        Assert.Equal(level, Comms(await hrOnSecond.GetFromJsonAsync<JsonElement>(readiness, Ct)));

        var hrOnFirst = await first.SignedInAsync(AppRoles.HrAdmin);
        var roster = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
            $"EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths\nN-42,Quinn Okonkwo-Vale,quinn@x.example,CC-REP-1,{cast.Manager},2026-01-05,2026-01-05,,,,0\n")), "file", "roster.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await hrOnFirst.PostAsync("/api/employees/import", roster, Ct)).StatusCode);
        var found = await hrOnSecond.GetFromJsonAsync<JsonElement>("/api/employees?q=okonkwo-vale", Ct);
        Assert.Equal("N-42", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("employeeNumber").GetString());
        Assert.Equal(HttpStatusCode.OK, (await hrOnSecond.GetAsync("/api/employees/N-42/readiness?role=CC-REP-SR", Ct)).StatusCode);
    }
}
