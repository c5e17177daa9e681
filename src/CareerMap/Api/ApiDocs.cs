using Scalar.AspNetCore;

namespace CareerMap.Api;

/// <summary>
/// The API reference at <c>/docs</c> (Scalar), served whole from this app: no fonts or scripts from an outside site, the page's
/// language declared, and method labels dark enough to read (WCAG AA contrast) on the light theme.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/docs";

    const string Css = """
        .light-mode {
          --scalar-color-green: #0a6b2c;
          --scalar-color-blue: #0b4f9c;
          --scalar-color-orange: #8a3d00;
          --scalar-color-yellow: #6b5300;
          --scalar-color-red: #a01c1c;
          --scalar-color-purple: #5b2a9a;
          --scalar-color-3: #4d4d4d;
        }
        """;

    public static void MapApiDocs(this WebApplication app)
    {
        // Scalar's page template has no lang attribute; a screen reader needs it to pick the voice.
        app.Use(async (http, next) =>
        {
            var path = http.Request.Path.Value ?? "";
            if (!HttpMethods.IsGet(http.Request.Method) || !(path.Equals(Path + "/", StringComparison.OrdinalIgnoreCase) || path.Equals(Path + "/index.html", StringComparison.OrdinalIgnoreCase)))
            {
                await next(http);
                return;
            }
            var body = http.Response.Body;
            using var buffer = new MemoryStream();
            http.Response.Body = buffer;
            try { await next(http); }
            finally { http.Response.Body = body; }
            var html = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                html = html.Replace("<html>", """<html lang="en">""", StringComparison.OrdinalIgnoreCase);
            var bytes = System.Text.Encoding.UTF8.GetBytes(html);
            http.Response.ContentLength = bytes.Length;
            await body.WriteAsync(bytes, http.RequestAborted);
        });
        app.MapScalarApiReference(Path, o => o.WithTitle("CareerMap API").DisableDefaultFonts().WithCustomCss(Css)).AllowAnonymous();
    }
}
