using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Competencies;

public sealed class IndexModel(FrameworkService framework) : PageModel
{
    public FrameworkDocument Document { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Document = (await framework.ReadingAsync(ct)).Document;
}
