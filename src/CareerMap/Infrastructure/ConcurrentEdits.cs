using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Infrastructure;

/// <summary>
/// Two people (or two tabs) changing the same thing at once: the version check refuses the later write. That is an
/// answer (409 with a problem document, nothing of the later write kept), not a server error, wherever it happens.
/// </summary>
sealed class ConcurrentEdits(IProblemDetailsService problems, ILogger<ConcurrentEdits> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DbUpdateConcurrencyException) return false;
        logger.ConcurrentEditRefused(http.Request.Method, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Changed at the same time",
                Detail = "someone else changed this at the same moment and their change was kept; reload it, check it and make your change again",
            },
        });
    }
}
