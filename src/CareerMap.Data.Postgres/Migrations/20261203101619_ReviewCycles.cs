using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareerMap.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CycleId",
                table: "assessments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "review_cycles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Units = table.Column<string>(type: "text", nullable: false),
                    Roles = table.Column<string>(type: "text", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_cycles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessments_CycleId",
                table: "assessments",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_review_cycles_DueOn",
                table: "review_cycles",
                column: "DueOn");

            migrationBuilder.AddForeignKey(
                name: "FK_assessments_review_cycles_CycleId",
                table: "assessments",
                column: "CycleId",
                principalTable: "review_cycles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_assessments_review_cycles_CycleId",
                table: "assessments");

            migrationBuilder.DropTable(
                name: "review_cycles");

            migrationBuilder.DropIndex(
                name: "IX_assessments_CycleId",
                table: "assessments");

            migrationBuilder.DropColumn(
                name: "CycleId",
                table: "assessments");
        }
    }
}
