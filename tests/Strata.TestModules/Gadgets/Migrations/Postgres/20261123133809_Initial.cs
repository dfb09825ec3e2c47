using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Strata.TestModules.Gadgets.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "gadgets");

            migrationBuilder.CreateTable(
                name: "gadgets",
                schema: "gadgets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    widget_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_locked = table.Column<bool>(type: "boolean", nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gadgets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_gadgets_owner_user_id",
                schema: "gadgets",
                table: "gadgets",
                column: "owner_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_gadgets_widget_id",
                schema: "gadgets",
                table: "gadgets",
                column: "widget_id");

            migrationBuilder.CreateIndex(
                name: "ux_gadgets_public_id",
                schema: "gadgets",
                table: "gadgets",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "gadgets",
                schema: "gadgets");
        }
    }
}
