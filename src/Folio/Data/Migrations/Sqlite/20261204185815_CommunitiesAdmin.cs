using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunitiesAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Communities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rules",
                table: "Communities",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "SubmissionsNeedReview",
                table: "Communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CommunitySlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunitySlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunitySlugRedirects_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySlugRedirects_CommunityId",
                table: "CommunitySlugRedirects",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunitySlugRedirects_OldSlug",
                table: "CommunitySlugRedirects",
                column: "OldSlug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunitySlugRedirects");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "Rules",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "SubmissionsNeedReview",
                table: "Communities");
        }
    }
}
