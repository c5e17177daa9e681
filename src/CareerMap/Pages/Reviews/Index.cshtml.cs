using CareerMap.Accounts;
using CareerMap.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerMap.Pages.Reviews;

/// <summary>The open review cycles as the person meets them: their own self rating first, then, for a manager, who is left to rate.</summary>
public sealed class IndexModel(ReviewCycles cycles, CurrentAccount account) : PageModel
{
    public IReadOnlyList<(ReviewCycle Cycle, CyclePerson Me)> Mine { get; private set; } = [];
    public IReadOnlyList<(ReviewCycle Cycle, IReadOnlyList<CyclePerson> Team)> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (account.EmployeeId is not int me) return;
        Mine = await cycles.MineAsync(me, ct);
        var teams = new List<(ReviewCycle, IReadOnlyList<CyclePerson>)>();
        foreach (var cycle in await cycles.OpenAsync(ct))
            if (await cycles.TeamAsync(cycle, me, ct) is { Count: > 0 } team) teams.Add((cycle, team));
        Teams = teams;
    }
}
