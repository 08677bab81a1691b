using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoryCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_TopStoryAt",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_Id_PublishedAt_UpdatedAt",
                table: "Stories",
                columns: new[] { "Status", "Id", "PublishedAt", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_TopStoryAt_Id_PublishedAt",
                table: "Stories",
                columns: new[] { "Status", "TopStoryAt", "Id", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_Id_PublishedAt_UpdatedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_TopStoryAt_Id_PublishedAt",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_TopStoryAt",
                table: "Stories",
                columns: new[] { "Status", "TopStoryAt" });
        }
    }
}
