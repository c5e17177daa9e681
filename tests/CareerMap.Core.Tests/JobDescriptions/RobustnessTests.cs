using System.IO.Compression;
using System.Text;
using CareerMap.JobDescriptions;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CareerMap.Core.Tests.JobDescriptions;

/// <summary>Whatever arrives, the reader answers: a parse, or a clear refusal. Never a crash, a hang or unbounded memory.</summary>
public sealed class RobustnessTests
{
    static void ParsesOrRefuses(byte[] bytes, string name)
    {
        try
        {
            var result = JobDescriptionFiles.Parse(new MemoryStream(bytes), name, null, EnglishWords.Instance);
            Assert.NotNull(result.Documents);
        }
        catch (JobDescriptionFormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void Random_text_never_crashes_the_parser()
    {
        string[] pieces = ["SUMMARY:", "Responsibilities", "• ", "1. ", "a. ", "Reports To: ", "Job Description", "\n", "\n\n", ":", "Essential Duties:Answer",
            "Manager", "Effective Date: 13/45/2020", "Up to 90% of the day", "(", "&", "APPROVED:", "questionsEscalate", "Bachelor's degree", "—", "\t", "   ",
            // Data and markup: JSON, tags, entities, pairs, CSV, tables, boxes, wiki headings.
            "{", "}", "[", "\"title\": \"", "\",", "<li>", "</p>", "<Department>", "</Department>", "<!--", "&amp;", "&#8217;", "=", " -> ", "job_title,", "\"\"",
            "| Job Title | Grade |", "|---|", "|", "[X] ", "[ ] ", "== ", " ==", "[Department] ",
            // Rich Text codes and escaped Markdown.
            "\\par ", "\\tab ", "\\u-3913?", "\\uc9 ", "\\uc2000000000 ", "\\fs99999999999 ", "{\\*\\x ", "\\'8", "\\'92", "\\bin3 ", "\\bin99999999 ", "\\", "\\*\\*", "\\#",
            // A PDF form's field listing, a database dump's rows, forum BBCode and a field list.
            "---\n", "FieldType: Button\n", "FieldName: duty_1\n", "FieldNameAlt: Department\n", "FieldValue: ", "FieldValue: Off\n", "FieldStateOption: Yes\n",
            "INSERT INTO `t` (`title`, `dept`) VALUES (", "'Clerk'", "'it\\'s'", "\\n", "),(", ");\n", "NULL", "[b]", "[/b]", "[*]", "[list]", "[size=150]", ":Reports to: "];
        var piece = Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);
        // Half the texts open as a Rich Text file does, so its reader meets every piece.
        Gen.Select(Gen.Bool, Gen.OneOf(piece, Gen.String).Array[0, 60]).Select((rtf, a) => (rtf ? "{\\rtf1 " : "") + string.Concat(a)).Sample(text =>
        {
            if (text.Trim().Length == 0) return;
            try { JobDescriptionParser.Parse(text, null, EnglishWords.Instance); }
            catch (JobDescriptionFormatException) { }
        }, iter: 2000);
    }

    [Fact]
    public void Every_piece_of_any_text_lies_in_order_inside_it()
    {
        string[] pieces = ["{\n", "}\n", "\"title\": \"Clerk\",\n", "\"duties\": [\n", "\"Answer calls\",\n", "<p>", "<li>Log requests</li>\n", "<Grade>104</Grade>\n",
            "&rsquo;", "Department=HIM\n", "job_title,\"Clerk\"\n", "| Job Title | Grade |\n", "| Clerk | 104 |\n", "\n", "x", "\"", "<", ">", "\\u2019", "é",
            "{\\rtf1 ", "\\par\n", "\\u8217\\rquote ", "\\bin2 ", "\\*\\*Grade:\\*\\* 7\n", "| grade = 7\n",
            "---\n", "FieldName: dept\n", "FieldNameAlt: Department\n", "FieldValue: HIM\n", "FieldValue: Answer calls\n", "FieldType: Text\n",
            "INSERT INTO t (title, dept) VALUES (", "'Clerk'", ",", "'a\\nb'", "),(", ");\n", "[b]", "[/b]", "[*]", "[list]\n", ":Reports to: HIM\n"];
        Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]).Array[0, 40].Select(a => string.Concat(a)).Sample(text =>
        {
            var segments = JdSegments.Read(text, JdLexicon.Empty);
            for (var i = 0; i < segments.Count; i++)
            {
                Assert.InRange(segments[i].Start, 0, segments[i].End - 1);
                Assert.InRange(segments[i].End, 1, text.Length);
                if (i > 0) Assert.True(segments[i].Start >= segments[i - 1].Start, text);
            }
        }, iter: 2000);
    }

    [Fact]
    public void Truncated_binary_and_hostile_files_are_refused_with_a_reason()
    {
        var labeled = File.ReadAllBytes(Directory.GetFiles(LabeledFile.Folder, "*.txt")[0]);
        for (var cut = 1; cut < labeled.Length; cut += 97) ParsesOrRefuses(labeled[..cut], "cut.txt");
        var random = new Random(42);
        var noise = new byte[64 * 1024];
        random.NextBytes(noise);
        Assert.Throws<JobDescriptionFormatException>(() => JobDescriptionFiles.Parse(new MemoryStream(noise), "noise.txt", null, EnglishWords.Instance));
        ParsesOrRefuses(noise, "noise.docx");
        ParsesOrRefuses(noise, "noise.pdf");
        Assert.Contains("empty", Assert.Throws<JobDescriptionFormatException>(() => JobDescriptionFiles.Parse(new MemoryStream([]), "empty.txt", null, EnglishWords.Instance)).Message);
        Assert.Contains("unknown file type", Assert.Throws<JobDescriptionFormatException>(() => JobDescriptionFiles.Parse(new MemoryStream(labeled), "jd.exe", null, EnglishWords.Instance)).Message);
        // A malformed PDF: the header, then garbage and a broken cross-reference table.
        ParsesOrRefuses(Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\nxref\n0 999999\ntrailer << /Root 1 0 R /Size 99999999 >>\n%%EOF"), "broken.pdf");
    }

    [Fact]
    public void A_huge_file_is_refused_before_it_is_read_whole()
    {
        var huge = new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 10 * 1024 * 1024)));
        var e = Assert.Throws<JobDescriptionFormatException>(() => JobDescriptionFiles.Parse(huge, "huge.txt", null, EnglishWords.Instance));
        Assert.Contains("larger than 5 MB", e.Message);
        // Just under the limit, one endless line: parsed in bounded time, not refused.
        var line = string.Concat(Enumerable.Repeat("Answer billing questionsEscalate urgent cases ", 90_000));
        var big = JobDescriptionParser.Parse(line[..JobDescriptionParser.MaxChars], null, EnglishWords.Instance);
        Assert.NotEmpty(big.Documents);
    }

    [Fact]
    public void A_zip_bomb_dressed_as_a_word_file_is_refused()
    {
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, true))
        {
            var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var s = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 60; i++) s.Write(zeros);
        }
        Assert.True(bomb.Length < 1024 * 1024);
        var e = Assert.Throws<JobDescriptionFormatException>(() => JobDescriptionFiles.Parse(new MemoryStream(bomb.ToArray()), "bomb.docx", null, EnglishWords.Instance));
        Assert.Contains("zip bomb", e.Message);
    }

    [Fact]
    public void Word_and_pdf_files_read_like_their_text()
    {
        var file = LabeledFile.Load(Directory.GetFiles(LabeledFile.Folder, "04-*.txt")[0]);
        var fromText = JobDescriptionParser.Parse(file.Text, null, EnglishWords.Instance).Documents.Single();

        using var docx = new MemoryStream();
        using (var word = WordprocessingDocument.Create(docx, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(file.Text.Split('\n').Select(l => new Paragraph(new Run(new Text(l) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        var fromWord = JobDescriptionFiles.Parse(new MemoryStream(docx.ToArray()), "jd.docx", null, EnglishWords.Instance).Documents.Single();
        Assert.Equal(fromText.Title, fromWord.Title);
        Assert.Equal(fromText.Responsibilities.SelectMany(g => g.Items), fromWord.Responsibilities.SelectMany(g => g.Items));

        var wrapped = LabeledFile.Load(Directory.GetFiles(LabeledFile.Folder, "05-*.txt")[0]);
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var y = 800.0;
        foreach (var l in wrapped.Text.Split('\n'))
        {
            if (l.Length > 0) page.AddText(l, 10, new UglyToad.PdfPig.Core.PdfPoint(40, y), font);
            y -= 14;
        }
        var fromPdf = JobDescriptionFiles.Parse(new MemoryStream(builder.Build()), "jd.pdf", null, EnglishWords.Instance).Documents.Single();
        var fromWrapped = JobDescriptionParser.Parse(wrapped.Text, null, EnglishWords.Instance).Documents.Single();
        Assert.Equal(fromWrapped.Title, fromPdf.Title);
        Assert.Equal(fromWrapped.Responsibilities.SelectMany(g => g.Items).Count(), fromPdf.Responsibilities.SelectMany(g => g.Items).Count());
        Assert.Equal(fromWrapped.Qualifications, fromPdf.Qualifications);
    }
}
