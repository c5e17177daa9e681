using CareerMap.Api;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.People;

/// <summary>A page about one person: found by employee number, shown only to them, their leaders and HR admin.</summary>
public abstract class PersonPage(PeopleDirectory people, PeopleAccess access, CareerPaths paths) : PageModel
{
    protected PeopleDirectory People => people;
    protected PeopleAccess Access => access;
    public PersonRecord Person { get; private set; } = null!;
    public Relation Relation { get; private set; }
    public CareerGraph Graph { get; private set; } = null!;
    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Null when the person may be shown; otherwise the result to return instead.</summary>
    protected async Task<IActionResult?> LoadPersonAsync(string number, CancellationToken ct)
    {
        var id = await people.IdOfAsync(number, ct);
        if (id is null) return NotFound();
        Relation = await access.RelationAsync(User, id.Value, ct);
        if (Relation == Relation.None) return Forbid();
        Person = (await people.LoadAsync([id.Value], Today, ct))[0];
        Graph = await paths.GraphAsync(ct);
        return null;
    }
}
