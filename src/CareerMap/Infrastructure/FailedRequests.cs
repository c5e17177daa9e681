using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace CareerMap.Infrastructure;

/// <summary>
/// Logs every request answered with a 5xx, whether an exception or a handler chose the status. It runs outside the
/// exception handler, so it sees the final status; the exception's stack is in ASP.NET Core's own log, same trace id.
/// </summary>
sealed class FailedRequests(RequestDelegate next, ILogger<FailedRequests> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            // Thrown after the answer began, so the exception handler could not turn it into a 500 of its own.
            Failed(http, started, StatusCodes.Status500InternalServerError, e);
            throw;
        }
        if (http.Response.StatusCode >= 500) Failed(http, started, http.Response.StatusCode, http.Features.Get<IExceptionHandlerFeature>()?.Error);
    }

    void Failed(HttpContext http, long started, int status, Exception? error)
    {
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        // The route pattern, not the address: a query string may carry what a person typed.
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        logger.RequestFailed(http.Request.Method, route, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error?.GetType().Name ?? "none");
    }
}

/// <summary>Puts FailedRequests first in the pipeline, outside everything CareerMapWeb.Build adds.</summary>
sealed class FailedRequestsStartup(TelemetryExport export, ILogger<TelemetryExport> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        logger.TelemetryExportConfigured(export.ToString());
        app.UseMiddleware<FailedRequests>();
        next(app);
    };
}

static partial class RequestLog
{
    [LoggerMessage(1001, LogLevel.Error, "{Method} {Route} answered {StatusCode} after {ElapsedMs:0} ms (exception: {ExceptionType})")]
    public static partial void RequestFailed(this ILogger logger, string method, string route, int statusCode, double elapsedMs, string exceptionType);

    [LoggerMessage(1003, LogLevel.Information, "Concurrent edit refused: {Method} {Path}")]
    public static partial void ConcurrentEditRefused(this ILogger logger, string method, string path);

    [LoggerMessage(1002, LogLevel.Information, "Telemetry export: {Export}")]
    public static partial void TelemetryExportConfigured(this ILogger logger, string export);
}
