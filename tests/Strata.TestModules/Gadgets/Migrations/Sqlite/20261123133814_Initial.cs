using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.TestModules.Gadgets.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gadgets_gadgets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    widget_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    is_locked = table.Column<bool>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gadgets_gadgets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_gadgets_gadgets_owner_user_id",
                table: "gadgets_gadgets",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_gadgets_gadgets_widget_id",
                table: "gadgets_gadgets",
                column: "widget_id");

            migrationBuilder.CreateIndex(
                name: "ux_gadgets_gadgets_public_id",
                table: "gadgets_gadgets",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gadgets_gadgets");
        }
    }
}
