using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LearningRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Activity",
                table: "plan_actions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learning_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Verb = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VerbName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ActivityName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Completion = table.Column<bool>(type: "INTEGER", nullable: true),
                    Success = table.Column<bool>(type: "INTEGER", nullable: true),
                    Scaled = table.Column<double>(type: "REAL", nullable: true),
                    Raw = table.Column<double>(type: "REAL", nullable: true),
                    Min = table.Column<double>(type: "REAL", nullable: true),
                    Max = table.Column<double>(type: "REAL", nullable: true),
                    Duration = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Statement = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learning_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learning_records_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learning_records_EmployeeId_Activity",
                table: "learning_records",
                columns: new[] { "EmployeeId", "Activity" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_records_EmployeeId_At",
                table: "learning_records",
                columns: new[] { "EmployeeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_learning_records_StatementId",
                table: "learning_records",
                column: "StatementId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_records");

            migrationBuilder.DropColumn(
                name: "Activity",
                table: "plan_actions");
        }
    }
}
