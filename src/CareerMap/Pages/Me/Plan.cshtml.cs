using CareerMap.Api;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Me;

public sealed class PlanModel(PeopleAccess access, PeopleDirectory people) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.MeAsync(User) is int id && await people.NumberOfAsync(id, ct) is { } number ? Redirect($"/plans/{number}") : Page();
}
