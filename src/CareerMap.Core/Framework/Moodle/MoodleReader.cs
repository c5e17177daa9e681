using CareerMap.Framework.Case;
using Microsoft.Extensions.Localization;

namespace CareerMap.Framework.Moodle;

/// <summary>A Moodle file read into the framework, each problem at its row and column; <see cref="Place"/> turns a framework path into the row and column it came from.</summary>
public sealed record MoodleRead(FrameworkDocument? Document, IReadOnlyList<ImportProblem> Problems, Func<string, string> Place, string FrameworkPlace);

/// <summary>
/// Reads Moodle's competency framework CSV by position, as Moodle does (its header row is written in the exporting
/// user's language). Depth in the tree decides what a row is: a top-level row a category, a row under it a competency, a
/// row under a competency one of its indicators.
/// </summary>
public sealed class MoodleReader
{
    const int ParentId = 0, IdNumber = 1, ShortName = 2, Description = 3, Format = 4, ScaleValues = 5, IsFramework = 12;

    readonly FrameworkDocument current;
    readonly bool hasOrganization;
    readonly IStringLocalizer L;
    readonly List<ImportProblem> problems = [];
    readonly HashSet<string> placed = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> places = new(StringComparer.Ordinal);

    MoodleReader(FrameworkDocument current, bool hasOrganization, IStringLocalizer L)
    {
        this.current = current;
        this.hasOrganization = hasOrganization;
        this.L = L;
    }

    public static MoodleRead Read(string text, FrameworkDocument current, bool hasOrganization, IStringLocalizer L) => new MoodleReader(current, hasOrganization, L).Read(text);

    static string At(int row, int column) => $"row {row}, column {MoodleCsv.Columns[column]}";

    void Problem(string place, string message)
    {
        if (placed.Add(place)) problems.Add(new(place, message));
    }

    sealed record Row(int Number, string[] Cells)
    {
        public string this[int column] => column < Cells.Length ? Cells[column].Trim() : "";
        public string Raw(int column) => column < Cells.Length ? Cells[column] : "";
    }

    static bool Truthy(string value) => value.Length > 0 && value != "0" && !value.Equals("false", StringComparison.OrdinalIgnoreCase);

    static List<string> Scale(string values) => [.. values.Split(',').Select(v => v.Trim())];

    static string Normal(string header) => new([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    MoodleRead Read(string text)
    {
        var records = MoodleCsv.Records(text, out var malformed);
        if (malformed is not null) Problem(malformed, L["a quoted cell is not closed: a double quote is missing"]);
        if (records.Count == 0)
        {
            Problem("file", L["the file is empty: expected Moodle's header row and a framework row"]);
            return Done(null);
        }
        Header(new(records[0].Row, records[0].Cells));
        var rows = records.Skip(1).Select(r => new Row(r.Row, r.Cells)).ToList();
        var frameworks = rows.Where(r => Truthy(r[IsFramework])).ToList();
        if (frameworks.Count == 0)
        {
            Problem("file", L["no row has isframework 1: the framework row, which carries the scale, is missing"]);
            return Done(null);
        }
        foreach (var extra in frameworks.Skip(1))
            Problem(At(extra.Number, IsFramework), L["a second framework row (the first is row {0}); a file holds one framework", frameworks[0].Number]);
        var head = frameworks[0];
        var frameworkPlace = At(head.Number, ScaleValues);
        var scale = Scale(head[ScaleValues]);
        if (head[ScaleValues].Length == 0 || scale.Any(v => v.Length == 0) || scale.Count < 2 || scale.Count > FrameworkValidator.MaxTopLevel)
        {
            Problem(frameworkPlace, L["the framework's scale must have 2 to {0} values, separated by commas", FrameworkValidator.MaxTopLevel]);
            return Done(null, frameworkPlace);
        }
        var top = scale.Count;
        places["organization.topLevel"] = frameworkPlace;
        places["organization.code"] = At(head.Number, IdNumber);
        places["organization.name"] = At(head.Number, ShortName);

        var items = rows.Where(r => !Truthy(r[IsFramework])).ToList();
        var byId = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var r in items)
        {
            if (r[IdNumber].Length == 0) Problem(At(r.Number, IdNumber), L["the idnumber is required"]);
            else if (!byId.TryAdd(r[IdNumber], r)) Problem(At(r.Number, IdNumber), L["\"{0}\" is also the idnumber of row {1}", r[IdNumber], byId[r[IdNumber]].Number]);
            if (r[ShortName].Length == 0) Problem(At(r.Number, ShortName), L["the short name is required"]);
        }
        var depth = new Dictionary<Row, int>();
        var visiting = new HashSet<Row>();
        const int Loop = -2;
        int Depth(Row r)
        {
            if (depth.TryGetValue(r, out var known)) return known;
            var parent = r[ParentId];
            if (parent.Length == 0) return depth[r] = 1;
            if (!byId.TryGetValue(parent, out var up))
            {
                Problem(At(r.Number, ParentId), L["no competency in this file has the idnumber \"{0}\"", parent]);
                return depth[r] = -1;
            }
            if (!visiting.Add(r)) return Loop;
            var above = Depth(up);
            visiting.Remove(r);
            if (above == Loop) Problem(At(r.Number, ParentId), L["the parents of \"{0}\" lead back to it", r[IdNumber]]);
            return depth[r] = above < 0 ? -1 : above + 1;
        }
        foreach (var r in items) Depth(r);

        var categories = new Dictionary<Row, string>();
        var competencies = new List<CompetencyDto>();
        var competencyRows = new Dictionary<Row, int>();
        foreach (var r in items.Where(r => depth[r] == 1))
        {
            var category = Category(r[IdNumber]) ?? Category(r[ShortName]);
            if (category is null)
                Problem(At(r.Number, IdNumber), L["a top-level row is a category of competencies, and \"{0}\" ({1}) is none: use core, leadership or job-knowledge as its idnumber, and put competencies under it", r[IdNumber], r[ShortName]]);
            else categories[r] = category;
        }
        foreach (var r in items.Where(r => depth[r] == 2))
        {
            if (!categories.TryGetValue(byId[r[ParentId]], out var category)) continue;
            var (definition, levels, indicators) = MoodleCsv.ReadDescription(r.Raw(Description), r[Format]);
            if (levels is null)
            {
                var own = r[ScaleValues].Length > 0 ? Scale(r[ScaleValues]) : scale;
                if (own.Count != top) Problem(At(r.Number, ScaleValues), L["this competency's scale has {0} values and the framework's {1}; CareerMap rates every competency on the framework's scale", own.Count, top]);
                levels = own;
            }
            var at = $"competencies[{competencies.Count}]";
            places[$"{at}.code"] = At(r.Number, IdNumber);
            places[$"{at}.name"] = At(r.Number, ShortName);
            places[$"{at}.definition"] = At(r.Number, Description);
            places[$"{at}.levels"] = At(r.Number, Description);
            places[$"{at}.category"] = At(r.Number, ParentId);
            places[$"{at}.indicators"] = At(r.Number, Description);
            var translations = current.Competencies.FirstOrDefault(c => string.Equals(c.Code, r[IdNumber], StringComparison.OrdinalIgnoreCase))?.Translations;
            competencyRows[r] = competencies.Count;
            competencies.Add(new(r[IdNumber], r[ShortName], category, definition.Length > 0 ? definition : r[ShortName], levels, indicators, translations));
        }
        foreach (var r in items.Where(r => depth[r] == 3))
        {
            if (!competencyRows.TryGetValue(byId[r[ParentId]], out var index)) continue;
            var c = competencies[index];
            places[$"competencies[{index}].indicators[{c.Indicators.Count}]"] = At(r.Number, ShortName);
            competencies[index] = c with { Indicators = [.. c.Indicators, r[ShortName]] };
        }
        foreach (var r in items.Where(r => depth[r] > 3))
            Problem(At(r.Number, ParentId), L["\"{0}\" is nested {1} deep; CareerMap reads categories, the competencies under them and the indicators under those", r[IdNumber], depth[r]]);

        var org = hasOrganization ? current.Organization with { TopLevel = top }
            : new OrganizationDto(head[IdNumber], head[ShortName].Length <= 200 ? head[ShortName] : head[ShortName][..200], top);
        return Done(new FrameworkDocument
        {
            Organization = org,
            Grades = [.. current.Grades],
            Units = [.. current.Units],
            Families = [.. current.Families],
            Competencies = competencies,
            Roles = [.. current.Roles],
            Requirements = [.. current.Requirements],
            Duties = [.. current.Duties],
            Strategies = [.. current.Strategies],
            Moves = [.. current.Moves],
        }, frameworkPlace);
    }

    void Header(Row header)
    {
        if (header.Cells.Length < MoodleCsv.Columns.Length)
        {
            Problem("row 1", L["the header row has {0} columns; Moodle's competency framework CSV has {1}: {2}", header.Cells.Length, MoodleCsv.Columns.Length, string.Join(", ", MoodleCsv.Columns)]);
            return;
        }
        for (var i = 0; i < MoodleCsv.Columns.Length; i++)
        {
            var name = Normal(header[i]);
            var other = Array.FindIndex(MoodleCsv.Columns, c => c == name || Normal(MoodleCsv.Headers[Array.IndexOf(MoodleCsv.Columns, c)]) == name);
            if (other >= 0 && other != i)
                Problem($"row 1, column {MoodleCsv.Columns[i]}", L["the header names {0} where Moodle puts {1}; Moodle reads the columns by position, in its order: {2}", MoodleCsv.Columns[other], MoodleCsv.Columns[i], string.Join(", ", MoodleCsv.Columns)]);
        }
    }

    static string? Category(string text)
    {
        foreach (var category in CaseMapping.CategoryOrder)
            if (Normal(text) == Normal(category) || Normal(text) == Normal(CaseMapping.CategoryStatements[category])) return category;
        return null;
    }

    MoodleRead Done(FrameworkDocument? document, string frameworkPlace = "file") =>
        new(problems.Count > 0 && document is null ? null : document, problems, Place, frameworkPlace);

    string Place(string path)
    {
        if (places.TryGetValue(path, out var exact)) return exact;
        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (close > 0 && places.TryGetValue(path[..(close + 1)] + path[(close + 1)..].Split('[')[0], out var field)) return field;
        return close > 0 && places.TryGetValue(path[..(close + 1)] + ".code", out var owner) ? owner : path;
    }
}
