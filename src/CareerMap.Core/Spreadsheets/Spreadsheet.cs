using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CareerMap.Spreadsheets;

/// <summary>
/// How much of a workbook an import will read. Checked before any sheet is parsed where the file says it (zip directory,
/// declared sizes, sheet dimensions, shared string counts) and again on the bytes and cells actually read.
/// </summary>
public sealed record SpreadsheetLimits(long FileBytes, long UnpackedBytes, int Entries, int Rows, int Columns, int CellLength, int SharedStrings)
{
    /// <summary>
    /// 100,000 data rows (the largest organization CareerMap is sized for), 1,024 columns (a requirements matrix of a
    /// thousand competencies), Excel's own 32,767-character cell, and 64 MB unpacked, which such a roster fits in.
    /// </summary>
    public static readonly SpreadsheetLimits Default = new(FileBytes: 64 << 20, UnpackedBytes: 64 << 20, Entries: 1_000,
        Rows: 100_001, Columns: 1_024, CellLength: 32_767, SharedStrings: 1_000_000);
}

/// <summary>A workbook refused before or while it was read: where (file, part, sheet, cell) and why.</summary>
public sealed class SpreadsheetRefusedException(string place, string reason) : Exception(reason)
{
    public string Place { get; } = place;
}

public enum CellKind { Text, Number, Date, Boolean }

/// <summary>One cell's value as the workbook saved it; a formula's saved result, never the formula itself.</summary>
public readonly record struct Cell(string Text, CellKind Kind)
{
    public bool IsNumber => Kind == CellKind.Number;
}

/// <summary>One sheet's values, by row and column numbers counted from 1 as Excel does.</summary>
public sealed class Sheet(string name)
{
    readonly Dictionary<int, List<(int Column, Cell Cell)>> rows = [];

    public string Name { get; } = name;

    public int LastRow { get; private set; }

    public Cell? At(int row, int column)
    {
        if (!rows.TryGetValue(row, out var cells)) return null;
        foreach (var (c, cell) in cells)
            if (c == column) return cell.Text.Length > 0 ? cell : null;
        return null;
    }

    public string Text(int row, int column) => At(row, column)?.Text ?? "";

    /// <summary>The cells of a row that hold something, left to right.</summary>
    public IEnumerable<(int Column, Cell Cell)> Used(int row) =>
        rows.TryGetValue(row, out var cells) ? cells.Where(c => c.Cell.Text.Length > 0).OrderBy(c => c.Column) : [];

    public bool IsEmpty(int row) => !Used(row).Any();

    public string Address(int row, int column) => $"{Name}!{Spreadsheet.ColumnLetters(column)}{row}";

    internal void Set(int row, int column, Cell cell)
    {
        if (!rows.TryGetValue(row, out var cells)) rows[row] = cells = [];
        cells.Add((column, cell));
        LastRow = Math.Max(LastRow, row);
    }
}

/// <summary>
/// Reads .xlsx workbooks as values only, streaming each part with an <see cref="XmlReader"/> within
/// <see cref="SpreadsheetLimits"/>: formulas are never evaluated (a formula cell gives the value Excel saved with it), nothing
/// is loaded beyond the limits, and a refusal names the file, part, sheet and cell and the limit it crossed.
/// </summary>
public static class Spreadsheet
{
    const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <exception cref="SpreadsheetRefusedException">The file is not a workbook, or crosses a limit; nothing of it is returned.</exception>
    public static IReadOnlyList<Sheet> Read(Stream input, string fileName, SpreadsheetLimits? limits = null)
    {
        limits ??= SpreadsheetLimits.Default;
        var file = Seekable(input, fileName, limits);
        CheckDirectory(file, fileName, limits);
        ZipArchive zip;
        try { zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new SpreadsheetRefusedException(fileName, $"not a readable Excel workbook (.xlsx); it may be truncated or another kind of file ({e.Message})"); }
        using (zip)
        {
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.UnpackedBytes)
                    throw new SpreadsheetRefusedException(fileName, $"the workbook unpacks to more than {Megabytes(limits.UnpackedBytes)} (its parts declare {Megabytes(zip.Entries.Sum(e => e.Length))}); split it or remove what the import does not need");
                entries.TryAdd(entry.FullName.TrimStart('/'), entry);
            }
            var budget = new Budget(limits.UnpackedBytes);
            var reading = new Reading(entries, fileName, limits, budget);
            return reading.Sheets();
        }
    }

    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MB";

    static Stream Seekable(Stream input, string fileName, SpreadsheetLimits limits)
    {
        if (input.CanSeek)
        {
            if (input.Length - input.Position > limits.FileBytes) throw new SpreadsheetRefusedException(fileName, $"the file is larger than {Megabytes(limits.FileBytes)}");
            return input;
        }
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = input.Read(buffer)) > 0)
        {
            if (copy.Length + n > limits.FileBytes) throw new SpreadsheetRefusedException(fileName, $"the file is larger than {Megabytes(limits.FileBytes)}");
            copy.Write(buffer, 0, n);
        }
        copy.Position = 0;
        return copy;
    }

    /// <summary>Counts the parts from the zip's end record before the directory is read, so a zip of a million parts costs nothing.</summary>
    static void CheckDirectory(Stream file, string fileName, SpreadsheetLimits limits)
    {
        var start = file.Position;
        var tail = (int)Math.Min(file.Length - start, 22 + ushort.MaxValue);
        if (tail < 22) throw new SpreadsheetRefusedException(fileName, "not a readable Excel workbook (.xlsx); it may be truncated or another kind of file");
        var bytes = new byte[tail];
        file.Position = file.Length - tail;
        file.ReadExactly(bytes);
        file.Position = start;
        for (var i = tail - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x06054b50) continue;
            var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 10));
            if (count > limits.Entries)
                throw new SpreadsheetRefusedException(fileName, $"the workbook has {count:N0} parts; a workbook CareerMap reads has at most {limits.Entries:N0}");
            return;
        }
    }

    /// <summary>The unpacked bytes left to read across the whole workbook.</summary>
    sealed class Budget(long bytes)
    {
        public long Left { get; set; } = bytes;
    }

    /// <summary>A part's bytes as unpacked, refused past what the zip declared for it or what the workbook may still unpack.</summary>
    sealed class BoundedStream(Stream inner, long declared, Budget budget, Func<string, SpreadsheetRefusedException> refuse) : Stream
    {
        long read;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            budget.Left -= n;
            if (read > declared) throw refuse($"the part unpacks to more bytes than its declared {declared:N0}: the file is damaged or crafted");
            if (budget.Left < 0) throw refuse("the workbook unpacks to more than the import reads");
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    sealed class Reading(Dictionary<string, ZipArchiveEntry> entries, string fileName, SpreadsheetLimits limits, Budget budget)
    {
        readonly List<string> shared = [];
        readonly Dictionary<int, bool> dateStyles = [];
        bool date1904;

        public List<Sheet> Sheets()
        {
            if (!entries.ContainsKey("xl/workbook.xml"))
                throw new SpreadsheetRefusedException(fileName, "not a readable Excel workbook (.xlsx): it has no xl/workbook.xml; it may be another kind of file");
            var relations = Relations("xl/_rels/workbook.xml.rels");
            var sheets = new List<(string Name, string Part)>();
            Parse("xl/workbook.xml", r =>
            {
                if (r.NodeType != XmlNodeType.Element) return;
                if (r.LocalName == "workbookPr") date1904 = r.GetAttribute("date1904") is "1" or "true";
                if (r.LocalName == "sheet" && r.GetAttribute("name") is { } name && r.GetAttribute("id", RelNs) is { } id && relations.TryGetValue(id, out var target))
                    sheets.Add((name, target.Part));
            });
            if (sheets.Count == 0) throw new SpreadsheetRefusedException(fileName, "the workbook has no sheets");
            if (relations.Values.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) is { Part: { } strings }) SharedStrings(strings);
            if (relations.Values.FirstOrDefault(t => t.Type.EndsWith("/styles", StringComparison.Ordinal)) is { Part: { } styles }) Styles(styles);
            return [.. sheets.Select(s => ReadSheet(s.Name, s.Part))];
        }

        Dictionary<string, (string Part, string Type)> Relations(string part)
        {
            var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            if (!entries.ContainsKey(part)) return found;
            Parse(part, r =>
            {
                if (r is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && r.GetAttribute("Id") is { } id && r.GetAttribute("Target") is { } target)
                    found.TryAdd(id, (target.StartsWith('/') ? target[1..] : "xl/" + target, r.GetAttribute("Type") ?? ""));
            });
            return found;
        }

        void SharedStrings(string part)
        {
            if (!entries.ContainsKey(part)) return;
            Parse(part, r =>
            {
                if (r.NodeType != XmlNodeType.Element) return;
                if (r.LocalName == "sst" && int.TryParse(r.GetAttribute("uniqueCount") ?? r.GetAttribute("count"), CultureInfo.InvariantCulture, out var declared) && declared > limits.SharedStrings)
                    throw Refuse(part, $"the workbook declares {declared:N0} shared strings; CareerMap reads at most {limits.SharedStrings:N0}");
                if (r.LocalName != "si") return;
                if (shared.Count >= limits.SharedStrings) throw Refuse(part, $"the workbook has more than {limits.SharedStrings:N0} shared strings");
                shared.Add(RichText(r, () => $"{fileName} ({part}), shared string {shared.Count + 1}"));
            });
        }

        void Styles(string part)
        {
            if (!entries.ContainsKey(part)) return;
            var customDates = new HashSet<int>();
            var inCellFormats = false;
            var index = 0;
            Parse(part, r =>
            {
                if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "cellXfs") inCellFormats = false;
                if (r.NodeType != XmlNodeType.Element) return;
                if (r.LocalName == "numFmt" && int.TryParse(r.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id) && IsDateFormat(r.GetAttribute("formatCode") ?? ""))
                    customDates.Add(id);
                else if (r.LocalName == "cellXfs") inCellFormats = !r.IsEmptyElement;
                else if (r.LocalName == "xf" && inCellFormats)
                {
                    var format = int.TryParse(r.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    dateStyles[index++] = format is (>= 14 and <= 22) or (>= 45 and <= 47) || customDates.Contains(format);
                }
            });
        }

        static bool IsDateFormat(string code)
        {
            var plain = new StringBuilder();
            for (var i = 0; i < code.Length; i++)
            {
                if (code[i] == '"') { i = code.IndexOf('"', i + 1) is var end and >= 0 ? end : code.Length; continue; }
                if (code[i] == '[') { i = code.IndexOf(']', i + 1) is var end and >= 0 ? end : code.Length; continue; }
                if (code[i] == '\\') { i++; continue; }
                plain.Append(char.ToLowerInvariant(code[i]));
            }
            return plain.ToString().IndexOfAny(['d', 'm', 'y', 'h', 's']) >= 0 && !plain.ToString().Contains("general", StringComparison.Ordinal);
        }

        Sheet ReadSheet(string name, string part)
        {
            var sheet = new Sheet(name);
            if (!entries.ContainsKey(part)) throw Refuse(part, $"sheet '{name}' is named but its part {part} is missing");
            var dataRows = limits.Rows - 1;
            int row = 0, column = 0, rowsSeen = 0;
            string? type = null;
            var style = 0;
            string? value = null;
            var formula = false;
            var depth = -1;
            Parse(part, r =>
            {
                if (r.NodeType == XmlNodeType.Element)
                {
                    switch (r.LocalName)
                    {
                        case "dimension" when r.GetAttribute("ref") is { } reference:
                            var last = reference.Split(':')[^1];
                            var (lastRow, lastColumn) = Reference(last);
                            if (lastRow > limits.Rows) throw Refuse(part, $"sheet '{name}' declares {lastRow - 1:N0} rows below its header ({reference}); an import reads at most {dataRows:N0}", name);
                            if (lastColumn > limits.Columns) throw Refuse(part, $"sheet '{name}' declares {lastColumn:N0} columns ({reference}); an import reads at most {limits.Columns:N0}", name);
                            break;
                        case "row":
                            rowsSeen++;
                            row = int.TryParse(r.GetAttribute("r"), CultureInfo.InvariantCulture, out var n) ? n : row + 1;
                            column = 0;
                            if (row > limits.Rows || rowsSeen > limits.Rows)
                                throw Refuse(part, $"sheet '{name}' has more than {dataRows:N0} rows below its header (row {row:N0}); split the file", $"{name}!{row}");
                            break;
                        case "c":
                            (var cellRow, column) = r.GetAttribute("r") is { } at ? Reference(at) : (row, column + 1);
                            if (cellRow > 0) row = cellRow;
                            if (column > limits.Columns) throw Refuse(part, $"sheet '{name}' uses column {ColumnLetters(column)} (number {column:N0}); an import reads at most {limits.Columns:N0} columns", sheet.Address(row, column));
                            if (row > limits.Rows) throw Refuse(part, $"sheet '{name}' has more than {dataRows:N0} rows below its header (row {row:N0}); split the file", sheet.Address(row, column));
                            type = r.GetAttribute("t");
                            style = int.TryParse(r.GetAttribute("s"), CultureInfo.InvariantCulture, out var s) ? s : 0;
                            value = null;
                            formula = false;
                            depth = r.Depth;
                            if (r.IsEmptyElement) depth = -1;
                            break;
                        case "f" when depth >= 0:
                            formula = true;
                            break;
                        case "v" when depth >= 0:
                            value = Text(r, () => sheet.Address(row, column));
                            break;
                        case "is" when depth >= 0:
                            value = RichText(r, () => sheet.Address(row, column));
                            break;
                    }
                }
                else if (r.NodeType == XmlNodeType.EndElement && r.LocalName == "c" && r.Depth == depth)
                {
                    depth = -1;
                    if (value is null)
                    {
                        if (formula) throw new SpreadsheetRefusedException(sheet.Address(row, column),
                            "the cell holds a formula with no saved value; CareerMap reads values only and never works formulas out: open and save the file in Excel, or paste the values");
                        return;
                    }
                    sheet.Set(row, column, Value(type, style, value, sheet.Address(row, column)));
                }
            });
            return sheet;
        }

        Cell Value(string? type, int style, string raw, string place)
        {
            switch (type)
            {
                case "s":
                    if (!int.TryParse(raw, CultureInfo.InvariantCulture, out var i) || i < 0 || i >= shared.Count)
                        throw new SpreadsheetRefusedException(place, $"the cell points at shared string {raw}, which the workbook does not have");
                    return new(shared[i], CellKind.Text);
                case "b": return new(raw.Trim() == "1" ? "TRUE" : "FALSE", CellKind.Boolean);
                case "str" or "inlineStr" or "e": return new(raw, CellKind.Text);
                case "d": return new(raw, CellKind.Date);
            }
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return new(raw, CellKind.Text);
            if (dateStyles.GetValueOrDefault(style) && number is > -657435 and < 2958466)
            {
                var date = DateTime.FromOADate(date1904 ? number + 1462 : number);
                return new(date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), CellKind.Date);
            }
            return new(number.ToString(CultureInfo.InvariantCulture), CellKind.Number);
        }

        static (int Row, int Column) Reference(string reference)
        {
            int column = 0, i = 0;
            for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
                column = Math.Min(column * 26 + char.ToUpperInvariant(reference[i]) - 'A' + 1, int.MaxValue / 27);
            return (int.TryParse(reference.AsSpan(i), CultureInfo.InvariantCulture, out var row) ? row : 0, column);
        }

        /// <summary>The text of a string item (plain or rich runs), leaving out phonetic guides, no longer than a cell may be.</summary>
        string RichText(XmlReader r, Func<string> place)
        {
            if (r.IsEmptyElement) return "";
            var depth = r.Depth;
            var text = new StringBuilder();
            r.Read();
            while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth) && !r.EOF)
            {
                if (r is { NodeType: XmlNodeType.Element, LocalName: "rPh" }) { r.Skip(); continue; }
                if (r is { NodeType: XmlNodeType.Element, LocalName: "t" }) text.Append(Text(r, place, limits.CellLength - text.Length));
                r.Read();
            }
            return text.ToString();
        }

        /// <summary>An element's text read in chunks, refused once it passes the cell length, so one giant cell is never held whole.</summary>
        string Text(XmlReader r, Func<string> place, int? room = null)
        {
            var max = room ?? limits.CellLength;
            if (r.IsEmptyElement) return "";
            var depth = r.Depth;
            var text = new StringBuilder();
            var chunk = new char[4096];
            r.Read();
            while (!(r.NodeType == XmlNodeType.EndElement && r.Depth == depth) && !r.EOF)
            {
                if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    int n;
                    while ((n = r.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        text.Append(chunk, 0, n);
                        if (text.Length > max) throw new SpreadsheetRefusedException(place(), $"the cell holds more than {limits.CellLength:N0} characters, the most a cell may hold");
                    }
                }
                r.Read();
            }
            return text.ToString();
        }

        SpreadsheetRefusedException Refuse(string part, string reason, string? place = null) => new(place ?? $"{fileName} ({part})", reason);

        void Parse(string part, Action<XmlReader> visit)
        {
            var entry = entries[part];
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true,
                MaxCharactersInDocument = Math.Max(1, limits.UnpackedBytes), CloseInput = true,
            };
            try
            {
                using var stream = new BoundedStream(entry.Open(), entry.Length, budget, reason => Refuse(part, reason));
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read()) visit(reader);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
            {
                throw Refuse(part, $"the part is not readable ({e.Message})");
            }
        }
    }
}
