using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScimSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EmailsKey",
                table: "scim_users",
                type: "TEXT",
                nullable: true);

            // co, sw and ew filters on emails scan this index (every key, not the table); userName has its unique index.
            // Not in the EF model (PostgreSQL uses a trigram index instead); a table rebuild by a later migration must recreate it.
            migrationBuilder.Sql("""CREATE INDEX "IX_scim_users_EmailsKey" ON scim_users ("EmailsKey") WHERE "DeletedAt" IS NULL;""");
            migrationBuilder.Sql("""
                UPDATE scim_users SET "EmailsKey" = (SELECT group_concat(lower(json_extract(e.value, '$.value')), char(10)) FROM json_each(scim_users."Resource", '$.emails') e)
                WHERE json_type("Resource", '$.emails') = 'array';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_scim_users_EmailsKey";""");
            migrationBuilder.DropColumn(
                name: "EmailsKey",
                table: "scim_users");
        }
    }
}
