using System.Globalization;
using System.Text.RegularExpressions;
using CareerMap.Spreadsheets;

namespace CareerMap.Framework.Formats;

/// <summary>
/// The workbook's Translations sheet: one row per translated text (Item, Code, Language, Field, Value), where Field is
/// name, description, definition, title, summary, scope or note, or a numbered entry of a list: "level 3", "indicator 2",
/// "duty 4", "mark 2" (a duty-matrix mark at level 2). The sheet is optional; a workbook without it has no translations.
/// An optional Made from column keeps the fingerprint of the original each text was translated from, so an original
/// edited later still shows its translation as out of date after a round trip through the workbook.
/// </summary>
static partial class ExcelTranslations
{
    public const string SheetName = "Translations";
    const string MadeFrom = "Made from";
    static readonly string[] Required = ["Item", "Code", "Language", "Field", "Value"];
    public static readonly string[] Headers = [.. Required, MadeFrom];

    [GeneratedRegex(@"^(level|indicator|duty|mark)\s+(\d{1,3})$")]
    private static partial Regex NumberedField();

    public static IEnumerable<object?[]> Rows(FrameworkDocument d)
    {
        static IEnumerable<object?[]> Of<T>(string item, string code, IReadOnlyDictionary<string, T>? translations, Func<T, IEnumerable<(string Field, string? Value)>> fields)
            where T : ITranslatedText =>
            from t in translations ?? new Dictionary<string, T>()
            from f in fields(t.Value)
            where !string.IsNullOrWhiteSpace(f.Value)
            select new object?[] { item, code, t.Key, f.Field, f.Value, t.Value.Sources?.GetValueOrDefault(f.Field) };
        static IEnumerable<(string, string?)> Numbered(string field, IReadOnlyList<string>? items) =>
            (items ?? []).Select((text, i) => ($"{field} {i + 1}", (string?)text));
        static IEnumerable<(string, string?)> Named(NameText t) => [("name", t.Name), ("description", t.Description)];

        return d.Grades.SelectMany(g => Of("grade", g.Code, g.Translations, Named))
            .Concat(d.Units.SelectMany(u => Of("unit", u.Code, u.Translations, Named)))
            .Concat(d.Families.SelectMany(f => Of("family", f.Code, f.Translations, Named)))
            .Concat(d.Competencies.SelectMany(c => Of("competency", c.Code, c.Translations, t =>
                [("name", t.Name), ("definition", t.Definition), .. Numbered("level", t.Levels), .. Numbered("indicator", t.Indicators)])))
            .Concat(d.Roles.SelectMany(r => Of("role", r.Code, r.Translations, t => [("title", t.Title), ("summary", t.Summary), ("scope", t.Scope), .. Numbered("duty", t.Duties)])))
            .Concat(d.Duties.SelectMany(u => Of("duty", u.Code, u.Translations, t =>
                [("name", t.Name), .. (t.Marks ?? []).Select(m => ($"mark {m.Level}", (string?)m.Mark))])))
            .Concat(d.Strategies.SelectMany(s => Of("strategy", s.Code, s.Translations, Named)))
            .Concat(d.Moves.SelectMany(m => Of("move", m.Code, m.Translations, t => [("note", t.Note)])));
    }

    /// <summary>One translated text read from the sheet, with the cells it came from.</summary>
    sealed record Entry(string Field, int? Number, string Value, string ValueCell, string FieldCell, string? Source)
    {
        public string Key => Number is { } n ? $"{Field} {n}" : Field;
    }

    /// <summary>Reads the sheet into the document's items, recording each text's cell under its document path.</summary>
    public static void Read(Sheet ws, FrameworkDocument d, ImportProblems problems, Dictionary<string, string> places)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, cell) in ws.Used(1)) columns.TryAdd(cell.Text.Trim(), column);
        var absent = Required.Where(h => !columns.ContainsKey(h)).ToList();
        foreach (var a in absent) problems.Add(new($"{SheetName}!1", $"column '{a}' is missing from the header row"));
        if (absent.Count > 0) return;

        // item → code → language → entries, in sheet order
        var read = new Dictionary<string, Dictionary<string, Dictionary<string, List<Entry>>>>(StringComparer.OrdinalIgnoreCase);
        var items = new Dictionary<string, (IFrameworkCollection Collection, HashSet<string> Codes)>(StringComparer.OrdinalIgnoreCase)
        {
            ["grade"] = (FrameworkCollections.Grades, Codes(d.Grades.Select(x => x.Code))),
            ["unit"] = (FrameworkCollections.Units, Codes(d.Units.Select(x => x.Code))),
            ["family"] = (FrameworkCollections.Families, Codes(d.Families.Select(x => x.Code))),
            ["competency"] = (FrameworkCollections.Competencies, Codes(d.Competencies.Select(x => x.Code))),
            ["role"] = (FrameworkCollections.Roles, Codes(d.Roles.Select(x => x.Code))),
            ["duty"] = (FrameworkCollections.Duties, Codes(d.Duties.Select(x => x.Code))),
            ["strategy"] = (FrameworkCollections.Strategies, Codes(d.Strategies.Select(x => x.Code))),
            ["move"] = (FrameworkCollections.Moves, Codes(d.Moves.Select(x => x.Code))),
        };
        var fieldsOf = new Dictionary<string, string[]>
        {
            ["grade"] = ["name", "description"], ["unit"] = ["name", "description"], ["family"] = ["name", "description"], ["strategy"] = ["name", "description"],
            ["competency"] = ["name", "definition", "level N", "indicator N"], ["role"] = ["title", "summary", "scope", "duty N"],
            ["duty"] = ["name", "mark N"], ["move"] = ["note"],
        };
        for (var row = 2; row <= ws.LastRow; row++)
        {
            if (ws.IsEmpty(row)) continue;
            string Text(string column) => ws.Text(row, columns[column]).Trim();
            string Address(string column) => ws.Address(row, columns[column]);
            var item = Text("Item").ToLowerInvariant();
            var code = Text("Code");
            var language = Text("Language").ToLowerInvariant();
            var field = Regex.Replace(Text("Field").ToLowerInvariant(), @"\s+", " ");
            var value = Text("Value");
            if (!items.TryGetValue(item, out var kind))
            {
                problems.Add(new(Address("Item"), $"expected one of {string.Join(", ", items.Keys)}, found '{Text("Item")}'"));
                continue;
            }
            if (!kind.Codes.Contains(code))
            {
                problems.Add(new(Address("Code"), code.Length == 0 ? $"the code of the {item} is required" : $"no {item} '{code}' in this workbook"));
                continue;
            }
            if (language.Length == 0) { problems.Add(new(Address("Language"), "the language code is required, such as es")); continue; }
            var numbered = NumberedField().Match(field);
            var name = numbered.Success ? $"{numbered.Groups[1].Value} N" : field;
            if (!fieldsOf[item].Contains(name))
            {
                problems.Add(new(Address("Field"), $"a {item} has no field '{Text("Field")}'; expected one of {string.Join(", ", fieldsOf[item])} (N a number from 1)"));
                continue;
            }
            var number = numbered.Success ? int.Parse(numbered.Groups[2].Value, CultureInfo.InvariantCulture) : (int?)null;
            if (number is 0) { problems.Add(new(Address("Field"), "entries are numbered from 1")); continue; }
            if (value.Length == 0) { problems.Add(new(Address("Value"), "the translated text is empty; delete the row to leave it untranslated")); continue; }
            var byCode = read.TryGetValue(item, out var c) ? c : read[item] = new(StringComparer.OrdinalIgnoreCase);
            var byLanguage = byCode.TryGetValue(code, out var l) ? l : byCode[code] = new(StringComparer.Ordinal);
            var entries = byLanguage.TryGetValue(language, out var e) ? e : byLanguage[language] = [];
            var field1 = numbered.Success ? numbered.Groups[1].Value : field;
            if (entries.FirstOrDefault(x => x.Field == field1 && x.Number == number) is { } twice)
            {
                problems.Add(new(Address("Field"), $"{item} {code} has its {field} in {language} already ({twice.FieldCell})"));
                continue;
            }
            entries.Add(new(field1, number, value, Address("Value"), Address("Field"), columns.ContainsKey(MadeFrom) && Text(MadeFrom) is { Length: > 0 } source ? source : null));
        }

        Dictionary<string, T>? For<T>(string item, string collection, int index, string code, Func<string, List<Entry>, T> make)
        {
            if (!read.TryGetValue(item, out var byCode) || !byCode.TryGetValue(code, out var byLanguage)) return null;
            foreach (var (language, entries) in byLanguage)
            {
                var at = $"{collection}[{index}].translations.{language}";
                places[at] = entries[0].FieldCell;
                foreach (var e in entries)
                    places[e.Number is { } n ? $"{at}.{ListName(e.Field)}[{(e.Field == "mark" ? entries.Where(x => x.Field == "mark").ToList().IndexOf(e) : n - 1)}]" : $"{at}.{e.Field}"] = e.ValueCell;
                foreach (var list in entries.Where(e => e.Number is not null).GroupBy(e => e.Field))
                    places[$"{at}.{ListName(list.Key)}"] = list.First().FieldCell;
            }
            return byLanguage.ToDictionary(x => x.Key, x => make(x.Key, x.Value));
        }
        static string? One(List<Entry> entries, string field) => entries.FirstOrDefault(e => e.Field == field)?.Value;
        static List<string>? Numbered(List<Entry> entries, string field)
        {
            var numbered = entries.Where(e => e.Field == field).ToList();
            if (numbered.Count == 0) return null;
            var list = Enumerable.Repeat("", numbered.Max(e => e.Number!.Value)).ToList();
            foreach (var e in numbered) list[e.Number!.Value - 1] = e.Value;
            return list;
        }
        static Dictionary<string, string>? Sources(List<Entry> entries) =>
            entries.Where(e => e.Source is not null).ToDictionary(e => e.Key, e => e.Source!) is { Count: > 0 } sources ? sources : null;
        static NameText Named(string _, List<Entry> e) => new(One(e, "name"), One(e, "description"), Sources(e));

        for (var i = 0; i < d.Grades.Count; i++) d.Grades[i] = d.Grades[i] with { Translations = For("grade", "grades", i, d.Grades[i].Code, Named) };
        for (var i = 0; i < d.Units.Count; i++) d.Units[i] = d.Units[i] with { Translations = For("unit", "units", i, d.Units[i].Code, Named) };
        for (var i = 0; i < d.Families.Count; i++) d.Families[i] = d.Families[i] with { Translations = For("family", "families", i, d.Families[i].Code, Named) };
        for (var i = 0; i < d.Strategies.Count; i++) d.Strategies[i] = d.Strategies[i] with { Translations = For("strategy", "strategies", i, d.Strategies[i].Code, Named) };
        for (var i = 0; i < d.Competencies.Count; i++)
            d.Competencies[i] = d.Competencies[i] with
            {
                Translations = For("competency", "competencies", i, d.Competencies[i].Code, (_, e) =>
                    new CompetencyText(One(e, "name"), One(e, "definition"), Numbered(e, "level"), Numbered(e, "indicator"), Sources(e))),
            };
        for (var i = 0; i < d.Roles.Count; i++)
            d.Roles[i] = d.Roles[i] with
            {
                Translations = For("role", "roles", i, d.Roles[i].Code, (_, e) => new RoleText(One(e, "title"), One(e, "summary"), One(e, "scope"), Numbered(e, "duty"), Sources(e))),
            };
        for (var i = 0; i < d.Duties.Count; i++)
            d.Duties[i] = d.Duties[i] with
            {
                Translations = For("duty", "duties", i, d.Duties[i].Code, (_, e) =>
                    new DutyText(One(e, "name"), e.Where(x => x.Field == "mark").Select(x => new DutyMarkDto(x.Number!.Value, x.Value)).ToList() is { Count: > 0 } marks ? marks : null, Sources(e))),
            };
        for (var i = 0; i < d.Moves.Count; i++) d.Moves[i] = d.Moves[i] with { Translations = For("move", "moves", i, d.Moves[i].Code, (_, e) => new MoveText(One(e, "note"), Sources(e))) };
    }

    static string ListName(string field) => field switch { "level" => "levels", "indicator" => "indicators", "duty" => "duties", _ => "marks" };

    static HashSet<string> Codes(IEnumerable<string> codes) => new(codes, StringComparer.OrdinalIgnoreCase);
}
