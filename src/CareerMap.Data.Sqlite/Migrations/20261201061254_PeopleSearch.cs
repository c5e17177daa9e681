using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareerMap.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // People are found by any part of their name, number or location; a LIKE '%…%' reads every row, so an FTS5
            // trigram table over those columns (kept by triggers) finds them. Not in the EF model, like scim_users_search.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE employees_search USING fts5("Name", "EmployeeNumber", "Location", content='employees', content_rowid='Id', tokenize='trigram');
                CREATE TRIGGER employees_search_insert AFTER INSERT ON employees BEGIN
                  INSERT INTO employees_search(rowid, "Name", "EmployeeNumber", "Location") VALUES (new."Id", new."Name", new."EmployeeNumber", new."Location");
                END;
                CREATE TRIGGER employees_search_delete AFTER DELETE ON employees BEGIN
                  INSERT INTO employees_search(employees_search, rowid, "Name", "EmployeeNumber", "Location") VALUES ('delete', old."Id", old."Name", old."EmployeeNumber", old."Location");
                END;
                CREATE TRIGGER employees_search_update AFTER UPDATE OF "Name", "EmployeeNumber", "Location" ON employees BEGIN
                  INSERT INTO employees_search(employees_search, rowid, "Name", "EmployeeNumber", "Location") VALUES ('delete', old."Id", old."Name", old."EmployeeNumber", old."Location");
                  INSERT INTO employees_search(rowid, "Name", "EmployeeNumber", "Location") VALUES (new."Id", new."Name", new."EmployeeNumber", new."Location");
                END;
                INSERT INTO employees_search(employees_search) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS employees_search_insert;
                DROP TRIGGER IF EXISTS employees_search_delete;
                DROP TRIGGER IF EXISTS employees_search_update;
                DROP TABLE IF EXISTS employees_search;
                """);
        }
    }
}
