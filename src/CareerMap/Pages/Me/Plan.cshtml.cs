using CareerMap.Api;
using CareerMap.Paths;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Me;

public sealed class PlanModel(PeopleAccess access, CareerPaths paths) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.MeAsync(User) is int id && await paths.EmployeeNumberAsync(id, ct) is { } number ? Redirect($"/plans/{number}") : Page();
}
