using System.Text.Json.Nodes;

namespace CareerMap.Provisioning;

/// <summary>
/// PATCH of RFC 7644 §3.5.2 applied to a resource's JSON: add, replace and remove, with attribute paths,
/// sub-attributes, extension URNs and value filters (<c>emails[type eq "work"].value</c>). Attribute names ignore case.
/// </summary>
public static class ScimPatch
{
    static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase) { "id", "meta", "groups" };

    public static void Apply(JsonObject resource, JsonObject request)
    {
        if (Json.Get(request, "schemas") is not JsonArray schemas || !schemas.Any(s => string.Equals(Json.Text(s), ScimSchemas.PatchOp, StringComparison.OrdinalIgnoreCase)))
            throw ScimException.BadRequest("invalidSyntax", $"a PATCH request lists \"{ScimSchemas.PatchOp}\" in schemas");
        if (Json.Get(request, "Operations") is not JsonArray { Count: > 0 } operations)
            throw ScimException.BadRequest("invalidSyntax", "a PATCH request has a non-empty 'Operations' array");
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation) throw ScimException.BadRequest("invalidSyntax", $"Operations[{i}] is not an object");
            var op = Json.Text(Json.Get(operation, "op"))?.ToLowerInvariant();
            var path = Json.Text(Json.Get(operation, "path"));
            var value = Json.Get(operation, "value");
            if (op is not ("add" or "replace" or "remove"))
                throw ScimException.BadRequest("invalidSyntax", $"Operations[{i}].op: '{Json.Text(Json.Get(operation, "op")) ?? "(missing)"}' is not add, replace or remove");
            try
            {
                if (string.IsNullOrWhiteSpace(path))
                {
                    if (op == "remove") throw ScimException.BadRequest("noTarget", "remove needs a path");
                    if (value is not JsonObject values) throw ScimException.BadRequest("invalidValue", $"{op} without a path needs an object of attributes as its value");
                    foreach (var (name, v) in values.ToList())
                    {
                        if (ScimSchemas.Known(name) is { } urn && urn != ScimSchemas.User)
                        {
                            if (v is not JsonObject ext) throw ScimException.BadRequest("invalidValue", $"{name} must be an object");
                            foreach (var (sub, sv) in ext.ToList()) ApplyOne(resource, op, new Target(new(urn, sub, null), null), sv);
                        }
                        else ApplyOne(resource, op, new Target(AttrPath.Parse(name), null), v);
                    }
                }
                else ApplyOne(resource, op, Declared(Target.Parse(path.Trim())), value);
            }
            catch (ScimException e)
            {
                throw new ScimException(e.Status, e.ScimType, $"Operations[{i}]: {e.Message}");
            }
        }
    }

    /// <summary>A PATCH path: an attribute, optionally narrowed by a value filter and then a sub-attribute.</summary>
    sealed record Target(AttrPath Path, ScimFilter? Filter, string? SubAfterFilter = null)
    {
        public static Target Parse(string text)
        {
            var open = text.IndexOf('[', StringComparison.Ordinal);
            if (open < 0)
            {
                if (ScimSchemas.Known(text) is { } urn && urn != ScimSchemas.User) return new(new(urn, "", null), null);
                return new(AttrPath.Parse(text), null);
            }
            var close = text.LastIndexOf(']');
            if (close < open) throw ScimException.BadRequest("invalidPath", $"'{text}' has '[' without ']'");
            var attr = AttrPath.Parse(text[..open]);
            if (attr.Sub is not null) throw ScimException.BadRequest("invalidPath", $"'{text}': a filter follows a multi-valued attribute, not a sub-attribute");
            ScimFilter filter;
            try { filter = ScimFilter.Parse(text[(open + 1)..close]); }
            catch (ScimException e) { throw ScimException.BadRequest("invalidPath", $"'{text}': {e.Message}"); }
            var rest = text[(close + 1)..];
            string? sub = null;
            if (rest.Length > 0)
            {
                if (!rest.StartsWith('.') || rest.Length == 1 || rest[1..].Contains('.', StringComparison.Ordinal))
                    throw ScimException.BadRequest("invalidPath", $"'{text}': only one sub-attribute may follow the filter");
                sub = rest[1..];
            }
            return new(attr, filter, sub);
        }
    }

    /// <summary>A path the client names must be declared (RFC 7644 §3.5.2: invalidPath); read-only ones are refused as mutability later.</summary>
    static Target Declared(Target target)
    {
        var path = target.Path;
        if (path.Name.Length == 0 || (path.Schema is null && (ReadOnly.Contains(path.Name) || string.Equals(path.Name, "schemas", StringComparison.OrdinalIgnoreCase)))) return target;
        var named = target.Filter?.Paths().Select(p => path with { Sub = p.Name }) ?? [];
        foreach (var attribute in named.Prepend(path with { Sub = path.Sub ?? target.SubAfterFilter }))
            if (ScimSchemas.Attribute(attribute) is null)
                throw ScimException.BadRequest("invalidPath", $"'{attribute}' is not an attribute of {attribute.Schema ?? ScimSchemas.User}");
        return target;
    }

    static void ApplyOne(JsonObject resource, string op, Target target, JsonNode? value)
    {
        var path = target.Path;
        if (path.Schema is null && ReadOnly.Contains(path.Name)) throw new ScimException(400, "mutability", $"'{path.Name}' is read-only");
        if (path.Schema is null && string.Equals(path.Name, "schemas", StringComparison.OrdinalIgnoreCase)) return;
        var container = path.Schema is null ? resource : Json.Get(resource, path.Schema) as JsonObject;
        if (path.Name.Length == 0)
        {
            // The whole extension as the target: its attributes are the value's.
            if (op == "remove") { Json.Remove(resource, path.Schema!); return; }
            if (value is not JsonObject ext) throw ScimException.BadRequest("invalidValue", $"{path.Schema} must be an object");
            foreach (var (sub, sv) in ext.ToList()) ApplyOne(resource, op, new Target(new(path.Schema, sub, null), null), sv);
            return;
        }
        if (container is null)
        {
            if (op == "remove") return;
            container = [];
            Json.Set(resource, path.Schema!, container);
        }
        if (target.Filter is not null) { ApplyFiltered(container, op, target, value); return; }
        var current = Json.Get(container, path.Name);
        if (path.Sub is not null)
        {
            if (current is JsonArray) throw ScimException.BadRequest("invalidPath", $"'{path}': pick elements of a multi-valued attribute with a filter, e.g. {path.Name}[type eq \"work\"].{path.Sub}");
            if (op == "remove") { if (current is JsonObject o) Json.Remove(o, path.Sub); return; }
            if (current is not JsonObject parent) { parent = []; Json.Set(container, path.Name, parent); }
            Json.Set(parent, path.Sub, value?.DeepClone());
            return;
        }
        switch (op)
        {
            case "remove":
                Json.Remove(container, path.Name);
                break;
            case "add" when current is JsonArray list:
                foreach (var item in value is JsonArray many ? many.ToList() : [value])
                    if (!list.Any(existing => JsonNode.DeepEquals(existing, item))) list.Add(item?.DeepClone());
                break;
            case "add" or "replace" when current is JsonObject obj && value is JsonObject values:
                foreach (var (k, v) in values.ToList()) Json.Set(obj, k, v?.DeepClone());
                break;
            default:
                Json.Set(container, path.Name, value?.DeepClone());
                break;
        }
    }

    static void ApplyFiltered(JsonObject container, string op, Target target, JsonNode? value)
    {
        var name = target.Path.Name;
        var list = Json.Get(container, name) as JsonArray;
        var matches = list?.OfType<JsonObject>().Where(target.Filter!.Matches).ToList() ?? [];
        if (matches.Count == 0)
        {
            if (op == "remove") return;
            // RFC 7644: replacing what is not there is an add. A simple 'attr eq value' filter says what the new element is.
            if (target.Filter is not ScimFilter.Compare { Op: "eq", Path.Sub: null } eq)
                throw ScimException.BadRequest("noTarget", $"no element of {name} matches the filter");
            var created = new JsonObject { [eq.Path.Name] = eq.Value?.DeepClone() };
            if (list is null) { list = []; Json.Set(container, name, list); }
            list.Add(created);
            matches = [created];
        }
        foreach (var element in matches)
        {
            if (target.SubAfterFilter is { } sub)
            {
                if (op == "remove") Json.Remove(element, sub);
                else Json.Set(element, sub, value?.DeepClone());
            }
            else if (op == "remove") list!.Remove(element);
            else if (value is JsonObject values)
                foreach (var (k, v) in values.ToList()) Json.Set(element, k, v?.DeepClone());
            else throw ScimException.BadRequest("invalidValue", $"{op} on elements of {name} needs an object value or a sub-attribute path");
        }
        if (list is { Count: 0 }) Json.Remove(container, name);
    }
}
