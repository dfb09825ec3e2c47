using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPartSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing on SQLite: part search is FTS5, made by the module's repeatable script Scripts/Sqlite/010_part_search.sql.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
