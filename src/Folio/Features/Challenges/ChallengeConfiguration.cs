using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Challenges;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public const int SlugMaxLength = 80;
    public const int TitleMaxLength = 120;
    public const int PromptMaxLength = 10_000;
    public const int PrizeMaxLength = 300;

    public void Configure(EntityTypeBuilder<Challenge> challenge)
    {
        challenge.HasIndex(c => c.Slug).IsUnique();
        challenge.Property(c => c.Slug).HasMaxLength(SlugMaxLength);
        challenge.Property(c => c.Title).HasMaxLength(TitleMaxLength);
        challenge.Property(c => c.PromptMarkdown).HasMaxLength(PromptMaxLength);
        challenge.Property(c => c.HeroImageUrl).HasMaxLength(500);
        challenge.Property(c => c.HeroAltText).HasMaxLength(300);
        challenge.Property(c => c.EntrantRole).HasMaxLength(40);
        challenge.Property(c => c.FirstPrize).HasMaxLength(PrizeMaxLength);
        challenge.Property(c => c.SecondPrize).HasMaxLength(PrizeMaxLength);
        challenge.Property(c => c.ThirdPrize).HasMaxLength(PrizeMaxLength);
        challenge.Property(c => c.RunnerUpPrize).HasMaxLength(PrizeMaxLength);
        challenge.Property(c => c.CreatedById).HasMaxLength(450);
        challenge.HasOne(c => c.Community).WithMany().OnDelete(DeleteBehavior.SetNull);
        // The list pages read challenges by when they close, newest first, a page at a time.
        challenge.HasIndex(c => c.ClosesAt);
        challenge.HasIndex(c => new { c.CommunityId, c.ClosesAt });
        challenge.HasMany(c => c.Criteria).WithOne().HasForeignKey(c => c.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        challenge.HasMany(c => c.Judges).WithOne().HasForeignKey(j => j.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        challenge.HasMany(c => c.Entries).WithOne(e => e.Challenge).HasForeignKey(e => e.ChallengeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChallengeCriterionConfiguration : IEntityTypeConfiguration<ChallengeCriterion>
{
    public void Configure(EntityTypeBuilder<ChallengeCriterion> criterion)
    {
        criterion.Property(c => c.Name).HasMaxLength(80);
        criterion.Property(c => c.Description).HasMaxLength(300);
    }
}

internal sealed class ChallengeJudgeConfiguration : IEntityTypeConfiguration<ChallengeJudge>
{
    public void Configure(EntityTypeBuilder<ChallengeJudge> judge)
    {
        judge.HasKey(j => new { j.ChallengeId, j.UserId });
        judge.HasOne(j => j.User).WithMany().HasForeignKey(j => j.UserId).OnDelete(DeleteBehavior.Cascade);
        // "Challenges I judge", from the judge's side.
        judge.HasIndex(j => j.UserId);
    }
}

internal sealed class ChallengeEntryConfiguration : IEntityTypeConfiguration<ChallengeEntry>
{
    public void Configure(EntityTypeBuilder<ChallengeEntry> entry)
    {
        // A story is in at most one challenge.
        entry.HasIndex(e => e.StoryId).IsUnique();
        entry.HasIndex(e => new { e.ChallengeId, e.EnteredAt });
        entry.HasIndex(e => new { e.AuthorId, e.ChallengeId });
        entry.HasOne(e => e.Story).WithMany().HasForeignKey(e => e.StoryId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Cascade);
        entry.Property(e => e.Placement).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.PlacementNote).HasMaxLength(1000);
        entry.HasMany(e => e.Scores).WithOne().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
        entry.HasMany(e => e.Assignments).WithOne(a => a.Entry).HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChallengeAssignmentConfiguration : IEntityTypeConfiguration<ChallengeAssignment>
{
    public void Configure(EntityTypeBuilder<ChallengeAssignment> assignment)
    {
        assignment.HasIndex(a => new { a.EntryId, a.JudgeId }).IsUnique();
        // A judge's own list of entries to read.
        assignment.HasIndex(a => new { a.JudgeId, a.ScoredAt });
        assignment.Property(a => a.JudgeId).HasMaxLength(450);
        assignment.Property(a => a.NoteToAuthor).HasMaxLength(4000);
    }
}

internal sealed class ChallengeScoreConfiguration : IEntityTypeConfiguration<ChallengeScore>
{
    public void Configure(EntityTypeBuilder<ChallengeScore> score)
    {
        score.HasIndex(s => new { s.EntryId, s.JudgeId, s.CriterionId }).IsUnique();
        score.Property(s => s.JudgeId).HasMaxLength(450);
        score.HasOne<ChallengeCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}
