using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <summary>
    /// The table behind /search on PostgreSQL: one row per published story with its text for ts_headline and a
    /// weighted tsvector with a GIN index. It is outside the EF model; PostgresSearchIndex keeps it in step and fills
    /// it at start-up when it is behind. Deleting a story deletes its row.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "StorySearch" (
                    "StoryId" integer PRIMARY KEY REFERENCES "Stories" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Subtitle" text NOT NULL,
                    "Body" text NOT NULL,
                    "FoldedTitle" text NOT NULL,
                    "Document" tsvector NOT NULL
                );
                CREATE INDEX "IX_StorySearch_Document" ON "StorySearch" USING GIN ("Document");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "StorySearch";""");
        }
    }
}
