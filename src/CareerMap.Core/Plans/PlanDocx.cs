using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;

namespace CareerMap.Plans;

/// <summary>The plan as a Word document, for those who edit in Word, its labels in the reader's language.</summary>
public static class PlanDocx
{
    public static byte[] Write(DevelopmentPlan plan, string person, Func<string, string> roleTitle, Func<string, string> competencyName, IStringLocalizer L)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            void Heading(string text, int size = 28) => body.Append(new Paragraph(new Run(new RunProperties(new Bold(), new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }), new Text(text))));
            void Line(string label, string? text) => body.Append(new Paragraph(new Run(new RunProperties(new Bold()), new Text(label + ": ") { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(text ?? "") { Space = SpaceProcessingModeValues.Preserve })));
            void Items(IEnumerable<string> items) { foreach (var i in items) body.Append(new Paragraph(new Run(new Text("• " + i)))); }

            Heading(L["Individual Development Plan — {0}", person], 36);
            Line(L["Cycle"], plan.Cycle);
            Line(L["Status"], PlanService.Words(plan.Status, L));
            Line(L["Target roles"], string.Join(", ", plan.TargetRoles.Select(roleTitle)));
            Heading(L["About me"]);
            Line(L["Education"], plan.Education);
            Line(L["Experience"], plan.Experience);
            Heading(L["Goals"]);
            Line(L["Short term, professional"], plan.ShortTermProfessional);
            Line(L["Short term, personal"], plan.ShortTermPersonal);
            Line(L["Mid term (2–5 years), professional"], plan.MidTermProfessional);
            Line(L["Mid term (2–5 years), personal"], plan.MidTermPersonal);
            Line(L["Long term (5+ years), professional"], plan.LongTermProfessional);
            Line(L["Long term (5+ years), personal"], plan.LongTermPersonal);
            Heading(L["Strengths"]);
            Items(plan.Strengths);
            Heading(L["Areas of opportunity"]);
            Items(plan.Opportunities);
            Heading(L["Development needs"]);
            Items(plan.Needs);
            Heading(L["Action plan"]);
            Items(plan.Actions.Select(a => a.DueOn is { } due
                ? L["{0} — {1} (due {2})", competencyName(a.Competency), a.Description, due.ToString("d MMM yyyy", CultureInfo.CurrentCulture)]
                : $"{competencyName(a.Competency)} — {a.Description}"));
            Heading(L["Reflection"]);
            foreach (var r in plan.Reflections) Line(PlanService.Question(r.Question, L), r.Answer);
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
