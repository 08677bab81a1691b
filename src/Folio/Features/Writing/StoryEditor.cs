using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Notifications;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Writing;

/// <summary>Applies what an author typed to their story: body rendering, tags, slug, hero image and status changes.</summary>
public sealed class StoryEditor(FolioDb db, HeroImages heroes, UserManager<FolioUser> users, Notifier notifier, TimeProvider clock)
{
    public Task<Community?> FindCommunityAsync(string? slug, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(slug)
            ? Task.FromResult<Community?>(null)
            : db.Communities.FirstOrDefaultAsync(c => c.Slug == slug.Trim().ToLowerInvariant(), cancellationToken);

    /// <summary>Returns field errors; on success the story is tracked with its changes (call SaveChanges).</summary>
    public async Task<Dictionary<string, string>> ApplyAsync(Story story, StoryInput input, Community community, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var title = input.Title!.Trim();
        var neverPublished = story.PublishedAt is null;
        if (neverPublished && (story.Id == 0 || story.CommunityId != community.Id || story.Title != title))
        {
            story.Community = community;
            story.CommunityId = community.Id;
            story.Slug = await StorySlugs.UniqueAsync(db, community.Id, title, story.Id, cancellationToken);
        }

        story.Title = title;
        story.Subtitle = input.Subtitle?.Trim() ?? "";
        if (story.Id == 0 || input.NormalizedBody != story.BodyMarkdown)
        {
            story.SetBody(input.NormalizedBody, input.Rendered);
        }

        story.CommentsEnabled = input.CommentsEnabled;
        story.Tags = await TagResolver.ResolveAsync(db, input.TagNames, cancellationToken);
        story.UpdatedAt = now;

        if (input.RemoveHeroImage && story.HeroImageUrl is not null)
        {
            heroes.DeleteIfUploaded(story.HeroImageUrl);
            story.HeroImageUrl = null;
        }

        if (input.HeroImage is { } upload)
        {
            var (url, error) = await heroes.SaveAsync(upload, cancellationToken);
            if (error is not null)
            {
                return new() { [nameof(StoryInput.HeroImage)] = error };
            }

            heroes.DeleteIfUploaded(story.HeroImageUrl);
            story.HeroImageUrl = url;
        }

        return [];
    }

    /// <summary>Publishes now, tells the author's subscribers the first time, and makes the author a creator.</summary>
    public Task PublishAsync(Story story, CancellationToken cancellationToken = default) =>
        PublishAsync(story, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// As above, dated <paramref name="at"/> if this is the first publication (an imported story keeps its original
    /// date); a story published before keeps its first date.
    /// </summary>
    public async Task PublishAsync(Story story, DateTime at, CancellationToken cancellationToken = default)
    {
        var firstTime = story.PublishedAt is null;
        story.Publish(at);
        if (firstTime)
        {
            await notifier.StoryPublishedAsync(story, cancellationToken);
        }

        var author = await users.FindByIdAsync(story.AuthorId);
        if (author is not null && !await users.IsInRoleAsync(author, Roles.Creator))
        {
            await users.AddToRoleAsync(author, Roles.Creator);
        }
    }
}
