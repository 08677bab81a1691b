using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_TopStoryAt",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_Status_TopStoryAt",
                table: "Stories",
                columns: new[] { "Status", "TopStoryAt" });

            migrationBuilder.DropIndex(
                name: "IX_StoryTags_TagsId",
                table: "StoryTags");

            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_StoryTags_TagsId_StoriesId",
                table: "StoryTags",
                columns: new[] { "TagsId", "StoriesId" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId_Status_PublishedAt",
                table: "Stories",
                columns: new[] { "AuthorId", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_CommunityId_Status_PublishedAt",
                table: "Stories",
                columns: new[] { "CommunityId", "Status", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_Status_TopStoryAt",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TopStoryAt",
                table: "Stories",
                column: "TopStoryAt");

            migrationBuilder.DropIndex(
                name: "IX_StoryTags_TagsId_StoriesId",
                table: "StoryTags");

            migrationBuilder.DropIndex(
                name: "IX_Stories_AuthorId_Status_PublishedAt",
                table: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Stories_CommunityId_Status_PublishedAt",
                table: "Stories");

            migrationBuilder.CreateIndex(
                name: "IX_StoryTags_TagsId",
                table: "StoryTags",
                column: "TagsId");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_AuthorId",
                table: "Stories",
                column: "AuthorId");
        }
    }
}
