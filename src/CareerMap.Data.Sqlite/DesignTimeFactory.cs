using CareerMap.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CareerMap.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the context for SQLite.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CareerMapDb>
{
    public CareerMapDb CreateDbContext(string[] args) => DatabaseTarget.Parse("Data Source=design.db").CreateContext();
}
