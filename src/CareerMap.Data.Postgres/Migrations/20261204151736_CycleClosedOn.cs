using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CycleClosedOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "review_cycles",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "review_cycles");
        }
    }
}
