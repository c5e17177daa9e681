using CareerMap.Api;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Pages.People;

public sealed class ReadinessModel(PeopleDirectory people, PeopleAccess access, CareerPaths paths) : PersonPage(people, access, paths)
{
    public ReadinessView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, string? role, CancellationToken ct)
    {
        if (await LoadPersonAsync(number, ct) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(role) || Graph.Role(role) is null) return NotFound();
        View = PeopleApi.ReadinessOf(Graph, Person, role);
        return Page();
    }
}
