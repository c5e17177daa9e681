using Microsoft.EntityFrameworkCore;
using CareerMap.Accounts;
using CareerMap.Data;
using CareerMap.People;

namespace CareerMap.Access;

public enum Relation { None, Self, Leader, HrAdmin }

/// <summary>
/// Who may see whom, in one place: a person sees themselves, a leader everyone below them in the reporting line (at any
/// depth), HR admin everyone. The web app asks it once per request for the person in the route; lists ask it for the
/// people to include.
/// </summary>
public sealed class PeopleAccess(CareerMapDb db, CurrentAccount account, RatingIndexCache ratings, TimeProvider clock)
{
    public CurrentAccount Account => account;

    public async Task<Relation> RelationAsync(int employeeId, CancellationToken ct = default)
    {
        if (account.EmployeeId == employeeId) return Relation.Self;
        if (account.EmployeeId is int me && await ReportingLine.LeadsAsync(db, me, employeeId, ct)) return Relation.Leader;
        return account.IsHrAdmin ? Relation.HrAdmin : Relation.None;
    }

    /// <summary>The ids of the people this account may see, as a query to compose; null means everyone.</summary>
    public IQueryable<int>? Visible()
    {
        if (account.IsHrAdmin) return null;
        if (account.EmployeeId is int me) return ReportingLine.SelfAndBelow(db, me);
        return db.Employees.Where(_ => false).Select(e => e.Id);
    }

    /// <summary>
    /// The same people, for work done in memory (the reports): read from the rating index's reporting lines rather than
    /// by the recursive query, which takes a second at a director's 600,000 people. Null means everyone.
    /// </summary>
    public async Task<IReadOnlyCollection<int>?> VisibleIdsAsync(CancellationToken ct = default)
    {
        if (account.IsHrAdmin) return null;
        if (account.EmployeeId is not int me) return [];
        return (await ratings.GetAsync(db, clock.Today(), ct)).LineIds(me);
    }

    /// <summary>Whether this account sees anyone but themselves: HR, or a person with someone reporting to them.</summary>
    public async Task<bool> SeesOthersAsync(CancellationToken ct = default) =>
        account.IsHrAdmin || account.EmployeeId is int me && await db.Employees.AnyAsync(e => e.ManagerId == me, ct);

    /// <summary>Names the set <see cref="Visible"/> gives, so what is worked out for it (a count) can be kept for it.</summary>
    public string VisibleKey => account.IsHrAdmin ? "everyone" : account.EmployeeId is int me ? $"line:{me}" : "nobody";
}
