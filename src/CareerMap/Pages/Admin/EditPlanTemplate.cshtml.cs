using System.Globalization;
using CareerMap.Framework;
using CareerMap.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

public sealed class PlanTemplateItemInput
{
    /// <summary>As typed, so a refused save shows it again; what is not a whole number is sent as 0, which the template's rules refuse.</summary>
    public string? Days { get; set; }
    public string? Competency { get; set; }
    public string? Strategy { get; set; }
    public string? Description { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Days) && string.IsNullOrWhiteSpace(Competency) && string.IsNullOrWhiteSpace(Strategy) && string.IsNullOrWhiteSpace(Description);
}

public sealed class PlanTemplateInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Goal { get; set; }
    public List<PlanTemplateItemInput> Items { get; set; } = [];
    /// <summary>The template's version as the form was drawn; 0 for a new one.</summary>
    public int Version { get; set; }
}

/// <summary>HR writes a plan template (new, or the one of a role or family); the rules are <see cref="PlanTemplates"/>' own.</summary>
public sealed class EditPlanTemplateModel(PlanTemplates templates, FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    /// <summary>Empty rows offered below the items, for new ones.</summary>
    const int BlankRows = 3;

    [BindProperty] public PlanTemplateInput Input { get; set; } = new();
    /// <summary>The role or family whose template is edited; null while writing a new one.</summary>
    public string? Code { get; private set; }
    public string? StaleMessage { get; private set; }
    public FrameworkDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (code is not null)
        {
            var template = (await templates.ListAsync(ct)).FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
            if (template is null) return NotFound();
            Code = template.Code;
            Input = new PlanTemplateInput
            {
                Code = template.Code, Name = template.Name, Goal = template.Goal, Version = template.Version,
                Items = [.. template.Items.Select(i => new PlanTemplateItemInput
                {
                    Days = i.Days.ToString(CultureInfo.InvariantCulture), Competency = i.Competency, Strategy = i.Strategy, Description = i.Description,
                })],
            };
        }
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        Code = code;
        var target = code ?? Input.Code ?? "";
        // The rows HR filled in, with the form row each came from so an error lands beside it.
        var rows = Input.Items.Select((item, row) => (item, row)).Where(r => !r.item.IsBlank).ToList();
        var request = new PlanTemplateRequest(Input.Name, Input.Goal, [.. rows.Select(r => new PlanTemplateItem(
                int.TryParse(r.item.Days, NumberStyles.Integer, CultureInfo.CurrentCulture, out var days) ? days : 0,
                r.item.Competency?.Trim() ?? "", string.IsNullOrWhiteSpace(r.item.Strategy) ? null : r.item.Strategy.Trim(), r.item.Description ?? ""))],
            Input.Version);
        var outcome = await templates.SaveAsync(target, request, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                TempData[nameof(PlanTemplatesModel.Done)] = L["The template for {0} is saved.", outcome.Saved!.Code].Value;
                return Redirect("/admin/plan-templates");
            case WriteStatus.Stale:
                StaleMessage = Input.Version == 0
                    ? L["Someone else created a template for {0} while you were writing this one, so yours was not saved. What you typed is still below.", target]
                    : L["Someone else changed or removed this template while you were editing it, so your changes were not saved. What you typed is still below."];
                break;
            default:
                foreach (var (field, messages) in outcome.Errors!)
                    ModelState.AddModelError(FormField(field, rows.Select(r => r.row).ToList()), string.Join(" ", messages.Select(ModelErrors.Sentence)));
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>items[2].days, as the template's rules name it, is the third filled row's Days field.</summary>
    static string FormField(string field, IReadOnlyList<int> rows)
    {
        static string Upper(string s) => char.ToUpperInvariant(s[0]) + s[1..];
        if (field.StartsWith("items[", StringComparison.Ordinal) && field.IndexOf("].", StringComparison.Ordinal) is var end and > 0
            && int.TryParse(field[6..end], CultureInfo.InvariantCulture, out var i) && i < rows.Count)
            return $"Input.Items[{rows[i]}].{Upper(field[(end + 2)..])}";
        return field is "code" or "name" or "goal" or "items" ? $"Input.{Upper(field)}" : "";
    }

    void AddBlankRows()
    {
        for (var i = 0; i < BlankRows && Input.Items.Count < PlanTemplates.MaxItems; i++) Input.Items.Add(new PlanTemplateItemInput());
    }

    async Task LoadAsync(CancellationToken ct) => Document = (await framework.ReadingAsync(ct)).Document;
}
