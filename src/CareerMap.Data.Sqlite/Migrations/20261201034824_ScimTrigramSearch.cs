using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScimTrigramSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // co, sw and ew filters on userName and emails: an FTS5 trigram index over the two keys, kept by triggers
            // (PostgreSQL has pg_trgm indexes from ScimSearch). Not in the EF model: a later migration that rebuilds
            // scim_users must recreate the table and triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE scim_users_search USING fts5("UserNameKey", "EmailsKey", content='scim_users', content_rowid='Id', tokenize='trigram');
                CREATE TRIGGER scim_users_search_insert AFTER INSERT ON scim_users BEGIN
                  INSERT INTO scim_users_search(rowid, "UserNameKey", "EmailsKey") VALUES (new."Id", new."UserNameKey", new."EmailsKey");
                END;
                CREATE TRIGGER scim_users_search_delete AFTER DELETE ON scim_users BEGIN
                  INSERT INTO scim_users_search(scim_users_search, rowid, "UserNameKey", "EmailsKey") VALUES ('delete', old."Id", old."UserNameKey", old."EmailsKey");
                END;
                CREATE TRIGGER scim_users_search_update AFTER UPDATE OF "UserNameKey", "EmailsKey" ON scim_users BEGIN
                  INSERT INTO scim_users_search(scim_users_search, rowid, "UserNameKey", "EmailsKey") VALUES ('delete', old."Id", old."UserNameKey", old."EmailsKey");
                  INSERT INTO scim_users_search(rowid, "UserNameKey", "EmailsKey") VALUES (new."Id", new."UserNameKey", new."EmailsKey");
                END;
                INSERT INTO scim_users_search(scim_users_search) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS scim_users_search_insert;
                DROP TRIGGER IF EXISTS scim_users_search_delete;
                DROP TRIGGER IF EXISTS scim_users_search_update;
                DROP TABLE IF EXISTS scim_users_search;
                """);
        }
    }
}
