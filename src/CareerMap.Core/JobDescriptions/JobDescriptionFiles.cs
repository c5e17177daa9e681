using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CareerMap.JobDescriptions;

/// <summary>
/// Text out of a job-description file (plain text, Word .docx, PDF), with limits that hostile files cannot get past; a
/// refused file is told why in the reader's language.
/// </summary>
public static class JobDescriptionFiles
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    const long MaxUnpackedBytes = 50 * 1024 * 1024;
    const int MaxPdfPages = 200;

    public static readonly string[] Extensions = [".txt", ".text", ".md", ".docx", ".pdf", ".json", ".xml", ".html", ".htm", ".csv"];

    /// <summary>Reads the file's text; a file that is too large, damaged or not a description's format throws <see cref="JobDescriptionFormatException"/>.</summary>
    public static string ReadText(Stream input, string fileName, IStringLocalizer L)
    {
        var bytes = ReadBounded(input, L);
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".docx" => Docx(bytes, L),
            ".pdf" => Pdf(bytes, L),
            // A description exported as data or markup is text; the reader reads its fields (JdMarkup).
            ".txt" or ".text" or ".md" or ".json" or ".xml" or ".html" or ".htm" or ".csv" or "" => Text(bytes),
            _ => throw new JobDescriptionFormatException(L["unknown file type '{0}': expected {1}", ext, string.Join(", ", Extensions)]),
        };
    }

    public static JdParseResult Parse(Stream input, string fileName, CompetencyMatcher? matcher, IStringLocalizer L) =>
        JobDescriptionParser.Parse(ReadText(input, fileName, L), matcher, L);

    static byte[] ReadBounded(Stream input, IStringLocalizer L)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes) throw new JobDescriptionFormatException(L["the file is larger than {0} MB; a job description is a few pages", MaxFileBytes / 1024 / 1024]);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw new JobDescriptionFormatException(L["the file is empty"]);
        return buffer.ToArray();
    }

    static string Text(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Older Windows exports: every byte is a character in Windows-1252 / Latin-1.
            return Encoding.Latin1.GetString(bytes);
        }
    }

    static string Docx(byte[] bytes, IStringLocalizer L)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                // A zip bomb is refused from its directory, before anything is inflated.
                long unpacked = 0;
                foreach (var entry in zip.Entries)
                {
                    unpacked += entry.Length;
                    if (unpacked > MaxUnpackedBytes || (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > 200 && entry.Length > 1024 * 1024))
                        throw new JobDescriptionFormatException(L["the Word file unpacks to far more than a document holds (a zip bomb?); refused"]);
                }
            }
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new JobDescriptionFormatException(L["the Word file has no body"]);
            var sb = new StringBuilder();
            foreach (var p in body.Descendants<Paragraph>())
            {
                var text = string.Concat(p.Descendants<Text>().Select(t => t.Text));
                // Word's own list items carry no bullet character in their text; give them one.
                var listed = p.ParagraphProperties?.NumberingProperties is not null;
                sb.Append(listed && text.Length > 0 ? "- " : "").AppendLine(text);
            }
            return sb.ToString();
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new JobDescriptionFormatException(L["not a readable Word .docx file ({0})", e.GetType().Name]);
        }
    }

    static string Pdf(byte[] bytes, IStringLocalizer L)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            if (pdf.NumberOfPages > MaxPdfPages) throw new JobDescriptionFormatException(L["the PDF has {0} pages; a job description has a few (at most {1} are read)", pdf.NumberOfPages, MaxPdfPages]);
            var sb = new StringBuilder();
            foreach (var page in pdf.GetPages()) sb.AppendLine(ContentOrderTextExtractor.GetText(page, true)).AppendLine();
            return sb.ToString();
        }
        catch (JobDescriptionFormatException) { throw; }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new JobDescriptionFormatException(L["not a readable PDF ({0})", e.GetType().Name]);
        }
    }
}
