using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.Modules.Auth.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddMailDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts",
                schema: "auth",
                table: "mail_outbox",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "due_at",
                schema: "auth",
                table: "mail_outbox",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "html_protected",
                schema: "auth",
                table: "mail_outbox",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                schema: "auth",
                table: "mail_outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "leased_until",
                schema: "auth",
                table: "mail_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_message_id",
                schema: "auth",
                table: "mail_outbox",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "sent_at",
                schema: "auth",
                table: "mail_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "auth",
                table: "mail_outbox",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "queued");

            // Concurrently, so the outbox's writers are never blocked; a concurrent build runs outside a transaction, so
            // the statement must also be safe to run again after a failure part-way (IF NOT EXISTS).
            migrationBuilder.Sql(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_mail_outbox_due_at ON auth.mail_outbox (due_at) WHERE status IN ('queued', 'sending');",
                suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_mail_outbox_due_at",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "attempts",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "due_at",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "html_protected",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "last_error",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "leased_until",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "provider_message_id",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "sent_at",
                schema: "auth",
                table: "mail_outbox");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "auth",
                table: "mail_outbox");
        }
    }
}
