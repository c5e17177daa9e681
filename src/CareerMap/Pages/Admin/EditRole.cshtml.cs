using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Admin;

public sealed class RoleInput
{
    public string? Title { get; set; }
    public string? Unit { get; set; }
    public string? Family { get; set; }
    public string? Grade { get; set; }
    public int Level { get; set; }
    public string? Summary { get; set; }
    public string? Scope { get; set; }
    public string? Duties { get; set; }
    public int Version { get; set; }
}

public sealed class EditRoleModel(FrameworkService framework) : PageModel
{
    static readonly string[] Fields = ["title", "unit", "family", "grade", "level", "summary", "scope", "duties"];

    [BindProperty]
    public RoleInput Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public FrameworkDocument Document { get; private set; } = new();
    public string? StaleMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        Document = snapshot.Document;
        var role = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (role is null) return NotFound();
        Code = role.Code;
        Input = new RoleInput
        {
            Title = role.Title, Unit = role.Unit, Family = role.Family, Grade = role.Grade, Level = role.Level,
            Summary = role.Summary, Scope = role.Scope, Duties = string.Join("\n", role.Duties ?? []),
            Version = snapshot.VersionOf(FrameworkCollections.Roles, role.Code) ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Document = await framework.ExportAsync(ct);
        var current = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        if (!ModelState.IsValid) return Page();
        var duties = (Input.Duties ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var role = current with
        {
            Title = Input.Title?.Trim() ?? "", Unit = Input.Unit ?? "", Family = Input.Family ?? "", Grade = Input.Grade ?? "", Level = Input.Level,
            Summary = Blank(Input.Summary), Scope = Blank(Input.Scope), Duties = duties,
        };
        var outcome = await framework.UpdateAsync(FrameworkCollections.Roles, Code, role, Input.Version, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                return Redirect($"/roles/{Code}?saved=true");
            case WriteStatus.Stale:
                StaleMessage = "Someone else changed this role while you were editing it, so your changes were not saved.";
                return Page();
            case WriteStatus.NotFound:
                return NotFound();
            default:
                foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
                    ModelErrors.Add(ModelState, field, messages, Fields);
                return Page();
        }
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
