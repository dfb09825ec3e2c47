using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Catalog.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPartNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The list's keyset order on a table that may hold millions of parts: built concurrently, so writers are
            // never blocked; outside a transaction, hence IF NOT EXISTS. The model declares the same index.
            migrationBuilder.Sql(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_parts_name_public_id ON catalog.parts (name, public_id) WHERE deleted_at IS NULL;",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS catalog.ix_parts_name_public_id;", suppressTransaction: true);
        }
    }
}
