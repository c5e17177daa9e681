using System.Buffers.Binary;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace CareerMap.Tests.Support;

/// <summary>
/// Hostile and oversized .xlsx files built by hand, part by part, as an attacker would: formulas with and without saved
/// values, parts whose declared sizes lie, and a million-row sheet written row by row so building it stays fast.
/// </summary>
public static class CraftedWorkbooks
{
    public static readonly string[] RosterHeader = ["EmployeeNumber", "Name", "Email", "Role", "Manager", "HireDate", "RoleStartDate", "Location", "Languages", "Certifications", "ContactCenterMonths"];

    public static string Text(string reference, string text) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>";

    /// <summary>A formula cell; <paramref name="saved"/> is the value Excel would have saved with it, or none.</summary>
    public static string Formula(string reference, string formula, string? saved) =>
        $"<c r=\"{reference}\"{(saved is null ? "" : " t=\"str\"")}><f>{SecurityElement.Escape(formula)}</f>{(saved is null ? "" : $"<v>{SecurityElement.Escape(saved)}</v>")}</c>";

    public static string Row(int row, params string[] cells) => $"<row r=\"{row}\">{string.Concat(cells)}</row>";

    public static string HeaderRow(IReadOnlyList<string> columns) => Row(1, [.. columns.Select((c, i) => Text($"{(char)('A' + i)}1", c))]);

    /// <summary>A roster row of plain text cells, A to K, with any cell replaced by the given raw cell XML.</summary>
    public static string RosterRow(int row, string[] values, Dictionary<int, string>? raw = null) =>
        Row(row, [.. values.Select((v, i) => raw is not null && raw.TryGetValue(i, out var cell) ? cell : Text($"{(char)('A' + i)}{row}", v))]);

    /// <summary>A workbook of one sheet whose rows are the given XML.</summary>
    public static byte[] Workbook(string sheetName, IEnumerable<string> rows, string? dimension = null)
    {
        using var output = new MemoryStream();
        Write(output, sheetName, w =>
        {
            foreach (var row in rows) w.Write(row);
        }, dimension);
        return output.ToArray();
    }

    /// <summary>A roster sheet of <paramref name="rows"/> people under the header, streamed into the zip.</summary>
    public static void MillionRows(Stream output, int rows = 1_000_000, bool declareDimension = true) =>
        Write(output, "People", w =>
        {
            w.Write(HeaderRow(RosterHeader));
            for (var r = 2; r <= rows + 1; r++)
                w.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>N{r}</t></is></c><c r=\"B{r}\" t=\"inlineStr\"><is><t>Person {r}</t></is></c></row>");
        }, declareDimension ? $"A1:K{rows + 1}" : null);

    public static byte[] MillionRows(int rows = 1_000_000, bool declareDimension = true)
    {
        using var output = new MemoryStream();
        MillionRows(output, rows, declareDimension);
        return output.ToArray();
    }

    static void Write(Stream output, string sheetName, Action<StreamWriter> sheetData, string? dimension)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        void Part(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false), 1 << 16);
        sheet.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        if (dimension is not null) sheet.Write($"<dimension ref=\"{dimension}\"/>");
        sheet.Write("<sheetData>");
        sheetData(sheet);
        sheet.Write("</sheetData></worksheet>");
    }

    /// <summary>The same zip with one part's uncompressed size rewritten, in its local header and in the central directory.</summary>
    public static byte[] WithDeclaredSize(byte[] zip, string part, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(part);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) != 0x02014b50) continue;
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
            if (!bytes.AsSpan(i + 46, nameLength).SequenceEqual(name)) continue;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), size);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i + 42));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), size);
            return bytes;
        }
        throw new ArgumentException($"no part {part} in the zip", nameof(part));
    }

    /// <summary>A sheet of one cell padded with whitespace to <paramref name="bytes"/>: deflates to almost nothing.</summary>
    public static byte[] Padded(int bytes) =>
        Workbook("People", [HeaderRow(RosterHeader), new string(' ', bytes)]);
}
