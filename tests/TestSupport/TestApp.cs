using System.Net.Http.Headers;
using System.Net.Http.Json;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Hosting;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CareerMap.Tests.Support;

/// <summary>The real app on a real Kestrel port on 127.0.0.1, over a database of its own.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Password = "test-password-42";
    public required WebApplication App { get; init; }
    public required TestDatabase Database { get; init; }
    public required Uri BaseAddress { get; init; }
    bool ownsDatabase;
    readonly List<HttpClient> clients = [];
    int disposed;

    public static async Task<TestApp> StartAsync(string provider, bool demo = true, IReadOnlyDictionary<string, string?>? settings = null) =>
        await StartAsync(await TestDatabase.CreateAsync(provider), demo, ownsDatabase: true, settings);

    /// <summary>Another app instance over a database some other instance already serves.</summary>
    /// <param name="extend">Maps more endpoints before the app starts (tests of what every endpoint gets without asking).</param>
    public static async Task<TestApp> StartAsync(TestDatabase database, bool demo = true, bool ownsDatabase = false, IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplication>? extend = null)
    {
        // Tests sweep notifications and send mail when they choose, not on a timer.
        var merged = new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        var app = CareerMapWeb.Build(new WebSettings(database.Target, "http://127.0.0.1:0", demo, Settings: merged, Clock: TestClock.Create()));
        extend?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A server bound to every interface is reached, like any other, on loopback.
        var reachable = new UriBuilder(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal)).Uri;
        return new TestApp { App = app, Database = database, BaseAddress = reachable, ownsDatabase = ownsDatabase };
    }

    /// <summary>The addresses the server is actually bound to.</summary>
    public ICollection<string> BoundAddresses => App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;

    /// <summary>A client of the app, disposed with it.</summary>
    public HttpClient Client(bool followRedirects = true)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = BaseAddress };
        lock (clients) clients.Add(client);
        return client;
    }

    /// <summary>Creates an account with a known password and returns a client carrying its bearer token.</summary>
    public async Task<HttpClient> SignedInAsync(string role, string? employeeNumber = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, role, employeeNumber, Password);
            Assert.True(result.Ok, string.Join("; ", result.Errors));
        }
        var client = Client();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates an account with the test password; returns its email.</summary>
    public async Task<string> CreateAccountAsync(string role, string? employeeNumber = null, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, role, employeeNumber, Password);
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        return email;
    }

    /// <summary>Creates an account and signs in through the sign-in page, as a browser does: a client carrying the page cookie.</summary>
    public async Task<HttpClient> BrowserAsync(string role, string? employeeNumber = null, string? language = null)
    {
        var email = await CreateAccountAsync(role, employeeNumber);
        var client = Client();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        await SignInThroughPageAsync(client, email);
        return client;
    }

    /// <summary>Signs the client in with the sign-in page's password form and checks it landed on the home page.</summary>
    public static async Task SignInThroughPageAsync(HttpClient client, string email)
    {
        var page = await client.GetStringAsync("/account/login");
        var signedIn = await client.PostAsync("/account/login?handler=Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Forms.AntiforgeryToken(page),
        }));
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public async Task<FrameworkDocument> ExportAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FrameworkService>().ExportAsync();
    }

    public async Task<T> WithDbAsync<T>(Func<CareerMapDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CareerMapDb>());
    }

    public override string ToString() => Database.Target.Provider.ToString();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1) return;
        lock (clients) foreach (var client in clients) client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (ownsDatabase) await Database.DisposeAsync();
    }

    sealed record TokenResponse(string AccessToken);
}
