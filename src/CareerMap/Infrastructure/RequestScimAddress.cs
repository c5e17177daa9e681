using CareerMap.Provisioning;

namespace CareerMap.Infrastructure;

/// <summary>The SCIM base URL as the client reached it: scheme, host and path base of the current request.</summary>
sealed class RequestScimAddress(IHttpContextAccessor http) : IScimAddress
{
    public string BaseUrl => http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}{r.PathBase}/scim/v2" : "/scim/v2";
}
