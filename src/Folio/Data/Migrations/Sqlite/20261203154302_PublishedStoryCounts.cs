using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedStoryCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StoryCount",
                table: "Tags",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "StoryCount",
                table: "Communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The counts of the stories already there; every save keeps them from here on.
            migrationBuilder.Sql("""
                UPDATE "Tags" SET "StoryCount" = (
                    SELECT COUNT(*) FROM "StoryTags" JOIN "Stories" ON "Stories"."Id" = "StoryTags"."StoriesId"
                    WHERE "StoryTags"."TagsId" = "Tags"."Id" AND "Stories"."Status" = 'Published' AND "Stories"."PublishedAt" IS NOT NULL);
                UPDATE "Communities" SET "StoryCount" = (
                    SELECT COUNT(*) FROM "Stories"
                    WHERE "Stories"."CommunityId" = "Communities"."Id" AND "Stories"."Status" = 'Published' AND "Stories"."PublishedAt" IS NOT NULL);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Tags_StoryCount_Name",
                table: "Tags",
                columns: new[] { "StoryCount", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tags_StoryCount_Name",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "StoryCount",
                table: "Tags");

            migrationBuilder.DropColumn(
                name: "StoryCount",
                table: "Communities");
        }
    }
}
