using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareerMap.Accounts;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

/// <summary>A browser meets errors as pages in the person's language with a way on; machines keep problem details.</summary>
public sealed class ErrorPagesTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static HttpRequestMessage Browser(string url, string language = "en-US") => new(HttpMethod.Get, url)
    {
        Headers = { { "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" }, { "Accept-Language", language } },
    };

    [Theory, ProviderApps]
    public async Task A_missing_page_is_a_page_for_a_browser_in_its_language_and_problem_details_for_the_api(TestApp app)
    {
        var hr = await app.SignedInAsync(AppRoles.HrAdmin);

        var missing = await hr.SendAsync(Browser("/no/such/page"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType!.MediaType);
        var page = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Contains("We can&#x27;t find that page", page);
        Assert.Contains("<code>/no/such/page</code>", page);
        Assert.Contains("href=\"/people\"", page);

        var spanish = await (await hr.SendAsync(Browser("/no/such/page", "es-US,es;q=0.9"), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"es\">", spanish);
        Assert.Contains("No encontramos esa página", spanish);

        // Someone nobody knows in a page's route: HR is told there is no such person, as a page.
        var nobody = await hr.SendAsync(Browser("/people/NO-SUCH-PERSON"), Ct);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Contains("We can&#x27;t find that page", await nobody.Content.ReadAsStringAsync(Ct));

        // The API and clients that do not ask for HTML keep RFC 9457 problem details, whatever they accept.
        foreach (var request in new[] { Browser("/api/no-such-thing"), new HttpRequestMessage(HttpMethod.Get, "/no/such/page") })
        {
            var problem = await hr.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
            Assert.Equal("application/problem+json", problem.Content.Headers.ContentType!.MediaType);
            Assert.Equal(404, (await problem.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_failure_page_says_nothing_was_half_saved_and_gives_a_reference_to_quote()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var failed = await app.Client().SendAsync(Browser("/error/500", "es"), Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var page = await failed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Algo falló de nuestro lado", page);
        Assert.Matches("Referencia: <code>[0-9a-f]{32}</code>", page);
        Assert.Contains("href=\"/account/login\"", page);
    }
}
