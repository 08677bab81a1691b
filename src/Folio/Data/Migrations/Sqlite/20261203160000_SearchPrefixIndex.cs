using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <summary>
    /// StorySearch again, with prefix indexes for two and three letters: every search word is matched as a prefix, and
    /// without them FTS5 merges the postings of every word that starts with, say, "the" before it can return a row.
    /// The table starts empty; SqliteSearchIndex.EnsureBuiltAsync fills it at start-up. No model change.
    /// </summary>
    [DbContext(typeof(FolioDb))]
    [Migration("20261203160000_SearchPrefixIndex")]
    public partial class SearchPrefixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS StorySearch;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE StorySearch USING fts5(title, subtitle, body, tags, author, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS StorySearch;");
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE StorySearch USING fts5(title, subtitle, body, tags, author, tokenize = 'unicode61 remove_diacritics 2');");
        }
    }
}
