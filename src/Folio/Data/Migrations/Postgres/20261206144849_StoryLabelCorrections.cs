using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoryLabelCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Making",
                table: "StoryRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WarningNote",
                table: "StoryRevisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Warnings",
                table: "StoryRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LabelsCorrectedAt",
                table: "Stories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabelsCorrectionReason",
                table: "Stories",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Making",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "WarningNote",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "StoryRevisions");

            migrationBuilder.DropColumn(
                name: "LabelsCorrectedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "LabelsCorrectionReason",
                table: "Stories");
        }
    }
}
