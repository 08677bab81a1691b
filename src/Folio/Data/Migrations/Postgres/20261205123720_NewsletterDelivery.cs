using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Folio.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderAddress",
                table: "SiteSettings",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderName",
                table: "SiteSettings",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeeklyDigestDay",
                table: "SiteSettings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DailyDigestThrough",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WeeklyDigestThrough",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StoryAnnouncements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoryId = table.Column<int>(type: "integer", nullable: false),
                    SiteOrigin = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
