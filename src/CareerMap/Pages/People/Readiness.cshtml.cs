using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.People;

public sealed class ReadinessModel(PeopleDirectory people, PersonInRoute who, CareerPaths paths, TimeProvider clock, IStringLocalizer<SharedResource> L)
    : PersonPage(people, who, paths, clock)
{
    public ReadinessView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? role, CancellationToken ct)
    {
        await LoadPersonAsync(ct);
        if (string.IsNullOrWhiteSpace(role) || Graph.Role(role) is null) return NotFound();
        View = ReadinessReport.Of(Graph, Person, role, Today, L, Relation == CareerMap.Access.Relation.Self);
        return Page();
    }
}
