namespace CareerMap.Provisioning;

/// <summary>Where the SCIM endpoints are, for the <c>location</c> and <c>$ref</c> URIs a resource carries.</summary>
public interface IScimAddress
{
    string BaseUrl { get; }
}

/// <summary>Outside a request (the command line) resources are addressed relative to the app.</summary>
public sealed class RelativeScimAddress : IScimAddress
{
    public string BaseUrl => "/scim/v2";
}
