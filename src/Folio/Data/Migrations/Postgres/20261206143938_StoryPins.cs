using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoryPins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CommunityPinnedAt",
                table: "Stories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProfilePinnedAt",
                table: "Stories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId_ProfilePinnedAt",
                table: "Stories",
                columns: new[] { "AuthorId", "ProfilePinnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_CommunityId_CommunityPinnedAt",
                table: "Stories",
                columns: new[] { "CommunityId", "CommunityPinnedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId_ProfilePinnedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_CommunityId_CommunityPinnedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "CommunityPinnedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "ProfilePinnedAt",
                table: "Stories");
        }
    }
}
