using CareerMap.Framework;
using CareerMap.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Competencies;

public sealed class DetailModel(FrameworkService framework, IAuthorizationService authorization) : PageModel
{
    public bool CanEdit { get; private set; }
    public bool Saved { get; private set; }
    public CompetencyDto? Competency { get; private set; }
    public IReadOnlyList<StrategyDto> Strategies { get; private set; } = [];
    FrameworkDocument document = new();

    public IReadOnlyList<string> RolesAt(int level) =>
        [.. document.Requirements.Where(q => q.Competency == Competency!.Code && q.Level == level)
            .Select(q => document.Roles.First(r => r.Code == q.Role).Title)];

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        Saved = saved;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.HrAdmin)).Succeeded;
        document = (await framework.ReadingAsync(ct)).Document;
        Competency = document.Competencies.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
        if (Competency is null) return NotFound();
        Strategies = [.. document.Strategies.Where(s => s.Competencies.Contains(Competency.Code))];
        return Page();
    }
}
