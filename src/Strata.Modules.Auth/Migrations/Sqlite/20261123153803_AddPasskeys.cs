using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Auth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPasskeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "payload",
                table: "auth_verifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "auth_passkeys",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<long>(type: "INTEGER", nullable: false),
                    credential_id = table.Column<byte[]>(type: "BLOB", maxLength: 1023, nullable: false),
                    public_key = table.Column<byte[]>(type: "BLOB", nullable: false),
                    sign_count = table.Column<long>(type: "INTEGER", nullable: false),
                    transports = table.Column<string>(type: "TEXT", nullable: false),
                    backup_eligible = table.Column<bool>(type: "INTEGER", nullable: false),
                    backed_up = table.Column<bool>(type: "INTEGER", nullable: false),
                    user_verified = table.Column<bool>(type: "INTEGER", nullable: false),
                    aaguid = table.Column<Guid>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    attestation_object = table.Column<byte[]>(type: "BLOB", nullable: false),
                    client_data_json = table.Column<byte[]>(type: "BLOB", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    public_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_auth_passkeys", x => x.id);
                    table.CheckConstraint("ck_passkeys_sign_count", "sign_count >= 0 AND sign_count <= 4294967295");
                    table.ForeignKey(
                        name: "fk_auth_passkeys_user_id",
                        column: x => x.user_id,
                        principalTable: "auth_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_auth_passkeys_user_id",
                table: "auth_passkeys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ux_auth_passkeys_credential_id",
                table: "auth_passkeys",
                column: "credential_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_auth_passkeys_public_id",
                table: "auth_passkeys",
                column: "public_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "auth_passkeys");

            migrationBuilder.DropColumn(
                name: "payload",
                table: "auth_verifications");
        }
    }
}
