using CareerMap.Framework;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

/// <summary>HR opens review cycles, follows each one's completion by unit, and closes them.</summary>
public sealed class ReviewsModel(ReviewCycles cycles, FrameworkService framework, TimeProvider clock, IStringLocalizer<SharedResource> L) : PageModel
{
    public sealed class OpenInput
    {
        public string? Name { get; set; }
        public DateOnly? OpensOn { get; set; }
        public DateOnly? DueOn { get; set; }
        public List<string> Units { get; set; } = [];
        public string? Roles { get; set; }
    }

    [BindProperty] public OpenInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int? Cycle { get; set; }
    [TempData] public string? Opened { get; set; }
    [TempData] public string? Closed { get; set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<CycleView> Cycles { get; private set; } = [];
    public (CycleView Cycle, IReadOnlyList<CycleUnit> Units)? Progress { get; private set; }
    public IReadOnlyList<UnitDto> AllUnits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        Input.OpensOn ??= today;
        Input.DueOn ??= today.AddDays(30);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var roles = (Input.Roles ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (opened, errors) = await cycles.OpenAsync(Input.Name, Input.OpensOn, Input.DueOn, Input.Units, roles, ct);
        if (opened is null)
        {
            foreach (var (field, reasons) in errors)
                ModelState.AddModelError($"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", string.Join(" ", reasons));
            await LoadAsync(ct);
            return Page();
        }
        Opened = opened.Name;
        return RedirectToPage(new { cycle = opened.Id });
    }

    /// <summary>Closes the cycle shown; one closed meanwhile (by someone else) is said so, not closed again.</summary>
    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (Cycle is not int id) return NotFound();
        var closing = await cycles.CloseAsync(id, ct);
        if (!closing.Found) return NotFound();
        if (closing.Closed is { } closed)
        {
            Closed = closed.Name;
            return RedirectToPage(new { cycle = id });
        }
        ModelState.Clear();
        Refusal = L["This cycle was already closed on {0}.", closing.AlreadyClosedOn!.Value.ToString("d MMM yyyy", System.Globalization.CultureInfo.CurrentCulture)];
        await OnGetAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        AllUnits = (await framework.ReadingAsync(ct)).Document.Units;
        Cycles = await cycles.ListAsync(ct);
        if (Cycle is int id && await cycles.FindAsync(id, ct) is { } cycle) Progress = await cycles.ProgressAsync(cycle, ct);
    }
}
