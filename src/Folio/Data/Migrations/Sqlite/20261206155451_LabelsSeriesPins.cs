using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LabelsSeriesPins : Migration
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
                name: "CommunityPinnedAt",
                table: "Stories",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.AddColumn<DateTime>(
                name: "ProfilePinnedAt",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeriesPosition",
                table: "Stories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailOnSeriesParts",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "Series",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CoverImageUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CoverAltText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Series", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Series_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // SQLite adds a column that refers to another table in place, where EF would copy the whole Stories table to
            // add the key (outside any transaction, warning on every upgrade); the model and snapshot still hold the key.
            migrationBuilder.Sql(
                "ALTER TABLE \"Stories\" ADD COLUMN \"SeriesId\" INTEGER NULL CONSTRAINT \"FK_Stories_Series_SeriesId\" REFERENCES \"Series\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.CreateTable(
                name: "SeriesSubscriptions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeriesSubscriptions", x => new { x.UserId, x.SeriesId });
                    table.ForeignKey(
                        name: "FK_SeriesSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeriesSubscriptions_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId_ProfilePinnedAt",
                table: "Stories",
                columns: new[] { "AuthorId", "ProfilePinnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_CommunityId_CommunityPinnedAt",
                table: "Stories",
                columns: new[] { "CommunityId", "CommunityPinnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_SeriesId_SeriesPosition",
                table: "Stories",
                columns: new[] { "SeriesId", "SeriesPosition" });

            migrationBuilder.CreateIndex(
                name: "IX_Series_AuthorId_Slug",
                table: "Series",
                columns: new[] { "AuthorId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeriesSubscriptions_SeriesId_UserId",
                table: "SeriesSubscriptions",
                columns: new[] { "SeriesId", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Stories_Series_SeriesId",
                table: "Stories");

            migrationBuilder.DropTable(
                name: "SeriesSubscriptions");

            migrationBuilder.DropTable(
                name: "Series");

            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId_ProfilePinnedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_CommunityId_CommunityPinnedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_SeriesId_SeriesPosition",
                table: "Stories");

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
                name: "CommunityPinnedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "LabelsCorrectedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "LabelsCorrectionReason",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "ProfilePinnedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "SeriesId",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "SeriesPosition",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "EmailOnSeriesParts",
                table: "AspNetUsers");
        }
    }
}
