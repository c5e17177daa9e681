using CareerMap.Framework;
using CareerMap.Infrastructure;
using CareerMap.Paths;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Roles;

public sealed class DetailModel(FrameworkService framework, CareerPaths paths, IAuthorizationService authorization, JobDescriptions.JobDescriptionLibrary library,
    CareerMap.Access.PeopleAccess access, CareerMap.People.CareerInterests interests, IStringLocalizer<SharedResource> L) : PageModel
{
    public FrameworkDocument Document { get; private set; } = new();
    public RoleDto? Role { get; private set; }
    public FamilyDto? Family { get; private set; }
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<RequirementDto> Requirements { get; private set; } = [];
    public IReadOnlyList<(string Duty, string Mark)> MatrixDuties { get; private set; } = [];
    public IReadOnlyList<CareerEdge> MovesOut { get; private set; } = [];
    public IReadOnlyList<CareerEdge> MovesIn { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool SeesCandidates { get; private set; }
    /// <summary>The newest stored job description of the role, if any.</summary>
    public JobDescriptions.JdVersionView? Description { get; private set; }
    public bool Saved { get; private set; }
    /// <summary>Whether the signed-in person has marked this role; null when they cannot (no employee record, or it is their role).</summary>
    public bool? Interested { get; private set; }

    public (int Level, int Top, string Label) Bar(int level) => (level, Document.Organization.TopLevel, L["Level {0} of {1}", level, Document.Organization.TopLevel]);

    public string TitleOf(string code) => Document.Roles.FirstOrDefault(r => r.Code == code)?.Title ?? code;

    public async Task<IActionResult> OnGetAsync(string code, bool saved, CancellationToken ct)
    {
        Document = (await framework.ReadingAsync(ct)).Document;
        Role = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (Role is null) return NotFound();
        Family = Document.Families.FirstOrDefault(f => f.Code == Role.Family);
        UnitName = Document.Units.FirstOrDefault(u => u.Code == Role.Unit)?.Name ?? Role.Unit;
        var order = Document.Competencies.ToDictionary(c => c.Code, c => (c.Category == "core" ? 0 : 1, c.Name));
        Requirements = [.. Document.Requirements.Where(q => q.Role == Role.Code).OrderBy(q => order[q.Competency])];
        MatrixDuties = [.. Document.Duties.Where(u => u.Family == Role.Family).OrderBy(u => u.Order)
            .SelectMany(u => u.Marks.Where(m => m.Level == Role.Level).Select(m => (u.Name, m.Mark)))];
        var graph = await paths.GraphAsync(ct);
        MovesOut = [.. graph.OutOf(Role.Code).OrderBy(e => e.Kind.Direction).ThenBy(e => TitleOf(e.Target), StringComparer.Ordinal)];
        MovesIn = [.. graph.Into(Role.Code).OrderBy(e => e.Kind.Direction).ThenBy(e => TitleOf(e.Source), StringComparer.Ordinal)];
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.HrAdmin)).Succeeded;
        SeesCandidates = await access.SeesOthersAsync(ct);
        Saved = saved;
        Description = await library.CurrentAsync(Role.Code, ct);
        if (access.Account.EmployeeId is int me && await interests.MineAsync(me, ct) is { } mine && !string.Equals(mine.CurrentRole, Role.Code, StringComparison.OrdinalIgnoreCase))
            Interested = mine.Roles.Contains(Role.Code);
        return Page();
    }

    /// <summary>The signed-in person marks or unmarks this role, and comes back to it.</summary>
    public async Task<IActionResult> OnPostInterestAsync(string code, bool interested, CancellationToken ct)
    {
        if (access.Account.EmployeeId is not int me) return Forbid();
        var graph = await paths.GraphAsync(ct);
        if (graph.Role(code) is not { } role) return NotFound();
        if (interested && (await interests.MarkAsync(graph, me, role.Code, null, ct)).Problem is not null) return BadRequest();
        if (!interested) await interests.UnmarkAsync(graph, me, role.Code, ct);
        return Redirect($"/roles/{Uri.EscapeDataString(role.Code)}");
    }
}
