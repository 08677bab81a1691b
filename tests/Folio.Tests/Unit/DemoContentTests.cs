using Folio.Features.Demo;
using Folio.Features.Stories;

namespace Folio.Tests.Unit;

/// <summary>The demo content follows the same rules the editor holds every creator to.</summary>
public sealed class DemoContentTests
{
    private static readonly List<DemoStory> Stories = DemoContent.Stories();

    [Fact]
    public void EveryStoryHasATitleSubtitleCommunityAuthorAndTags()
    {
        var communities = DemoContent.Communities().Select(c => c.Slug).ToHashSet();
        var people = DemoContent.People().Where(p => !p.Reader).Select(p => p.Username).ToHashSet();

        Assert.Equal(40, Stories.Count);
        Assert.All(Stories, story =>
        {
            Assert.InRange(story.Title.Length, 1, 120);
            Assert.InRange(story.Subtitle.Length, 1, 200);
            Assert.Contains(story.Community, communities);
            Assert.Contains(story.Author, people);
            Assert.InRange(story.Tags.Count, 1, 5);
        });
        Assert.Equal(Stories.Count, Stories.Select(s => (s.Community, Folio.Shared.Slug.From(s.Title))).Distinct().Count());
    }

    [Fact]
    public void EveryStoryMeetsTheDefaultWordMinimumAndSomeAreLongReads()
    {
        var words = Stories.Select(s => StoryRenderer.Render(s.Body).WordCount).ToList();

        Assert.All(words, count => Assert.True(count >= 100, $"{count} words"));
        Assert.Contains(words, count => count >= 2500);
    }

    [Fact]
    public void CommentsNeverComeBeforeTheirStoryOrFromStrangers()
    {
        var people = DemoContent.People().Select(p => p.Username).ToHashSet();

        IEnumerable<DemoComment> Flatten(IEnumerable<DemoComment> comments) => comments.SelectMany(c => Flatten(c.Replies).Prepend(c));

        Assert.All(Stories, story => Assert.All(Flatten(story.Comments), comment =>
        {
            Assert.Contains(comment.Author, people);
            Assert.InRange(comment.HoursAfter, 0, story.DaysAgo * 24);
            Assert.False(string.IsNullOrWhiteSpace(comment.Body));
        }));
    }
}
