using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareerMap.Accounts;
using CareerMap.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests;

/// <summary>
/// Every operation of the API's own OpenAPI document, called with random and hostile values for every path and
/// query parameter and body: nothing may answer 5xx, and a refused request (4xx) may not change any data.
/// </summary>
public sealed class FuzzTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly string[] Hostile =
    [
        "", " ", "0", "-1", "99999999999999999999", "NaN", "true", "null", "{}", "[]", "'; DROP TABLE roles; --", "\" OR 1=1 --",
        "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000", "CC-REP-1", "E000001", string.Concat(Enumerable.Repeat("😀", 300)),
        new string('x', 5000), "2026-13-45", "ǅ\u202Eevil",
    ];

    static JsonNode? HostileJson(Random rng) => rng.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(Hostile[rng.Next(Hostile.Length)]),
        2 => JsonValue.Create(rng.Next(3) switch { 0 => -1, 1 => int.MaxValue, _ => 0 }),
        3 => JsonValue.Create(rng.NextDouble() * 1e300),
        4 => new JsonArray(JsonValue.Create(Hostile[rng.Next(Hostile.Length)]), null),
        5 => new JsonObject { ["nested"] = new JsonObject { ["deeper"] = JsonValue.Create(Hostile[rng.Next(Hostile.Length)]) } },
        6 => JsonValue.Create(rng.Next(2) == 0),
        7 => JsonValue.Create(7),
        _ => JsonValue.Create("CC-REP-2"),
    };

    static async Task<string> FingerprintAsync(TestApp app) => await app.WithDbAsync(async db =>
        string.Join('|',
            JsonSerializer.Serialize(await app.ExportAsync()),
            await db.Employees.CountAsync(Ct), await db.Employees.SumAsync(e => e.Version, Ct),
            await db.Assessments.CountAsync(Ct), await db.Plans.CountAsync(Ct), await db.PlanEvents.CountAsync(Ct), await db.Users.CountAsync(Ct)));

    [Theory, ProviderApps]
    public async Task No_operation_fails_with_a_server_error_or_changes_data_when_it_refuses(TestApp app)
    {
        var cast = await Cast.LoadAsync(app);
        var callers = new[] { await app.SignedInAsync(AppRoles.HrAdmin), await app.SignedInAsync(AppRoles.Employee, cast.Employee), app.Client(followRedirects: false) };
        await callers[1].PostAsJsonAsync($"/api/employees/{cast.Employee}/plan", new { targetRole = "CC-REP-SR" }, Ct);
        var openapi = JsonNode.Parse(await callers[0].GetStringAsync("/openapi/v1.json", Ct))!;
        var rng = new Random(20261122);
        var failures = new List<string>();
        var calls = 0;
        foreach (var (path, item) in openapi["paths"]!.AsObject())
        {
            if (path.StartsWith("/api/auth", StringComparison.Ordinal)) continue; // rate limited by design: 429s, covered elsewhere
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList() ?? [];
                var fields = operation["requestBody"] is null ? [] : new[] { "code", "name", "title", "unit", "family", "grade", "level", "role", "competency", "weight", "critical",
                    "from", "to", "kind", "text", "targetRole", "evidence", "prerequisites", "marks", "levels", "indicators", "competencies", "actions", "off", "rank", "track", "category" };
                for (var round = 0; round < 6; round++)
                {
                    var url = path;
                    foreach (var p in parameters.Where(p => p.In == "path"))
                        url = url.Replace($"{{{p.Name}}}", Uri.EscapeDataString(rng.Next(4) == 0 ? cast.Employee : Hostile[rng.Next(Hostile.Length)]), StringComparison.Ordinal);
                    var query = parameters.Where(p => p.In == "query").Select(p => $"{p.Name}={Uri.EscapeDataString(Hostile[rng.Next(Hostile.Length)])}");
                    url += "?" + string.Join('&', query);
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                    if (operation["requestBody"] is not null)
                    {
                        var body = new JsonObject();
                        foreach (var f in fields.Where(_ => rng.Next(2) == 0)) body[f] = HostileJson(rng);
                        request.Content = rng.Next(5) == 0
                            ? new StringContent(rng.Next(2) == 0 ? "{\"broken\": " : "[1,2", Encoding.UTF8, "application/json")
                            : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                    }
                    var before = await FingerprintAsync(app);
                    var response = await callers[rng.Next(callers.Length)].SendAsync(request, Ct);
                    calls++;
                    var status = (int)response.StatusCode;
                    var text = await response.Content.ReadAsStringAsync(Ct);
                    if (status >= 500) failures.Add($"{method.ToUpperInvariant()} {url[..Math.Min(url.Length, 120)]} answered {status}: {text[..Math.Min(200, text.Length)]}");
                    else if (status >= 400 && await FingerprintAsync(app) != before) failures.Add($"{method.ToUpperInvariant()} {url[..Math.Min(url.Length, 120)]} answered {status} but changed data");
                    if (status >= 400) Assert.DoesNotContain("   at ", text);
                }
            }
        }
        Assert.True(calls > 100, $"only {calls} calls were made");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }
}
