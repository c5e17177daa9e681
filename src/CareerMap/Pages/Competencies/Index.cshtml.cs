using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Competencies;

public sealed class IndexModel(FrameworkService framework) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public FrameworkDocument Document { get; private set; } = new();
    public IReadOnlyList<CompetencyDto> Found { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Document = (await framework.ReadingAsync(ct)).Document;
        Found = FrameworkSearch.Competencies(Document, (await framework.SnapshotAsync(ct)).Document, Q);
    }
}
