using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>Stories as Articles and comments as Notes, for published stories and visible comments only.</summary>
public sealed class ObjectDocumentTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task APublishedStoryIsAnArticleByItsPersonInItsGroup()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var maya = await _app.Data.PersonAsync("maya");
        var story = await _app.Data.StoryAsync(community, maya, "Slow Water", "Read [the notes](/rivers/notes) and [elsewhere](https://example.org/x).\n\n![A heron](/media/heron.png)",
            tags: ["Slow Living", "rivers"], subtitle: "Rivers <and> us");
        await _app.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.HeroImageUrl, "/media/hero.webp")));
        var person = $"http://localhost/ap/people/{maya.Id}";
        var group = $"http://localhost/ap/communities/{community.Id}";

        var article = await _app.ActivityAsync($"/ap/stories/{story.Id}");

        Assert.Equal($"http://localhost/ap/stories/{story.Id}", article.Text("id"));
        Assert.Equal("Article", article.Text("type"));
        Assert.Equal(person, article.Text("attributedTo"));
        Assert.Equal(group, article.Text("audience"));
        Assert.Equal("Slow Water", article.Text("name"));
        Assert.Equal("Rivers &lt;and&gt; us", article.Text("summary"));
        Assert.Equal("text/html", article.Text("mediaType"));
        var content = article.Text("content");
        Assert.Contains("href=\"http://localhost/rivers/notes\"", content);
        Assert.Contains("href=\"https://example.org/x\"", content);
        Assert.Contains("src=\"http://localhost/media/heron.png\"", content);
        Assert.DoesNotContain("=\"/", content);
        Assert.Equal("http://localhost/rivers/slow-water", article.Text("url"));
        Assert.Equal(story.PublishedAt!.Value, article.GetProperty("published").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(story.UpdatedAt, article.GetProperty("updated").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(["https://www.w3.org/ns/activitystreams#Public"], article.Strings("to"));
        Assert.Equal([person + "/followers", group], article.Strings("cc"));
        var tags = article.GetProperty("tag").EnumerateArray().ToList();
        Assert.All(tags, tag => Assert.Equal("Hashtag", tag.Text("type")));
        Assert.Equal(["#SlowLiving", "#rivers"], tags.Select(t => t.Text("name")).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(tags, t => t.Text("href") == "http://localhost/tags/slow-living");
        Assert.Equal("http://localhost/media/hero.webp", article.GetProperty("image").Text("url"));
        Assert.Equal("image/webp", article.GetProperty("image").Text("mediaType"));
        Assert.False(article.TryGetProperty("replies", out _));
    }

    [Fact]
    public async Task AStoryNotPublishedIsA404()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var draft = await _app.Data.StoryAsync(community, author, status: StoryStatus.Draft);
        var pending = await _app.Data.StoryAsync(community, author, status: StoryStatus.Pending);

        await _app.NotFoundAsync($"/ap/stories/{draft.Id}");
        await _app.NotFoundAsync($"/ap/stories/{pending.Id}");
        await _app.NotFoundAsync("/ap/stories/0");
        await _app.NotFoundAsync("/ap/stories/twelve");
    }

    [Fact]
    public async Task AVisibleCommentIsANoteReplyingToTheStoryOrItsParent()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var maya = await _app.Data.PersonAsync();
        var reader = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, maya, "Slow Water");
        var first = await _app.Data.CommentAsync(story, reader, "Lovely <b>piece</b> about **rivers**.");
        var reply = await _app.Data.CommentAsync(story, maya, "Thank you!", parent: first);

        var note = await _app.ActivityAsync($"/ap/comments/{first.Id}");
        var answer = await _app.ActivityAsync($"/ap/comments/{reply.Id}");

        Assert.Equal($"http://localhost/ap/comments/{first.Id}", note.Text("id"));
        Assert.Equal("Note", note.Text("type"));
        Assert.Equal($"http://localhost/ap/people/{reader.Id}", note.Text("attributedTo"));
        Assert.Equal($"http://localhost/ap/stories/{story.Id}", note.Text("inReplyTo"));
        Assert.Contains("<strong>rivers</strong>", note.Text("content"));
        Assert.DoesNotContain("<b>", note.Text("content"));
        Assert.Equal($"http://localhost/rivers/slow-water#comment-{first.Id}", note.Text("url"));
        Assert.Equal(first.CreatedAt, note.GetProperty("published").GetDateTime().ToUniversalTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(["https://www.w3.org/ns/activitystreams#Public"], note.Strings("to"));
        Assert.Equal([$"http://localhost/ap/people/{maya.Id}"], note.Strings("cc"));
        Assert.Equal($"http://localhost/ap/comments/{first.Id}", answer.Text("inReplyTo"));
    }

    [Fact]
    public async Task AHiddenCommentOrOneOnAStoryNotPublishedIsA404()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author);
        var hidden = await _app.Data.CommentAsync(story, author, "Hidden.");
        var onUnpublished = await _app.Data.CommentAsync(story, author, "Gone with the story.");
        await _app.WithDbAsync(db => db.Comments.Where(c => c.Id == hidden.Id).ExecuteUpdateAsync(c => c.SetProperty(x => x.HiddenAt, _app.Clock.UtcNow)));
        await _app.NotFoundAsync($"/ap/comments/{hidden.Id}");
        await _app.ActivityAsync($"/ap/comments/{onUnpublished.Id}");

        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Stories.SingleAsync(s => s.Id == story.Id);
            tracked.Unpublish();
            await db.SaveChangesAsync();
        });

        await _app.NotFoundAsync($"/ap/comments/{onUnpublished.Id}");
        await _app.NotFoundAsync("/ap/comments/x1");
    }
}
