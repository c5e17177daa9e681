using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace CareerMap.Learning;

/// <summary>Who a statement is about, by the identifier the learning system knows them by.</summary>
public sealed record XapiAgent(string? Email, string? AccountHomePage, string? AccountName)
{
    public override string ToString() => Email is not null ? $"mailto:{Email}" : $"{AccountName} at {AccountHomePage}";
}

/// <summary>One statement read and checked: what CareerMap keeps of it, and the statement as it came.</summary>
public sealed record XapiStatement(Guid? Id, XapiAgent Actor, string Verb, string? VerbName, string Activity, string? ActivityName,
    bool? Completion, bool? Success, double? Scaled, double? Raw, double? Min, double? Max, string? Duration, DateTime? Timestamp, string Json);

/// <summary>Where in a batch a statement is wrong and why: the place is a path such as statements[2].actor.mbox.</summary>
public sealed record XapiProblem(string Place, string Reason, bool Conflict = false);

/// <summary>
/// Reads xAPI 1.0.3 statements (IEEE 9274.1.1 data model, the 1.0.3 specification's Data part, section 2.4) as a learning
/// record store must check them: actor, verb and object required; an agent identified by exactly one of mbox, mbox_sha1sum,
/// openid or account; IRIs absolute; no property set to null; scores in range; timestamps and durations in ISO 8601.
/// CareerMap keeps statements about an activity done by one person it can find: a group, or an object that is another
/// agent or statement, is refused with the reason.
/// </summary>
public static class Xapi
{
    public const string Version = "1.0.3";
    public const int IriLength = 1000, NameLength = 300;

    static readonly HashSet<string> StatementProperties = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];

    /// <summary>Whether the X-Experience-API-Version header names a 1.0 version this endpoint speaks.</summary>
    public static bool Speaks(string? version) => version is { } v && (v == "1.0" || v.StartsWith("1.0.", StringComparison.Ordinal));

    public static XapiStatement? Read(JsonElement statement, string place, List<XapiProblem> problems)
    {
        var before = problems.Count;
        void Problem(string at, string reason) => problems.Add(new(at, reason));
        if (statement.ValueKind != JsonValueKind.Object)
        {
            Problem(place, "a statement is a JSON object");
            return null;
        }
        NoNulls(statement, place, problems);
        foreach (var p in statement.EnumerateObject())
            if (!StatementProperties.Contains(p.Name)) Problem($"{place}.{p.Name}", "not a property of an xAPI statement");

        Guid? id = null;
        if (statement.TryGetProperty("id", out var idValue))
        {
            if (idValue.ValueKind == JsonValueKind.String && Guid.TryParseExact(idValue.GetString(), "D", out var g)) id = g;
            else Problem($"{place}.id", "the id is a UUID such as 3e1f2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b");
        }
        if (statement.TryGetProperty("version", out var version) && !(version.ValueKind == JsonValueKind.String && Speaks(version.GetString())))
            Problem($"{place}.version", "the version is 1.0.x");

        var actor = Agent(statement, place, problems);

        string? verb = null, verbName = null;
        if (!statement.TryGetProperty("verb", out var verbValue)) Problem($"{place}.verb", "a statement needs a verb");
        else if (verbValue.ValueKind != JsonValueKind.Object) Problem($"{place}.verb", "the verb is an object with an id");
        else
        {
            verb = Iri(verbValue, "id", $"{place}.verb", problems, required: true);
            verbName = LanguageMap(verbValue, "display", $"{place}.verb", problems);
        }

        string? activity = null, activityName = null;
        if (!statement.TryGetProperty("object", out var objectValue)) Problem($"{place}.object", "a statement needs an object");
        else if (objectValue.ValueKind != JsonValueKind.Object) Problem($"{place}.object", "the object is a JSON object");
        else
        {
            var type = objectValue.TryGetProperty("objectType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : "Activity";
            if (type != "Activity")
                Problem($"{place}.object.objectType", type is "Agent" or "Group" or "StatementRef" or "SubStatement"
                    ? $"CareerMap keeps statements about activities; this object is a {type}"
                    : $"'{type}' is not an xAPI object type");
            else
            {
                activity = Iri(objectValue, "id", $"{place}.object", problems, required: true);
                if (objectValue.TryGetProperty("definition", out var definition))
                {
                    if (definition.ValueKind != JsonValueKind.Object) Problem($"{place}.object.definition", "the definition is an object");
                    else
                    {
                        activityName = LanguageMap(definition, "name", $"{place}.object.definition", problems);
                        LanguageMap(definition, "description", $"{place}.object.definition", problems);
                        Iri(definition, "type", $"{place}.object.definition", problems, required: false);
                    }
                }
            }
        }

        bool? completion = null, success = null;
        double? scaled = null, raw = null, min = null, max = null;
        string? duration = null;
        if (statement.TryGetProperty("result", out var result))
        {
            if (result.ValueKind != JsonValueKind.Object) Problem($"{place}.result", "the result is an object");
            else
            {
                completion = Boolean(result, "completion", $"{place}.result", problems);
                success = Boolean(result, "success", $"{place}.result", problems);
                if (result.TryGetProperty("response", out var response) && response.ValueKind != JsonValueKind.String) Problem($"{place}.result.response", "the response is a string");
                if (result.TryGetProperty("duration", out var d))
                {
                    if (d.ValueKind == JsonValueKind.String && IsDuration(d.GetString()!)) duration = d.GetString();
                    else Problem($"{place}.result.duration", "the duration is an ISO 8601 duration such as PT1H30M");
                }
                if (result.TryGetProperty("score", out var score))
                {
                    if (score.ValueKind != JsonValueKind.Object) Problem($"{place}.result.score", "the score is an object");
                    else
                    {
                        scaled = Number(score, "scaled", $"{place}.result.score", problems);
                        raw = Number(score, "raw", $"{place}.result.score", problems);
                        min = Number(score, "min", $"{place}.result.score", problems);
                        max = Number(score, "max", $"{place}.result.score", problems);
                        if (scaled is < -1 or > 1) Problem($"{place}.result.score.scaled", "the scaled score is from -1 to 1");
                        if (min is not null && max is not null && min >= max) Problem($"{place}.result.score.max", "max is more than min");
                        if (raw is not null && (raw < min || raw > max)) Problem($"{place}.result.score.raw", "the raw score is from min to max");
                    }
                }
            }
        }
        if (statement.TryGetProperty("context", out var context) && context.ValueKind != JsonValueKind.Object) Problem($"{place}.context", "the context is an object");

        DateTime? timestamp = null;
        if (statement.TryGetProperty("timestamp", out var ts))
        {
            if (ts.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                && ts.GetString()!.Contains('T', StringComparison.Ordinal))
                timestamp = at.UtcDateTime;
            else Problem($"{place}.timestamp", "the timestamp is an ISO 8601 date and time such as 2026-11-05T14:30:00Z");
        }

        if (problems.Count > before || actor is null || verb is null || activity is null) return null;
        return new(id, actor, verb, Clip(verbName), activity, Clip(activityName), completion, success, scaled, raw, min, max, duration, timestamp, statement.GetRawText());
    }

    static string? Clip(string? name) => name is { Length: > NameLength } ? name[..NameLength] : name;

    static XapiAgent? Agent(JsonElement statement, string place, List<XapiProblem> problems)
    {
        if (!statement.TryGetProperty("actor", out var actor))
        {
            problems.Add(new($"{place}.actor", "a statement needs an actor"));
            return null;
        }
        place += ".actor";
        if (actor.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(place, "the actor is an agent object"));
            return null;
        }
        if (actor.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Group")
        {
            problems.Add(new($"{place}.objectType", "CareerMap keeps what one person did; a group is not matched to a person"));
            return null;
        }
        if (actor.TryGetProperty("objectType", out type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "Agent"))
        {
            problems.Add(new($"{place}.objectType", "the actor's objectType is Agent"));
            return null;
        }
        string[] identifiers = ["mbox", "mbox_sha1sum", "openid", "account"];
        var given = identifiers.Where(i => actor.TryGetProperty(i, out _)).ToList();
        if (given.Count != 1)
        {
            problems.Add(new(place, given.Count == 0
                ? "an agent is identified by one of mbox, mbox_sha1sum, openid or account"
                : $"an agent is identified by exactly one of mbox, mbox_sha1sum, openid or account, not {string.Join(" and ", given)}"));
            return null;
        }
        switch (given[0])
        {
            case "mbox":
                var mbox = actor.GetProperty("mbox");
                if (mbox.ValueKind == JsonValueKind.String && mbox.GetString() is { } m && m.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && m.Length > 8 && m.Contains('@', StringComparison.Ordinal))
                    return new(m["mailto:".Length..].Trim(), null, null);
                problems.Add(new($"{place}.mbox", "mbox is a mailto: address such as mailto:ana.rivera@example.org"));
                return null;
            case "account":
                var account = actor.GetProperty("account");
                if (account.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new($"{place}.account", "the account is an object with homePage and name"));
                    return null;
                }
                var home = Iri(account, "homePage", $"{place}.account", problems, required: true);
                var name = account.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString()!.Trim().Length > 0 ? n.GetString()!.Trim() : null;
                if (name is null) problems.Add(new($"{place}.account.name", "the account needs a name (the person's employee number or e-mail in CareerMap)"));
                return home is null || name is null ? null : new(null, home, name);
            default:
                problems.Add(new($"{place}.{given[0]}", "CareerMap finds people by mbox (their e-mail) or account (their employee number); send one of those"));
                return null;
        }
    }

    static string? Iri(JsonElement parent, string property, string place, List<XapiProblem> problems, bool required)
    {
        if (!parent.TryGetProperty(property, out var value))
        {
            if (required) problems.Add(new($"{place}.{property}", $"{property} is required"));
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } s && s.Length <= IriLength && Uri.TryCreate(s, UriKind.Absolute, out _)) return s;
        problems.Add(new($"{place}.{property}", $"{property} is an absolute IRI such as http://adlnet.gov/expapi/verbs/completed, at most {IriLength} characters"));
        return null;
    }

    /// <summary>A language map's text for people: English if it has it, else its first entry.</summary>
    static string? LanguageMap(JsonElement parent, string property, string place, List<XapiProblem> problems)
    {
        if (!parent.TryGetProperty(property, out var map)) return null;
        if (map.ValueKind != JsonValueKind.Object || map.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            problems.Add(new($"{place}.{property}", $"{property} is a language map such as {{\"en-US\": \"completed\"}}"));
            return null;
        }
        var entries = map.EnumerateObject().ToList();
        return (entries.FirstOrDefault(e => e.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } en ? en : entries.FirstOrDefault()).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
    }

    static bool? Boolean(JsonElement parent, string property, string place, List<XapiProblem> problems)
    {
        if (!parent.TryGetProperty(property, out var value)) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        problems.Add(new($"{place}.{property}", $"{property} is true or false"));
        return null;
    }

    static double? Number(JsonElement parent, string property, string place, List<XapiProblem> problems)
    {
        if (!parent.TryGetProperty(property, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        problems.Add(new($"{place}.{property}", $"{property} is a number"));
        return null;
    }

    static bool IsDuration(string text)
    {
        try
        {
            XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            // A duration longer than a TimeSpan holds is still a duration.
            return text.StartsWith('P');
        }
    }

    /// <summary>The specification refuses a statement with any property set to null, at any depth.</summary>
    static void NoNulls(JsonElement element, string place, List<XapiProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
            foreach (var p in element.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Null) problems.Add(new($"{place}.{p.Name}", "a property may not be null; leave it out instead"));
                else NoNulls(p.Value, $"{place}.{p.Name}", problems);
            }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) NoNulls(item, $"{place}[{i++}]", problems);
        }
    }
}
