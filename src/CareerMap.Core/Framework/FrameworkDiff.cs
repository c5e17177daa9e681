using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareerMap.Framework;

public sealed record ChangedItem(string Key, IReadOnlyList<string> Fields);

public sealed record CollectionDiff(string Collection, IReadOnlyList<string> Added, IReadOnlyList<ChangedItem> Changed, IReadOnlyList<string> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Changed.Count == 0 && Removed.Count == 0;
}

/// <summary>What an import or edit would add, change and remove, per entity.</summary>
public sealed record FrameworkDiff(bool OrganizationChanged, IReadOnlyList<CollectionDiff> Collections)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsEmpty => !OrganizationChanged && Collections.All(c => c.IsEmpty);

    public CollectionDiff For(IFrameworkCollection collection) => Collections.First(c => c.Collection == collection.Name);

    public static FrameworkDiff Between(FrameworkDocument before, FrameworkDocument after)
    {
        var collections = FrameworkCollections.All.Select(c => Compare(c, before, after)).ToList();
        return new(!Same(before.Organization, after.Organization), collections);
    }

    static CollectionDiff Compare(IFrameworkCollection collection, FrameworkDocument before, FrameworkDocument after)
    {
        var old = collection.Keyed(before).GroupBy(k => k.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Item, StringComparer.OrdinalIgnoreCase);
        var added = new List<string>();
        var changed = new List<ChangedItem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, item) in collection.Keyed(after))
        {
            if (!seen.Add(key)) continue;
            if (!old.TryGetValue(key, out var previous)) { added.Add(key); continue; }
            var fields = ChangedFields(previous, item);
            if (fields.Count > 0) changed.Add(new(key, fields));
        }
        var removed = old.Keys.Where(k => !seen.Contains(k)).ToList();
        return new(collection.Name, added, changed, removed);
    }

    public static bool Same(object a, object b) => JsonNode.DeepEquals(Normalize(a), Normalize(b));

    static List<string> ChangedFields(object before, object after)
    {
        var a = Normalize(before).AsObject();
        var b = Normalize(after).AsObject();
        return a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(a[k], b[k]))
            .ToList();
    }

    // Absent lists and empty lists mean the same thing in every format.
    static JsonNode Normalize(object item) => Tidy(JsonSerializer.SerializeToNode(item, item.GetType(), Json)!);

    // Also inside nested objects (an item's translations), innermost first, so an object left empty goes too.
    static JsonNode Tidy(JsonNode node)
    {
        if (node is JsonObject o)
            foreach (var key in o.Select(p => p.Key).ToList())
            {
                if (o[key] is { } inner) Tidy(inner);
                if (o[key] is null || o[key] is JsonArray { Count: 0 } || o[key] is JsonObject { Count: 0 } || (o[key] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0)) o.Remove(key);
            }
        else if (node is JsonArray a)
            foreach (var inner in a)
                if (inner is not null) Tidy(inner);
        return node;
    }

    public IEnumerable<string> Describe()
    {
        if (OrganizationChanged) yield return "organization: changed";
        foreach (var c in Collections)
        {
            var parts = new List<string>();
            parts.Add($"{c.Added.Count} added{List(c.Added)}");
            parts.Add($"{c.Changed.Count} changed{List(c.Changed.Select(x => $"{x.Key} ({string.Join(", ", x.Fields)})").ToList())}");
            parts.Add($"{c.Removed.Count} removed{List(c.Removed)}");
            yield return $"{c.Collection}: {string.Join("; ", parts)}";
        }
    }

    /// <summary>Only what changed, on one line, for a log: "roles: 1 added: CC-NEW | requirements: 2 changed: …".</summary>
    public string Brief()
    {
        static string Part(int count, string what, IReadOnlyList<string> keys) => count == 0 ? "" : $"{count} {what}{List(keys)}";
        var parts = Collections.Where(c => !c.IsEmpty).Select(c => $"{c.Collection}: " + string.Join("; ", new[]
        {
            Part(c.Added.Count, "added", c.Added), Part(c.Changed.Count, "changed", [.. c.Changed.Select(x => x.Key)]), Part(c.Removed.Count, "removed", c.Removed),
        }.Where(p => p.Length > 0)));
        return string.Join(" | ", (OrganizationChanged ? ["organization: changed"] : Array.Empty<string>()).Concat(parts));
    }

    static string List(IReadOnlyList<string> keys) => keys.Count == 0 ? "" :
        keys.Count <= 12 ? $": {string.Join(", ", keys)}" : $": {string.Join(", ", keys.Take(12))} and {keys.Count - 12} more";
}
