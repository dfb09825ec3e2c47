using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPartNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_catalog_parts_name_public_id",
                table: "catalog_parts",
                columns: new[] { "name", "public_id" },
                filter: "deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_catalog_parts_name_public_id",
                table: "catalog_parts");
        }
    }
}
