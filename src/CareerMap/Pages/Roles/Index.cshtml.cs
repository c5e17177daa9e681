using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Roles;

public sealed class IndexModel(FrameworkService framework) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public FrameworkDocument Document { get; private set; } = new();
    public IReadOnlyList<RoleDto> Found { get; private set; } = [];

    public int Rank(string grade) => Document.Grades.FirstOrDefault(g => g.Code == grade)?.Rank ?? 0;

    public string FamilyName(string code) => Document.Families.FirstOrDefault(f => f.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Document = (await framework.ReadingAsync(ct)).Document;
        Found = FrameworkSearch.Roles(Document, (await framework.SnapshotAsync(ct)).Document, Q);
    }
}
