using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareerMap.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoleHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "role_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    FromRole = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ToRole = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_role_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_role_changes_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_role_changes_EmployeeId_On",
                table: "role_changes",
                columns: new[] { "EmployeeId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_role_changes_On",
                table: "role_changes",
                column: "On");

            // Everyone already stored starts their history in the role they hold, from the day they started in it.
            migrationBuilder.Sql("""
                INSERT INTO role_changes ("EmployeeId", "On", "FromRole", "ToRole", "Source")
                SELECT e."Id", e."RoleStartDate", NULL, r."Code", 'Existing' FROM employees e JOIN roles r ON r."Id" = e."RoleId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "role_changes");
        }
    }
}
