using CareerMap.Framework;
using CareerMap.JobDescriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin.JobDescriptions;

/// <summary>What a senior role's description asks beyond a junior role's: the lines and competencies it adds.</summary>
public sealed class CompareModel(JobDescriptionLibrary library, FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Junior { get; set; }
    [BindProperty(SupportsGet = true)] public string? Senior { get; set; }
    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];
    public RoleComparison? Result { get; private set; }
    public string? Missing { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var described = (await library.VersionsAsync(null, ct)).Select(v => v.Role).OfType<string>().ToHashSet();
        Roles = [.. ((await framework.ReadingAsync(ct)).Document).Roles.Where(r => described.Contains(r.Code))];
        if (string.IsNullOrWhiteSpace(Junior) || string.IsNullOrWhiteSpace(Senior)) return;
        Result = await library.CompareAsync(Junior, Senior, ct);
        if (Result is null) Missing = L["{0} or {1} has no job description yet.", Junior, Senior];
    }

    public string Heading(string section) => section switch
    {
        "responsibilities" => L["Responsibilities"],
        "qualifications" => L["Qualifications, education and experience"],
        _ => L["Knowledge, skills and abilities"],
    };
}
