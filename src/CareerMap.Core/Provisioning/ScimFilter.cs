using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareerMap.Provisioning;

/// <summary>A SCIM error (RFC 7644 §3.12): the HTTP status, the scimType when one applies, and what is wrong.</summary>
public sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;

    public static ScimException BadRequest(string scimType, string detail) => new(400, scimType, detail);
}

/// <summary>An attribute path: an optional schema URN (extensions), an attribute and an optional sub-attribute.</summary>
public sealed record AttrPath(string? Schema, string Name, string? Sub)
{
    public static AttrPath Parse(string text, string scimTypeOnError = "invalidPath")
    {
        string? schema = null;
        var rest = text;
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            var cut = text.LastIndexOf(':');
            schema = text[..cut];
            rest = text[(cut + 1)..];
            if (string.Equals(schema, ScimSchemas.User, StringComparison.OrdinalIgnoreCase)) schema = null;
        }
        var parts = rest.Split('.');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$')))
            throw ScimException.BadRequest(scimTypeOnError, $"'{text}' is not an attribute path");
        return new(schema, parts[0], parts.Length == 2 ? parts[1] : null);
    }

    public override string ToString() => (Schema is null ? "" : Schema + ":") + Name + (Sub is null ? "" : "." + Sub);
}

public abstract record ScimFilter
{
    public sealed record And(ScimFilter Left, ScimFilter Right) : ScimFilter;
    public sealed record Or(ScimFilter Left, ScimFilter Right) : ScimFilter;
    public sealed record Not(ScimFilter Inner) : ScimFilter;
    public sealed record Present(AttrPath Path) : ScimFilter;
    public sealed record Compare(AttrPath Path, string Op, JsonNode? Value) : ScimFilter;
    /// <summary><c>emails[type eq "work"]</c>: true when one element of a multi-valued attribute matches the inner filter.</summary>
    public sealed record ValuePath(AttrPath Path, ScimFilter Inner) : ScimFilter;

    static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le"];
    /// <summary>Attributes SCIM compares case-sensitively (RFC 7643: caseExact true); everything else ignores case.</summary>
    static readonly HashSet<string> CaseExact = new(StringComparer.OrdinalIgnoreCase) { "id", "externalId", "version", "$ref" };

    /// <summary>Parses a filter of RFC 7644 §3.4.2.2; a malformed one is a 400 with scimType invalidFilter naming where it went wrong.</summary>
    public static ScimFilter Parse(string text)
    {
        if (text.Length > 4096) throw ScimException.BadRequest("invalidFilter", "the filter is longer than 4,096 characters");
        var parser = new Parser(Tokenize(text), text);
        var filter = parser.Expression(0);
        parser.End();
        return filter;
    }

    public bool Matches(JsonObject resource) => Evaluate(this, resource);

    /// <summary>Every attribute the filter names; inside <c>emails[…]</c> as sub-attributes of emails.</summary>
    public IEnumerable<AttrPath> Paths() => this switch
    {
        And a => a.Left.Paths().Concat(a.Right.Paths()),
        Or o => o.Left.Paths().Concat(o.Right.Paths()),
        Not n => n.Inner.Paths(),
        Present p => [p.Path],
        Compare c => [c.Path],
        ValuePath vp => vp.Inner.Paths().Select(p => vp.Path with { Sub = p.Name }).Prepend(vp.Path),
        _ => [],
    };

    static bool Evaluate(ScimFilter filter, JsonObject resource) => filter switch
    {
        And a => Evaluate(a.Left, resource) && Evaluate(a.Right, resource),
        Or o => Evaluate(o.Left, resource) || Evaluate(o.Right, resource),
        Not n => !Evaluate(n.Inner, resource),
        Present p => Values(resource, p.Path).Any(v => v is not null && !(v is JsonValue jv && jv.GetValueKind() == JsonValueKind.String && jv.GetValue<string>().Length == 0) && !(v is JsonArray { Count: 0 })),
        Compare c => c.Op == "ne" ? !Values(resource, c.Path).Any(v => Test(v, "eq", c.Value, c.Path)) : Values(resource, c.Path).Any(v => Test(v, c.Op, c.Value, c.Path)),
        ValuePath vp => Elements(resource, vp.Path).Any(e => e is JsonObject o && Evaluate(vp.Inner, o)),
        _ => false,
    };

    static IEnumerable<JsonNode?> Elements(JsonObject resource, AttrPath path)
    {
        // "emailAddress" and "email" are not SCIM attributes, but HR systems' filter builders send them for emails.value.
        if (path.Schema is null && path.Sub is null && (string.Equals(path.Name, "emailAddress", StringComparison.OrdinalIgnoreCase) || string.Equals(path.Name, "email", StringComparison.OrdinalIgnoreCase)))
            path = new AttrPath(null, "emails", null);
        var container = path.Schema is null ? resource : Json.Get(resource, path.Schema) as JsonObject;
        var node = container is null ? null : Json.Get(container, path.Name);
        if (node is JsonArray array) return array;
        return node is null ? [] : new[] { node };
    }

    static IEnumerable<JsonNode?> Values(JsonObject resource, AttrPath path)
    {
        foreach (var element in Elements(resource, path))
        {
            var sub = path.Sub ?? (element is JsonObject ? "value" : null);
            yield return sub is null ? element : element is JsonObject o ? Json.Get(o, sub) : null;
        }
    }

    static bool Test(JsonNode? actual, string op, JsonNode? expected, AttrPath path)
    {
        if (expected is null) return op == "eq" && actual is null;
        if (actual is not JsonValue a || expected is not JsonValue e) return false;
        var ak = a.GetValueKind();
        var ek = e.GetValueKind();
        if (ek is JsonValueKind.True or JsonValueKind.False)
        {
            if (op != "eq") throw ScimException.BadRequest("invalidFilter", $"'{op}' cannot compare the boolean {path}");
            return ak is JsonValueKind.True or JsonValueKind.False ? a.GetValue<bool>() == e.GetValue<bool>()
                : ak == JsonValueKind.String && bool.TryParse(a.GetValue<string>(), out var b) && b == e.GetValue<bool>();
        }
        if (ek == JsonValueKind.Number)
        {
            var number = ak == JsonValueKind.Number ? a.GetValue<double>() : ak == JsonValueKind.String && double.TryParse(a.GetValue<string>(), CultureInfo.InvariantCulture, out var d) ? d : double.NaN;
            if (double.IsNaN(number)) return false;
            var cmp = number.CompareTo(e.GetValue<double>());
            return Ordered(op, cmp, path);
        }
        var want = e.GetValue<string>();
        var have = ak switch
        {
            JsonValueKind.String => a.GetValue<string>(),
            JsonValueKind.Number => a.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        if (have is null) return false;
        var comparison = CaseExact.Contains(path.Sub ?? path.Name) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            "eq" => string.Equals(have, want, comparison),
            "co" => have.Contains(want, comparison),
            "sw" => have.StartsWith(want, comparison),
            "ew" => have.EndsWith(want, comparison),
            _ => DateTimeOffset.TryParse(have, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var hd)
                 && DateTimeOffset.TryParse(want, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var wd)
                ? Ordered(op, hd.CompareTo(wd), path) : Ordered(op, string.Compare(have, want, comparison), path),
        };
    }

    static bool Ordered(string op, int cmp, AttrPath path) => op switch
    {
        "eq" => cmp == 0,
        "gt" => cmp > 0,
        "ge" => cmp >= 0,
        "lt" => cmp < 0,
        "le" => cmp <= 0,
        _ => throw ScimException.BadRequest("invalidFilter", $"'{op}' compares text only, and {path} was compared with a number"),
    };

    enum Kind { Word, String, Open, Close, OpenBracket, CloseBracket }

    sealed record Token(Kind Kind, string Text, int At);

    static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '(' or ')' or '[' or ']')
            {
                tokens.Add(new(c switch { '(' => Kind.Open, ')' => Kind.Close, '[' => Kind.OpenBracket, _ => Kind.CloseBracket }, c.ToString(), i));
                i++;
                continue;
            }
            if (c == '"')
            {
                var start = i++;
                var escaped = false;
                while (i < text.Length && (escaped || text[i] != '"')) { escaped = !escaped && text[i] == '\\'; i++; }
                if (i >= text.Length) throw ScimException.BadRequest("invalidFilter", $"the string starting at character {start + 1} is not closed");
                i++;
                tokens.Add(new(Kind.String, text[start..i], start));
                continue;
            }
            var from = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '[' or ']' or '"')) i++;
            tokens.Add(new(Kind.Word, text[from..i], from));
        }
        return tokens;
    }

    sealed class Parser(List<Token> tokens, string text)
    {
        int at;

        Token? Peek => at < tokens.Count ? tokens[at] : null;

        ScimException Error(string what) => ScimException.BadRequest("invalidFilter",
            Peek is { } t ? $"{what} at character {t.At + 1} ('{t.Text}') of the filter \"{text}\"" : $"{what} at the end of the filter \"{text}\"");

        bool IsWord(string word) => Peek is { Kind: Kind.Word } t && string.Equals(t.Text, word, StringComparison.OrdinalIgnoreCase);

        public void End()
        {
            if (Peek is not null) throw Error("unexpected text");
        }

        // Precedence: or (0) < and (1) < not and comparisons.
        public ScimFilter Expression(int level)
        {
            if (level == 0)
            {
                var left = Expression(1);
                while (IsWord("or")) { at++; left = new Or(left, Expression(1)); }
                return left;
            }
            var l = Atom();
            while (IsWord("and")) { at++; l = new And(l, Atom()); }
            return l;
        }

        ScimFilter Atom()
        {
            if (tokens.Count == 0) throw ScimException.BadRequest("invalidFilter", "the filter is empty");
            if (IsWord("not"))
            {
                at++;
                if (Peek?.Kind != Kind.Open) throw Error("'not' must be followed by a parenthesized filter");
                return new Not(Atom());
            }
            if (Peek?.Kind == Kind.Open)
            {
                at++;
                var inner = Expression(0);
                if (Peek?.Kind != Kind.Close) throw Error("expected ')'");
                at++;
                return inner;
            }
            if (Peek is not { Kind: Kind.Word } word) throw Error("expected an attribute name");
            at++;
            var path = PathOf(word.Text, word.At);
            if (Peek?.Kind == Kind.OpenBracket)
            {
                at++;
                var inner = Expression(0);
                if (Peek?.Kind != Kind.CloseBracket) throw Error("expected ']'");
                at++;
                return new ValuePath(path, inner);
            }
            if (Peek is not { Kind: Kind.Word } opToken) throw Error("expected an operator (eq, ne, co, sw, ew, gt, lt, ge, le, pr)");
            var op = opToken.Text.ToLowerInvariant();
            at++;
            if (op == "pr") return new Present(path);
            if (!Operators.Contains(op)) { at--; throw Error($"unknown operator '{opToken.Text}'"); }
            if (Peek is not { } value || value.Kind is not (Kind.String or Kind.Word)) throw Error("expected a value");
            at++;
            return new Compare(path, op, ValueOf(value));
        }

        static AttrPath PathOf(string word, int position)
        {
            try { return AttrPath.Parse(word, "invalidFilter"); }
            catch (ScimException) { throw ScimException.BadRequest("invalidFilter", $"'{word}' at character {position + 1} is not an attribute name"); }
        }

        static JsonNode? ValueOf(Token token)
        {
            if (token.Kind == Kind.String)
            {
                try { return JsonNode.Parse(token.Text); }
                catch (JsonException) { throw ScimException.BadRequest("invalidFilter", $"the string at character {token.At + 1} is not a valid JSON string"); }
            }
            return token.Text.ToLowerInvariant() switch
            {
                "true" => JsonValue.Create(true),
                "false" => JsonValue.Create(false),
                "null" => null,
                _ when double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
                _ => throw ScimException.BadRequest("invalidFilter", $"'{token.Text}' at character {token.At + 1} is not a value: quote text, e.g. \"{token.Text}\""),
            };
        }
    }
}

/// <summary>Case-insensitive access to JSON attributes: SCIM attribute names ignore case.</summary>
public static class Json
{
    public static JsonNode? Get(JsonObject o, string name)
    {
        if (o.TryGetPropertyValue(name, out var exact)) return exact;
        foreach (var (key, value) in o)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    public static string? KeyOf(JsonObject o, string name) =>
        o.ContainsKey(name) ? name : o.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    public static void Set(JsonObject o, string name, JsonNode? value)
    {
        // An attribute keeps the spelling it was first stored with.
        o[KeyOf(o, name) ?? name] = value;
    }

    public static bool Remove(JsonObject o, string name) => KeyOf(o, name) is { } key && o.Remove(key);

    public static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
        : node is JsonValue n && n.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False ? n.ToJsonString() : null;

    public static string Describe(string text) => text.Length > 60 ? text[..57] + "…" : text;
}
