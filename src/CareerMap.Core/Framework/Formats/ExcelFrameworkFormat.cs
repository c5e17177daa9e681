using System.Globalization;
using System.Text.RegularExpressions;
using CareerMap.Spreadsheets;
using ClosedXML.Excel;

namespace CareerMap.Framework.Formats;

/// <summary>
/// The framework as a workbook HR staff can edit by hand: one sheet per entity, the requirements as a
/// roles × competencies matrix whose cells hold the required level ("4", "4*" for critical, "4 w2" for weight 2).
/// </summary>
public static partial class ExcelFrameworkFormat
{
    const string Readme = "Read me";
    static readonly string[] Sheets = ["Organization", "Grades", "Units", "Families", "Competencies", "Roles", "Requirements", "Duties", "Strategies", "Moves", "Prerequisites"];

    [GeneratedRegex(@"^\s*(\d+)\s*(\*)?\s*(?:[wW]\s*(\d+(?:\.\d+)?))?\s*$")]
    private static partial Regex RequirementCell();

    public static void Write(FrameworkDocument d, Stream output)
    {
        using var wb = new XLWorkbook();
        var top = d.Organization.TopLevel;
        var readme = wb.AddWorksheet(Readme);
        string[] notes =
        [
            $"CareerMap framework workbook, format {FrameworkDocument.CurrentFormat}.",
            "Edit any sheet, then import the file with `careermap import FILE --dry-run` to see what would change, and without --dry-run to apply it.",
            "An import is all-or-nothing: any problem is reported with its sheet and cell, and nothing changes.",
            "Codes tie the sheets together: a role's Unit, Family and Grade are codes from those sheets.",
            "Requirements: one row per role, one column per competency; a cell holds the required level. Add * for a critical competency (4*) and w and a number for a weight other than 1 (4 w2, 4* w1.5). Leave a cell empty when the role does not require the competency.",
            "Cells with several lines (duties, indicators) hold one item per line. Strategies list competency codes separated by commas.",
            "Prerequisites: one row per prerequisite of a role or a move. Kinds: months-in-role, months-in-roles (Roles: codes separated by commas), certification, license, language, education, contact-center-experience (Months).",
            "Moves: a row per explicit move between two roles; write yes under Off to switch off a rule-made move (next level, leadership step, similar lateral) between those roles.",
            "Duties: a row per duty of a family's matrix; the Level columns hold X or words narrowing the duty at that level.",
            "Organization: Language is the language the framework's texts are written in (en, es).",
            "Translations: one row per text in another language. Item is grade, unit, family, competency, role, duty, strategy or move; Code its code; Language a code such as es; Field one of name, description, definition, title, summary, scope, note, or a numbered entry: level 1, indicator 2, duty 3 (a role's duty), mark 2 (a duty-matrix mark at level 2). A text left out is shown in the framework's own language. Made from is filled by CareerMap: it tells which version of the original a text was translated from, so an original edited later is flagged for checking; leave it as it is (a translation you change is taken as made from today's original).",
        ];
        for (var i = 0; i < notes.Length; i++) readme.Cell(i + 1, 1).Value = notes[i];
        readme.Column(1).Width = 140;

        var org = Sheet(wb, "Organization", ["Field", "Value"]);
        org.Cell(2, 1).Value = "Code"; org.Cell(2, 2).Value = d.Organization.Code;
        org.Cell(3, 1).Value = "Name"; org.Cell(3, 2).Value = d.Organization.Name;
        org.Cell(4, 1).Value = "Top level"; org.Cell(4, 2).Value = d.Organization.TopLevel;
        org.Cell(5, 1).Value = "Language"; org.Cell(5, 2).Value = d.Organization.Language;

        Rows(Sheet(wb, "Grades", ["Code", "Name", "Rank"]), d.Grades, g => [g.Code, g.Name, g.Rank]);
        Rows(Sheet(wb, "Units", ["Code", "Name", "Description"]), d.Units, u => [u.Code, u.Name, u.Description]);
        Rows(Sheet(wb, "Families", ["Code", "Name", "Unit", "Track", "Description"]), d.Families, f => [f.Code, f.Name, f.Unit, f.Track, f.Description]);
        Rows(Sheet(wb, "Competencies", ["Code", "Name", "Category", "Definition", .. Enumerable.Range(1, top).Select(l => $"Level {l}"), "Indicators"]),
            d.Competencies, c => [c.Code, c.Name, c.Category, c.Definition, .. Enumerable.Range(0, top).Select(l => (object?)(l < c.Levels.Count ? c.Levels[l] : null)), Lines(c.Indicators)]);
        Rows(Sheet(wb, "Roles", ["Code", "Title", "Unit", "Family", "Grade", "Level", "Summary", "Scope", "Duties"]),
            d.Roles, r => [r.Code, r.Title, r.Unit, r.Family, Number(r.Grade), r.Level, r.Summary, r.Scope, Lines(r.Duties)]);

        var competencyCodes = d.Competencies.Select(c => c.Code).ToList();
        var matrix = Sheet(wb, "Requirements", ["Role", "Title", .. competencyCodes]);
        var byRole = d.Requirements.ToLookup(q => q.Role, StringComparer.OrdinalIgnoreCase);
        var row = 2;
        foreach (var r in d.Roles)
        {
            matrix.Cell(row, 1).Value = r.Code;
            matrix.Cell(row, 2).Value = r.Title;
            foreach (var q in byRole[r.Code])
            {
                var col = competencyCodes.FindIndex(c => string.Equals(c, q.Competency, StringComparison.OrdinalIgnoreCase)) + 3;
                var text = RequirementText(q);
                if (text == q.Level.ToString(CultureInfo.InvariantCulture)) matrix.Cell(row, col).Value = q.Level;
                else matrix.Cell(row, col).Value = text;
            }
            row++;
        }
        matrix.Column(2).Width = 34;

        var levels = Math.Max(1, d.Roles.Select(r => r.Level).DefaultIfEmpty(1).Max());
        Rows(Sheet(wb, "Duties", ["Code", "Family", "Order", "Duty", .. Enumerable.Range(1, levels).Select(l => $"Level {l}")]),
            d.Duties, u => [u.Code, u.Family, u.Order, u.Name, .. Enumerable.Range(1, levels).Select(l => (object?)u.Marks.FirstOrDefault(m => m.Level == l)?.Mark)]);
        Rows(Sheet(wb, "Strategies", ["Code", "Name", "Description", "Competencies"]), d.Strategies, s => [s.Code, s.Name, s.Description, string.Join(", ", s.Competencies)]);
        Rows(Sheet(wb, "Moves", ["Code", "From", "To", "Note", "Off"]), d.Moves, m => [m.Code, m.From, m.To, m.Note, m.Off ? "yes" : null]);
        var prerequisites = d.Roles.SelectMany(r => (r.Prerequisites ?? []).Select(p => ("role", r.Code, p)))
            .Concat(d.Moves.SelectMany(m => (m.Prerequisites ?? []).Select(p => ("move", m.Code, p)))).ToList();
        Rows(Sheet(wb, "Prerequisites", ["For", "Code", "Kind", "Months", "Roles", "Value"]), prerequisites,
            x => [x.Item1, x.Item2, x.p.Kind, x.p.Months, x.p.Roles is null ? null : string.Join(", ", x.p.Roles), x.p.Value]);
        var translations = Sheet(wb, ExcelTranslations.SheetName, ExcelTranslations.Headers);
        Rows(translations, ExcelTranslations.Rows(d), row => row);
        translations.Column(5).Width = 90;
        wb.SaveAs(output);
    }

    static string RequirementText(RequirementDto q)
    {
        var text = q.Level.ToString(CultureInfo.InvariantCulture) + (q.Critical ? "*" : "");
        return q.Weight == 1m ? text : $"{text} w{q.Weight.Tidy().ToString(CultureInfo.InvariantCulture)}";
    }

    static object Number(string code) => int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n.ToString(CultureInfo.InvariantCulture) == code ? n : code;

    static string? Lines(IReadOnlyList<string>? items) => items is { Count: > 0 } ? string.Join("\n", items) : null;

    static IXLWorksheet Sheet(XLWorkbook wb, string name, IReadOnlyList<string> headers)
    {
        var ws = wb.AddWorksheet(name);
        for (var i = 0; i < headers.Count; i++)
        {
            ws.Cell(1, i + 1).Value = headers[i];
            ws.Column(i + 1).Width = headers[i] switch { "Code" or "Role" or "Unit" or "Family" or "Grade" or "From" or "To" => 16, "Level" or "Rank" or "Order" or "Months" => 9, _ => 28 };
        }
        var header = ws.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF6");
        ws.SheetView.FreezeRows(1);
        return ws;
    }

    static void Rows<T>(IXLWorksheet ws, IEnumerable<T> items, Func<T, object?[]> cells)
    {
        var row = 2;
        foreach (var item in items)
        {
            var values = cells(item);
            for (var c = 0; c < values.Length; c++)
            {
                var cell = ws.Cell(row, c + 1);
                switch (values[c])
                {
                    case null: break;
                    case int i: cell.Value = i; break;
                    case string s:
                        cell.Value = s;
                        if (s.Contains('\n', StringComparison.Ordinal)) cell.Style.Alignment.WrapText = true;
                        break;
                    default: cell.Value = values[c]; break;
                }
            }
            row++;
        }
    }

    public static FrameworkRead Read(Stream input, string fileName = "workbook")
    {
        IReadOnlyList<Sheet> sheets;
        try { sheets = Spreadsheet.Read(input, fileName); }
        catch (SpreadsheetRefusedException e) { return new(null, new ImportProblems([new(e.Place, e.Message)]), p => p); }
        var reader = new WorkbookReader(sheets);
        var d = reader.Read();
        return new(d, reader.Problems, reader.Place);
    }

    /// <summary>A cell of a sheet by its row and column, empty or not.</summary>
    readonly record struct CellAt(Sheet Sheet, int Row, int Column)
    {
        public Cell? Value => Sheet.At(Row, Column);
        public string Raw => Value?.Text ?? "";
        public string Address => Sheet.Address(Row, Column);
    }

    sealed class WorkbookReader(IReadOnlyList<Sheet> sheets)
    {
        public readonly ImportProblems Problems = [];
        readonly Dictionary<string, Sheet> wb = sheets.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        readonly Dictionary<string, string> places = [];

        /// <summary>Maps a document path to the cell it came from, falling back to the nearest recorded parent.</summary>
        public string Place(string path)
        {
            var p = path;
            while (true)
            {
                if (places.TryGetValue(p, out var cell)) return cell;
                var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
                if (cut <= 0) return path;
                p = p[..cut];
            }
        }

        public FrameworkDocument Read()
        {
            var missing = Sheets.Where(s => !wb.ContainsKey(s)).ToList();
            foreach (var s in missing) Problems.Add(new("workbook", $"sheet '{s}' is missing"));
            var d = new FrameworkDocument();
            if (missing.Count > 0) return d;

            var org = wb["Organization"];
            string? code = null, name = null, language = null; int top = 5;
            foreach (var row in DataRows(org))
            {
                var field = org.Text(row, 1).Trim().ToLowerInvariant();
                var cell = new CellAt(org, row, 2);
                switch (field)
                {
                    case "code": code = Text(cell); places["organization.code"] = cell.Address; break;
                    case "name": name = Text(cell); places["organization.name"] = cell.Address; break;
                    case "top level": top = Int(cell, required: true) ?? 5; places["organization.topLevel"] = cell.Address; break;
                    case "language": language = Text(cell); places["organization.language"] = cell.Address; break;
                    case "": break;
                    default: Problems.Add(new(org.Address(row, 1), $"unknown field '{org.Text(row, 1)}'; expected Code, Name, Top level or Language")); break;
                }
            }
            d.Organization = new(code ?? "", name ?? "", top, language ?? "en");

            d.Grades = Table("Grades", "grades", ["Code", "Name", "Rank"], (t, at) => new GradeDto(t.Text("Code") ?? "", t.Text("Name") ?? "", t.Int("Rank", required: true) ?? 0));
            d.Units = Table("Units", "units", ["Code", "Name", "Description"], (t, at) => new UnitDto(t.Text("Code") ?? "", t.Text("Name") ?? "", t.Text("Description")));
            d.Families = Table("Families", "families", ["Code", "Name", "Unit", "Track", "Description"], (t, at) =>
                new FamilyDto(t.Text("Code") ?? "", t.Text("Name") ?? "", t.Text("Unit") ?? "", t.Text("Track") ?? "", t.Text("Description")));
            d.Competencies = Table("Competencies", "competencies", ["Code", "Name", "Category", "Definition", "Level 1", "Indicators"], (t, at) =>
            {
                var levels = new List<string>();
                for (var l = 1; t.Has($"Level {l}"); l++)
                {
                    var text = t.Text($"Level {l}", $"levels[{l - 1}]");
                    if (l > top && string.IsNullOrWhiteSpace(text)) continue;
                    levels.Add(text ?? "");
                }
                t.Alias("levels", "Level 1");
                return new CompetencyDto(t.Text("Code") ?? "", t.Text("Name") ?? "", t.Text("Category") ?? "", t.Text("Definition") ?? "", levels, t.Lines("Indicators"));
            });
            var roleRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            d.Roles = Table("Roles", "roles", ["Code", "Title", "Unit", "Family", "Grade", "Level", "Summary", "Scope", "Duties"], (t, at) =>
            {
                var role = new RoleDto(t.Text("Code") ?? "", t.Text("Title") ?? "", t.Text("Unit") ?? "", t.Text("Family") ?? "", t.Text("Grade") ?? "",
                    t.Int("Level", required: true) ?? 0, t.Text("Summary"), t.Text("Scope"), t.Lines("Duties"), []);
                roleRows.TryAdd(role.Code, at);
                return role;
            });
            d.Requirements = Matrix();
            d.Duties = Table("Duties", "duties", ["Code", "Family", "Order", "Duty"], (t, at) =>
            {
                var marks = new List<DutyMarkDto>();
                for (var l = 1; t.Has($"Level {l}"); l++)
                {
                    var mark = t.Text($"Level {l}", $"marks[{marks.Count}].level");
                    if (!string.IsNullOrWhiteSpace(mark)) marks.Add(new(l, mark));
                }
                t.Alias("name", "Duty");
                return new DutyDto(t.Text("Code") ?? "", t.Text("Family") ?? "", t.Text("Duty") ?? "", t.Int("Order") ?? 0, marks);
            });
            d.Strategies = Table("Strategies", "strategies", ["Code", "Name", "Description", "Competencies"], (t, at) =>
                new StrategyDto(t.Text("Code") ?? "", t.Text("Name") ?? "", t.Text("Description"), t.List("Competencies")));
            var moveRows = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            d.Moves = Table("Moves", "moves", ["Code", "From", "To", "Note"], (t, at) =>
            {
                var move = new MoveDto(t.Text("Code") ?? "", t.Text("From") ?? "", t.Text("To") ?? "", t.Text("Note"), [], t.Has("Off") && t.YesNo("Off"));
                moveRows.TryAdd(move.Code, at);
                return move;
            });
            Prerequisites(d, roleRows, moveRows);
            if (wb.TryGetValue(ExcelTranslations.SheetName, out var translations)) ExcelTranslations.Read(translations, d, Problems, places);
            return d;
        }

        List<RequirementDto> Matrix()
        {
            var ws = wb["Requirements"];
            var list = new List<RequirementDto>();
            var lastColumn = ws.Used(1).Select(c => c.Column).DefaultIfEmpty(0).Max();
            if (!string.Equals(ws.Text(1, 1).Trim(), "Role", StringComparison.OrdinalIgnoreCase))
                Problems.Add(new("Requirements!A1", "the first column must be headed 'Role'"));
            var firstCompetency = string.Equals(ws.Text(1, 2).Trim(), "Title", StringComparison.OrdinalIgnoreCase) ? 3 : 2;
            foreach (var row in DataRows(ws))
            {
                var roleCell = new CellAt(ws, row, 1);
                var role = Text(roleCell);
                for (var col = firstCompetency; col <= lastColumn; col++)
                {
                    var cell = new CellAt(ws, row, col);
                    if (cell.Value is null) continue;
                    var header = new CellAt(ws, 1, col);
                    var competency = Text(header);
                    if (string.IsNullOrWhiteSpace(competency))
                    {
                        Problems.Add(new(header.Address, $"column {Spreadsheet.ColumnLetters(col)} holds levels but has no competency code in its header"));
                        continue;
                    }
                    var raw = cell.Raw;
                    var m = RequirementCell().Match(raw);
                    if (!m.Success)
                    {
                        Problems.Add(new(cell.Address, $"expected a level such as 3, 3* (critical) or 3 w2 (weight 2), found '{raw}'"));
                        continue;
                    }
                    var path = $"requirements[{list.Count}]";
                    places[$"{path}.level"] = places[$"{path}.weight"] = places[path] = cell.Address;
                    places[$"{path}.role"] = roleCell.Address;
                    places[$"{path}.competency"] = header.Address;
                    list.Add(new(role ?? "", competency, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                        m.Groups[3].Success ? decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture).Tidy() : 1m, m.Groups[2].Success));
                }
            }
            return list;
        }

        void Prerequisites(FrameworkDocument d, Dictionary<string, int> roleRows, Dictionary<string, int> moveRows)
        {
            var roles = d.Roles.ToDictionary(r => r.Code, r => (r, list: new List<PrerequisiteDto>()), StringComparer.OrdinalIgnoreCase);
            var moves = d.Moves.ToDictionary(m => m.Code, m => (m, list: new List<PrerequisiteDto>()), StringComparer.OrdinalIgnoreCase);
            Table("Prerequisites", "", ["For", "Code", "Kind", "Months", "Roles", "Value"], (t, at) =>
            {
                var owner = t.Text("For")?.Trim().ToLowerInvariant();
                var code = t.Text("Code") ?? "";
                var p = new PrerequisiteDto(t.Text("Kind") ?? "", t.Int("Months"), t.List("Roles") is { Count: > 0 } r ? r : null, t.Text("Value"));
                List<PrerequisiteDto>? target = null;
                string? path = null;
                if (owner == "role" && roles.TryGetValue(code, out var role)) { target = role.list; path = $"roles[{d.Roles.IndexOf(role.r)}].prerequisites[{target.Count}]"; }
                else if (owner == "move" && moves.TryGetValue(code, out var move)) { target = move.list; path = $"moves[{d.Moves.IndexOf(move.m)}].prerequisites[{target.Count}]"; }
                else if (owner is not ("role" or "move")) t.Problem("For", $"expected role or move, found '{t.Text("For")}'");
                else t.Problem("Code", $"no {owner} '{code}' on the {(owner == "role" ? "Roles" : "Moves")} sheet");
                if (target is not null && path is not null)
                {
                    target.Add(p);
                    t.Record(path, new() { ["kind"] = "Kind", ["months"] = "Months", ["roles"] = "Roles", ["value"] = "Value" });
                }
                return p;
            });
            for (var i = 0; i < d.Roles.Count; i++) d.Roles[i] = d.Roles[i] with { Prerequisites = roles[d.Roles[i].Code].list };
            for (var i = 0; i < d.Moves.Count; i++) d.Moves[i] = d.Moves[i] with { Prerequisites = moves[d.Moves[i].Code].list };
        }

        List<T> Table<T>(string sheet, string collection, string[] required, Func<TableRow, int, T> read)
        {
            var ws = wb[sheet];
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var (column, cell) in ws.Used(1))
                columns.TryAdd(cell.Text.Trim(), column);
            var absent = required.Where(r => !columns.ContainsKey(r)).ToList();
            foreach (var a in absent) Problems.Add(new($"{sheet}!1", $"column '{a}' is missing from the header row"));
            var list = new List<T>();
            if (absent.Count > 0) return list;
            foreach (var row in DataRows(ws))
            {
                var t = new TableRow(this, ws, row, columns, $"{collection}[{list.Count}]");
                list.Add(read(t, row));
            }
            return list;
        }

        static IEnumerable<int> DataRows(Sheet ws)
        {
            for (var row = 2; row <= ws.LastRow; row++)
                if (!ws.IsEmpty(row)) yield return row;
        }

        static string? Text(CellAt cell)
        {
            var s = cell.Raw.Trim();
            return s.Length == 0 ? null : s;
        }

        int? Int(CellAt cell, bool required)
        {
            if (cell.Value is not { } value)
            {
                if (required) Problems.Add(new(cell.Address, "a whole number is required here"));
                return null;
            }
            if (value.IsNumber)
            {
                var v = double.Parse(value.Text, CultureInfo.InvariantCulture);
                if (v == Math.Floor(v) && Math.Abs(v) < int.MaxValue) return (int)v;
            }
            else if (int.TryParse(value.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
            Problems.Add(new(cell.Address, $"expected a whole number, found '{value.Text}'"));
            return null;
        }

        /// <summary>One data row of a sheet, read by column header; records where each field came from.</summary>
        public sealed class TableRow(WorkbookReader reader, Sheet ws, int row, Dictionary<string, int> columns, string path)
        {
            public bool Has(string column) => columns.ContainsKey(column);

            CellAt Cell(string column, string? field = null)
            {
                var cell = new CellAt(ws, row, columns[column]);
                reader.places[$"{path}.{field ?? Camel(column)}"] = cell.Address;
                reader.places.TryAdd(path, $"{ws.Name}!{row}");
                return cell;
            }

            public void Alias(string field, string column) => reader.places[$"{path}.{field}"] = ws.Address(row, columns[column]);

            public void Record(string documentPath, Dictionary<string, string> fields)
            {
                foreach (var (field, column) in fields) reader.places[$"{documentPath}.{field}"] = ws.Address(row, columns[column]);
                reader.places[documentPath] = $"{ws.Name}!{row}";
            }

            public void Problem(string column, string message) => reader.Problems.Add(new(ws.Address(row, columns[column]), message));

            public string? Text(string column, string? field = null) => WorkbookReader.Text(Cell(column, field));

            public int? Int(string column, bool required = false) => reader.Int(Cell(column), required);

            public bool YesNo(string column)
            {
                var text = Text(column)?.ToLowerInvariant();
                if (text is null or "no" or "false" or "0") return false;
                if (text is "yes" or "true" or "1" or "x" or "off") return true;
                Problem(column, $"expected yes or no, found '{Text(column)}'");
                return false;
            }

            public List<string> Lines(string column) =>
                [.. (Text(column) ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

            public List<string> List(string column) =>
                [.. (Text(column) ?? "").Split([',', '\n', ';']).Select(l => l.Trim()).Where(l => l.Length > 0)];

            static string Camel(string header) => char.ToLowerInvariant(header[0]) + header[1..].Replace(" ", "", StringComparison.Ordinal);
        }
    }
}
