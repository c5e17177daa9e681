using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Pages;

public sealed class IndexModel(FrameworkService framework, CareerMapDb db, CurrentAccount account, CareerMap.Plans.PlanService plans, TimeProvider clock) : PageModel
{
    public FrameworkDocument Document { get; private set; } = new();
    public int Employees { get; private set; }
    public RoleDto? MyRole { get; private set; }
    public IReadOnlyList<CareerMap.Plans.OverduePlan> Awaiting { get; private set; } = [];
    public IReadOnlyList<CareerMap.Plans.OverduePlan> Overdue { get; private set; } = [];
    public string GradeSpan => Document.Grades.Count == 0 ? "-" : $"{Document.Grades[0].Code}–{Document.Grades[^1].Code}";

    public int Rank(string grade) => Document.Grades.FirstOrDefault(g => g.Code == grade)?.Rank ?? 0;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Document = await framework.ExportAsync(ct);
        Employees = await db.Employees.CountAsync(ct);
        if (account.EmployeeId is int id)
        {
            var code = await db.Employees.Where(e => e.Id == id).Select(e => e.Role.Code).FirstOrDefaultAsync(ct);
            MyRole = Document.Roles.FirstOrDefault(r => r.Code == code);
            var today = clock.Today();
            Awaiting = await plans.AwaitingAsync(id, today, ct);
            Overdue = await plans.OverdueAsync(id, today, ct);
        }
    }
}
