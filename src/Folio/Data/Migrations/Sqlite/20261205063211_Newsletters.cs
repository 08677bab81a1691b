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

            migrationBuilder.AddColumn<int>(
                name: "Delivery",
                table: "Subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ContentId",
                table: "QueuedEmails",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "QueuedEmails",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RecipientId",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StoryId",
                table: "QueuedEmails",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnsubscribeUrl",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 2000,
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

            // The emails still queued keep their subject and text: each becomes its own content, with the same id.
            migrationBuilder.Sql("""
                INSERT INTO "EmailContents" ("Id", "Subject", "Text", "Html", "RecipientMarker")
                SELECT "Id", "Subject", "Text", NULL, 'unsubscribe-migrated-' || "Id" FROM "QueuedEmails";
                UPDATE "QueuedEmails" SET "ContentId" = "Id";
                """);

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "QueuedEmails");

            migrationBuilder.CreateIndex(
                name: "IX_QueuedEmails_ContentId",
                table: "QueuedEmails",
                column: "ContentId");

            migrationBuilder.CreateIndex(
                name: "IX_QueuedEmails_RecipientId",
                table: "QueuedEmails",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_QueuedEmails_StoryId",
                table: "QueuedEmails",
                column: "StoryId");

            migrationBuilder.AddForeignKey(
                name: "FK_QueuedEmails_EmailContents_ContentId",
                table: "QueuedEmails",
                column: "ContentId",
                principalTable: "EmailContents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_QueuedEmails_EmailContents_ContentId",
                table: "QueuedEmails");

            migrationBuilder.DropTable(
                name: "EmailContents");

            migrationBuilder.DropIndex(
                name: "IX_QueuedEmails_ContentId",
                table: "QueuedEmails");

            migrationBuilder.DropIndex(
                name: "IX_QueuedEmails_RecipientId",
                table: "QueuedEmails");

            migrationBuilder.DropIndex(
                name: "IX_QueuedEmails_StoryId",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "Delivery",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "ContentId",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "RecipientId",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "StoryId",
                table: "QueuedEmails");

            migrationBuilder.DropColumn(
                name: "UnsubscribeUrl",
                table: "QueuedEmails");

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

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "QueuedEmails",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");
        }
    }
}
