using System.Text.Json.Nodes;

namespace CareerMap.Provisioning;

/// <summary>The attributes and excludedAttributes parameters (RFC 7644 §3.9): id and schemas are always returned.</summary>
public static class ScimProjection
{
    public static void Apply(JsonObject resource, string? attributes, string? excluded)
    {
        static List<AttrPath> Paths(string? list) => string.IsNullOrWhiteSpace(list) ? []
            : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => AttrPath.Parse(p))];
        var keep = Paths(attributes);
        if (keep.Count > 0)
        {
            foreach (var (key, value) in resource.ToList())
            {
                if (key is "id" or "schemas") continue;
                if (ScimSchemas.Known(key) is { } urn && urn != ScimSchemas.User && value is JsonObject ext)
                {
                    var wanted = keep.Where(p => p.Schema == urn).ToList();
                    if (wanted.Count == 0) resource.Remove(key);
                    else Keep(ext, wanted);
                    continue;
                }
                var mine = keep.Where(p => p.Schema is null && string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
                if (mine.Count == 0) resource.Remove(key);
                else if (mine.All(p => p.Sub is not null)) KeepSubs(value, [.. mine.Select(p => p.Sub!)]);
            }
        }
        foreach (var path in Paths(excluded))
        {
            var container = path.Schema is null ? resource : Json.Get(resource, path.Schema) as JsonObject;
            if (container is null || (path.Schema is null && path.Name is "id" or "schemas")) continue;
            if (path.Sub is null) Json.Remove(container, path.Name);
            else if (Json.Get(container, path.Name) is JsonObject o) Json.Remove(o, path.Sub);
            else if (Json.Get(container, path.Name) is JsonArray a) foreach (var e in a.OfType<JsonObject>()) Json.Remove(e, path.Sub);
        }
    }

    static void Keep(JsonObject ext, List<AttrPath> wanted)
    {
        foreach (var (key, value) in ext.ToList())
        {
            var mine = wanted.Where(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mine.Count == 0) ext.Remove(key);
            else if (mine.All(p => p.Sub is not null)) KeepSubs(value, [.. mine.Select(p => p.Sub!)]);
        }
    }

    static void KeepSubs(JsonNode? value, HashSet<string> subs)
    {
        foreach (var o in value is JsonArray a ? a.OfType<JsonObject>() : value is JsonObject one ? [one] : [])
            foreach (var (key, _) in o.ToList())
                if (!subs.Contains(key, StringComparer.OrdinalIgnoreCase)) o.Remove(key);
    }
}
