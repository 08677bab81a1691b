using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChallengeAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAnnouncedAt",
                table: "Challenges",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OpenedAnnouncedAt",
                table: "Challenges",
                type: "TEXT",
                nullable: true);

            // Challenges that opened or closed before this version were never announced, and are news no longer.
            migrationBuilder.Sql("""UPDATE "Challenges" SET "OpenedAnnouncedAt" = "OpensAt" WHERE "OpensAt" <= CURRENT_TIMESTAMP""");
            migrationBuilder.Sql("""UPDATE "Challenges" SET "ClosedAnnouncedAt" = "ClosesAt" WHERE "ClosesAt" <= CURRENT_TIMESTAMP""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClosedAnnouncedAt",
                table: "Challenges");

            migrationBuilder.DropColumn(
                name: "OpenedAnnouncedAt",
                table: "Challenges");
        }
    }
}
