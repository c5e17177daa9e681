using System.Text;
using CareerMap.Framework;
using CareerMap.Framework.Formats;
using CareerMap.Sample;
using CsCheck;

namespace CareerMap.Core.Tests;

public sealed class FormatTests
{
    static FrameworkRead ReadJson(string text) => JsonFrameworkFormat.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), EnglishWords.Instance);

    [Fact]
    public void Json_reading_reports_every_wrong_type_with_its_path()
    {
        var read = ReadJson("""
            { "format": "careermap/1", "organization": { "code": "X", "name": "X", "topLevel": "five" },
              "roles": [ { "code": "A", "title": 7, "unit": "U", "family": "F", "grade": "105", "level": 1.5, "duties": "answer calls" } ],
              "requirements": [ { "role": "A", "competency": "C", "level": 2, "critical": "yes" } ] }
            """);
        var problems = read.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("organization.topLevel: expected a whole number, found the text \"five\"", problems);
        Assert.Contains("roles[0].level: expected a whole number, found the number 1.5", problems);
        Assert.Contains("roles[0].duties: expected a list of text, found the text \"answer calls\"", problems);
        Assert.Contains("requirements[0].critical: expected true or false, found the text \"yes\"", problems);
    }

    [Fact]
    public void Json_write_then_read_gives_back_the_same_document()
    {
        var d = RiverbendHealth.Build();
        using var stream = new MemoryStream();
        JsonFrameworkFormat.Write(d, stream);
        stream.Position = 0;
        var read = JsonFrameworkFormat.Read(stream, EnglishWords.Instance);
        Assert.Empty(read.Problems);
        Assert.True(FrameworkDiff.Between(d, read.Document!).IsEmpty);
    }

    [Fact]
    public void Excel_write_then_read_gives_back_the_same_document()
    {
        var d = RiverbendHealth.Build();
        using var stream = new MemoryStream();
        ExcelFrameworkFormat.Write(d, stream);
        stream.Position = 0;
        var read = ExcelFrameworkFormat.Read(stream);
        Assert.Empty(read.Problems);
        var diff = FrameworkDiff.Between(d, read.Document!);
        Assert.True(diff.IsEmpty, string.Join("\n", diff.Describe()));
    }

    [Fact]
    public void Excel_export_writes_text_that_looks_like_a_formula_as_text_never_as_a_formula()
    {
        var d = RiverbendHealth.Build();
        var hostile = "=HYPERLINK(\"http://attacker.example\",\"Open\")";
        d.Units[0] = d.Units[0] with { Name = hostile, Description = "+SUM(1,2)" };
        using var stream = new MemoryStream();
        ExcelFrameworkFormat.Write(d, stream);
        stream.Position = 0;
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(sheet.Open());
                Assert.DoesNotContain("<x:f>", reader.ReadToEnd().Replace("<f>", "<x:f>", StringComparison.Ordinal), StringComparison.Ordinal);
            }
        stream.Position = 0;
        var read = ExcelFrameworkFormat.Read(stream);
        Assert.Empty(read.Problems);
        Assert.Equal(hostile, read.Document!.Units[0].Name);
    }

    [Fact]
    public void Random_and_hostile_json_never_crashes_the_reader()
    {
        var riverbend = Encoding.UTF8.GetString(JsonBytes(RiverbendHealth.Build()));
        Gen.Select(Gen.Int[0, riverbend.Length - 1], Gen.Int[0, 40], Gen.String[Gen.Char["{}[]\",:0123456789abcnulltrue \\"], 0, 12])
            .Sample((at, cut, insert) =>
            {
                var mangled = riverbend[..at] + insert + riverbend[Math.Min(riverbend.Length, at + cut)..];
                var read = ReadJson(mangled);
                if (read.Document is not null && read.Problems.Count == 0) FrameworkValidator.Validate(read.Document, EnglishWords.Instance);
            }, iter: 300);
    }

    [Fact]
    public void Random_bytes_are_refused_as_a_workbook_with_a_reason()
    {
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            var read = FrameworkFiles.Read(new MemoryStream(bytes), "random.xlsx", EnglishWords.Instance);
            Assert.Null(read.Document);
            Assert.Contains("not a readable Excel workbook", Assert.Single(read.Problems).Message);
        }, iter: 50);
    }

    static byte[] JsonBytes(FrameworkDocument d)
    {
        using var s = new MemoryStream();
        JsonFrameworkFormat.Write(d, s);
        return s.ToArray();
    }
}
