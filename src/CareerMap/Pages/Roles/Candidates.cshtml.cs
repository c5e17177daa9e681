using CareerMap.Access;
using CareerMap.Accounts;
using CareerMap.Framework;
using CareerMap.Paths;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Roles;

/// <summary>A role's internal candidates and bench among the people the viewer may see (a manager's line, HR everyone).</summary>
public sealed class CandidatesModel(CareerPaths paths, CandidateSearch search, PeopleAccess access, SavedSearches saved, CurrentAccount account, IStringLocalizer<SharedResource> L) : PageModel
{
    public const int Shown = 25;
    /// <summary>Competency conditions the form offers; the API takes any number.</summary>
    public const int SkillRows = 3;

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Location { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grade { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinTenure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    [BindProperty(SupportsGet = true)] public string? Credential { get; set; }
    [BindProperty(SupportsGet = true)] public List<string?> Competency { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<int?> Level { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Match { get; set; }

    /// <summary>What was wrong with a competency condition, by its place ("competency[1]").</summary>
    public Dictionary<string, string[]> SkillProblems { get; private set; } = [];
    [BindProperty] public string? SearchName { get; set; }
    public string? SaveProblem { get; private set; }
    public IReadOnlyList<SavedSearchView> Saved { get; private set; } = [];

    /// <summary>The search's conditions as a query, blank ones left out: what a saved search keeps and its link runs.</summary>
    public string Query
    {
        get
        {
            var pairs = new List<KeyValuePair<string, string?>> { new("unit", Blank(Unit)), new("location", Blank(Location)), new("grade", Blank(Grade)),
                new("minTenure", MinTenure?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("language", Blank(Language)), new("credential", Blank(Credential)) };
            for (var i = 0; i < Math.Max(Competency.Count, Level.Count); i++)
                if (i < Competency.Count && Blank(Competency[i]) is { } code && i < Level.Count && Level[i] is { } level)
                    pairs.AddRange([new("competency", code), new("level", level.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            if (Match == "any") pairs.Add(new("match", "any"));
            return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => p.Value is not null)).ToString().TrimStart('?');
        }
    }

    public CareerGraph Graph { get; private set; } = null!;
    public RoleDto Role { get; private set; } = null!;
    public Candidates? Found { get; private set; }
    public IReadOnlyList<string> Locations { get; private set; } = [];

    public string UnitName(string code) => Graph.Document.Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase))?.Name ?? code;

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken ct)
    {
        var page = await OnGetAsync(code, ct);
        if (page is not PageResult || Found is null) return page;
        var (search, _, problem) = await saved.SaveAsync(account.AccountId!, SearchName, Role.Code, Query, L, ct);
        if (search is null)
        {
            SaveProblem = problem;
            return Page();
        }
        return Redirect($"{search.Url}{(search.Query.Length > 0 ? "&" : "?")}saved={Uri.EscapeDataString(search.Name)}");
    }

    public async Task<IActionResult> OnPostForgetAsync(string code, int id, CancellationToken ct)
    {
        await saved.DeleteAsync(account.AccountId!, id, ct);
        return Redirect($"/roles/{Uri.EscapeDataString(code)}/candidates{(Query.Length > 0 ? "?" + Query : "")}");
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Graph = await paths.GraphAsync(ct);
        if (Graph.Role(code) is not { } role) return NotFound();
        Role = role;
        // An employee sees only themselves, which is no candidate list at all.
        if (!await access.SeesOthersAsync(ct)) return Forbid();
        var visible = await access.VisibleIdsAsync(ct) is { } ids ? ids.ToHashSet() : null;
        Locations = await search.LocationsAsync(ct);
        Saved = await saved.MineAsync(account.AccountId!, ct);
        if (MinTenure is < 0) ModelState.AddModelError(nameof(MinTenure), "");
        (var skills, SkillProblems) = CandidateSearch.ReadSkills(Graph, Competency, Level, L);
        if (!ModelState.IsValid || SkillProblems.Count > 0) return Page();
        Found = await search.FindAsync(Graph, role.Code, new CandidateFilter(Blank(Unit), Blank(Location), Blank(Grade), MinTenure, Blank(Language),
            skills, Match == "any", Blank(Credential)), visible, Shown, ct);
        return Page();
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
