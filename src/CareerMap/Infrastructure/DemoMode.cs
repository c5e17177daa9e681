using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CareerMap.Infrastructure;

/// <summary>
/// Demo mode offers one-click sign-in as sample personas (one of them an HR admin), so it is decided from facts, not
/// from what was asked for: the embedded sample was requested, every address the server is actually bound to is a
/// loopback address (whatever --urls, ASPNETCORE_URLS or Kestrel configuration said), the caller connects from this
/// machine, and no proxy forwarded the request (a reverse proxy on loopback would otherwise hand it to anyone).
/// </summary>
public sealed class DemoMode(bool requested, IServer server)
{
    static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-For"];
    /// <summary>Whether the server can offer demo sign-in at all: requested, and bound only to loopback addresses (known once it has started).</summary>
    public bool Enabled => requested && BoundToLoopbackOnly(server);

    /// <summary>Whether this request may see and use the demo personas.</summary>
    public bool OfferedTo(HttpContext http) =>
        Enabled && http.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
        && !ForwardingHeaders.Any(h => http.Request.Headers.ContainsKey(h));

    static bool BoundToLoopbackOnly(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is { Count: > 0 } && addresses.All(IsLoopback);
    }

    /// <summary>An address Kestrel reports as bound: loopback by IP, or the name localhost (which Kestrel binds to loopback only).</summary>
    public static bool IsLoopback(string address)
    {
        var normalized = address.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri)) return false;
        if (uri.Host is "localhost") return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
