using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Strata.TestModules.Widgets.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddColour : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "colour",
                table: "widgets_widgets",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_widgets_widgets_colour",
                table: "widgets_widgets",
                column: "colour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_widgets_widgets_colour",
                table: "widgets_widgets");

            migrationBuilder.DropColumn(
                name: "colour",
                table: "widgets_widgets");
        }
    }
}
