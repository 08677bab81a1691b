using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DigestIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TimeZone_DailyDigestThrough",
                table: "AspNetUsers",
                columns: new[] { "TimeZone", "DailyDigestThrough" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TimeZone_WeeklyDigestThrough",
                table: "AspNetUsers",
                columns: new[] { "TimeZone", "WeeklyDigestThrough" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TimeZone_DailyDigestThrough",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_TimeZone_WeeklyDigestThrough",
                table: "AspNetUsers");
        }
    }
}
