namespace CareerMap.Infrastructure;

/// <summary>
/// A browser that meets an error (no such page, not allowed, a failure) gets a page in the person's language with a
/// way on; the API, SCIM and machine clients keep problem details (RFC 9457). A browser is a request for text/html
/// outside the machine paths.
/// </summary>
static class ErrorPages
{
    const string Route = "/error/{0}";
    static readonly string[] MachinePaths = ["/api", "/scim", "/openapi", "/health", "/ims", "/xapi", "/docs", "/css"];

    public static bool IsBrowser(HttpContext http) =>
        !MachinePaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        && http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Failures and bare error statuses: pages for browsers, problem details for everyone else.</summary>
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseWhen(IsBrowser, browser =>
        {
            browser.UseExceptionHandler("/error/500");
            browser.UseStatusCodePagesWithReExecute(Route);
        });
        app.UseWhen(http => !IsBrowser(http), machine =>
        {
            machine.UseExceptionHandler();
            machine.UseStatusCodePages();
        });
    }
}
