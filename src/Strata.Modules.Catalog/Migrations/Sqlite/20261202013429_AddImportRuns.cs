using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Catalog.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddImportRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_import_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    source_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    all_or_nothing = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    rows_read = table.Column<long>(type: "INTEGER", nullable: false),
                    inserted = table.Column<long>(type: "INTEGER", nullable: false),
                    updated = table.Column<long>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    rejected = table.Column<long>(type: "INTEGER", nullable: false),
                    rejections = table.Column<string>(type: "TEXT", nullable: false),
                    started_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    duration_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_import_runs", x => x.id);
                    table.CheckConstraint("ck_import_runs_counts", "rows_read >= 0 AND inserted >= 0 AND updated >= 0 AND unchanged >= 0 AND rejected >= 0");
                    table.CheckConstraint("ck_import_runs_format", "format IN ('csv', 'jsonl', 'rows')");
                    table.CheckConstraint("ck_import_runs_outcome", "outcome IN ('completed', 'completed_with_rejections', 'refused')");
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_import_runs_created_at",
                table: "catalog_import_runs",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ux_catalog_import_runs_public_id",
                table: "catalog_import_runs",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog_import_runs");
        }
    }
}
