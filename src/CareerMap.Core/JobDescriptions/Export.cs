using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CareerMap.JobDescriptions;

/// <summary>A job description written out from its structured fields, always in the same order and layout (Markdown or Word).</summary>
public static class JobDescriptionExport
{
    /// <summary>The description as Markdown lines: headings, header fields, paragraphs and "- " items.</summary>
    public static IReadOnlyList<string> Lines(ParsedJobDescription d, string title)
    {
        var lines = new List<string> { $"# {title}" };
        var h = d.Header;
        var header = new (string Label, string? Value)[]
        {
            ("Department", h.Department), ("Reports to", h.ReportsTo), ("Supervises", h.Supervises), ("FLSA status", h.FlsaStatus), ("Job level", h.JobLevel),
            ("Effective", h.EffectiveDate), ("Revised", h.RevisedDate), ("Approved", h.ApprovedDate),
        }.Where(x => !string.IsNullOrWhiteSpace(x.Value)).ToList();
        if (header.Count > 0)
        {
            lines.Add("");
            lines.AddRange(header.Select(x => $"**{x.Label}:** {x.Value}"));
        }
        void Section(string heading, IEnumerable<string> items)
        {
            var list = items.ToList();
            if (list.Count == 0) return;
            lines.Add("");
            lines.Add($"## {heading}");
            lines.AddRange(list.Select(i => $"- {i}"));
        }
        if (d.Summary is { } summary)
        {
            lines.Add("");
            lines.Add("## Summary");
            lines.Add(summary);
        }
        if (d.Responsibilities.Count > 0)
        {
            lines.Add("");
            lines.Add("## Responsibilities");
            foreach (var g in d.Responsibilities)
            {
                if (g.Text is not null) lines.Add($"### {g.Text}");
                lines.AddRange(g.Items.Select(i => $"- {i}"));
            }
        }
        Section("Education and experience", d.EducationAndExperience);
        Section("Qualifications", d.Qualifications);
        Section("Knowledge, skills and abilities", d.KnowledgeSkillsAbilities);
        Section("Preferred qualifications", d.DesirableQualifications);
        Section("Performance expectations", d.PerformanceExpectations);
        Section("Languages", d.Languages);
        Section("Certifications and licenses", d.Certifications);
        Section("Work environment", d.WorkEnvironment);
        Section("Physical demands", d.PhysicalDemands.Select(p => p.Text));
        Section("Notes", d.Disclaimers);
        return lines;
    }

    public static string Markdown(ParsedJobDescription d, string title) => string.Join('\n', Lines(d, title)) + "\n";

    public static byte[] Docx(ParsedJobDescription d, string title)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in Lines(d, title))
            {
                if (line.Length == 0) continue;
                var (text, size, bold, bullet) = line switch
                {
                    _ when line.StartsWith("### ", StringComparison.Ordinal) => (line[4..], 24, true, false),
                    _ when line.StartsWith("## ", StringComparison.Ordinal) => (line[3..], 28, true, false),
                    _ when line.StartsWith("# ", StringComparison.Ordinal) => (line[2..], 36, true, false),
                    _ when line.StartsWith("- ", StringComparison.Ordinal) => (line[2..], 22, false, true),
                    _ => (line.Replace("**", "", StringComparison.Ordinal), 22, false, false),
                };
                var props = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                if (bold) props.Append(new Bold());
                var paragraph = new Paragraph(new Run(props, new Text((bullet ? "• " : "") + text) { Space = SpaceProcessingModeValues.Preserve }));
                if (bullet) paragraph.PrependChild(new ParagraphProperties(new Indentation { Left = "360", Hanging = "240" }));
                body.Append(paragraph);
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }
}
