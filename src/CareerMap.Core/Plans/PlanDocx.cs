using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CareerMap.Plans;

/// <summary>The plan as a Word document, for those who edit in Word.</summary>
public static class PlanDocx
{
    public static byte[] Write(DevelopmentPlan plan, string person, Func<string, string> roleTitle, Func<string, string> competencyName)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            void Heading(string text, int size = 28) => body.Append(new Paragraph(new Run(new RunProperties(new Bold(), new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new Text(text))));
            void Line(string label, string? text) => body.Append(new Paragraph(new Run(new RunProperties(new Bold()), new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(text ?? "") { Space = SpaceProcessingModeValues.Preserve })));
            void Items(IEnumerable<string> items) { foreach (var i in items) body.Append(new Paragraph(new Run(new Text("• " + i)))); }

            Heading($"Individual Development Plan — {person}", 36);
            Line("Cycle", plan.Cycle);
            Line("Status", PlanService.Words(plan.Status));
            Line("Target roles", string.Join(", ", plan.TargetRoles.Select(roleTitle)));
            Heading("About me");
            Line("Education", plan.Education);
            Line("Experience", plan.Experience);
            Heading("Goals");
            Line("Short term, professional", plan.ShortTermProfessional);
            Line("Short term, personal", plan.ShortTermPersonal);
            Line("Mid term (2–5 years), professional", plan.MidTermProfessional);
            Line("Mid term (2–5 years), personal", plan.MidTermPersonal);
            Line("Long term (5+ years), professional", plan.LongTermProfessional);
            Line("Long term (5+ years), personal", plan.LongTermPersonal);
            Heading("Strengths");
            Items(plan.Strengths);
            Heading("Areas of opportunity");
            Items(plan.Opportunities);
            Heading("Development needs");
            Items(plan.Needs);
            Heading("Action plan");
            Items(plan.Actions.Select(a => $"{competencyName(a.Competency)} — {a.Description}{(a.DueOn is { } due ? $" (due {due:d MMM yyyy})" : "")}"));
            Heading("Reflection");
            foreach (var r in plan.Reflections) Line(r.Question, r.Answer);
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
