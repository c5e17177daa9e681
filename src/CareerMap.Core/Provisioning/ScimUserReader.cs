using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareerMap.Provisioning;

/// <summary>
/// The first step of every SCIM write: a User resource as a client sent it, checked and read into what CareerMap needs
/// (<see cref="ScimFields"/>), with read-only attributes dropped. Pure: no database, no clock.
/// </summary>
static partial class ScimUserReader
{
    /// <summary>Checks a resource sent by the client and reads what CareerMap needs of it; read-only attributes are dropped.</summary>
    public static (JsonObject Resource, ScimFields Fields) Read(JsonObject body)
    {
        var resource = body.DeepClone().AsObject();
        if (Json.Get(resource, "schemas") is not JsonArray schemas || !schemas.Any(s => string.Equals(Json.Text(s), ScimSchemas.User, StringComparison.OrdinalIgnoreCase)))
            throw ScimException.BadRequest("invalidSyntax", $"schemas must list \"{ScimSchemas.User}\"");
        foreach (var readOnly in new[] { "id", "meta", "groups" }) Json.Remove(resource, readOnly);
        foreach (var (key, _) in resource.ToList().Where(p => p.Key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)))
        {
            var known = ScimSchemas.Known(key);
            if (known is null || known == ScimSchemas.User) throw ScimException.BadRequest("invalidValue", $"'{key}' is not a schema extension CareerMap knows ({string.Join(", ", ScimSchemas.Extensions)})");
            if (key != known) { var v = resource[key]; resource.Remove(key); resource[known] = v; }
            if (resource[known] is not (JsonObject or null)) throw ScimException.BadRequest("invalidValue", $"{known} must be an object");
        }
        string? Text(JsonObject? o, string name, string place)
        {
            var node = o is null ? null : Json.Get(o, name);
            if (node is null) return null;
            var text = Json.Text(node) ?? throw ScimException.BadRequest("invalidValue", $"{place}: expected text");
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        var userName = Text(resource, "userName", "userName") ?? throw ScimException.BadRequest("invalidValue", "userName is required");
        var active = Json.Get(resource, "active") switch
        {
            null => true,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
            var other => throw ScimException.BadRequest("invalidValue", $"active: expected true or false, found {other.ToJsonString()}"),
        };
        Json.Set(resource, "active", active);
        var name = Json.Get(resource, "name") switch
        {
            null => null,
            JsonObject o => o,
            _ => throw ScimException.BadRequest("invalidValue", "name: expected an object with givenName, familyName…"),
        };
        var emails = Elements(resource, "emails");
        var pick = emails.FirstOrDefault(e => Json.Get(e, "primary") is JsonValue p && p.ToJsonString() is "true" or "\"true\"" or "\"True\"")
            ?? emails.FirstOrDefault(e => string.Equals(Json.Text(Json.Get(e, "type")), "work", StringComparison.OrdinalIgnoreCase)) ?? emails.FirstOrDefault();
        var email = pick is null ? (EmailPattern().IsMatch(userName) ? userName : null) : Text(pick, "value", $"emails[{emails.IndexOf(pick)}].value");
        if (email is not null && (!EmailPattern().IsMatch(email) || email.Length > 256))
            throw ScimException.BadRequest("invalidValue", $"emails[{(pick is null ? 0 : emails.IndexOf(pick))}].value: '{Json.Describe(email)}' is not an email address");
        var addresses = Elements(resource, "addresses");
        var address = addresses.FirstOrDefault(a => Json.Get(a, "primary")?.ToJsonString() == "true")
            ?? addresses.FirstOrDefault(a => string.Equals(Json.Text(Json.Get(a, "type")), "work", StringComparison.OrdinalIgnoreCase));

        var enterprise = resource[ScimSchemas.Enterprise] as JsonObject;
        string? managerRef = null;
        if (enterprise is not null && Json.KeyOf(enterprise, "manager") is { } managerKey)
        {
            // Some HR systems send the manager as a bare identifier rather than an object.
            var manager = enterprise[managerKey];
            if (manager is JsonValue bare && Json.Text(bare) is { } text) enterprise[managerKey] = manager = new JsonObject { ["value"] = text };
            managerRef = manager switch
            {
                null => null,
                JsonObject o => Text(o, "value", $"{ScimSchemas.Enterprise}:manager.value"),
                _ => throw ScimException.BadRequest("invalidValue", $"{ScimSchemas.Enterprise}:manager: expected an object with a value"),
            };
            if (managerRef is null) enterprise.Remove(managerKey);
            else { var m = enterprise[managerKey]!.AsObject(); Json.Remove(m, "displayName"); Json.Remove(m, "$ref"); }
        }
        var careerMap = resource[ScimSchemas.CareerMap] as JsonObject;
        foreach (var readOnly in new[] { "roleTitle", "employeeNumber", "status", "waiting" }) if (careerMap is not null) Json.Remove(careerMap, readOnly);
        DateOnly? Date(string attribute)
        {
            var text = Text(careerMap, attribute, $"{ScimSchemas.CareerMap}:{attribute}");
            if (text is null) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)) return DateOnly.FromDateTime(dt.UtcDateTime);
            throw ScimException.BadRequest("invalidValue", $"{ScimSchemas.CareerMap}:{attribute}: '{Json.Describe(text)}' is not a date (yyyy-MM-dd)");
        }
        var externalId = Text(resource, "externalId", "externalId");
        var number = Text(enterprise, "employeeNumber", $"{ScimSchemas.Enterprise}:employeeNumber") ?? externalId ?? userName;
        var joined = string.Join(' ', new[] { Text(name, "givenName", "name.givenName"), Text(name, "familyName", "name.familyName") }.OfType<string>());
        var displayName = Text(resource, "displayName", "displayName") ?? Text(name, "formatted", "name.formatted") ?? (joined.Length > 0 ? joined : null);
        var fields = new ScimFields(userName, externalId, active, number, managerRef, displayName ?? userName, email,
            Text(resource, "title", "title"), Text(careerMap, "roleCode", $"{ScimSchemas.CareerMap}:roleCode"), Text(careerMap, "grade", $"{ScimSchemas.CareerMap}:grade"),
            Date("hireDate"), Date("roleStartDate"), address is null ? null : Text(address, "locality", "addresses.locality"));
        foreach (var (field, value, max) in new[] { ("userName", userName, 256), ("employeeNumber", number, 64), ("displayName", fields.Name, 200), ("externalId", externalId ?? "", 256), ("manager.value", managerRef ?? "", 256) })
            if (value.Length > max) throw ScimException.BadRequest("invalidValue", $"{field} is longer than {max} characters");

        schemas = [ScimSchemas.User, .. ScimSchemas.Extensions.Where(resource.ContainsKey)];
        Json.Set(resource, "schemas", schemas);
        return (resource, fields);
    }

    static List<JsonObject> Elements(JsonObject resource, string attribute) => Json.Get(resource, attribute) switch
    {
        null => [],
        JsonArray array when array.All(e => e is JsonObject) => [.. array.Cast<JsonObject>()],
        _ => throw ScimException.BadRequest("invalidValue", $"{attribute}: expected an array of objects"),
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
