using CareerMap.Accounts;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Me;

public sealed class PlanModel(CurrentAccount account, PeopleDirectory people) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        account.EmployeeId is int id && await people.NumberOfAsync(id, ct) is { } number ? Redirect($"/plans/{Uri.EscapeDataString(number)}") : Page();
}
