using CareerMap.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerMap.People;

/// <summary>
/// The reporting line, asked of the database with a recursive query (the same SQL on SQLite and PostgreSQL), so no
/// check ever loads the whole employees table: up the line costs one indexed lookup per level, down the line one per report.
/// </summary>
public static class ReportingLine
{
    /// <summary>True when the leader is the employee's manager, or their manager's manager, and so on up.</summary>
    public static async Task<bool> LeadsAsync(CareerMapDb db, int leaderId, int employeeId, CancellationToken ct = default) =>
        (await Above(db, employeeId).ToListAsync(ct)).Contains(leaderId);

    /// <summary>Everyone above the employee: their manager, their manager's manager, and so on (UNION stops at a loop).</summary>
    public static IQueryable<int> Above(CareerMapDb db, int employeeId) => db.Database.SqlQuery<int>($"""
        WITH RECURSIVE line("Value") AS (
            SELECT "ManagerId" FROM employees WHERE "Id" = {employeeId} AND "ManagerId" IS NOT NULL
            UNION
            SELECT e."ManagerId" FROM employees e JOIN line l ON e."Id" = l."Value" WHERE e."ManagerId" IS NOT NULL)
        SELECT "Value" FROM line
        """);

    /// <summary>The leader and everyone below them at any depth, as a query that composes into others (people lists, counts).</summary>
    public static IQueryable<int> SelfAndBelow(CareerMapDb db, int leaderId) => db.Database.SqlQuery<int>($"""
        WITH RECURSIVE line("Value") AS (
            SELECT "Id" FROM employees WHERE "Id" = {leaderId}
            UNION
            SELECT e."Id" FROM employees e JOIN line l ON e."ManagerId" = l."Value")
        SELECT "Value" FROM line
        """);
}
