using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework.Formats;

/// <summary>The result of reading a framework file: the document, or every problem found, placed in the file.</summary>
public sealed record FrameworkRead(FrameworkDocument? Document, IReadOnlyList<ImportProblem> Problems, Func<string, string> Place);

/// <summary>
/// Reads and writes the careermap/1 JSON format, reporting every wrong type and unknown field with its path, and why in the
/// reader's language.
/// </summary>
public static class JsonFrameworkFormat
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(FrameworkDocument document, Stream output) => JsonSerializer.Serialize(output, document, Options);

    public static FrameworkRead Read(Stream input, IStringLocalizer L)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(input, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $"line {line + 1}" + (e.BytePositionInLine is long col ? $", column {col + 1}" : "") : "file";
            return new(null, [new(where, L["not valid JSON: {0}", FirstSentence(e.Message)])], p => p);
        }
        using (json)
        {
            var problems = new List<FrameworkProblem>();
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new(null, [new("$", L["expected a JSON object with \"format\": \"{0}\", found {1}", FrameworkDocument.CurrentFormat, Describe(root, L)])], p => p);
            var o = new Obj(root, "", problems, L);
            var format = o.Str("format");
            if (string.IsNullOrWhiteSpace(format))
                problems.Add(new("format", L["format is required; this reader understands \"{0}\"", FrameworkDocument.CurrentFormat]));
            var d = new FrameworkDocument
            {
                Format = format ?? "",
                Organization = o.Object("organization", x => new OrganizationDto(x.Str("code") ?? "", x.Str("name") ?? "", x.Int("topLevel") ?? 5, x.Str("language") ?? "en")) ?? new("", "", 5),
                Grades = o.List("grades", Grade),
                Units = o.List("units", Unit),
                Families = o.List("families", Family),
                Competencies = o.List("competencies", Competency),
                Roles = o.List("roles", Role),
                Requirements = o.List("requirements", Requirement),
                Duties = o.List("duties", Duty),
                Strategies = o.List("strategies", Strategy),
                Moves = o.List("moves", Move),
            };
            o.Done();
            return new(d, [.. problems.Select(p => new ImportProblem(p.Path, p.Message))], p => p);
        }
    }

    static GradeDto Grade(Obj x) => new(x.Str("code") ?? "", x.Str("name") ?? "", x.Int("rank", required: true) ?? 0, x.Map("translations", NameText));
    static UnitDto Unit(Obj x) => new(x.Str("code") ?? "", x.Str("name") ?? "", x.Str("description"), x.Map("translations", NameText));
    static FamilyDto Family(Obj x) => new(x.Str("code") ?? "", x.Str("name") ?? "", x.Str("unit") ?? "", x.Str("track") ?? "", x.Str("description"), x.Map("translations", NameText));
    static CompetencyDto Competency(Obj x) => new(x.Str("code") ?? "", x.Str("name") ?? "", x.Str("category") ?? "", x.Str("definition") ?? "", x.Strings("levels"), x.Strings("indicators"),
        x.Map("translations", t => new CompetencyText(t.Str("name"), t.Str("definition"), t.OptionalStrings("levels"), t.OptionalStrings("indicators"), t.Sources())));
    static RoleDto Role(Obj x) => new(x.Str("code") ?? "", x.Str("title") ?? "", x.Str("unit") ?? "", x.Str("family") ?? "", x.Str("grade") ?? "", x.Int("level", required: true) ?? 0,
        x.Str("summary"), x.Str("scope"), x.Strings("duties"), x.List("prerequisites", Prerequisite),
        x.Map("translations", t => new RoleText(t.Str("title"), t.Str("summary"), t.Str("scope"), t.OptionalStrings("duties"), t.Sources())));
    static RequirementDto Requirement(Obj x) => new(x.Str("role") ?? "", x.Str("competency") ?? "", x.Int("level", required: true) ?? 0, (x.Decimal("weight") ?? 1m).Tidy(), x.Bool("critical") ?? false);
    static DutyDto Duty(Obj x) => new(x.Str("code") ?? "", x.Str("family") ?? "", x.Str("name") ?? "", x.Int("order") ?? 0,
        x.List("marks", Mark), x.Map("translations", t => new DutyText(t.Str("name"), t.OptionalList("marks", Mark), t.Sources())));
    static DutyMarkDto Mark(Obj m) => new(m.Int("level", required: true) ?? 0, m.Str("mark") ?? "");
    static NameText NameText(Obj t) => new(t.Str("name"), t.Str("description"), t.Sources());
    static StrategyDto Strategy(Obj x) => new(x.Str("code") ?? "", x.Str("name") ?? "", x.Str("description"), x.Strings("competencies"), x.Map("translations", NameText));
    static MoveDto Move(Obj x) => new(x.Str("code") ?? "", x.Str("from") ?? "", x.Str("to") ?? "", x.Str("note"), x.List("prerequisites", Prerequisite), x.Bool("off") ?? false,
        x.Map("translations", t => new MoveText(t.Str("note"), t.Sources())));

    static readonly Dictionary<Type, Func<Obj, object>> ItemReaders = new()
    {
        [typeof(GradeDto)] = Grade, [typeof(UnitDto)] = Unit, [typeof(FamilyDto)] = Family, [typeof(CompetencyDto)] = Competency,
        [typeof(RoleDto)] = Role, [typeof(RequirementDto)] = Requirement, [typeof(DutyDto)] = Duty, [typeof(StrategyDto)] = Strategy, [typeof(MoveDto)] = Move,
    };

    /// <summary>Reads one item of a collection (an API request body), reporting wrong types and unknown fields by field name.</summary>
    public static (T Item, IReadOnlyList<FrameworkProblem> Problems) ReadItem<T>(JsonElement element, IStringLocalizer L) where T : class
    {
        var problems = new List<FrameworkProblem>();
        if (element.ValueKind != JsonValueKind.Object)
            problems.Add(new("$", L["expected a JSON object, found {0}", Describe(element, L)]));
        var o = new Obj(element.ValueKind == JsonValueKind.Object ? element : JsonDocument.Parse("{}").RootElement, "", problems, L);
        var item = (T)ItemReaders[typeof(T)](o);
        o.Done();
        return (item, problems);
    }

    static PrerequisiteDto Prerequisite(Obj x) => new(x.Str("kind") ?? "", x.Int("months"), x.Strings("roles") is { Count: > 0 } r ? r : null, x.Str("value"));

    static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');

    static string Describe(JsonElement e, IStringLocalizer L) => e.ValueKind switch
    {
        JsonValueKind.String => L["the text \"{0}\"", Truncate(e.GetString()!)],
        JsonValueKind.Number => L["the number {0}", e.GetRawText()],
        JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
        JsonValueKind.Array => L["a list"],
        JsonValueKind.Object => L["an object"],
        _ => "null",
    };

    static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>One JSON object being read: every field taken is remembered so leftovers can be reported.</summary>
    sealed class Obj(JsonElement element, string path, List<FrameworkProblem> problems, IStringLocalizer L)
    {
        readonly HashSet<string> taken = [];

        string At(string name) => path.Length == 0 ? name : $"{path}.{name}";

        bool TryGet(string name, out JsonElement value)
        {
            taken.Add(name);
            return element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
        }

        public string? Str(string name)
        {
            if (!TryGet(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            if (v.ValueKind == JsonValueKind.Number) return v.GetRawText();
            problems.Add(new(At(name), L["expected text, found {0}", Describe(v, L)]));
            return null;
        }

        public int? Int(string name, bool required = false)
        {
            if (!TryGet(name, out var v))
            {
                if (required) problems.Add(new(At(name), L["{0} is required (a whole number)", name]));
                return null;
            }
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
            if (v.ValueKind == JsonValueKind.String && int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out i)) return i;
            problems.Add(new(At(name), L["expected a whole number, found {0}", Describe(v, L)]));
            return null;
        }

        public decimal? Decimal(string name)
        {
            if (!TryGet(name, out var v)) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
            problems.Add(new(At(name), L["expected a number, found {0}", Describe(v, L)]));
            return null;
        }

        public bool? Bool(string name)
        {
            if (!TryGet(name, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            problems.Add(new(At(name), L["expected true or false, found {0}", Describe(v, L)]));
            return null;
        }

        /// <summary>A translation's list: absent stays absent (null), so a file read and written again says the same.</summary>
        public List<string>? OptionalStrings(string name) => TryGet(name, out _) ? Strings(name) : null;

        /// <summary>A translation's sources: field key to the fingerprint of the original it was made from.</summary>
        public IReadOnlyDictionary<string, string>? Sources()
        {
            const string name = "sources";
            if (!TryGet(name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Object) { problems.Add(new(At(name), L["expected an object of texts keyed by field, found {0}", Describe(v, L)])); return null; }
            var map = new Dictionary<string, string>();
            foreach (var field in v.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.String) map[field.Name] = field.Value.GetString()!;
                else problems.Add(new($"{At(name)}.{field.Name}", L["expected text, found {0}", Describe(field.Value, L)]));
            }
            return map.Count > 0 ? map : null;
        }

        public List<T>? OptionalList<T>(string name, Func<Obj, T> read) => TryGet(name, out _) ? List(name, read) : null;

        public List<string> Strings(string name)
        {
            var list = new List<string>();
            if (!TryGet(name, out var v)) return list;
            if (v.ValueKind != JsonValueKind.Array) { problems.Add(new(At(name), L["expected a list of text, found {0}", Describe(v, L)])); return list; }
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
                else problems.Add(new($"{At(name)}[{i}]", L["expected text, found {0}", Describe(item, L)]));
                i++;
            }
            return list;
        }

        public T? Object<T>(string name, Func<Obj, T> read) where T : class
        {
            if (!TryGet(name, out var v)) { problems.Add(new(At(name), L["{0} is required", name])); return null; }
            if (v.ValueKind != JsonValueKind.Object) { problems.Add(new(At(name), L["expected an object, found {0}", Describe(v, L)])); return null; }
            var o = new Obj(v, At(name), problems, L);
            var result = read(o);
            o.Done();
            return result;
        }

        /// <summary>An object whose every field is an object of the same shape (translations by language); null when absent or empty.</summary>
        public IReadOnlyDictionary<string, T>? Map<T>(string name, Func<Obj, T> read)
        {
            if (!TryGet(name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Object) { problems.Add(new(At(name), L["expected an object keyed by language code, found {0}", Describe(v, L)])); return null; }
            var map = new Dictionary<string, T>();
            foreach (var field in v.EnumerateObject())
            {
                var fieldPath = $"{At(name)}.{field.Name}";
                if (field.Value.ValueKind != JsonValueKind.Object) { problems.Add(new(fieldPath, L["expected an object, found {0}", Describe(field.Value, L)])); continue; }
                var o = new Obj(field.Value, fieldPath, problems, L);
                map[field.Name] = read(o);
                o.Done();
            }
            return map.Count > 0 ? map : null;
        }

        public List<T> List<T>(string name, Func<Obj, T> read)
        {
            var list = new List<T>();
            if (!TryGet(name, out var v)) return list;
            if (v.ValueKind != JsonValueKind.Array) { problems.Add(new(At(name), L["expected a list, found {0}", Describe(v, L)])); return list; }
            var i = 0;
            foreach (var item in v.EnumerateArray())
            {
                var itemPath = $"{At(name)}[{i++}]";
                if (item.ValueKind != JsonValueKind.Object) { problems.Add(new(itemPath, L["expected an object, found {0}", Describe(item, L)])); continue; }
                var o = new Obj(item, itemPath, problems, L);
                list.Add(read(o));
                o.Done();
            }
            return list;
        }

        public void Done()
        {
            foreach (var p in element.EnumerateObject())
                if (!taken.Contains(p.Name))
                    problems.Add(new(At(p.Name), L["unknown field '{0}'", p.Name]));
        }
    }
}
