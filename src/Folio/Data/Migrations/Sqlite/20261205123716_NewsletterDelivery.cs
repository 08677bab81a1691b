using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewsletterDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DigestHour",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderAddress",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderName",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeeklyDigestDay",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DailyDigestThrough",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WeeklyDigestThrough",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StoryAnnouncements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteOrigin = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryAnnouncements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StoryAnnouncements_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TimeZone_DailyDigestThrough",
                table: "AspNetUsers",
                columns: new[] { "TimeZone", "DailyDigestThrough" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TimeZone_WeeklyDigestThrough",
                table: "AspNetUsers",
                columns: new[] { "TimeZone", "WeeklyDigestThrough" });

            migrationBuilder.CreateIndex(
                name: "IX_StoryAnnouncements_DoneAt_NextAttemptAt",
                table: "StoryAnnouncements",
                columns: new[] { "DoneAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StoryAnnouncements_StoryId",
                table: "StoryAnnouncements",
                column: "StoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StoryAnnouncements");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TimeZone_DailyDigestThrough",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TimeZone_WeeklyDigestThrough",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DigestHour",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "SenderAddress",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "SenderName",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "WeeklyDigestDay",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "DailyDigestThrough",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "WeeklyDigestThrough",
                table: "AspNetUsers");
        }
    }
}
