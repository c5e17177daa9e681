using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.People;

public sealed class IndexModel(PeopleDirectory people, PeopleAccess access, CareerPaths paths, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    // "page" is also the route value naming the Razor page, so it is read from the query string explicitly.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<PersonListing> Found { get; private set; } = [];
    public int Total { get; private set; }
    public CareerGraph Graph { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Graph = await paths.GraphAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Paging.MaxPage);
        (Found, Total) = await people.SearchAsync(access.Visible(), access.VisibleKey, Q, PageNumber, PageSize, clock.Today(), ct);
        // A page past the end (an old link, a shorter list now) goes to the last page there is.
        var last = Math.Max(1, (Total + PageSize - 1) / PageSize);
        return PageNumber > last ? Redirect($"/people?q={Uri.EscapeDataString(Q ?? "")}&page={last}") : Page();
    }
}
