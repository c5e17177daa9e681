using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareerMap.Data.Postgres.Migrations
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learning_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Verb = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    VerbName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Activity = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActivityName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Completion = table.Column<bool>(type: "boolean", nullable: true),
                    Success = table.Column<bool>(type: "boolean", nullable: true),
                    Scaled = table.Column<double>(type: "double precision", nullable: true),
                    Raw = table.Column<double>(type: "double precision", nullable: true),
                    Min = table.Column<double>(type: "double precision", nullable: true),
                    Max = table.Column<double>(type: "double precision", nullable: true),
                    Duration = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Statement = table.Column<string>(type: "text", nullable: false)
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
