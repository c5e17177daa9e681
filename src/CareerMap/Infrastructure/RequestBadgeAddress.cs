using CareerMap.Badges;
using CareerMap.Framework.Case;

namespace CareerMap.Infrastructure;

/// <summary>The app's address for badges: the configured CASE base URL when there is one (what the CASE items' URLs say), else the request's.</summary>
sealed class RequestBadgeAddress(IHttpContextAccessor http, CaseSettings settings) : IBadgeAddress
{
    public string BaseUrl => (settings.BaseUrl ?? (http.HttpContext?.Request is { } r ? $"{r.Scheme}://{r.Host}{r.PathBase}" : CaseSettings.DefaultBaseUrl)).TrimEnd('/');
}
