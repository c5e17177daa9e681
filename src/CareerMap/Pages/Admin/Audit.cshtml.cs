using CareerMap.Audit;
using CareerMap.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Pages.Admin;

public sealed class AuditModel(CareerMapDb db) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public int Total { get; private set; }

    public string ExportLink => "/api/audit/export.csv" + Request.QueryString;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await db.Audit.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        var query = AuditSearch.Filter(db, Q, Entity, null, From, To);
        Total = await query.CountAsync(ct);
        Entries = await query.Take(PageSize).ToListAsync(ct);
    }
}
