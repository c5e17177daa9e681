using System.Reflection;
using CareerMap.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CareerMap.Infrastructure;

/// <summary>Where telemetry goes: OTLP when an endpoint is configured, the console when asked, else nowhere.</summary>
public sealed record TelemetryExport(Uri? OtlpEndpoint, OtlpExportProtocol Protocol, bool FromEnvironment, bool Console)
{
    public bool Enabled => OtlpEndpoint is not null || Console;

    public static TelemetryExport From(IConfiguration configuration)
    {
        var fromEnvironment = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var endpoint = string.IsNullOrWhiteSpace(fromEnvironment) ? configuration["OpenTelemetry:OtlpEndpoint"] : fromEnvironment;
        // With the standard variables the exporter reads its protocol from them alone.
        var protocolSetting = string.IsNullOrWhiteSpace(fromEnvironment) ? configuration["OpenTelemetry:OtlpProtocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] : configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
        var protocol = protocolSetting?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"OTLP protocol '{other}' is not grpc or http/protobuf"),
        };
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out uri))
            throw new InvalidOperationException($"OTLP endpoint '{endpoint}' is not an absolute URL such as http://collector:4317");
        return new(uri, protocol, !string.IsNullOrWhiteSpace(fromEnvironment), configuration.GetValue<bool>("OpenTelemetry:Console"));
    }

    public override string ToString() => !Enabled ? "off"
        : string.Join(" and ", new[] { OtlpEndpoint is null ? null : $"OTLP to {OtlpEndpoint} ({Protocol})", Console ? "the console" : null }.OfType<string>());
}

/// <summary>Logs, metrics, traces and health endpoints, after dotnet/eShop's ServiceDefaults.</summary>
public static class Observability
{
    public const string ServiceName = "careermap";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var export = TelemetryExport.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(export);
        services.AddTransient<IStartupFilter, FailedRequestsStartup>();
        services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [LiveTag])
            .AddDbContextCheck<CareerMapDb>("database");
        // Without an exporter nothing is collected; the CareerMap counters still reach dotnet-counters.
        if (!export.Enabled) return builder;

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Observability).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion))
            .WithLogging(logging =>
            {
                if (export.Console) logging.AddConsoleExporter();
            }, options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = true;
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(CareerMapTelemetry.Name);
                if (export.Console) metrics.AddConsoleExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(CareerMapTelemetry.Name)
                    // Probes every few seconds would drown the traces that matter.
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (export.Console) tracing.AddConsoleExporter();
            });
        if (export.FromEnvironment) otel.UseOtlpExporter();
        else if (export.OtlpEndpoint is { } endpoint) otel.UseOtlpExporter(export.Protocol, endpoint);
        return builder;
    }

    const string LiveTag = "live";

    /// <summary>/health/live: the process answers, no database. /health/ready: every check, the database's included; 503 when one fails.</summary>
    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag), ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteHealth }).AllowAnonymous();
        return app;
    }

    /// <summary>Names and states only: an anonymous caller never sees an exception or a connection string.</summary>
    static Task WriteHealth(HttpContext http, HealthReport report) =>
        TypedResults.Json(new HealthView(Words(report.Status), [.. report.Entries.Select(e => new HealthCheckView(e.Key, Words(e.Value.Status), Math.Round(e.Value.Duration.TotalMilliseconds, 1)))]))
            .ExecuteAsync(http);

    static string Words(HealthStatus status) => status.ToString().ToLowerInvariant();
}

public sealed record HealthView(string Status, IReadOnlyList<HealthCheckView> Checks);

public sealed record HealthCheckView(string Name, string Status, double DurationMs);
