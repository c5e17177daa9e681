using CareerMap.Audit;
using CareerMap.AuditTrail;
using CareerMap.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Pages.Admin;

public sealed class AuditModel(CareerMapDb db, AuditStories stories) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<AuditLine> Entries { get; private set; } = [];
    public IReadOnlyList<string> Entities { get; private set; } = [];
    public int Total { get; private set; }

    public string ExportLink => "/api/audit/export.csv" + Request.QueryString;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entities = await db.Audit.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        var query = await AuditSearch.FilterAsync(db, Q, Entity, null, From, To, ct);
        Total = await query.CountAsync(ct);
        Entries = await stories.TellAsync(await query.Take(PageSize).ToListAsync(ct), ct);
    }
}
