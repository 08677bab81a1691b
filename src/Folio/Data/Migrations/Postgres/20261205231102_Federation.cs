using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Federation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RemoteActorId",
                table: "StoryReports",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemoteActorId",
                table: "Comments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemoteNoteId",
                table: "Comments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemoteUrl",
                table: "Comments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemoteActorId",
                table: "CommentReports",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FederationOff",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ActorKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PublicKeyPem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PrivateKeyPem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActorKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FederationBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Value = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationBlocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FederationDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SenderKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SenderId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Inbox = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Activity = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStatusCode = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationDeliveries", x => x.Id);
                });

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
                name: "RemoteActors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Uri = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Inbox = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SharedInbox = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PreferredUsername = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProfileUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IconUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublicKeyId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PublicKeyPem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FetchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteActors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoryActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StoryId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    SiteOrigin = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RemoteFollowers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RemoteActorId = table.Column<int>(type: "integer", nullable: false),
                    FollowActivityId = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemoteFollowers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemoteFollowers_RemoteActors_RemoteActorId",
                        column: x => x.RemoteActorId,
                        principalTable: "RemoteActors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_StoryReports_RemoteActorId",
                table: "StoryReports",
                column: "RemoteActorId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_RemoteActorId",
                table: "Comments",
                column: "RemoteActorId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_RemoteNoteId",
                table: "Comments",
                column: "RemoteNoteId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_RemoteActorId",
                table: "CommentReports",
                column: "RemoteActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ActorKeys_Kind_OwnerId",
                table: "ActorKeys",
                columns: new[] { "Kind", "OwnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FederationBlocks_Kind_Value",
                table: "FederationBlocks",
                columns: new[] { "Kind", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FederationDeliveries_Inbox",
                table: "FederationDeliveries",
                column: "Inbox");

            migrationBuilder.CreateIndex(
                name: "IX_FederationDeliveries_NextAttemptAt_CreatedAt",
                table: "FederationDeliveries",
                columns: new[] { "NextAttemptAt", "CreatedAt" });

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
                name: "IX_RemoteActors_Host",
                table: "RemoteActors",
                column: "Host");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteActors_PublicKeyId",
                table: "RemoteActors",
                column: "PublicKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteActors_Uri",
                table: "RemoteActors",
                column: "Uri",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemoteFollowers_Kind_OwnerId_CreatedAt",
                table: "RemoteFollowers",
                columns: new[] { "Kind", "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RemoteFollowers_Kind_OwnerId_RemoteActorId",
                table: "RemoteFollowers",
                columns: new[] { "Kind", "OwnerId", "RemoteActorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemoteFollowers_RemoteActorId",
                table: "RemoteFollowers",
                column: "RemoteActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteReactions_RemoteActorId",
                table: "RemoteReactions",
                column: "RemoteActorId");

            migrationBuilder.CreateIndex(
                name: "IX_RemoteReactions_StoryId_RemoteActorId_Type",
                table: "RemoteReactions",
                columns: new[] { "StoryId", "RemoteActorId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoryActivities_DoneAt_NextAttemptAt",
                table: "StoryActivities",
                columns: new[] { "DoneAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActorKeys");

            migrationBuilder.DropTable(
                name: "FederationBlocks");

            migrationBuilder.DropTable(
                name: "FederationDeliveries");

            migrationBuilder.DropTable(
                name: "ReceivedActivities");

            migrationBuilder.DropTable(
                name: "RemoteFollowers");

            migrationBuilder.DropTable(
                name: "RemoteReactions");

            migrationBuilder.DropTable(
                name: "StoryActivities");

            migrationBuilder.DropTable(
                name: "RemoteActors");

            migrationBuilder.DropIndex(
                name: "IX_StoryReports_RemoteActorId",
                table: "StoryReports");

            migrationBuilder.DropIndex(
                name: "IX_Comments_RemoteActorId",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_RemoteNoteId",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_CommentReports_RemoteActorId",
                table: "CommentReports");

            migrationBuilder.DropColumn(
                name: "RemoteActorId",
                table: "StoryReports");

            migrationBuilder.DropColumn(
                name: "RemoteActorId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "RemoteNoteId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "RemoteUrl",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "RemoteActorId",
                table: "CommentReports");

            migrationBuilder.DropColumn(
                name: "FederationOff",
                table: "AspNetUsers");
        }
    }
}
