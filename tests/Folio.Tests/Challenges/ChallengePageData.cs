using Folio.Features.Challenges;
using Folio.Features.Communities;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Challenges;

/// <summary>Challenges and entries written straight to the database, for the tests of the pages that show them.</summary>
internal static class ChallengePageData
{
    public static async Task<Challenge> ChallengeAsync(this FolioApp app, DateTime opensAt, DateTime closesAt, Community? community = null,
        string? title = null, Action<Challenge>? configure = null)
    {
        var judge = await app.Data.PersonAsync(displayName: "Judge Judy");
        return await app.WithDbAsync(async db =>
        {
            title ??= TestData.Unique("Challenge ");
            var challenge = new Challenge
            {
                Slug = Folio.Shared.Slug.From(title),
                Title = title,
                PromptMarkdown = "Write about *the sea*.",
                PromptHtml = "<p>Write about <em>the sea</em>.</p>",
                CommunityId = community?.Id,
                OpensAt = opensAt,
                ClosesAt = closesAt,
                MinWords = 500,
                MaxWords = 3000,
                RequiredTags = ["sea"],
                EntrantRole = "creator",
                FirstPrize = "$500 and a feature",
                RunnersUp = 2,
                RunnerUpPrize = "A badge",
                CreatedById = judge.Id,
                CreatedAt = app.Clock.UtcNow,
                UpdatedAt = app.Clock.UtcNow,
                Criteria = [new() { Name = "Fit to the prompt", Weight = 60, Position = 0 }, new() { Name = "Craft", Weight = 40, Position = 1 }],
                Judges = [new() { UserId = judge.Id, IsLead = true }],
            };
            configure?.Invoke(challenge);
            db.Challenges.Add(challenge);
            await db.SaveChangesAsync();
            return challenge;
        });
    }

    public static async Task<Story> EntryAsync(this FolioApp app, Challenge challenge, Community community, string title, StoryStatus status = StoryStatus.Published)
    {
        var author = await app.Data.PersonAsync();
        var story = await app.Data.StoryAsync(community, author, title, status: status);
        await app.WithDbAsync(async db =>
        {
            db.ChallengeEntries.Add(new ChallengeEntry { ChallengeId = challenge.Id, StoryId = story.Id, AuthorId = author.Id, EnteredAt = app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        return story;
    }
}
