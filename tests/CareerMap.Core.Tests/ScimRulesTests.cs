using System.Text.Json.Nodes;
using CareerMap.Provisioning;

namespace CareerMap.Core.Tests;

/// <summary>SCIM filters and PATCH on the RFCs' own examples (RFC 7643 §8.2 user, RFC 7644 §3.4.2.2 and §3.5.2).</summary>
public sealed class ScimRulesTests
{
    // RFC 7643 §8.2, the full representation of Barbara Jensen (abridged to the attributes the examples touch).
    const string Bjensen = """
    {
      "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
      "id": "2819c223-7f76-453a-919d-413861904646",
      "externalId": "701984",
      "userName": "bjensen@example.com",
      "name": { "formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara", "middleName": "Jane" },
      "displayName": "Babs Jensen",
      "nickName": "Babs",
      "userType": "Employee",
      "title": "Tour Guide",
      "active": true,
      "emails": [ { "value": "bjensen@example.com", "type": "work", "primary": true }, { "value": "babs@jensen.org", "type": "home" } ],
      "addresses": [
        { "type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood", "region": "CA", "postalCode": "91608", "country": "USA", "primary": true },
        { "type": "home", "streetAddress": "456 Hollywood Blvd", "locality": "Hollywood", "region": "CA", "postalCode": "91608", "country": "USA" }
      ],
      "ims": [ { "value": "someaimhandle", "type": "aim" } ],
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
        "employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios", "division": "Theme Park", "department": "Tour Operations",
        "manager": { "value": "26118915-6090-4610-87e4-49d8ca9f808d", "displayName": "John Smith" }
      },
      "meta": { "resourceType": "User", "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z", "version": "W/\"3694e05e9dff591\"" }
    }
    """;

    static JsonObject User() => JsonNode.Parse(Bjensen)!.AsObject();

    [Theory]
    [InlineData("userName eq \"bjensen@example.com\"", true)]
    [InlineData("userName Eq \"BJENSEN@EXAMPLE.COM\"", true)]
    [InlineData("name.familyName co \"O'Malley\"", false)]
    [InlineData("name.familyName co \"ens\"", true)]
    [InlineData("userName sw \"J\"", false)]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"bj\"", true)]
    [InlineData("title pr", true)]
    [InlineData("nickName pr and not (userType eq \"Intern\")", true)]
    [InlineData("meta.lastModified gt \"2011-05-13T04:42:34Z\"", false)]
    [InlineData("meta.lastModified ge \"2011-05-13T04:42:34Z\"", true)]
    [InlineData("meta.lastModified lt \"2011-05-13T04:42:34Z\"", false)]
    [InlineData("meta.lastModified le \"2011-05-13T04:42:34Z\"", true)]
    [InlineData("title pr and userType eq \"Employee\"", true)]
    [InlineData("title pr or userType eq \"Intern\"", true)]
    [InlineData("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", true)]
    [InlineData("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")", true)]
    [InlineData("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")", false)]
    [InlineData("userType eq \"Employee\" and (emails.type eq \"work\")", true)]
    [InlineData("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", true)]
    [InlineData("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]", true)]
    [InlineData("emails[type eq \"home\" and value co \"@example.com\"]", false)]
    [InlineData("externalId eq \"701984\"", true)]
    [InlineData("id eq \"2819C223-7F76-453A-919D-413861904646\"", false)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"", true)]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", true)]
    [InlineData("active eq true", true)]
    [InlineData("emailAddress co \"jensen.org\"", true)]
    [InlineData("email eq \"nobody@example.com\"", false)]
    [InlineData("active eq false", false)]
    public void Rfc_filters_select_what_the_rfc_says(string filter, bool matches) =>
        Assert.Equal(matches, ScimFilter.Parse(filter).Matches(User()));

    [Theory]
    [InlineData("userName eq", "at the end of the filter")]
    [InlineData("userName zz \"x\"", "unknown operator 'zz' at character 10")]
    [InlineData("(userName eq \"x\"", "expected ')' at the end")]
    [InlineData("userName eq bjensen", "'bjensen' at character 13 is not a value")]
    [InlineData("userName eq \"x", "the string starting at character 13 is not closed")]
    [InlineData("emails[type eq \"work\"", "expected ']'")]
    [InlineData("active gt true", "'gt' cannot compare the boolean active")]
    [InlineData("userName eq \"x\" extra", "unexpected text at character 17")]
    public void Malformed_filters_are_invalidFilter_errors_that_say_where(string filter, string message)
    {
        var e = Assert.Throws<ScimException>(() => ScimFilter.Parse(filter).Matches(User()));
        Assert.Equal((400, "invalidFilter"), (e.Status, e.ScimType));
        Assert.Contains(message, e.Message);
    }

    static JsonObject Patch(params string[] operations) =>
        JsonNode.Parse($$"""{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{{string.Join(",", operations)}}] }""")!.AsObject();

    [Fact]
    public void Add_without_a_path_merges_attributes_and_appends_to_multi_valued_ones()
    {
        var user = User();
        // RFC 7644 §3.5.2.1
        ScimPatch.Apply(user, Patch("""{ "op": "add", "value": { "emails": [ { "value": "babs@jensen.org", "type": "home" }, { "value": "b@jensen.example", "type": "other" } ], "nickname": "Babs" } }"""));
        Assert.Equal(["bjensen@example.com", "babs@jensen.org", "b@jensen.example"], user["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
        Assert.Equal("Babs", user["nickName"]!.GetValue<string>());
        Assert.False(user.ContainsKey("nickname"));
    }

    [Fact]
    public void Replace_and_remove_reach_into_filtered_elements_and_sub_attributes()
    {
        var user = User();
        // RFC 7644 §3.5.2.3: replace a sub-attribute of the work address; then the whole work address.
        ScimPatch.Apply(user, Patch("""{ "op": "replace", "path": "addresses[type eq \"work\"].streetAddress", "value": "1010 Broadway Ave" }"""));
        Assert.Equal("1010 Broadway Ave", user["addresses"]![0]!["streetAddress"]!.GetValue<string>());
        Assert.Equal("456 Hollywood Blvd", user["addresses"]![1]!["streetAddress"]!.GetValue<string>());
        ScimPatch.Apply(user, Patch("""{ "op": "replace", "path": "addresses[type eq \"work\"]", "value": { "type": "work", "streetAddress": "911 Universal City Plaza", "locality": "Hollywood", "primary": true } }"""));
        Assert.Equal("911 Universal City Plaza", user["addresses"]![0]!["streetAddress"]!.GetValue<string>());
        // RFC 7644 §3.5.2.2: remove the elements a filter selects.
        ScimPatch.Apply(user, Patch("""{ "op": "remove", "path": "emails[type eq \"work\" and value ew \"example.com\"]" }"""));
        Assert.Equal(["babs@jensen.org"], user["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
        ScimPatch.Apply(user, Patch("""{ "op": "replace", "value": { "emails": [ { "value": "bjensen@example.com", "type": "work", "primary": true } ], "nickName": "Barb" } }"""));
        Assert.Equal(["bjensen@example.com"], user["emails"]!.AsArray().Select(e => e!["value"]!.GetValue<string>()));
        Assert.Equal("Barb", user["nickName"]!.GetValue<string>());
        // Replacing an element no filter finds adds it (RFC 7644: replace of what does not exist is an add).
        ScimPatch.Apply(user, Patch("""{ "op": "replace", "path": "phoneNumbers[type eq \"work\"].value", "value": "555-555-8377" }"""));
        Assert.Equal("work", user["phoneNumbers"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void The_enterprise_manager_is_replaced_and_removed_by_its_urn_path()
    {
        var user = User();
        const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        ScimPatch.Apply(user, Patch($$"""{ "op": "Replace", "path": "{{Enterprise}}:manager", "value": { "value": "M-100" } }"""));
        Assert.Equal("M-100", user[Enterprise]!["manager"]!["value"]!.GetValue<string>());
        ScimPatch.Apply(user, Patch($$"""{ "op": "replace", "value": { "{{Enterprise}}": { "department": "Care" } } }"""));
        Assert.Equal(("Care", "701984"), (user[Enterprise]!["department"]!.GetValue<string>(), user[Enterprise]!["employeeNumber"]!.GetValue<string>()));
        ScimPatch.Apply(user, Patch($$"""{ "op": "remove", "path": "{{Enterprise}}:manager" }"""));
        Assert.Null(user[Enterprise]!["manager"]);
    }

    [Theory]
    [InlineData("""{ "op": "replace", "path": "id", "value": "x" }""", "mutability", "'id' is read-only")]
    [InlineData("""{ "op": "remove" }""", "noTarget", "remove needs a path")]
    [InlineData("""{ "op": "move", "path": "title" }""", "invalidSyntax", "'move' is not add, replace or remove")]
    [InlineData("""{ "op": "replace", "path": "emails[type eq \"work\"", "value": "x" }""", "invalidPath", "has '[' without ']'")]
    [InlineData("""{ "op": "replace", "path": "name..givenName", "value": "x" }""", "invalidPath", "is not an attribute path")]
    public void Bad_operations_are_refused_with_the_rfc_error_type(string operation, string scimType, string message)
    {
        var user = User();
        var e = Assert.Throws<ScimException>(() => ScimPatch.Apply(user, Patch(operation)));
        Assert.Equal((400, scimType), (e.Status, e.ScimType));
        Assert.Contains("Operations[0]", e.Message);
        Assert.Contains(message, e.Message);
        Assert.True(JsonNode.DeepEquals(User(), user) || scimType != "mutability");
    }

    [Fact]
    public void A_request_without_the_patch_schema_is_refused()
    {
        var e = Assert.Throws<ScimException>(() => ScimPatch.Apply(User(), JsonNode.Parse("""{ "Operations": [ { "op": "add", "path": "title", "value": "x" } ] }""")!.AsObject()));
        Assert.Equal("invalidSyntax", e.ScimType);
    }

    [Fact]
    public void Attributes_and_excludedAttributes_shape_what_is_returned()
    {
        var user = User();
        ScimProjection.Apply(user, "userName,name.givenName,urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", null);
        Assert.Equal(["schemas", "id", "userName", "name", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"], user.Select(p => p.Key));
        Assert.Equal(["givenName"], user["name"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["employeeNumber"], user["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!.AsObject().Select(p => p.Key));
        var other = User();
        ScimProjection.Apply(other, null, "emails,id,meta");
        Assert.True(other.ContainsKey("id"));
        Assert.False(other.ContainsKey("emails") || other.ContainsKey("meta"));
    }
}
