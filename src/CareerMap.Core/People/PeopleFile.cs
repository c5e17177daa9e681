using CareerMap.Framework;
using CareerMap.Spreadsheets;
using CsvHelper;

namespace CareerMap.People;

/// <summary>What a people file looks like: its columns, which must be there, the sheet a workbook keeps it on, and what it is called in messages.</summary>
public sealed record PeopleFileShape(string[] Columns, string[] Required, string Sheet, string Noun, string RowNoun);

/// <summary>One row of a people file: its cells by column, and where each cell is ("line 4, Role", "People!D4").</summary>
public sealed record PeopleFileRow(Dictionary<string, string?> Cells, Func<string, string> Place)
{
    public string? Text(string column) => Cells.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

/// <summary>
/// Reads a CSV or Excel file of people-shaped rows (a roster, a role history) within the spreadsheet limits, reporting
/// unknown and missing columns and unreadable files by place; the caller checks the cells.
/// </summary>
public static class PeopleFile
{
    /// <param name="alongside">A second kind of row a workbook may hold on a sheet of its own (a roster's credentials), filled when that sheet is there.</param>
    public static List<PeopleFileRow> Read(Stream input, string fileName, PeopleFileShape shape, ImportProblems problems, (PeopleFileShape Shape, List<PeopleFileRow> Rows)? alongside = null)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return ext switch
            {
                ".csv" => ReadCsv(input, shape, problems),
                ".xlsx" => ReadXlsx(input, fileName, shape, problems, alongside),
                _ => throw new FormatException($"unknown file type: expected a .csv or .xlsx {shape.Noun}"),
            };
        }
        catch (SpreadsheetRefusedException e)
        {
            problems.Add(new(e.Place, e.Message));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or IOException or CsvFormatException or ArgumentException)
        {
            problems.Add(new(fileName, e is FormatException ? e.Message : $"the file can't be read as a {shape.Noun} ({e.GetType().Name})"));
        }
        return [];
    }

    static List<PeopleFileRow> ReadCsv(Stream input, PeopleFileShape shape, ImportProblems problems)
    {
        var records = new List<PeopleFileRow>();
        var limits = SpreadsheetLimits.Default;
        if (input.CanSeek && input.Length - input.Position > limits.FileBytes) throw new FormatException($"the file is larger than {limits.FileBytes >> 20} MB; split it");
        using var csv = CsvReader.Create(input, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true }, true);
        try
        {
            var headers = csv.Headers.Select(h => h.Trim()).ToArray();
            if (headers.Length == 0 || headers.All(h => h.Length == 0)) throw new FormatException("the file is empty: expected a header line naming the columns");
            if (headers.Length > limits.Columns) throw new FormatException($"line 1 has {headers.Length:N0} columns; a {shape.Noun} has at most {limits.Columns:N0}");
            CheckHeaders(headers, shape, _ => "line 1", problems);
            while (csv.Read())
            {
                var line = csv.LineNumber;
                if (records.Count >= limits.Rows - 1)
                {
                    problems.Add(new($"line {line}", $"the {shape.Noun} has more than {limits.Rows - 1:N0} {shape.RowNoun}; split the file"));
                    break;
                }
                var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < headers.Length; i++) cells[headers[i]] = i < csv.FieldCount ? csv.GetString(i) : null;
                if (cells.FirstOrDefault(c => c.Value?.Length > limits.CellLength) is { Key: { } tooLong })
                {
                    problems.Add(new($"line {line}, {tooLong}", $"the cell holds more than {limits.CellLength:N0} characters, the most a cell may hold"));
                    continue;
                }
                if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
                records.Add(new(cells, column => $"line {line}, {column}"));
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(new("csv", $"malformed CSV: {e.Message}"));
        }
        return records;
    }

    static List<PeopleFileRow> ReadXlsx(Stream input, string fileName, PeopleFileShape shape, ImportProblems problems, (PeopleFileShape Shape, List<PeopleFileRow> Rows)? alongside)
    {
        var sheets = Spreadsheet.Read(input, fileName);
        var ws = sheets.FirstOrDefault(w => string.Equals(w.Name, shape.Sheet, StringComparison.OrdinalIgnoreCase)) ?? sheets[0];
        if (alongside is var (otherShape, otherRows) && sheets.FirstOrDefault(w => string.Equals(w.Name, otherShape.Sheet, StringComparison.OrdinalIgnoreCase)) is { } other && other != ws)
            otherRows.AddRange(ReadSheet(other, otherShape, problems));
        return ReadSheet(ws, shape, problems);
    }

    static List<PeopleFileRow> ReadSheet(Sheet ws, PeopleFileShape shape, ImportProblems problems)
    {
        var headers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, cell) in ws.Used(1)) headers.TryAdd(cell.Text.Trim(), column);
        CheckHeaders([.. headers.Keys], shape, c => $"{ws.Name}!1", problems);
        var records = new List<PeopleFileRow>();
        for (var row = 2; row <= ws.LastRow; row++)
        {
            if (ws.IsEmpty(row)) continue;
            var r = row;
            var cells = headers.ToDictionary(h => h.Key, string? (h) => ws.Text(r, h.Value), StringComparer.OrdinalIgnoreCase);
            records.Add(new(cells, column => headers.TryGetValue(column, out var c) ? ws.Address(r, c) : $"{ws.Name}!{r}"));
        }
        return records;
    }

    static void CheckHeaders(IReadOnlyCollection<string> headers, PeopleFileShape shape, Func<string, string> place, ImportProblems problems)
    {
        foreach (var missing in shape.Required.Where(r => !headers.Contains(r, StringComparer.OrdinalIgnoreCase)))
            problems.Add(new(place(missing), $"column '{missing}' is missing; the columns are {string.Join(", ", shape.Columns)}"));
        foreach (var unknown in headers.Where(h => !shape.Columns.Contains(h, StringComparer.OrdinalIgnoreCase)))
            problems.Add(new(place(unknown), $"unknown column '{unknown}'; the columns are {string.Join(", ", shape.Columns)}"));
    }

    /// <summary>A date cell: yyyy-MM-dd, or the date-and-time text a workbook's date cell reads as; a problem at its place otherwise.</summary>
    public static DateOnly? Date(PeopleFileRow row, string column, ImportProblems problems)
    {
        var text = row.Text(column);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        if (DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var dt) && text.Contains(':', StringComparison.Ordinal))
            return DateOnly.FromDateTime(dt);
        problems.Add(new(row.Place(column), $"'{text}' is not a date in the form yyyy-MM-dd"));
        return null;
    }
}
