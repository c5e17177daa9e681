using CareerMap.Framework;
using CareerMap.Framework.Versions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Roles;

/// <summary>A role and its requirements as they stood on a past day, from the framework version in effect then.</summary>
public sealed class AsOfModel(FrameworkVersions versions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    public string Code { get; private set; } = "";
    public FrameworkAsOf? AsOf { get; private set; }
    public RoleDto? Role { get; private set; }
    public IReadOnlyList<RequirementDto> Requirements { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public string CompetencyName(string code) =>
        AsOf?.Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Today = clock.Today();
        Day ??= Today.AddDays(-1);
        Code = code;
        AsOf = await versions.AsOfAsync(Day.Value, ct);
        Role = AsOf?.Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (Role is not null)
        {
            Code = Role.Code;
            var order = AsOf!.Document.Competencies.Select(c => c.Code).ToList();
            Requirements = [.. AsOf.Document.Requirements.Where(r => string.Equals(r.Role, Role.Code, StringComparison.OrdinalIgnoreCase))
                .OrderBy(r => order.FindIndex(c => string.Equals(c, r.Competency, StringComparison.OrdinalIgnoreCase)))];
        }
        return Page();
    }
}
