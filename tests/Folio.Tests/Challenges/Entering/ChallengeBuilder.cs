using Folio.Features.Challenges;
using Folio.Features.Challenges.Entering;
using Folio.Features.Communities;
using Folio.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Challenges.Entering;

/// <summary>Challenges for the entering tests, stored as rows (the admin forms are another feature's), and the release pass.</summary>
public static class ChallengeBuilder
{
    /// <summary>A challenge open from a day ago for a week, 100 to 3,000 words, one entry per creator; <paramref name="configure"/> changes the rest.</summary>
    public static Task<Challenge> ChallengeAsync(this FolioApp app, Community? community = null, Action<Challenge>? configure = null) =>
        app.WithDbAsync(async db =>
        {
            var slug = TestData.Unique("challenge");
            var challenge = new Challenge
            {
                Slug = slug,
                Title = $"The {slug} challenge",
                PromptMarkdown = "Write about a lighthouse.",
                PromptHtml = "<p>Write about a lighthouse.</p>",
                CommunityId = community?.Id,
                OpensAt = app.Clock.UtcNow.AddDays(-1),
                ClosesAt = app.Clock.UtcNow.AddDays(7),
                MinWords = 100,
                MaxWords = 3000,
                CreatedById = "admin",
                CreatedAt = app.Clock.UtcNow.AddDays(-2),
                UpdatedAt = app.Clock.UtcNow.AddDays(-2),
            };
            configure?.Invoke(challenge);
            db.Challenges.Add(challenge);
            await db.SaveChangesAsync();
            return challenge;
        });

    /// <summary>Runs the background step that publishes held entries once, at the clock's time.</summary>
    public static Task<int> RunChallengePassAsync(this FolioApp app) =>
        app.Services.GetRequiredService<ChallengePhaseWorker>().RunPassAsync();
}
