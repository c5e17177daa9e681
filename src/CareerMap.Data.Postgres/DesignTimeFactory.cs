using CareerMap.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CareerMap.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the context for PostgreSQL; no server is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CareerMapDb>
{
    public CareerMapDb CreateDbContext(string[] args) => DatabaseTarget.Parse("Host=localhost;Database=careermap_design").CreateContext();
}
