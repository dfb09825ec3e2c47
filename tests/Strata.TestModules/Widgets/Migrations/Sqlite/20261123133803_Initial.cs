using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.TestModules.Widgets.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "widgets_categories",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_widgets_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "widgets_widgets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    category_id = table.Column<long>(type: "INTEGER", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_widgets_widgets", x => x.id);
                    table.CheckConstraint("ck_widgets_quantity_not_negative", "quantity >= 0");
                    table.ForeignKey(
                        name: "fk_widgets_widgets_category_id",
                        column: x => x.category_id,
                        principalTable: "widgets_categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ux_widgets_categories_normalized_name",
                table: "widgets_categories",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_widgets_categories_public_id",
                table: "widgets_categories",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_widgets_widgets_category_id",
                table: "widgets_widgets",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_widgets_widgets_created_at",
                table: "widgets_widgets",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ux_widgets_widgets_normalized_name",
                table: "widgets_widgets",
                column: "normalized_name",
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_widgets_widgets_public_id",
                table: "widgets_widgets",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "widgets_widgets");

            migrationBuilder.DropTable(
                name: "widgets_categories");
        }
    }
}
