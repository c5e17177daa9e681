using CareerMap.Api;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;

namespace CareerMap.Pages.People;

public sealed class ProfileModel(PeopleDirectory people, PeopleAccess access, CareerPaths paths) : PersonPage(people, access, paths)
{
    public string? ManagerName { get; private set; }
    public string? ManagerNumber { get; private set; }
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await LoadPersonAsync(number, ct) is { } refused) return refused;
        if (Person.ManagerId is int m && (await People.LoadAsync([m], Today, ct)) is [var manager, ..])
            (ManagerName, ManagerNumber) = (manager.Name, manager.EmployeeNumber);
        Recommendations = [.. PeopleApi.Recommendations(Graph, Person.State).Take(5)];
        return Page();
    }
}
