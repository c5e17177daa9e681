using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CareerMap.People;

namespace CareerMap.Provisioning;

/// <summary>
/// The first step of every SCIM write: a User resource as a client sent it, checked and read into what CareerMap needs
/// (<see cref="ScimFields"/>), with read-only attributes dropped. Pure: no database, no clock.
/// </summary>
static partial class ScimUserReader
{
    /// <summary>
    /// Checks a resource sent by the client and reads what CareerMap needs of it. Only declared attributes are kept:
    /// unknown ones are ignored (RFC 7644 §3.3 lets a service provider ignore what it does not support, and Okta and
    /// Entra send attributes of their own), read-only ones are dropped, and write-only ones (password) are discarded.
    /// </summary>
    /// <param name="currentActive">The user's active state before this write: a replacement without <c>active</c> keeps it.</param>
    public static (JsonObject Resource, ScimFields Fields) Read(JsonObject body, bool? currentActive = null)
    {
        var resource = body.DeepClone().AsObject();
        if (Json.Get(resource, "schemas") is not JsonArray schemas || !schemas.Any(s => string.Equals(Json.Text(s), ScimSchemas.User, StringComparison.OrdinalIgnoreCase)))
            throw ScimException.BadRequest("invalidSyntax", $"schemas must list \"{ScimSchemas.User}\"");
        foreach (var (key, _) in resource.ToList().Where(p => p.Key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)))
        {
            var known = ScimSchemas.Known(key);
            if (known is null || known == ScimSchemas.User) throw ScimException.BadRequest("invalidValue", $"'{key}' is not a schema extension CareerMap knows ({string.Join(", ", ScimSchemas.Extensions)})");
            if (key != known) { var v = resource[key]; resource.Remove(key); resource[known] = v; }
            if (resource[known] is not (JsonObject or null)) throw ScimException.BadRequest("invalidValue", $"{known} must be an object");
        }
        if (resource[ScimSchemas.Enterprise] is JsonObject sent && Json.KeyOf(sent, "manager") is { } bareKey && sent[bareKey] is JsonValue bare && Json.Text(bare) is { } bareText)
        {
            // Some HR systems send the manager as a bare identifier rather than an object.
            sent[bareKey] = new JsonObject { ["value"] = bareText };
        }
        KeepDeclared(resource, ScimSchemas.AttributesOf(ScimSchemas.User), "");
        foreach (var extension in ScimSchemas.Extensions)
            if (resource[extension] is JsonObject attributes) KeepDeclared(attributes, ScimSchemas.AttributesOf(extension), extension + ":");
        string? Text(JsonObject? o, string name, string place)
        {
            var node = o is null ? null : Json.Get(o, name);
            if (node is null) return null;
            var text = Json.Text(node) ?? throw ScimException.BadRequest("invalidValue", $"{place}: expected text");
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
        var userName = Text(resource, "userName", "userName") ?? throw ScimException.BadRequest("invalidValue", "userName is required");
        var active = Json.Get(resource, "active") is { } sentActive ? Boolean(sentActive)!.Value : currentActive ?? true;
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
            managerRef = Text(enterprise[managerKey] as JsonObject, "value", $"{ScimSchemas.Enterprise}:manager.value");
            if (managerRef is null) enterprise.Remove(managerKey);
        }
        var careerMap = resource[ScimSchemas.CareerMap] as JsonObject;
        DateOnly? DateIn(JsonObject? o, string attribute, string place)
        {
            var text = Text(o, attribute, place);
            if (text is null) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt)) return DateOnly.FromDateTime(dt.UtcDateTime);
            throw ScimException.BadRequest("invalidValue", $"{place}: '{Json.Describe(text)}' is not a date (yyyy-MM-dd)");
        }
        DateOnly? Date(string attribute) => DateIn(careerMap, attribute, $"{ScimSchemas.CareerMap}:{attribute}");
        // Sent (an empty array or null included), the list replaces the employee's credentials; not sent, they stay.
        List<ScimCredential>? credentials = null;
        if (careerMap is not null && Json.KeyOf(careerMap, "credentials") is { } credentialsKey)
        {
            credentials = [];
            var listed = careerMap[credentialsKey] as JsonArray ?? [];
            for (var i = 0; i < listed.Count; i++)
            {
                var place = $"{ScimSchemas.CareerMap}:credentials[{i}]";
                if (listed[i] is not JsonObject c) throw ScimException.BadRequest("invalidValue", $"{place}: expected an object with name, kind, issuer, number, issued and expires");
                credentials.Add(new(i, Text(c, "name", place + ".name"), Text(c, "kind", place + ".kind"), Text(c, "issuer", place + ".issuer"), Text(c, "number", place + ".number"),
                    DateIn(c, "issued", place + ".issued"), DateIn(c, "expires", place + ".expires")));
            }
            if (listed.Count == 0) careerMap.Remove(credentialsKey);
        }
        var externalId = Text(resource, "externalId", "externalId");
        var number = Text(enterprise, "employeeNumber", $"{ScimSchemas.Enterprise}:employeeNumber");
        if (number is not null && EmployeeNumbers.Problem(number) is { } problem)
            throw ScimException.BadRequest("invalidValue", $"{ScimSchemas.Enterprise}:employeeNumber: {Json.Describe(problem)}");
        var joined = string.Join(' ', new[] { Text(name, "givenName", "name.givenName"), Text(name, "familyName", "name.familyName") }.OfType<string>());
        var displayName = Text(resource, "displayName", "displayName") ?? Text(name, "formatted", "name.formatted") ?? (joined.Length > 0 ? joined : null);
        var emailsKey = string.Join('\n', emails.Select(e => Json.Text(Json.Get(e, "value"))?.ToLowerInvariant()).OfType<string>());
        var fields = new ScimFields(userName, externalId, active, number, emailsKey.Length == 0 ? null : emailsKey, managerRef, displayName ?? userName, email,
            Text(resource, "title", "title"), Text(careerMap, "roleCode", $"{ScimSchemas.CareerMap}:roleCode"), Text(careerMap, "grade", $"{ScimSchemas.CareerMap}:grade"),
            Date("hireDate"), Date("roleStartDate"), address is null ? null : Text(address, "locality", "addresses.locality"), credentials);
        foreach (var (field, value, max) in new[] { ("userName", userName, 256), ("displayName", fields.Name, 200), ("externalId", externalId ?? "", 256), ("manager.value", managerRef ?? "", 256) })
            if (value.Length > max) throw ScimException.BadRequest("invalidValue", $"{field} is longer than {max} characters");

        schemas = [ScimSchemas.User, .. ScimSchemas.Extensions.Where(resource.ContainsKey)];
        Json.Set(resource, "schemas", schemas);
        return (resource, fields);
    }

    /// <summary>
    /// Drops what the schema does not declare (ignored), what is read-only (the server's to say) and what is never
    /// returned (password: discarded), and refuses values of the wrong type (a number where text is declared).
    /// </summary>
    static void KeepDeclared(JsonObject container, JsonArray attributes, string place)
    {
        foreach (var (key, value) in container.ToList())
        {
            if (place.Length == 0 && (key == "schemas" || key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))) continue;
            var attribute = ScimSchemas.Named(attributes, key);
            if (attribute is null || Json.Text(attribute["mutability"]) == "readOnly" || Json.Text(attribute["returned"]) == "never")
            {
                container.Remove(key);
                continue;
            }
            if (value is null) continue;
            var name = place + key;
            var many = attribute["multiValued"]!.GetValue<bool>();
            if (many && value is not JsonArray) throw ScimException.BadRequest("invalidValue", $"{name}: expected an array");
            foreach (var element in many ? value.AsArray().ToList() : [value])
            {
                if (element is null) continue;
                switch (Json.Text(attribute["type"]))
                {
                    case "complex" when element is JsonObject o:
                        KeepDeclared(o, (JsonArray)attribute["subAttributes"]!, name + ".");
                        break;
                    case "complex":
                        throw ScimException.BadRequest("invalidValue", $"{name}: expected an object");
                    case "boolean":
                        Boolean(element, name);
                        break;
                    default:
                        if (element is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                            throw ScimException.BadRequest("invalidValue", $"{name}: expected text, found {Json.Describe(element.ToJsonString())}");
                        break;
                }
            }
        }
    }

    /// <summary>true or false; Entra sends them as the strings "True" and "False".</summary>
    static bool? Boolean(JsonNode? node, string name = "active") => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b) => b,
        _ => throw ScimException.BadRequest("invalidValue", $"{name}: expected true or false, found {Json.Describe(node.ToJsonString())}"),
    };

    static List<JsonObject> Elements(JsonObject resource, string attribute) => Json.Get(resource, attribute) switch
    {
        null => [],
        JsonArray array when array.All(e => e is JsonObject) => [.. array.Cast<JsonObject>()],
        _ => throw ScimException.BadRequest("invalidValue", $"{attribute}: expected an array of objects"),
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
