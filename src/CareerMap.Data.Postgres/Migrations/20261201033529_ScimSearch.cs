using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);

            // co, sw and ew filters on userName and emails are LIKE patterns: a trigram GIN index answers them (pg_trgm is a
            // trusted extension since PostgreSQL 13, so the database owner may create it). Not in the EF model: it has no
            // way to say "trigram" for both providers.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_scim_users_UserNameKey_trgm" ON scim_users USING gin ("UserNameKey" gin_trgm_ops) WHERE "DeletedAt" IS NULL;""");
            migrationBuilder.Sql("""CREATE INDEX "IX_scim_users_EmailsKey_trgm" ON scim_users USING gin ("EmailsKey" gin_trgm_ops) WHERE "DeletedAt" IS NULL;""");
            migrationBuilder.Sql("""
                UPDATE scim_users SET "EmailsKey" = (SELECT string_agg(lower(e->>'value'), E'\n') FROM jsonb_array_elements("Resource"::jsonb->'emails') e)
                WHERE jsonb_typeof("Resource"::jsonb->'emails') = 'array';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_scim_users_UserNameKey_trgm";""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_scim_users_EmailsKey_trgm";""");
            migrationBuilder.DropColumn(
                name: "EmailsKey",
                table: "scim_users");
        }
    }
}
