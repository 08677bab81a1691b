using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Security;

public sealed class UserContentAnchorTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AStoryBodyCannotTakeOverTheSkipLinkOrACommentsAnchor()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "The Weir");
        var comment = await _app.Data.CommentAsync(story, await _app.Data.PersonAsync(), "The real comment");
        var body = $"# Main\n\n<p id=\"main\">Fake main</p> <a id=\"comment-{comment.Id}\" name=\"comment-{comment.Id}\">Fake comment</a>";
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.SetBody(body, StoryRenderer.Render(body));
            await db.SaveChangesAsync();
        });

        var page = await _app.GetPageAsync("/rivers/the-weir");

        Assert.Equal("MAIN", Assert.Single(page.QuerySelectorAll("#main, [name=main]")).TagName);
        var anchor = Assert.Single(page.QuerySelectorAll($"#comment-{comment.Id}, [name=comment-{comment.Id}]"));
        Assert.Contains("The real comment", anchor.TextContent);
    }
}
