using System.Diagnostics;
using System.Text.Json;
using Folio.Data;
using Folio.Features.Challenges;
using Folio.Features.Comments;
using Folio.Features.Creators;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Webhooks;

/// <summary>The <c>data</c> of an event, read after the save (when new rows have their ids) from the entity and what it refers to.</summary>
public sealed class WebhookEventData(FolioDb db, SiteUrls urls, TimeProvider clock)
{
    public async Task<object> ForAsync(RaisedEvent raised, CancellationToken cancellationToken) => raised.Subject switch
    {
        Story story => WebhookPayload.StoryData(await StoryAsync(story, cancellationToken)),
        Comment comment => WebhookPayload.CommentData(await CommentAsync(comment, cancellationToken)),
        FolioUser member => WebhookPayload.MemberData(new WebhookMember(
            member.UserName ?? "", member.DisplayName, urls.Absolute($"/authors/{member.UserName}"), member.JoinedAt)),
        Challenge challenge when raised.Name == WebhookEvents.ChallengeResults =>
            WebhookPayload.ChallengeResultsData(await ChallengeAsync(challenge, cancellationToken), await PlacementsAsync(challenge, cancellationToken)),
        Challenge challenge => WebhookPayload.ChallengeData(await ChallengeAsync(challenge, cancellationToken)),
        _ => throw new UnreachableException($"No webhook data for a {raised.Subject.GetType().Name}."),
    };

    private async Task<WebhookStory> StoryAsync(Story story, CancellationToken cancellationToken)
    {
        var community = story.Community is { } loaded
            ? new Named(loaded.Slug, loaded.Name)
            : await db.Communities.AsNoTracking().Where(c => c.Id == story.CommunityId)
                .Select(c => new Named(c.Slug, c.Name)).FirstOrDefaultAsync(cancellationToken) ?? new Named("", "");
        var author = await PersonAsync(story.Author, story.AuthorId, cancellationToken);
        return new WebhookStory(story.Id, story.Slug, urls.Absolute(StoryLinks.Path(community.Slug, story.Slug)), story.Title, story.Subtitle,
            new WebhookCommunity(community.Slug, community.Name, urls.Absolute($"/{community.Slug}")), author, story.PublishedAt,
            LabelNames.Slug(story.Making), LabelNames.Slugs(story.Warnings), story.WarningNote);
    }

    private async Task<WebhookComment> CommentAsync(Comment comment, CancellationToken cancellationToken)
    {
        var path = comment.Story is { Community: { } community } story
            ? StoryLinks.Path(community.Slug, story.Slug)
            : await db.Stories.AsNoTracking().Where(s => s.Id == comment.StoryId)
                .Select(s => StoryLinks.Path(s.Community.Slug, s.Slug)).FirstOrDefaultAsync(cancellationToken) ?? "";
        var storyUrl = urls.Absolute(path);
        var author = await PersonAsync(comment.Author, comment.AuthorId, cancellationToken);
        return new WebhookComment(comment.Id, comment.StoryId, storyUrl, $"{storyUrl}#comment-{comment.Id}", comment.ParentId, author, comment.Body, comment.CreatedAt);
    }

    private async Task<WebhookChallenge> ChallengeAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        var community = challenge.CommunityId is not { } communityId ? null
            : challenge.Community is { } loaded ? new Named(loaded.Slug, loaded.Name)
            : await db.Communities.AsNoTracking().Where(c => c.Id == communityId).Select(c => new Named(c.Slug, c.Name)).FirstOrDefaultAsync(cancellationToken);
        var phase = challenge.PhaseAt(clock.GetUtcNow().UtcDateTime);
        return new WebhookChallenge(challenge.Slug, challenge.Title, urls.Absolute($"/challenges/{challenge.Slug}"),
            community is null ? null : new WebhookCommunity(community.Slug, community.Name, urls.Absolute($"/{community.Slug}")),
            challenge.OpensAt, challenge.ClosesAt, JsonNamingPolicy.KebabCaseLower.ConvertName(phase.ToString()), challenge.ResultsPublishedAt);
    }

    private async Task<List<WebhookPlacement>> PlacementsAsync(Challenge challenge, CancellationToken cancellationToken)
    {
        var placed = await db.ChallengeEntries.AsNoTracking().Where(e => e.ChallengeId == challenge.Id && e.Placement != null)
            .Select(e => new
            {
                Place = e.Placement!.Value, e.PlacementNote, e.StoryId, e.Story.Title, Path = StoryLinks.Path(e.Story.Community.Slug, e.Story.Slug),
                Author = new Named(e.Author.UserName ?? "", e.Author.DisplayName),
            })
            .ToListAsync(cancellationToken);
        return [.. placed.OrderBy(p => p.Place).Select(p => new WebhookPlacement(
            JsonNamingPolicy.KebabCaseLower.ConvertName(p.Place.ToString()),
            new WebhookPlacedStory(p.StoryId, urls.Absolute(p.Path), p.Title),
            new WebhookPerson(p.Author.Slug, p.Author.Name, urls.Absolute($"/authors/{p.Author.Slug}")),
            p.PlacementNote))];
    }

    private async Task<WebhookPerson> PersonAsync(FolioUser? loaded, string id, CancellationToken cancellationToken)
    {
        var person = loaded is not null
            ? new Named(loaded.UserName ?? "", loaded.DisplayName)
            : await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new Named(u.UserName ?? "", u.DisplayName)).FirstOrDefaultAsync(cancellationToken);

        // Gone in the same save (an account deleted with its stories): the event still goes out, unattributed.
        return person is { Slug.Length: > 0 }
            ? new WebhookPerson(person.Slug, person.Name, urls.Absolute($"/authors/{person.Slug}"))
            : new WebhookPerson("", "A former member", "");
    }

    /// <summary>A community's slug or a person's username, with the name shown for it.</summary>
    private sealed record Named(string Slug, string Name);
}
