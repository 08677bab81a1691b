using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Folio.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Challenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Challenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    PromptMarkdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    PromptHtml = table.Column<string>(type: "text", nullable: false),
                    HeroImageUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HeroAltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MinWords = table.Column<int>(type: "integer", nullable: true),
                    MaxWords = table.Column<int>(type: "integer", nullable: true),
                    RequiredTags = table.Column<List<string>>(type: "text[]", nullable: false),
                    EntriesPerCreator = table.Column<int>(type: "integer", nullable: false),
                    EntrantRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EntriesVisibleBeforeClose = table.Column<bool>(type: "boolean", nullable: false),
                    JudgesPerEntry = table.Column<int>(type: "integer", nullable: false),
                    BlindJudging = table.Column<bool>(type: "boolean", nullable: false),
                    FirstPrize = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SecondPrize = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ThirdPrize = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RunnersUp = table.Column<int>(type: "integer", nullable: false),
                    RunnerUpPrize = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ResultsPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Challenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Challenges_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeCriterion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeCriterion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeCriterion_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    StoryId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: false),
                    EnteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Placement = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PlacementNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeEntries_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChallengeEntries_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChallengeEntries_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeJudge",
                columns: table => new
                {
                    ChallengeId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    IsLead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeJudge", x => new { x.ChallengeId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ChallengeJudge_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChallengeJudge_Challenges_ChallengeId",
                        column: x => x.ChallengeId,
                        principalTable: "Challenges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    JudgeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    NoteToAuthor = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ScoredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeAssignments_ChallengeEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ChallengeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChallengeScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    JudgeId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChallengeScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChallengeScores_ChallengeCriterion_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "ChallengeCriterion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChallengeScores_ChallengeEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ChallengeEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeAssignments_EntryId_JudgeId",
                table: "ChallengeAssignments",
                columns: new[] { "EntryId", "JudgeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeAssignments_JudgeId_ScoredAt",
                table: "ChallengeAssignments",
                columns: new[] { "JudgeId", "ScoredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeCriterion_ChallengeId",
                table: "ChallengeCriterion",
                column: "ChallengeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEntries_AuthorId_ChallengeId",
                table: "ChallengeEntries",
                columns: new[] { "AuthorId", "ChallengeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEntries_ChallengeId_EnteredAt",
                table: "ChallengeEntries",
                columns: new[] { "ChallengeId", "EnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeEntries_StoryId",
                table: "ChallengeEntries",
                column: "StoryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeJudge_UserId",
                table: "ChallengeJudge",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_ClosesAt",
                table: "Challenges",
                column: "ClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_CommunityId_ClosesAt",
                table: "Challenges",
                columns: new[] { "CommunityId", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Challenges_Slug",
                table: "Challenges",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeScores_CriterionId",
                table: "ChallengeScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ChallengeScores_EntryId_JudgeId_CriterionId",
                table: "ChallengeScores",
                columns: new[] { "EntryId", "JudgeId", "CriterionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChallengeAssignments");

            migrationBuilder.DropTable(
                name: "ChallengeJudge");

            migrationBuilder.DropTable(
                name: "ChallengeScores");

            migrationBuilder.DropTable(
                name: "ChallengeCriterion");

            migrationBuilder.DropTable(
                name: "ChallengeEntries");

            migrationBuilder.DropTable(
                name: "Challenges");
        }
    }
}
