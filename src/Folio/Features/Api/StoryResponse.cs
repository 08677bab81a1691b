using System.ComponentModel;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Api;

/// <summary>A story in full: its Markdown and the HTML the site serves, where it lives, and where it stands.</summary>
public sealed record StoryResponse(
    int Id,
    string Slug,
    string Url,
    string Community,
    string Title,
    string Subtitle,
    string Body,
    string BodyHtml,
    IReadOnlyList<string> Tags,
    StoryStatus Status,
    StoryAuthorResponse Author,
    int WordCount,
    int ReadingMinutes,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? PublishedAt,
    string? HeroImageUrl,
    [property: Description("The hero image's alt text: what it shows, for readers who can't see it. Required to publish a story with a hero image.")]
    string? HeroAltText,
    [property: Description("The hero image's caption, shown under it.")]
    string? HeroCaption,
    bool CommentsEnabled,
    [property: Description(StoryLabelDescriptions.Making)]
    StoryMaking Making,
    [property: Description(StoryLabelDescriptions.Warnings)]
    IReadOnlyList<string> Warnings,
    [property: Description(StoryLabelDescriptions.WarningNote)]
    string? WarningNote,
    [property: Description("Changes to this published story waiting for review: \"pending\", \"sent-back\" or null. Shown to the author and moderators only; readers see the published version.")]
    RevisionStatus? RevisionStatus,
    [property: Description("The changes themselves, when there are any (author and moderators only).")]
    StoryRevisionResponse? Revision)
{
    /// <summary>Maps a story loaded with its community, author, tags and revision; the revision only for those who may change the story.</summary>
    public static StoryResponse From(Story story, SiteUrls urls, StoryActor actor) => new(
        story.Id,
        story.Slug,
        urls.Absolute(StoryLinks.Path(story)),
        story.Community.Slug,
        story.Title,
        story.Subtitle,
        story.BodyMarkdown,
        story.BodyHtml,
        [.. story.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)],
        story.Status,
        StoryAuthorResponse.From(urls, story.Author.UserName!, story.Author.DisplayName),
        story.WordCount,
        story.ReadingMinutes,
        story.CreatedAt,
        story.UpdatedAt,
        story.PublishedAt,
        urls.AbsoluteMedia(story.HeroImageUrl),
        story.HeroAltText,
        story.HeroCaption,
        story.CommentsEnabled,
        story.Making,
        LabelNames.Slugs(story.Warnings),
        story.WarningNote,
        actor.MayChange(story) ? story.Revision?.Status : null,
        actor.MayChange(story) && story.Revision is { } revision ? StoryRevisionResponse.From(revision, urls) : null);
}

public sealed record StoryRevisionResponse(
    string Title, string Subtitle, string Body, string BodyHtml, IReadOnlyList<string> Tags, string? HeroImageUrl, string? HeroAltText, string? HeroCaption,
    DateTime UpdatedAt, DateTime? SubmittedAt, StoryMaking Making, IReadOnlyList<string> Warnings, string? WarningNote)
{
    public static StoryRevisionResponse From(StoryRevision revision, SiteUrls urls) => new(
        revision.Title, revision.Subtitle, revision.BodyMarkdown, revision.BodyHtml, revision.Version.Tags,
        urls.AbsoluteMedia(revision.HeroImageUrl), revision.HeroAltText, revision.HeroCaption, revision.UpdatedAt, revision.SubmittedAt,
        revision.Making, LabelNames.Slugs(revision.Warnings), revision.WarningNote);
}

/// <summary>A published story as lists show it; fetch <c>/api/v1/stories/{id}</c> for the body.</summary>
public sealed record StorySummary(
    int Id,
    string Slug,
    string Url,
    string Community,
    string Title,
    string Subtitle,
    IReadOnlyList<string> Tags,
    StoryAuthorResponse Author,
    int ReadingMinutes,
    DateTime PublishedAt,
    string? HeroImageUrl,
    [property: Description(StoryLabelDescriptions.Making)]
    StoryMaking Making,
    [property: Description(StoryLabelDescriptions.Warnings)]
    IReadOnlyList<string> Warnings,
    [property: Description(StoryLabelDescriptions.WarningNote)]
    string? WarningNote);

public sealed record StoryAuthorResponse(string Username, string Name, string Url)
{
    public static StoryAuthorResponse From(SiteUrls urls, string username, string name) => new(username, name, urls.Absolute($"/authors/{username}"));
}

public static class StoryResponseQueries
{
    /// <summary>What <see cref="StoryResponse.From"/> reads besides the story itself.</summary>
    public static IQueryable<Story> ForResponse(this IQueryable<Story> stories) =>
        stories.ForWorkflow().Include(s => s.Author);
}
