using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 table behind /search: one row per published story, rowid = story id. It is outside the EF model
    /// (FTS5 tables are virtual); SqliteSearchIndex keeps it in step and fills it at start-up when it is behind.
    /// </summary>
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE StorySearch USING fts5(title, subtitle, body, tags, author, tokenize = 'unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS StorySearch;");
        }
    }
}
