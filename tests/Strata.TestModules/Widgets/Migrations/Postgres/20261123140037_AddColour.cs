using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.TestModules.Widgets.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddColour : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "colour",
                schema: "widgets",
                table: "widgets",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_widgets_colour",
                schema: "widgets",
                table: "widgets",
                column: "colour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_widgets_colour",
                schema: "widgets",
                table: "widgets");

            migrationBuilder.DropColumn(
                name: "colour",
                schema: "widgets",
                table: "widgets");
        }
    }
}
