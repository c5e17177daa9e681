using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmployeeEmailIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_employees_Email",
                table: "employees",
                column: "Email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_employees_Email",
                table: "employees");
        }
    }
}
