using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Roles;

public sealed class IndexModel(FrameworkService framework) : PageModel
{
    public FrameworkDocument Document { get; private set; } = new();

    public int Rank(string grade) => Document.Grades.FirstOrDefault(g => g.Code == grade)?.Rank ?? 0;

    public string FamilyName(string code) => Document.Families.FirstOrDefault(f => f.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct) => Document = (await framework.ReadingAsync(ct)).Document;
}
