using Microsoft.AspNetCore.Antiforgery;

namespace CareerMap.Infrastructure;

/// <summary>
/// The API is for bearer tokens; a browser's page cookie also authenticates it (so a signed-in page could call it). A
/// cookie rides along on requests other sites make, so a write to the API authenticated by the cookie alone must carry
/// the antiforgery token a page of ours handed out (header <c>RequestVerificationToken</c>), whatever its content type
/// — endpoints that read forms (file uploads) turn ASP.NET's own check off for their bearer clients, this covers them.
/// </summary>
public static class ApiCookieWrites
{
    public static IApplicationBuilder UseApiCookieWriteCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http.Request) && http.User.Identity?.IsAuthenticated == true)
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Antiforgery token missing",
                    detail: "a write to the API signed in by the page cookie must carry the RequestVerificationToken header from a CareerMap page; API clients sign in with a bearer token (POST /api/auth/login)")
                    .ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

    static bool NeedsToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
