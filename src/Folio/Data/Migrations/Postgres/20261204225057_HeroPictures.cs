using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HeroPictures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeroAltText",
                table: "StoryRevisions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeroCaption",
                table: "StoryRevisions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeroAltText",
                table: "Stories",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeroCaption",
                table: "Stories",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HeroAltText",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "HeroCaption",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "HeroAltText",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "HeroCaption",
                table: "Stories");
        }
    }
}
