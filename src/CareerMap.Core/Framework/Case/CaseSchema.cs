using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework.Case;

/// <summary>
/// The published CASE 1.1 CFPackage schema (case-v1p1-cfpackage.schema.json beside this file, its source named in the
/// README there), checked with JsonSchema.Net. Each finding is placed as the other importers place theirs
/// (<c>CFItems[3].fullStatement</c>) and said in the reader's language: one problem per place.
/// </summary>
public static partial class CaseSchema
{
    public const string ResourceName = "CareerMap.Framework.Case.case-v1p1-cfpackage.schema.json";

    static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(CaseSchema).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    /// <summary>The schema's own text, for whoever wants to check a package with another tool.</summary>
    public static string Text()
    {
        using var stream = typeof(CaseSchema).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<ImportProblem> Check(JsonElement package, IStringLocalizer L)
    {
        var result = Schema.Value.Evaluate(package, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });
        if (result.IsValid) return [];
        var problems = new List<ImportProblem>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        void Add(string place, string message)
        {
            if (placed.Add(place)) problems.Add(new(place, message));
        }
        // Only failing subtrees: a branch of an anyOf that another branch satisfied fails without the value being wrong.
        static IEnumerable<EvaluationResults> Failing(EvaluationResults node) =>
            node.IsValid ? [] : new[] { node }.Concat((node.Details ?? []).SelectMany(Failing));
        foreach (var detail in Failing(result))
        {
            if (detail.Errors is not { Count: > 0 } errors) continue;
            var segments = Segments(detail.InstanceLocation.ToString());
            var place = Place(segments);
            var value = At(package, segments);
            var anyOf = detail.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal);
            foreach (var (keyword, message) in errors)
            {
                if (keyword == "required")
                {
                    foreach (Match name in QuotedName().Matches(message ?? ""))
                        Add(Join(place, name.Groups[1].Value), L["required by CASE 1.1"]);
                    continue;
                }
                Add(place, Reason(keyword, message, segments.Count > 0 ? segments[^1] : "", value, anyOf, L));
            }
        }
        return problems;
    }

    static string Reason(string keyword, string? message, string field, JsonElement? value, bool anyOf, IStringLocalizer L)
    {
        if (anyOf && field == "associationType")
            return L["'{0}' is not a CASE association type: isChildOf, isPeerOf, isPartOf, exactMatchOf, precedes, isRelatedTo, replacedBy, exemplar, hasSkillLevel, isTranslationOf, or ext: and a name", Shown(value)];
        if (anyOf && field == "targetType") return L["'{0}' is not a target type: CASE, or ext: and a name", Shown(value)];
        return keyword switch
        {
            "" => L["unknown field '{0}'", field],
            "pattern" => L["'{0}' is not a UUID in lower case (8-4-4-4-12 hexadecimal digits)", Shown(value)],
            "format" when message?.Contains("date-time", StringComparison.Ordinal) == true => L["'{0}' is not a date and time such as 2026-01-15T09:30:00Z", Shown(value)],
            "format" when message?.Contains("\"date\"", StringComparison.Ordinal) == true => L["'{0}' is not a date such as 2026-01-15", Shown(value)],
            "format" => L["'{0}' is not an absolute URI such as https://example.org/ims/case/v1p1/CFItems/…", Shown(value)],
            "type" => L["expected {0}, found {1}", Expected(message), Kind(value, L)],
            "enum" => L["'{0}' is not allowed here; CASE 1.1 allows {1}", Shown(value), field == "caseVersion" ? "1.1" : "…"],
            _ => message ?? keyword,
        };
    }

    static string Expected(string? message)
    {
        var names = QuotedName().Matches(message ?? "");
        return names.Count > 0 ? names[^1].Groups[1].Value : "?";
    }

    static string Kind(JsonElement? value, IStringLocalizer L) => value?.ValueKind switch
    {
        JsonValueKind.String => L["the text \"{0}\"", Shown(value)],
        JsonValueKind.Number => L["the number {0}", value.Value.GetRawText()],
        JsonValueKind.True or JsonValueKind.False => value.Value.GetRawText(),
        JsonValueKind.Array => L["a list"],
        JsonValueKind.Object => L["an object"],
        _ => "null",
    };

    static string Shown(JsonElement? value)
    {
        var text = value?.ValueKind == JsonValueKind.String ? value.Value.GetString() ?? "" : value?.GetRawText() ?? "";
        return text.Length <= 60 ? text : text[..60] + "…";
    }

    /// <summary>A JSON Pointer's segments, unescaped.</summary>
    static List<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>["CFItems", "3", "fullStatement"] as CFItems[3].fullStatement.</summary>
    public static string Place(IEnumerable<string> segments)
    {
        var place = "";
        foreach (var s in segments)
            place = int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) ? $"{place}[{s}]" : Join(place, s);
        return place.Length == 0 ? "$" : place;
    }

    static string Join(string place, string name) => place is "" or "$" ? name : $"{place}.{name}";

    static JsonElement? At(JsonElement root, List<string> segments)
    {
        var e = root;
        foreach (var s in segments)
        {
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(s, out var next)) e = next;
            else if (e.ValueKind == JsonValueKind.Array && int.TryParse(s, out var i) && i < e.GetArrayLength()) e = e[i];
            else return null;
        }
        return e;
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();
}
