using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WarningNote",
                table: "StoryRevisions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Warnings",
                table: "StoryRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LabelsCorrectedAt",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LabelsCorrectionReason",
                table: "Stories",
                type: "TEXT",
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
