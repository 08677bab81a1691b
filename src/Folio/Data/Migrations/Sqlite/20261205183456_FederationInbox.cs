using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Folio.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FederationInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReceivedActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ActorHost = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RemoteReactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    RemoteActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteReactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemoteReactions_RemoteActors_RemoteActorId",
                        column: x => x.RemoteActorId,
                        principalTable: "RemoteActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RemoteReactions_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedActivities_ActivityId",
                table: "ReceivedActivities",
                column: "ActivityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedActivities_ReceivedAt",
                table: "ReceivedActivities",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteReactions_RemoteActorId",
                table: "RemoteReactions",
                column: "RemoteActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteReactions_StoryId_RemoteActorId_Type",
                table: "RemoteReactions",
                columns: new[] { "StoryId", "RemoteActorId", "Type" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceivedActivities");

            migrationBuilder.DropTable(
                name: "RemoteReactions");
        }
    }
}
