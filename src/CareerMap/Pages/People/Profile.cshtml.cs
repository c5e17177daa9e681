using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;

namespace CareerMap.Pages.People;

public sealed class ProfileModel(PeopleDirectory people, PersonInRoute who, CareerPaths paths, TimeProvider clock) : PersonPage(people, who, paths, clock)
{
    public string? ManagerName { get; private set; }
    public string? ManagerNumber { get; private set; }
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadPersonAsync(ct);
        if (Person.ManagerId is int m)
            (ManagerName, ManagerNumber) = (await People.NameOfAsync(m, ct), await People.NumberOfAsync(m, ct));
        Recommendations = [.. Paths.Recommendations.For(Graph, Person.State).Take(5)];
    }
}
