using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CareerMap.Tests;

public sealed class ObservabilityTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Header = "EmployeeNumber,Name,Email,Role,Manager,HireDate,RoleStartDate,Location,Languages,Certifications,ContactCenterMonths";

    [Theory, ProviderApps]
    public async Task Live_and_ready_name_their_checks_and_health_is_unchanged(TestApp app)
    {
        var client = app.Client();

        var live = await client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var liveBody = await live.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("healthy", liveBody.GetProperty("status").GetString());
        Assert.Equal(["self"], Checks(liveBody).Keys);

        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readyBody = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("healthy", readyBody.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string> { ["self"] = "healthy", ["database"] = "healthy" }, Checks(readyBody));

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal(app.Database.Target.Provider == CareerMap.Data.DatabaseProvider.Postgres ? "postgresql" : "sqlite", health.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Without_its_database_the_app_is_live_but_not_ready_and_failed_requests_are_logged()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var log = LogCapture.On(app);
        var client = app.Client();
        var reader = await app.SignedInAsync(AppRoles.Employee);

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE roles RENAME TO roles_gone", Ct));
        Assert.Equal(HttpStatusCode.InternalServerError, (await reader.GetAsync("/api/roles", Ct)).StatusCode);
        File.Delete(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(app.Database.Target.ConnectionString).DataSource);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("unhealthy", Checks(body)["database"]);
        Assert.DoesNotContain("Data Source", body.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var failed = log.Events("RequestFailed");
        Assert.Contains(failed, e => e.Values["Route"] is "/api/roles/" && e.Values["StatusCode"] is 500 && e.Values["ExceptionType"] is "SqliteException");
        Assert.Contains(failed, e => e.Values["Route"] is "/health/ready" && e.Values["StatusCode"] is 503 && e.Values["ExceptionType"] is "none");
        Assert.All(failed, e => Assert.Equal(LogLevel.Error, e.Level));
    }

    [Fact]
    public async Task Roster_imports_and_plan_moves_are_logged_as_events_without_names_or_emails()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var log = LogCapture.On(app);
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        var manager = await app.SignedInAsync(AppRoles.Manager, cast.Manager);
        var taken = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Peer).Select(e => e.Email).SingleAsync(Ct));
        var owner = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Employee).Select(e => new { e.Id, e.Name }).SingleAsync(Ct));
        var managerId = await app.WithDbAsync(db => db.Employees.Where(e => e.EmployeeNumber == cast.Manager).Select(e => e.Id).SingleAsync(Ct));

        async Task<HttpResponseMessage> Import(params string[] lines)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines]) + "\n")), "file", "roster.csv" } };
            return await hr.PostAsync("/api/employees/import", form, Ct);
        }
        Assert.Equal(HttpStatusCode.OK, (await Import($"N-LOG-1,Robin Quill,robin.quill@roster.example,CC-REP-1,{cast.Manager},2024-01-02,2024-01-02,Tampa,,,0")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Import($"N-LOG-2,Sam Quill,{taken},CC-REP-1,{cast.Manager},2024-01-02,2024-01-02,Tampa,,,0")).StatusCode);

        var me = await app.SignedInAsync(AppRoles.Employee, cast.Employee);
        var plan = $"/api/employees/{cast.Employee}/plan";
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync(plan, new { targetRole = "CC-REP-SR" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await me.PostAsJsonAsync($"{plan}/status", new { to = "submitted" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{plan}/status", new { to = "approved" }, Ct)).StatusCode);

        var imported = Assert.Single(log.Events("RosterImported"));
        Assert.Equal(3001, imported.Id);
        Assert.Equal((1, 0), ((int)imported.Values["Added"]!, (int)imported.Values["Changed"]!));
        var refused = Assert.Single(log.Events("RosterImportRefused"));
        Assert.Equal("line 2, Email", refused.Values["FirstPlace"]);
        var moves = log.Events("PlanMoved").Select(e => (e.Values["From"]!.ToString(), e.Values["To"]!.ToString(), e.Values["EmployeeId"], e.Values["ByEmployeeId"])).ToList();
        Assert.Equal([("Draft", "Submitted", owner.Id, owner.Id), ("Submitted", "Approved", owner.Id, managerId)], moves);

        Assert.All(log.All, e => Assert.DoesNotContain("@", e.Text, StringComparison.Ordinal));
        Assert.All(log.All, e => Assert.DoesNotContain(owner.Name, e.Text, StringComparison.Ordinal));
        Assert.All(log.All, e => Assert.DoesNotContain("Quill", e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_otlp_endpoint_traces_metrics_and_logs_of_a_real_request_are_exported()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var app = await TestApp.StartAsync(Providers.Sqlite, settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:OtlpEndpoint"] = collector.Address.ToString(),
            ["OpenTelemetry:OtlpProtocol"] = "http/protobuf",
        });
        var cast = await Cast.LoadAsync(app);
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync("/api/roles/CC-REP-1", Ct)).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes($"{Header}\nN-OTLP-1,Ari Moss,ari.moss@roster.example,CC-REP-1,{cast.Manager},2024-01-02,2024-01-02,,,,0\n")), "file", "roster.csv" } };
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync("/api/employees/import", form, Ct)).StatusCode);

        Assert.True(app.App.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(app.App.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(app.App.Services.GetRequiredService<LoggerProvider>().ForceFlush());

        // OTLP is protobuf, where names and string values travel as plain UTF-8.
        var traces = collector.Received("traces");
        Assert.Contains("careermap", traces);
        Assert.Contains("GET /api/roles/{code}", traces);
        Assert.Contains("OpenTelemetry.Instrumentation.EntityFrameworkCore", traces);
        Assert.Contains("roster import", traces);
        var metrics = collector.Received("metrics");
        Assert.Contains("http.server.request.duration", metrics);
        Assert.Contains("/api/roles/{code}", metrics);
        Assert.Contains("dotnet.gc.collections", metrics);
        Assert.Contains("careermap.imports", metrics);
        var logs = collector.Received("logs");
        Assert.Contains("RosterImported", logs);
        Assert.DoesNotContain("ari.moss@", logs);
    }

    static Dictionary<string, string> Checks(JsonElement body) =>
        body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);

    /// <summary>Every log event the app writes from now on, with its structured values.</summary>
    sealed class LogCapture : ILoggerProvider
    {
        readonly ConcurrentQueue<Captured> events = new();

        public static LogCapture On(TestApp app)
        {
            var capture = new LogCapture();
            app.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
            return capture;
        }

        public IReadOnlyList<Captured> All => [.. events];

        public IReadOnlyList<Captured> Events(string name) => [.. events.Where(e => e.Name == name)];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        sealed class Logger(LogCapture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                var pairs = values.ToDictionary(p => p.Key, p => p.Value);
                capture.events.Enqueue(new(category, logLevel, eventId.Id, eventId.Name, pairs,
                    $"{formatter(state, exception)} {string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))} {exception?.Message}"));
            }
        }
    }

    sealed record Captured(string Category, LogLevel Level, int Id, string? Name, IReadOnlyDictionary<string, object?> Values, string Text);

    /// <summary>A stand-in OpenTelemetry collector: keeps what arrives over OTLP/HTTP per signal.</summary>
    sealed class OtlpCollector : IAsyncDisposable
    {
        readonly ConcurrentDictionary<string, ConcurrentQueue<byte[]>> received = new();
        WebApplication? app;

        public Uri Address { get; private set; } = null!;

        public static async Task<OtlpCollector> StartAsync()
        {
            var collector = new OtlpCollector();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                collector.received.GetOrAdd(signal, _ => new()).Enqueue(body.ToArray());
                return Results.Bytes(Array.Empty<byte>(), "application/x-protobuf");
            });
            await app.StartAsync();
            collector.app = app;
            collector.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return collector;
        }

        public string Received(string signal) =>
            string.Concat(received.GetValueOrDefault(signal, []).Select(b => Encoding.UTF8.GetString(b)));

        public async ValueTask DisposeAsync()
        {
            if (app is null) return;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
