using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CareerMap.Infrastructure;

/// <summary>
/// Behind a reverse proxy or TLS terminator the app sees the proxy, not the person: X-Forwarded-For and -Proto are
/// believed from loopback and from the proxies configured under <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR), never from anyone else. The client's address then drives the sign-in
/// limits, and an https scheme makes cookies Secure and turns on HSTS.
/// </summary>
public static class Proxies
{
    public const string Section = "ForwardedHeaders";

    public static void AddProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = List(section["KnownProxies"]).Select(p => IPAddress.TryParse(p, out var ip) ? ip
            : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address")).ToList();
        var networks = List(section["KnownNetworks"]).Select(n => System.Net.IPNetwork.TryParse(n, out var net) ? net
            : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network in CIDR form (10.0.0.0/8)")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    static IEnumerable<string> List(string? text) => (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
