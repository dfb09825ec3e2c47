using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Auth.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddMailDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "auth_mail_outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "due_at",
                table: "auth_mail_outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "html_protected",
                table: "auth_mail_outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "auth_mail_outbox",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "leased_until",
                table: "auth_mail_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_message_id",
                table: "auth_mail_outbox",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sent_at",
                table: "auth_mail_outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "auth_mail_outbox",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "queued");

            migrationBuilder.CreateIndex(
                name: "ix_auth_mail_outbox_due_at",
                table: "auth_mail_outbox",
                column: "due_at",
                filter: "status IN ('queued', 'sending')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_auth_mail_outbox_due_at",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "due_at",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "html_protected",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "leased_until",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "provider_message_id",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "sent_at",
                table: "auth_mail_outbox");

            migrationBuilder.DropColumn(
                name: "status",
                table: "auth_mail_outbox");
        }
    }
}
