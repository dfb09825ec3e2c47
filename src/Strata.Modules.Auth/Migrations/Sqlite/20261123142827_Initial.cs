using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Auth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "auth_audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_mail_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    to = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body_protected = table.Column<string>(type: "TEXT", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_mail_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_permissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    module = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_permissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_roles",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    parent_role_id = table.Column<long>(type: "INTEGER", nullable: true),
                    is_system = table.Column<bool>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_auth_roles_parent_role_id",
                        column: x => x.parent_role_id,
                        principalTable: "auth_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "auth_users",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    email_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    image = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    security_stamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    failed_sign_in_count = table.Column<int>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTime>(type: "TEXT", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<uint>(type: "INTEGER", nullable: false),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_verifications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    identifier = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    consumed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_verifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "auth_role_permissions",
                columns: table => new
                {
                    role_id = table.Column<long>(type: "INTEGER", nullable: false),
                    permission_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_role_permissions", x => new { x.role_id, x.permission_id });
                    table.ForeignKey(
                        name: "fk_auth_role_permissions_permission_id",
                        column: x => x.permission_id,
                        principalTable: "auth_permissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_auth_role_permissions_role_id",
                        column: x => x.role_id,
                        principalTable: "auth_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_accounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    provider_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    account_id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    access_token_protected = table.Column<string>(type: "TEXT", nullable: true),
                    refresh_token_protected = table.Column<string>(type: "TEXT", nullable: true),
                    id_token_protected = table.Column<string>(type: "TEXT", nullable: true),
                    access_token_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    refresh_token_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    scope = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_auth_accounts_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    user_agent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_auth_sessions_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_user_permissions",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    permission_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_user_permissions", x => new { x.user_id, x.permission_id });
                    table.ForeignKey(
                        name: "fk_auth_user_permissions_permission_id",
                        column: x => x.permission_id,
                        principalTable: "auth_permissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_auth_user_permissions_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "auth_user_roles",
                columns: table => new
                {
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role_id = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_auth_user_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "auth_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_auth_user_roles_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_auth_accounts_user_id",
                table: "auth_accounts",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_auth_accounts_issuer_account_id",
                table: "auth_accounts",
                columns: new[] { "issuer", "account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_accounts_public_id",
                table: "auth_accounts",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auth_audit_log_action_occurred_at",
                table: "auth_audit_log",
                columns: new[] { "action", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_auth_audit_log_actor_id_occurred_at",
                table: "auth_audit_log",
                columns: new[] { "actor_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_auth_audit_log_occurred_at",
                table: "auth_audit_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ux_auth_audit_log_public_id",
                table: "auth_audit_log",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_mail_outbox_public_id",
                table: "auth_mail_outbox",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_permissions_key",
                table: "auth_permissions",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_permissions_public_id",
                table: "auth_permissions",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auth_role_permissions_permission_id",
                table: "auth_role_permissions",
                column: "permission_id");

            migrationBuilder.CreateIndex(
                name: "ix_auth_roles_parent_role_id",
                table: "auth_roles",
                column: "parent_role_id");

            migrationBuilder.CreateIndex(
                name: "ux_auth_roles_normalized_name",
                table: "auth_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_roles_public_id",
                table: "auth_roles",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auth_sessions_user_id",
                table: "auth_sessions",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_auth_sessions_public_id",
                table: "auth_sessions",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_sessions_token_hash",
                table: "auth_sessions",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auth_user_permissions_permission_id",
                table: "auth_user_permissions",
                column: "permission_id");

            migrationBuilder.CreateIndex(
                name: "ix_auth_user_roles_role_id",
                table: "auth_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ux_auth_users_normalized_email",
                table: "auth_users",
                column: "normalized_email",
                unique: true,
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_auth_users_public_id",
                table: "auth_users",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_auth_verifications_purpose_identifier",
                table: "auth_verifications",
                columns: new[] { "purpose", "identifier" });

            migrationBuilder.CreateIndex(
                name: "ux_auth_verifications_public_id",
                table: "auth_verifications",
                column: "public_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_verifications_token_hash",
                table: "auth_verifications",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auth_accounts");

            migrationBuilder.DropTable(
                name: "auth_audit_log");

            migrationBuilder.DropTable(
                name: "auth_data_protection_keys");

            migrationBuilder.DropTable(
                name: "auth_mail_outbox");

            migrationBuilder.DropTable(
                name: "auth_role_permissions");

            migrationBuilder.DropTable(
                name: "auth_sessions");

            migrationBuilder.DropTable(
                name: "auth_user_permissions");

            migrationBuilder.DropTable(
                name: "auth_user_roles");

            migrationBuilder.DropTable(
                name: "auth_verifications");

            migrationBuilder.DropTable(
                name: "auth_permissions");

            migrationBuilder.DropTable(
                name: "auth_roles");

            migrationBuilder.DropTable(
                name: "auth_users");
        }
    }
}
