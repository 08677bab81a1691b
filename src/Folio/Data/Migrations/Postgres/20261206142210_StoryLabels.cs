using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoryLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Making",
                table: "Stories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WarningNote",
                table: "Stories",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Warnings",
                table: "Stories",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "CoverWarnedStories",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "HiddenWarnings",
                table: "AspNetUsers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "HideAiGenerated",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Making",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "WarningNote",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "CoverWarnedStories",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HiddenWarnings",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HideAiGenerated",
                table: "AspNetUsers");
        }
    }
}
