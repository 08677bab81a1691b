using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReadsAndTopStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "TopStoryAt",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopStoryById",
                table: "Stories",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TopStoryNote",
                table: "Stories",
                type: "TEXT",
                maxLength: 280,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StoryReadDays",
                columns: table => new
                {
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reads = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryReadDays", x => new { x.StoryId, x.Day });
                    table.ForeignKey(
                        name: "FK_StoryReadDays_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TopStoryAt",
                table: "Stories",
                column: "TopStoryAt");

            migrationBuilder.CreateIndex(
                name: "IX_StoryReadDays_Day",
                table: "StoryReadDays",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoryReadDays");

            migrationBuilder.DropIndex(
                name: "IX_Stories_TopStoryAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "TopStoryAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "TopStoryById",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "TopStoryNote",
                table: "Stories");
        }
    }
}
