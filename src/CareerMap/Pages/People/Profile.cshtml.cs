using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.People;

public sealed class ProfileModel(PeopleDirectory people, PersonInRoute who, CareerPaths paths, CareerInterests interests, TimeProvider clock,
    IStringLocalizer<SharedResource> L)
    : PersonPage(people, who, paths, clock)
{
    public string? ManagerName { get; private set; }
    public string? ManagerNumber { get; private set; }
    /// <summary>The manager's page opens only to those above the person (the manager among them) and HR: anyone else sees the name alone.</summary>
    public bool ManagerLinked => Relation is Access.Relation.Leader or Access.Relation.HrAdmin;
    public IReadOnlyList<Recommendation> Recommendations { get; private set; } = [];
    public IReadOnlyList<AssessmentView> History { get; private set; } = [];
    public IReadOnlyList<RoleChangeView> RolesHeld { get; private set; } = [];
    public IReadOnlyList<CareerInterestView> Interests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadPersonAsync(ct);
        if (Person.ManagerId is int m)
            (ManagerName, ManagerNumber) = (await People.NameOfAsync(m, ct), await People.NumberOfAsync(m, ct));
        Recommendations = [.. Paths.Recommendations.For(Graph, Person.State, L, Relation == CareerMap.Access.Relation.Self).Take(5)];
        History = await People.HistoryAsync(Person.Id, ct);
        RolesHeld = await People.RolesHeldAsync(Person.Id, ct);
        Interests = await interests.OfAsync(Graph, Person.Id, ct);
    }
}
