using System.Net;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Folio.Tests.Comments;

public sealed class CommentRateLimitTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReadersWhoCommentTooFastAreAskedToWaitAndKeepTheirText()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Popular");
        using var registered = await _app.ClientForAsync(Persona.Reader);
        using var others = await _app.ClientForAsync(Persona.Reader);

        // The same site and database, with a limit low enough to reach.
        using var limited = _app.WithWebHostBuilder(host => host.UseSetting("Folio:Comments:PerMinute", "2"));
        using var reader = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var another = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await reader.SignInAsync(registered.User!.UserName!, Personas.Password);
        await another.SignInAsync(others.User!.UserName!, Personas.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await reader.CommentAsync(story, "One")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.CommentAsync(story, "Two")).StatusCode);
        var third = await reader.CommentAsync(story, "Three, too soon");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        var page = await third.ReadHtmlAsync();
        Assert.Contains("You’re commenting faster than we allow; wait a minute and try again", page.QuerySelector("#comment-form [role=alert]")?.TextContent);
        Assert.Equal("Three, too soon", page.QuerySelector("textarea[name=Body]")?.TextContent);
        Assert.Equal(2, await _app.CommentCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await another.CommentAsync(story, "Someone else's turn")).StatusCode);
    }

    [Fact]
    public async Task RefusedPostsDoNotUseUpTheLimit()
    {
        var community = await _app.Data.CommunityAsync("talk");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Patient");
        using var registered = await _app.ClientForAsync(Persona.Reader);
        using var limited = _app.WithWebHostBuilder(host => host.UseSetting("Folio:Comments:PerMinute", "1"));
        using var reader = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await reader.SignInAsync(registered.User!.UserName!, Personas.Password);

        await reader.CommentAsync(story, "");
        await reader.CommentAsync(story, "spam", website: "x");

        Assert.Equal(HttpStatusCode.Redirect, (await reader.CommentAsync(story, "Finally")).StatusCode);
    }
}
