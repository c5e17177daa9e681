using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.People;

public static class ReportingLine
{
    /// <summary>True when the leader is the employee's manager, or their manager's manager, and so on up.</summary>
    public static async Task<bool> LeadsAsync(CareerMapDb db, int leaderId, int employeeId, CancellationToken ct = default)
    {
        var seen = new HashSet<int>();
        int? current = employeeId;
        while (current is int id && seen.Add(id))
        {
            current = await db.Employees.Where(e => e.Id == id).Select(e => e.ManagerId).FirstOrDefaultAsync(ct);
            if (current == leaderId) return true;
        }
        return false;
    }
}
