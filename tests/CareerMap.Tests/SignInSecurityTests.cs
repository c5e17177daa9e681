using System.Net;
using System.Text.RegularExpressions;
using CareerMap.Infrastructure;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

/// <summary>Sign-in, sign-out and sessions as an attacker would probe them (issue 14), through the real app.</summary>
public sealed partial class SignInSecurityTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string url, Dictionary<string, string> fields, Action<HttpRequestMessage>? headers = null)
    {
        var form = await client.GetStringAsync(page, Ct);
        fields["__RequestVerificationToken"] = Antiforgery().Match(form).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        headers?.Invoke(request);
        return await client.SendAsync(request, Ct);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5001", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://10.1.2.3:80", false)]
    public void A_bound_address_counts_as_loopback_only_when_it_is(string address, bool loopback) =>
        Assert.Equal(loopback, DemoMode.IsLoopback(address));

    [Fact]
    public async Task Demo_sign_in_is_off_when_Kestrel_configuration_binds_every_interface_whatever_the_urls_say()
    {
        // The --urls string still says loopback; Kestrel's own configuration wins and binds 0.0.0.0.
        await using var app = await TestApp.StartAsync(Providers.Sqlite, settings: new Dictionary<string, string?> { ["Kestrel:Endpoints:Http:Url"] = "http://0.0.0.0:0" });
        Assert.All(app.BoundAddresses, a => Assert.StartsWith("http://0.0.0.0:", a));
        var client = app.Client(followRedirects: false);
        Assert.DoesNotContain("Try it as someone", await client.GetStringAsync("/account/login", Ct));
        var post = await PostFormAsync(client, "/account/login", "/account/login?handler=Demo", new() { ["persona"] = "admin", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/roles", Ct)).StatusCode);
    }

    [Fact]
    public async Task Demo_sign_in_is_never_offered_to_a_request_a_proxy_forwarded()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        var local = app.Client(followRedirects: false);
        Assert.Contains("Try it as someone", await local.GetStringAsync("/account/login", Ct));

        var proxied = app.Client(followRedirects: false);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        Assert.DoesNotContain("Try it as someone", await proxied.GetStringAsync("/account/login", Ct));
        var post = await PostFormAsync(proxied, "/account/login", "/account/login?handler=Demo", new() { ["persona"] = "admin", ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
