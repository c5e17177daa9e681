using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // People are found by any part of their name, number or location (ILIKE '%…%'): trigram GIN indexes answer
            // that without reading a million rows. Not in the EF model, like the SCIM ones.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_employees_Name_trgm" ON employees USING gin ("Name" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_employees_EmployeeNumber_trgm" ON employees USING gin ("EmployeeNumber" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_employees_Location_trgm" ON employees USING gin ("Location" gin_trgm_ops);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_employees_Name_trgm";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_employees_EmployeeNumber_trgm";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_employees_Location_trgm";""");
        }
    }
}
