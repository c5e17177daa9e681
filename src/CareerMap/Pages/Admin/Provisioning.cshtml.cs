using CareerMap.Provisioning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CareerMap.Pages.Admin;

/// <summary>HR's provisioning desk: the HR system's SCIM tokens, the title → role aliases, and users waiting for a role.</summary>
public sealed class ProvisioningModel(ScimTokens tokens, TitleAliases aliases, ScimProvisioning scim, CareerMap.Framework.FrameworkService framework, IStringLocalizer<SharedResource> L) : PageModel
{
    public IReadOnlyList<ScimToken> Tokens { get; private set; } = [];
    public IReadOnlyList<TitleAliasView> Aliases { get; private set; } = [];
    public IReadOnlyList<WaitingUser> Waiting { get; private set; } = [];
    /// <summary>Role titles in the reader's language, by code.</summary>
    IReadOnlyDictionary<string, string> titles = new Dictionary<string, string>();
    /// <summary>A token just issued: shown this once.</summary>
    public IssuedToken? Issued { get; private set; }
    public string? Notice { get; private set; }
    [BindProperty] public string? TokenName { get; set; }
    [BindProperty] public string? TokenScope { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Grade { get; set; }
    [BindProperty] public string? Role { get; set; }

    public string ScimUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/scim/v2";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var scope = TokenScope ?? TokenScopes.Scim;
        if (string.IsNullOrWhiteSpace(TokenName) || TokenName.Length > 200)
            ModelState.AddModelError(nameof(TokenName), L["Name the token after the system that will use it (1 to 200 characters)."]);
        else if (!TokenScopes.All.Contains(scope)) ModelState.AddModelError(nameof(TokenScope), L["Choose what the token is for."]);
        else Issued = await tokens.IssueAsync(TokenName, User.Identity?.Name ?? "unknown", scope, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if (!await tokens.RevokeAsync(id, ct)) return NotFound();
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAliasAsync(CancellationToken ct)
    {
        var (problems, alias, linked) = await aliases.SetAsync(Title, Grade, Role, ct);
        foreach (var p in problems) ModelState.AddModelError(p.Place switch { "title" => nameof(Title), "grade" => nameof(Grade), _ => nameof(Role) }, p.Message);
        await LoadAsync(ct);
        if (alias is not null)
            Notice = linked == 1 ? L["'{0}' now means {1} ({2}); 1 waiting user linked.", alias.Title, RoleTitle(alias), alias.Role]
                : L["'{0}' now means {1} ({2}); {3} waiting users linked.", alias.Title, RoleTitle(alias), alias.Role, linked];
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAliasAsync(int id, CancellationToken ct)
    {
        if (!await aliases.RemoveAsync(id, ct)) return NotFound();
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Tokens = await tokens.ListAsync(ct);
        Aliases = await aliases.ListAsync(ct);
        Waiting = await scim.WaitingAsync(ct);
        titles = (await framework.ReadingAsync(ct)).Document.Roles.ToDictionary(r => r.Code, r => r.Title);
    }

    /// <summary>What a token is for, in the reader's words.</summary>
    public string ScopeName(string scope) => scope switch
    {
        TokenScopes.Case => L["Reading the framework (CASE)"],
        TokenScopes.Xapi => L["Sending learning records (xAPI)"],
        _ => L["Provisioning people (SCIM)"],
    };

    public string RoleTitle(TitleAliasView alias) => titles.GetValueOrDefault(alias.Role, alias.RoleTitle);
}
