using Folio.Features.Labels;

namespace Folio.Features.Stories;

/// <summary>Everything a story card shows, wherever stories are listed.</summary>
public sealed record StoryCard(
    int Id,
    string CommunitySlug,
    string CommunityName,
    string? CommunityLogoUrl,
    string Title,
    string Subtitle,
    string Slug,
    string AuthorUsername,
    string AuthorName,
    string? AuthorAvatarUrl,
    DateTime PublishedAt,
    int ReadingMinutes,
    string? HeroImageUrl,
    int CommentCount)
{
    public string Url => StoryLinks.Path(CommunitySlug, Slug);

    /// <summary>The start of the body's Markdown, read only for a card without an image (see <see cref="StoryExcerpt"/>).</summary>
    public string? BodyStart { get; init; }

    public StoryLabelSet Labels { get; init; } = StoryLabelSet.None;

    public string? Excerpt => HeroImageUrl is null ? StoryExcerpt.From(BodyStart) : null;
    /// <summary>The card's picture: decorative (the title beside it says what it links to), fetched as it scrolls into view.</summary>
    public Folio.Shared.Images.PictureView? Picture => HeroImageUrl is null
        ? null
        : new(HeroImageUrl, "", "(min-width: 64rem) 24rem, (min-width: 40rem) 50vw, 100vw", Lazy: true);
}
