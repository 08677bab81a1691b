using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuthorCommunityCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId_Status_PublishedAt",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId_Status_PublishedAt_CommunityId",
                table: "Stories",
                columns: new[] { "AuthorId", "Status", "PublishedAt", "CommunityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId_Status_PublishedAt_CommunityId",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId_Status_PublishedAt",
                table: "Stories",
                columns: new[] { "AuthorId", "Status", "PublishedAt" });
        }
    }
}
