using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Workspaces.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workspaces_workspaces",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    normalized_slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    ownerless_since = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces_workspaces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workspaces_invitations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workspace_id = table.Column<long>(type: "INTEGER", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    invited_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    accepted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    accepted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces_invitations", x => x.id);
                    table.CheckConstraint("ck_invitations_role", "role IN ('viewer', 'member', 'admin', 'owner')");
                    table.CheckConstraint("ck_invitations_status", "status IN ('pending', 'accepted', 'revoked', 'expired')");
                    table.ForeignKey(
                        name: "fk_workspaces_invitations_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces_workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workspaces_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    workspace_id = table.Column<long>(type: "INTEGER", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    joined_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workspaces_members", x => x.id);
                    table.CheckConstraint("ck_members_role", "role IN ('viewer', 'member', 'admin', 'owner')");
                    table.ForeignKey(
                        name: "fk_workspaces_members_workspace_id",
                        column: x => x.workspace_id,
                        principalTable: "workspaces_workspaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_invitations_public_id",
                table: "workspaces_invitations",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_invitations_token_hash",
                table: "workspaces_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_invitations_workspace_id_normalized_email",
                table: "workspaces_invitations",
                columns: new[] { "workspace_id", "normalized_email" },
                unique: true,
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_members_user_id",
                table: "workspaces_members",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_members_public_id",
                table: "workspaces_members",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_members_workspace_id_user_id",
                table: "workspaces_members",
                columns: new[] { "workspace_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_workspaces_workspaces_created_by",
                table: "workspaces_workspaces",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_workspaces_normalized_slug",
                table: "workspaces_workspaces",
                column: "normalized_slug",
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_workspaces_workspaces_public_id",
                table: "workspaces_workspaces",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workspaces_invitations");

            migrationBuilder.DropTable(
                name: "workspaces_members");

            migrationBuilder.DropTable(
                name: "workspaces_workspaces");
        }
    }
}
