using CareerMap.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Admin;

/// <summary>HR's list of certifications and licenses that expire within 90 days, soonest first, so renewals are chased in time.</summary>
public sealed class CredentialsModel(Credentials credentials) : PageModel
{
    public const int Days = 90;

    public IReadOnlyList<ExpiringCredential> Expiring { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Expiring = await credentials.ExpiringAsync(Days, ct);
}
