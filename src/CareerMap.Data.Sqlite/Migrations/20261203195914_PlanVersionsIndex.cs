using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanVersionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_development_plans_Cycle_Id_Version_EmployeeId",
                table: "development_plans",
                columns: new[] { "Cycle", "Id", "Version", "EmployeeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_development_plans_Cycle_Id_Version_EmployeeId",
                table: "development_plans");
        }
    }
}
