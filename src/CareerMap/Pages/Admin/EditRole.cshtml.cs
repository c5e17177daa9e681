using CareerMap.Framework;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

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
    /// <summary>The role's requirements as the form was drawn (see FrameworkSnapshot.RequirementsVersionOf).</summary>
    public string? RequirementsVersion { get; set; }
    public List<RequirementRow> Requirements { get; set; } = [];
}

/// <summary>One row of the requirements table; a row with no competency chosen (the blank rows for adding) is ignored.</summary>
public sealed class RequirementRow
{
    public string? Competency { get; set; }
    public int Level { get; set; }
    /// <summary>As typed: a number field sends "1.5" whatever the page's language, so it is read invariantly here, not by the form culture.</summary>
    public string? Weight { get; set; } = "1";
    public bool Critical { get; set; }
    public bool Remove { get; set; }
}

/// <summary>HR edits a role and its competency requirements together, with the API's validation and concurrency.</summary>
public sealed class EditRoleModel(FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    static readonly string[] Fields = ["title", "unit", "family", "grade", "level", "summary", "scope", "duties"];
    /// <summary>Blank rows offered for adding requirements (no script needed to add more: save, and three more appear).</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public RoleInput Input { get; set; } = new();
    public string Code { get; private set; } = "";
    public FrameworkDocument Document { get; private set; } = new();
    public string? StaleMessage { get; private set; }
    public IReadOnlyList<Translations.TranslationState> Translations { get; private set; } = [];
    /// <summary>What the requirements as typed would do to the role's bench; shown beside the form, nothing saved.</summary>
    public CareerMap.Reports.BenchChange? Preview { get; private set; }
    /// <summary>Errors of requirement rows, by row.</summary>
    public Dictionary<int, List<string>> RowErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var snapshot = await framework.SnapshotAsync(ct);
        Document = snapshot.Document;
        var role = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (role is null) return NotFound();
        Code = role.Code;
        Translations = Admin.Translations.TranslationState.Of(Document, FrameworkCollections.Roles, role.Code);
        Input = new RoleInput
        {
            Title = role.Title, Unit = role.Unit, Family = role.Family, Grade = role.Grade, Level = role.Level,
            Summary = role.Summary, Scope = role.Scope, Duties = string.Join("\n", role.Duties ?? []),
            Version = snapshot.VersionOf(FrameworkCollections.Roles, role.Code) ?? 0,
            RequirementsVersion = snapshot.RequirementsVersionOf(role.Code),
            Requirements = [.. Document.Requirements.Where(q => q.Role == role.Code).OrderBy(q => CompetencyOrder(q.Competency))
                .Select(q => new RequirementRow { Competency = q.Competency, Level = q.Level, Weight = q.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture), Critical = q.Critical })],
        };
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Document = await framework.ExportAsync(ct);
        var current = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        if (!ModelState.IsValid)
        {
            AddBlankRows();
            return Page();
        }
        var duties = (Input.Duties ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var role = current with
        {
            Title = Input.Title?.Trim() ?? "", Unit = Input.Unit ?? "", Family = Input.Family ?? "", Grade = Input.Grade ?? "", Level = Input.Level,
            Summary = Blank(Input.Summary), Scope = Blank(Input.Scope), Duties = duties,
        };
        // Rows kept: those with a competency and not marked for removal; their place in the form names their errors.
        var rows = Input.Requirements.Select((r, i) => (Row: r, At: i)).Where(x => !string.IsNullOrWhiteSpace(x.Row.Competency) && !x.Row.Remove).ToList();
        var requirements = rows.Select(x => new RequirementDto(Code, x.Row.Competency!.Trim(), x.Row.Level, Weight(x.Row.Weight), x.Row.Critical)).ToList();
        var outcome = await framework.UpdateRoleAsync(Code, role, requirements, Input.Version, Input.RequirementsVersion, ct);
        switch (outcome.Status)
        {
            case WriteStatus.Saved:
                return Redirect($"/roles/{Code}?saved=true");
            case WriteStatus.Stale:
                StaleMessage = L["Someone else changed this role or its requirements while you were editing, so your changes were not saved."];
                break;
            case WriteStatus.NotFound:
                return NotFound();
            default:
                foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
                {
                    if (field.StartsWith("requirements[", StringComparison.Ordinal) && int.TryParse(field["requirements[".Length..field.IndexOf(']', StringComparison.Ordinal)], out var at) && at < rows.Count)
                    {
                        if (!RowErrors.TryGetValue(rows[at].At, out var list)) RowErrors[rows[at].At] = list = [];
                        // "(requirements[2])" names another kept row: say which row of the table that is.
                        list.AddRange(messages.Select(m => System.Text.RegularExpressions.Regex.Replace(m, @"\(requirements\[(\d+)\]\)",
                            r => int.TryParse(r.Groups[1].Value, out var other) && other < rows.Count ? L["(row {0})", rows[other].At + 1].Value : r.Value))
                            .Select(m => char.ToUpperInvariant(m[0]) + m[1..] + "."));
                    }
                    else ModelErrors.Add(ModelState, field, messages, Fields);
                }
                break;
        }
        AddBlankRows();
        return Page();
    }

    /// <summary>The role's bench with the requirements as typed, before anyone saves them; every field stays as typed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string code, [FromServices] CareerMap.Reports.SuccessionReport succession, [FromServices] CareerMap.Paths.CareerPaths paths,
        CancellationToken ct)
    {
        Document = await framework.ExportAsync(ct);
        var current = Document.Roles.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
        if (current is null) return NotFound();
        Code = current.Code;
        var needs = new List<CareerMap.Paths.Need>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Input.Requirements.Count; i++)
        {
            var row = Input.Requirements[i];
            if (string.IsNullOrWhiteSpace(row.Competency) || row.Remove) continue;
            var known = Document.Competencies.FirstOrDefault(c => string.Equals(c.Code, row.Competency.Trim(), StringComparison.OrdinalIgnoreCase));
            var problem = known is null ? L["No competency {0} in the framework.", row.Competency]
                : !seen.Add(known.Code) ? L["{0} is asked twice.", known.Name]
                : row.Level < 1 || row.Level > Document.Organization.TopLevel ? L["Choose a level from 1 to {0}.", Document.Organization.TopLevel]
                : Weight(row.Weight) <= 0 ? L["The weight must be more than 0."] : null;
            if (problem is not null) RowErrors[i] = [problem];
            else needs.Add(new(known!.Code, row.Level, Weight(row.Weight), row.Critical));
        }
        if (RowErrors.Count == 0) Preview = await succession.WhatIfAsync(await paths.GraphAsync(ct), Code, needs, null, ct);
        AddBlankRows();
        return Page();
    }

    void AddBlankRows()
    {
        var blanks = Input.Requirements.Count(r => string.IsNullOrWhiteSpace(r.Competency));
        for (var i = blanks; i < BlankRows; i++) Input.Requirements.Add(new RequirementRow { Level = 0 });
    }

    int CompetencyOrder(string code) => Document.Competencies.FindIndex(c => c.Code == code);

    /// <summary>An unreadable weight becomes 0, which the framework refuses with its own message beside the row.</summary>
    static decimal Weight(string? typed) =>
        decimal.TryParse(typed?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0m;

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
