using System.Security.Claims;
using CareerMap.Accounts;
using CareerMap.People;
using Microsoft.AspNetCore.Identity;

namespace CareerMap.Api;

public enum Relation { None, Self, Leader, HrAdmin }

/// <summary>
/// Who may see whom, in one place: a person sees themselves, a leader everyone below them in the reporting
/// line (at any depth), HR admin everyone. Pages and API ask the same question here.
/// </summary>
public sealed class PeopleAccess(UserManager<AppUser> users, PeopleDirectory people)
{
    public async Task<int?> MeAsync(ClaimsPrincipal principal) => (await users.GetUserAsync(principal))?.EmployeeId;

    public async Task<Relation> RelationAsync(ClaimsPrincipal principal, int employeeId, CancellationToken ct = default)
    {
        var me = await MeAsync(principal);
        if (me == employeeId) return Relation.Self;
        if (me is int leader && (await people.BelowAsync(leader, ct)).Contains(employeeId)) return Relation.Leader;
        return principal.IsInRole(AppRoles.HrAdmin) ? Relation.HrAdmin : Relation.None;
    }

    /// <summary>The people this account may see: null means everyone.</summary>
    public async Task<HashSet<int>?> VisibleAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (principal.IsInRole(AppRoles.HrAdmin)) return null;
        if (await MeAsync(principal) is not int me) return [];
        var visible = await people.BelowAsync(me, ct);
        visible.Add(me);
        return visible;
    }
}
