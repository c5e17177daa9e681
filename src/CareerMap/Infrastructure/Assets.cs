using System.Security.Cryptography;

namespace CareerMap.Infrastructure;

/// <summary>Serves the stylesheet from the assembly, so the app looks the same however it is hosted.</summary>
public static class Assets
{
    static readonly Lazy<(byte[] Body, string ETag)> Css = new(() =>
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("CareerMap.Assets.site.css")!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var body = memory.ToArray();
        return (body, $"\"{Convert.ToHexString(SHA256.HashData(body))[..16]}\"");
    });

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/css/site.css", (HttpContext http) =>
        {
            var (body, etag) = Css.Value;
            http.Response.Headers.ETag = etag;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return http.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
