using CareerMap.Access;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.People;

public sealed class IndexModel(PeopleDirectory people, PeopleAccess access, CareerPaths paths, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<PersonRecord> Found { get; private set; } = [];
    public int Total { get; private set; }
    public CareerGraph Graph { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Graph = await paths.GraphAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        (Found, Total) = await people.SearchAsync(access.Visible(), Q, PageNumber, PageSize, clock.Today(), ct);
    }
}
