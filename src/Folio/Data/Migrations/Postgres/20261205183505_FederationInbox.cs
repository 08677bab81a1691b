using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Folio.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActorHost = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RemoteReactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoryId = table.Column<int>(type: "integer", nullable: false),
                    RemoteActorId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
