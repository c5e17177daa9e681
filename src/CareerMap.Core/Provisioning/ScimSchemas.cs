using System.Text.Json.Nodes;
using CareerMap.People;

namespace CareerMap.Provisioning;

/// <summary>The schema URNs CareerMap speaks, and the discovery documents of RFC 7644 §4 built from one attribute list.</summary>
public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string CareerMap = "urn:careermap:scim:schemas:extension:2.0:User";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string ServiceProviderConfigUrn = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceTypeUrn = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string SchemaUrn = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public const int MaxResults = 1000;
    public const int DefaultCount = 100;
    /// <summary>The largest request body a SCIM endpoint reads (a User is a few kilobytes); larger answers 413.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    public static readonly string[] Extensions = [Enterprise, CareerMap];

    public static string? Known(string urn) => new[] { User, Enterprise, CareerMap }.FirstOrDefault(u => string.Equals(u, urn, StringComparison.OrdinalIgnoreCase));

    static JsonObject Attr(string name, string type = "string", string description = "", bool multi = false, bool required = false, string mutability = "readWrite",
        string uniqueness = "none", bool caseExact = false, string returned = "default", string[]? referenceTypes = null, params JsonObject[] sub)
    {
        var a = new JsonObject
        {
            ["name"] = name, ["type"] = type, ["multiValued"] = multi, ["description"] = description, ["required"] = required,
            ["caseExact"] = caseExact, ["mutability"] = mutability, ["returned"] = returned, ["uniqueness"] = uniqueness,
        };
        if (type == "reference") a["referenceTypes"] = new JsonArray([.. (referenceTypes ?? ["external"]).Select(t => JsonValue.Create(t))]);
        if (sub.Length > 0) a["subAttributes"] = new JsonArray([.. sub]);
        return a;
    }

    static JsonObject[] Multi(string of, string valueType = "string") =>
    [
        Attr("value", valueType, $"The {of}."), Attr("display", description: "A human-readable name."),
        Attr("type", description: "A label such as work or home."), Attr("primary", "boolean", "The primary value."),
    ];

    /// <summary>
    /// The attribute a path names in the User schema or an extension (a sub-attribute when the path has one), or null
    /// when CareerMap does not declare it. What is not declared is never stored, echoed or filtered on.
    /// </summary>
    public static JsonObject? Attribute(AttrPath path)
    {
        var schema = Declared.OfType<JsonObject>().FirstOrDefault(s => string.Equals(Json.Text(s["id"]), path.Schema ?? User, StringComparison.OrdinalIgnoreCase));
        var attribute = schema is null ? null : Named(schema["attributes"] as JsonArray, path.Name);
        return path.Sub is null || attribute is null ? attribute : Named(attribute["subAttributes"] as JsonArray, path.Sub);
    }

    public static JsonObject? Named(JsonArray? attributes, string name) =>
        attributes?.OfType<JsonObject>().FirstOrDefault(a => string.Equals(Json.Text(a["name"]), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The attributes of a schema, for reading what a client sent against them.</summary>
    public static JsonArray AttributesOf(string schema) =>
        (JsonArray)Declared.OfType<JsonObject>().Single(s => Json.Text(s["id"]) == schema)["attributes"]!;

    static readonly JsonArray Declared = All();

    static readonly string[] MetaAttributes = ["created", "lastModified", "resourceType", "location", "version"];

    /// <summary>
    /// Whether a filter may name the path: a declared attribute that is ever returned, meta's sub-attributes, and the
    /// <c>emailAddress</c>/<c>email</c> spellings some HR systems send for emails.
    /// </summary>
    public static bool Filterable(AttrPath path) => (path.Schema, path.Name.ToLowerInvariant(), path.Sub) switch
    {
        (null, "meta", { } sub) => MetaAttributes.Contains(sub, StringComparer.OrdinalIgnoreCase),
        (null, "emailaddress" or "email" or "schemas", null) => true,
        _ => Attribute(path) is { } a && Json.Text(a["returned"]) != "never",
    };

    static JsonObject Schema(string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(SchemaUrn), ["id"] = id, ["name"] = name, ["description"] = description,
        ["attributes"] = new JsonArray([.. attributes]),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"/scim/v2/Schemas/{id}" },
    };

    public static JsonArray All() =>
    [
        Schema(User, "User", "A person of the organization; linked to a CareerMap employee once their role and email are known.",
            Attr("userName", description: "Unique identifier for the user, typically their sign-in name.", required: true, uniqueness: "server"),
            Attr("name", "complex", "The person's name.", sub:
            [
                Attr("formatted"), Attr("familyName"), Attr("givenName"), Attr("middleName"), Attr("honorificPrefix"), Attr("honorificSuffix"),
            ]),
            Attr("displayName", description: "The name shown in CareerMap; else name.formatted, else given and family name."),
            Attr("nickName"), Attr("title", description: "Job title; mapped to a role through HR's title aliases or an exact role title."),
            Attr("profileUrl", "reference", "A URL of the person's profile elsewhere."),
            Attr("userType"), Attr("preferredLanguage"), Attr("locale"), Attr("timezone"),
            Attr("active", "boolean", "False deactivates the employee: history is kept, sign-in stops. Left out of a replacement (or removed), it stays as it was."),
            Attr("password", description: "Accepted and discarded: never stored, never returned. People sign in through single sign-on or an account HR issues.",
                mutability: "writeOnly", returned: "never"),
            Attr("emails", "complex", "Email addresses; the primary (else work, else first) becomes the employee's email.", multi: true, sub: Multi("email address")),
            Attr("phoneNumbers", "complex", multi: true, sub: Multi("phone number")),
            Attr("ims", "complex", multi: true, sub: Multi("instant messaging address")),
            Attr("photos", "complex", multi: true, sub: Multi("URL of a photo", "reference")),
            Attr("addresses", "complex", "Addresses; the locality of the primary or work address becomes the employee's location.", multi: true, sub:
            [
                Attr("formatted"), Attr("streetAddress"), Attr("locality"), Attr("region"), Attr("postalCode"), Attr("country"), Attr("type"), Attr("primary", "boolean"),
            ]),
            Attr("entitlements", "complex", multi: true, sub: Multi("entitlement")),
            Attr("roles", "complex", multi: true, sub: Multi("role in the HR system (not CareerMap's framework role)")),
            Attr("x509Certificates", "complex", multi: true, sub: Multi("certificate, base64", "binary")),
            Attr("externalId", description: "The HR system's identifier.", caseExact: true),
            Attr("id", description: "Assigned by CareerMap.", mutability: "readOnly", uniqueness: "server", caseExact: true, returned: "always")),
        Schema(Enterprise, "EnterpriseUser", "Enterprise User",
            Attr("employeeNumber", description: $"The employee number ({EmployeeNumbers.Rule}); CareerMap's key for a person (else externalId, else userName). Removed, the employee keeps their number."),
            Attr("costCenter"), Attr("organization"), Attr("division"), Attr("department"),
            Attr("manager", "complex", "The person's manager: the id, externalId or employee number of another user. A manager not provisioned yet is linked when they arrive.", sub:
            [
                Attr("value", description: "Sent: the manager's id, externalId or employee number. Returned: the manager's SCIM id once they are provisioned."),
                Attr("$ref", "reference", "The manager's User resource.", mutability: "readOnly", referenceTypes: ["User"]),
                Attr("displayName", "string", "The manager's name.", mutability: "readOnly"),
            ])),
        Schema(CareerMap, "CareerMapUser", "Where the person sits in CareerMap's framework.",
            Attr("roleCode", description: "The framework role, by code, as sent; overrides the title mapping. Removed, the title decides again (the person keeps their role when it maps to none)."),
            Attr("grade", description: "The job grade, as sent; chooses between roles that share a title, and must match roleCode when both are given."),
            Attr("hireDate", "dateTime", "yyyy-MM-dd; defaults to the day the person is provisioned."),
            Attr("roleStartDate", "dateTime", "yyyy-MM-dd; defaults to the day the role last changed."),
            Attr("credentials", "complex", "Dated certifications and licenses, one per name. Sent, they become the linked employee's credentials (those not named are removed); "
                + "left out of a replacement, the employee keeps theirs. Returned as CareerMap holds them, HR's edits included.", multi: true, sub:
            [
                Attr("name", description: "As prerequisites spell it, e.g. Certified Pharmacy Technician.", required: true),
                Attr("kind", description: "certification or license.", required: true),
                Attr("issuer", description: "Who issued it."),
                Attr("number", description: "Its number."),
                Attr("issued", "dateTime", "The day it was issued: yyyy-MM-dd (a date and time is read as its UTC day); returned as yyyy-MM-dd."),
                Attr("expires", "dateTime", "Its last valid day, as issued; none for one that does not expire. Once past, it no longer meets a prerequisite."),
            ]),
            Attr("currentRoleCode", description: "The role the linked employee holds, by code.", mutability: "readOnly"),
            Attr("currentGrade", description: "The grade of that role.", mutability: "readOnly"),
            Attr("roleTitle", description: "The title of that role.", mutability: "readOnly"),
            Attr("employeeNumber", description: "The linked employee.", mutability: "readOnly"),
            Attr("status", description: "linked, or waiting (with the reason in 'waiting').", mutability: "readOnly"),
            Attr("waiting", description: "Why no employee is linked yet.", mutability: "readOnly")),
    ];

    public static JsonObject ServiceProviderConfig() => new()
    {
        ["schemas"] = new JsonArray(ServiceProviderConfigUrn),
        ["documentationUri"] = "/docs",
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = MaxResults },
        // A password sent on create or PATCH is accepted and discarded (never stored or returned): see the README.
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken", ["name"] = "Bearer token",
            ["description"] = "A provisioning token issued by an HR admin of CareerMap (Admin → Provisioning), sent as 'Authorization: Bearer <token>'.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = "/scim/v2/ServiceProviderConfig" },
    };

    public static JsonObject UserResourceType() => new()
    {
        ["schemas"] = new JsonArray(ResourceTypeUrn), ["id"] = "User", ["name"] = "User", ["endpoint"] = "/Users",
        ["description"] = "People of the organization", ["schema"] = User,
        ["schemaExtensions"] = new JsonArray(
            new JsonObject { ["schema"] = Enterprise, ["required"] = false },
            new JsonObject { ["schema"] = CareerMap, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = "/scim/v2/ResourceTypes/User" },
    };

    public static JsonObject List(IReadOnlyList<JsonNode> resources, int total, int startIndex) => new()
    {
        ["schemas"] = new JsonArray(ListResponse), ["totalResults"] = total, ["itemsPerPage"] = resources.Count, ["startIndex"] = startIndex,
        ["Resources"] = new JsonArray([.. resources.Select(r => r.DeepClone())]),
    };

    public static JsonObject ErrorOf(ScimException e) => ErrorOf(e.Status, e.ScimType, e.Message);

    public static JsonObject ErrorOf(int status, string? scimType, string detail)
    {
        var error = new JsonObject { ["schemas"] = new JsonArray(Error), ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["detail"] = detail };
        if (scimType is not null) error["scimType"] = scimType;
        return error;
    }
}
