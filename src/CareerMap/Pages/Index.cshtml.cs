using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using CareerMap.Home;
using CareerMap.Paths;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Pages;

/// <summary>
/// The home starts from the person: an employee's next moves and plan, a manager's team, HR's view of the
/// organization; the catalog of units and roles follows for everyone.
/// </summary>
public sealed class IndexModel(FrameworkService framework, CareerPaths paths, CareerMapDb db, CurrentAccount account, CareerMap.Plans.PlanService plans,
    Homes homes, TimeProvider clock, CareerMap.People.RatingContests contests) : PageModel
{
    public FrameworkDocument Document { get; private set; } = new();
    public CareerGraph Graph { get; private set; } = null!;
    public int Employees { get; private set; }
    public RoleDto? MyRole { get; private set; }
    public string? MyNumber { get; private set; }
    public EmployeeHome? Mine { get; private set; }
    public IReadOnlyList<TeamMember> Team { get; private set; } = [];
    public OrganizationHealth? Organization { get; private set; }
    public IReadOnlyList<CareerMap.Plans.OverduePlan> Awaiting { get; private set; } = [];
    public IReadOnlyList<CareerMap.Plans.OverduePlan> Overdue { get; private set; } = [];
    /// <summary>Contested ratings waiting on this person's answer (their reports', and longer-waiting ones further down).</summary>
    public IReadOnlyList<CareerMap.People.ContestView> Contests { get; private set; } = [];
    public string GradeSpan => Document.Grades.Count == 0 ? "-" : $"{Document.Grades[0].Code}–{Document.Grades[^1].Code}";

    public int Rank(string grade) => Document.Grades.FirstOrDefault(g => g.Code == grade)?.Rank ?? 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Document = (await framework.ReadingAsync(ct)).Document;
        Graph = await paths.GraphAsync(ct);
        Employees = await db.Employees.CountAsync(ct);
        var today = clock.Today();
        if (account.EmployeeId is int id)
        {
            var me = await db.Employees.Where(e => e.Id == id).Select(e => new { e.EmployeeNumber, Role = e.Role.Code }).FirstOrDefaultAsync(ct);
            MyRole = Document.Roles.FirstOrDefault(r => r.Code == me?.Role);
            MyNumber = me?.EmployeeNumber;
            if (me is not null) Mine = await homes.EmployeeAsync(Graph, id, today, ct);
            Team = await homes.TeamAsync(Graph, id, today, ct);
            Awaiting = await plans.AwaitingAsync(id, today, ct);
            Overdue = await plans.OverdueAsync(id, today, ct);
            Contests = await contests.WaitingAsync(id, ct);
        }
        if (account.IsHrAdmin) Organization = await homes.OrganizationAsync(Graph, Employees, today, ct);
    }
}
