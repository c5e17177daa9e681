using CareerMap.Framework;
using CareerMap.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

/// <summary>HR's plan templates: the draft plan people starting in a role (or any role of a family) get, listed to edit or remove.</summary>
public sealed class PlanTemplatesModel(PlanTemplates templates, FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<PlanTemplateView> Templates { get; private set; } = [];
    public FrameworkDocument Document { get; private set; } = null!;
    [TempData] public string? Done { get; set; }
    public string? Refusal { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Removes the template as the list showed it; one changed since (by someone else) stays, with a notice.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string code, int version, CancellationToken ct)
    {
        switch (await templates.DeleteAsync(code, version, ct))
        {
            case WriteStatus.Saved:
                Done = L["The template for {0} is removed. Plans drafted from it stay.", code];
                return Redirect("/admin/plan-templates");
            case WriteStatus.Stale:
                Refusal = L["Someone else changed the template for {0} after this list was shown, so it was not removed. Look at it again below.", code];
                break;
            default:
                Refusal = L["There is no template for {0} any more; someone else removed it.", code];
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    public string KindOf(PlanTemplateView t) => t.AppliesTo == "role" ? L["Role"] : L["Job family"];

    /// <summary>The role's title or the family's name, for the list.</summary>
    public string NameOf(PlanTemplateView t) =>
        (t.AppliesTo == "role" ? Document.Roles.FirstOrDefault(r => r.Code == t.Code)?.Title : Document.Families.FirstOrDefault(f => f.Code == t.Code)?.Name) ?? t.Code;

    async Task LoadAsync(CancellationToken ct)
    {
        Document = (await framework.ReadingAsync(ct)).Document;
        Templates = await templates.ListAsync(ct);
    }
}
