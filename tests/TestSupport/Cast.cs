using CareerMap.Hosting;
using CareerMap.Infrastructure;
using CareerMap.Sample;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.Tests.Support;

/// <summary>The demo employee, their manager and manager's manager, a teammate, and a supervisor of another team.</summary>
public sealed record Cast(string Employee, string Manager, string SkipLevel, string Peer, string OtherManager)
{
    public static Task<Cast> LoadAsync(TestApp app) => app.WithDbAsync(async db =>
    {
        var persona = await db.Users.Where(u => u.Email == SampleOrganization.EmployeeEmail).Select(u => u.EmployeeId).SingleAsync();
        var e = await db.Employees.Where(x => x.Id == persona)
            .Select(x => new { x.EmployeeNumber, x.ManagerId, Manager = x.Manager!.EmployeeNumber, Skip = x.Manager.Manager!.EmployeeNumber }).SingleAsync();
        var peer = await db.Employees.Where(x => x.ManagerId == e.ManagerId && x.EmployeeNumber != e.EmployeeNumber).Select(x => x.EmployeeNumber).FirstAsync();
        var other = await db.Employees.Where(x => x.Role.Code == "CC-SUP" && x.Id != e.ManagerId).Select(x => x.EmployeeNumber).FirstAsync();
        return new Cast(e.EmployeeNumber, e.Manager, e.Skip, peer, other);
    });
}
