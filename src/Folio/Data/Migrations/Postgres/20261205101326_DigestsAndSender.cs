using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DigestsAndSender : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
