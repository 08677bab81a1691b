using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
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
