using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Folio.Data.Migrations.Postgres
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
                name: "CommunityPinnedAt",
                table: "Stories",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.AddColumn<DateTime>(
                name: "ProfilePinnedAt",
                table: "Stories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeriesId",
                table: "Stories",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SeriesPosition",
                table: "Stories",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailOnSeriesParts",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "Series",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorId = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CoverImageUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CoverAltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SeriesSubscriptions",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AddForeignKey(
                name: "FK_Stories_Series_SeriesId",
                table: "Stories",
                column: "SeriesId",
                principalTable: "Series",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
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
