using CareerMap.Access;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.People;

/// <summary>
/// A page about the person in its route (<c>{number}</c>). Whether the caller may see them was decided before the page
/// runs (PersonAccess.UsePersonAccess): a page only loads what it shows.
/// </summary>
public abstract class PersonPage(PeopleDirectory people, PersonInRoute who, CareerPaths paths, TimeProvider clock) : PageModel
{
    protected PeopleDirectory People => people;
    protected DateOnly Today => clock.Today();
    public PersonRecord Person { get; private set; } = null!;
    public Relation Relation => who.Relation;
    public CareerGraph Graph { get; private set; } = null!;

    protected async Task LoadPersonAsync(CancellationToken ct)
    {
        Person = await people.PersonAsync(who.Id, Today, ct);
        Graph = await paths.GraphAsync(ct);
    }
}
