namespace Folio.Features.Stories;

/// <summary>Where a story is read: /{community}/{story-slug}, an address readers keep, so it is built in one place.</summary>
public static class StoryLinks
{
    public static string Path(string communitySlug, string storySlug) => $"/{communitySlug}/{storySlug}";

    /// <summary>The story's address; its <see cref="Story.Community"/> must be loaded.</summary>
    public static string Path(Story story) => Path(story.Community.Slug, story.Slug);
}
