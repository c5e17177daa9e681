using System.Net.Http.Json;

namespace CareerMap.Tests.Support;

/// <summary>Framework writes through the API must say which version they replace; "*" asks for an unconditional one.</summary>
public static class ConditionalWrites
{
    public static Task<HttpResponseMessage> PutIfMatchAsync(this HttpClient client, string url, object body, CancellationToken ct, string ifMatch = "*") =>
        SendAsync(client, HttpMethod.Put, url, JsonContent.Create(body, body.GetType()), ifMatch, ct);

    public static Task<HttpResponseMessage> DeleteIfMatchAsync(this HttpClient client, string url, CancellationToken ct, string ifMatch = "*") =>
        SendAsync(client, HttpMethod.Delete, url, null, ifMatch, ct);

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content, string ifMatch, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, ct);
    }
}
