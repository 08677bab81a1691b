using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Newsletters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Delivery",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Delivery",
                table: "CommunityFollows",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmailFailures",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "EmailStoppedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailWholeStories",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LastEmailFailure",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NewsletterDelivery",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailContents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: true),
                    RecipientMarker = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailContents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailQueue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnsubscribeUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailQueue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailQueue_EmailContents_ContentId",
                        column: x => x.ContentId,
                        principalTable: "EmailContents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The queue moves to a table of its own (SQLite could only reshape QueuedEmails by rebuilding it outside the
            // migration's transaction); every email in it, sent or not, keeps its id, and its subject and text become its content.
            migrationBuilder.Sql("""
                INSERT INTO "EmailContents" ("Id", "Subject", "Text", "Html", "RecipientMarker")
                SELECT "Id", "Subject", "Text", NULL, 'unsubscribe-migrated-' || "Id" FROM "QueuedEmails";
                INSERT INTO "EmailQueue" ("Id", "ToAddress", "ToName", "ContentId", "Kind", "CreatedAt", "NextAttemptAt", "Attempts", "SentAt", "LastError")
                SELECT "Id", "ToAddress", "ToName", "Id", 1, "CreatedAt", "NextAttemptAt", "Attempts", "SentAt", "LastError" FROM "QueuedEmails";
                """);

            migrationBuilder.DropTable(
                name: "QueuedEmails");

            migrationBuilder.CreateIndex(
                name: "IX_EmailQueue_ContentId",
                table: "EmailQueue",
                column: "ContentId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailQueue_RecipientId",
                table: "EmailQueue",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailQueue_StoryId",
                table: "EmailQueue",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailQueue_SentAt_NextAttemptAt",
                table: "EmailQueue",
                columns: new[] { "SentAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QueuedEmails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueuedEmails", x => x.Id);
                });

            // Back to one row per email with its own subject and text (the HTML part, if any, does not fit the old shape).
            migrationBuilder.Sql("""
                INSERT INTO "QueuedEmails" ("Id", "ToAddress", "ToName", "Subject", "Text", "CreatedAt", "NextAttemptAt", "Attempts", "SentAt", "LastError")
                SELECT q."Id", q."ToAddress", q."ToName", c."Subject", c."Text", q."CreatedAt", q."NextAttemptAt", q."Attempts", q."SentAt", q."LastError"
                FROM "EmailQueue" q JOIN "EmailContents" c ON c."Id" = q."ContentId";
                """);

            migrationBuilder.DropTable(
                name: "EmailQueue");

            migrationBuilder.DropTable(
                name: "EmailContents");

            migrationBuilder.CreateIndex(
                name: "IX_QueuedEmails_SentAt_NextAttemptAt",
                table: "QueuedEmails",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "CommunityFollows");

            migrationBuilder.DropColumn(
                name: "EmailFailures",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "EmailStoppedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "EmailWholeStories",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "LastEmailFailure",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "NewsletterDelivery",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "AspNetUsers");
        }
    }
}
