using DiffPlex;
using Folio.Features.Labels;

namespace Folio.Features.Stories;

/// <summary>
/// What a moderator reviews of a story: its words, tags, hero image and labels. Versions are compared to show what
/// changed. <see cref="Labels"/> is null where they were not kept (a past decision's version).
/// </summary>
public sealed record StoryVersion(
    string Title, string Subtitle, string BodyMarkdown, IReadOnlyList<string> Tags, string? HeroImageUrl, string? HeroAltText = null, string? HeroCaption = null,
    StoryLabelSet? Labels = null)
{
    public static StoryVersion Of(Story story) =>
        new(story.Title, story.Subtitle, story.BodyMarkdown, [.. story.Tags.Select(t => t.Name)], story.HeroImageUrl, story.HeroAltText, story.HeroCaption, story.Labels);

    public bool SameTagsAs(StoryVersion other) =>
        Tags.Select(Folio.Features.Tags.TagSlug.From).Order().SequenceEqual(other.Tags.Select(Folio.Features.Tags.TagSlug.From).Order());

    /// <summary>
    /// How many characters were inserted or deleted from <paramref name="before"/> to this version, over title, subtitle,
    /// body and tag names; a new hero image counts as a change of any size.
    /// </summary>
    public int CharactersChangedFrom(StoryVersion before)
    {
        if (HeroImageUrl != before.HeroImageUrl)
        {
            return int.MaxValue;
        }

        return Changed(before.Title, Title) + Changed(before.Subtitle, Subtitle) + Changed(before.BodyMarkdown, BodyMarkdown)
            + Changed(before.HeroAltText ?? "", HeroAltText ?? "") + Changed(before.HeroCaption ?? "", HeroCaption ?? "")
            + (SameTagsAs(before) ? 0 : Changed(string.Join(", ", before.Tags), string.Join(", ", Tags)));
    }

    private static int Changed(string before, string after)
    {
        if (before == after)
        {
            return 0;
        }

        var diff = Differ.Instance.CreateCharacterDiffs(before, after, ignoreWhitespace: false);
        return diff.DiffBlocks.Sum(block => block.DeleteCountA + block.InsertCountB);
    }
}
