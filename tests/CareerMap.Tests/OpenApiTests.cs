using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerMap.Tests.Support;

namespace CareerMap.Tests;

/// <summary>
/// The API's contract as clients see it: /openapi/v1.json against a committed snapshot, so any change to a URL,
/// a schema or a status code shows up in review, and a check that every JSON body has a named, typed schema.
/// </summary>
public sealed partial class OpenApiTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string SnapshotInRepository = "tests/CareerMap.Tests/OpenApi/v1.json";

    static async Task<JsonObject> DocumentAsync()
    {
        await using var app = await TestApp.StartAsync(Providers.Sqlite);
        return JsonNode.Parse(await app.Client().GetStringAsync("/openapi/v1.json", Ct))!.AsObject();
    }

    [Fact]
    public async Task The_openapi_document_matches_the_committed_snapshot()
    {
        var actual = Normalized(await DocumentAsync());
        var snapshot = Path.Combine(AppContext.BaseDirectory, "OpenApi", "v1.json");
        var expected = File.Exists(snapshot) ? (await File.ReadAllTextAsync(snapshot, Ct)).ReplaceLineEndings("\n") : "";
        var received = Path.Combine(AppContext.BaseDirectory, "OpenApi", "v1.received.json");
        if (actual == expected)
        {
            File.Delete(received);
            return;
        }
        await File.WriteAllTextAsync(received, actual, Ct);
        Assert.Fail($"""
            /openapi/v1.json differs from the snapshot {SnapshotInRepository}.
            {FirstDifference(expected, actual)}
            The new document is in {received}.
            If the change is intended, accept it:  cp "{received}" {SnapshotInRepository}
            """);
    }

    [Fact]
    public async Task Every_json_request_and_response_body_has_a_named_typed_schema()
    {
        var document = await DocumentAsync();
        var components = document["components"]?["schemas"]?.AsObject() ?? [];
        var untyped = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var bodies = (operation!["requestBody"]?["content"]?.AsObject() ?? []).Select(c => ("request", c.Key, c.Value))
                    .Concat((operation["responses"]?.AsObject() ?? []).SelectMany(r => (r.Value!["content"]?.AsObject() ?? []).Select(c => (r.Key, c.Key, c.Value))));
                foreach (var (what, contentType, content) in bodies)
                    if (contentType.Contains("json", StringComparison.Ordinal) && Untyped(content!["schema"], components, []) is { } why)
                        untyped.Add($"{method.ToUpperInvariant()} {path} {what} {contentType}: {why}");
            }
        foreach (var (name, schema) in components)
        {
            if (UntypedName().IsMatch(name)) untyped.Add($"component {name}: names no real type");
            if (Untyped(schema, components, []) is { } why) untyped.Add($"component {name}: {why}");
        }
        Assert.True(untyped.Count == 0, string.Join("\n", untyped));
    }

    /// <summary>Why a schema says nothing about its values (empty, a bare object, a list of anything), or null when it is typed.</summary>
    static string? Untyped(JsonNode? schema, JsonObject components, HashSet<string> seen)
    {
        if (schema is not JsonObject s || s.Count == 0) return "the schema is {}";
        if (s["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference.Split('/')[^1];
            if (!components.ContainsKey(name)) return $"{reference} is not in components";
            return seen.Add(name) ? Untyped(components[name], components, seen) : null;
        }
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            if (s[key] is JsonArray options)
                return options.Select(o => Untyped(o, components, seen)).FirstOrDefault(why => why is not null);
        if (s["enum"] is JsonArray { Count: > 0 }) return null;
        var types = s["type"] switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => [],
        };
        if (types.Count == 0) return $"no type in {s.ToJsonString()}";
        if (types.Contains("array")) return Untyped(s["items"], components, seen) is { } why ? $"items: {why}" : null;
        if (types.Contains("object"))
        {
            if (s["additionalProperties"] is JsonObject values) return Untyped(values, components, seen) is { } why ? $"values: {why}" : null;
            if (s["properties"] is not JsonObject { Count: > 0 } properties) return "an object without properties";
            return properties.Select(p => Untyped(p.Value, components, seen) is { } why ? $"{p.Key}: {why}" : null).FirstOrDefault(why => why is not null);
        }
        return null;
    }

    [GeneratedRegex(@"(^|Of)(Object|JsonElement|JsonNode|JsonObject|JsonArray|JsonDocument)$")]
    private static partial Regex UntypedName();

    /// <summary>Sorted keys, indented, without the server address (each test app listens on its own port).</summary>
    static string Normalized(JsonObject document)
    {
        document.Remove("servers");
        return Sorted(document)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
    }

    static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line]) line++;
        string Around(string[] lines) => string.Join("\n", lines.Skip(Math.Max(0, line - 3)).Take(7).Select((l, i) => $"  {Math.Max(0, line - 3) + i + 1,5}: {l}"));
        return $"First difference at line {line + 1}.\nSnapshot:\n{Around(e)}\nNow:\n{Around(a)}";
    }
}
