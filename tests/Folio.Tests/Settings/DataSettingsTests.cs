using System.Net;
using System.Text.Json;
using Folio.Features.Insights;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Settings;

public sealed class DataSettingsTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ExportHoldsTheUsersOwnDataAndNoSecrets()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var someoneElse = await _app.Data.PersonAsync();
        var published = await _app.Data.StoryAsync(community, creator.User!, "The Heron at Dawn");
        await _app.Data.StoryAsync(community, creator.User!, "An Unfinished Draft", status: StoryStatus.Draft);
        var theirs = await _app.Data.StoryAsync(community, someoneElse, "Not Mine At All");
        await _app.Data.CommentAsync(theirs, creator.User!, "A kind word about herons.");
        await _app.Data.HeartAsync(theirs, creator.User!);
        await _app.Data.InsightsAsync(theirs, creator.User!, InsightQuality.EyeOpening);

        var response = await creator.Http.GetAsync("/settings/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\n  ", text);
        var hash = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == creator.User!.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain(hash!, text);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(creator.User!.UserName, root.GetProperty("profile").GetProperty("userName").GetString());
        var titles = root.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("title").GetString()).ToList();
        Assert.Equal(["The Heron at Dawn", "An Unfinished Draft"], titles);
        Assert.Contains("## A heading", root.GetProperty("stories")[0].GetProperty("markdown").GetString());
        Assert.Equal("Draft", root.GetProperty("stories")[1].GetProperty("status").GetString());
        Assert.Equal($"/{community.Slug}/{published.Slug}", root.GetProperty("stories")[0].GetProperty("url").GetString());
        Assert.Equal("A kind word about herons.", root.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal("Not Mine At All", root.GetProperty("heartsGiven")[0].GetProperty("storyTitle").GetString());
        Assert.Equal("EyeOpening", root.GetProperty("insightsGiven")[0].GetProperty("insight").GetString());
        Assert.Equal(0, root.GetProperty("reportsFiled").GetArrayLength());
    }

    [Fact]
    public async Task DeletingTheAccountButKeepingStoriesCreditsThemToAFormerMember()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Stays After I Go");
        await _app.Data.CommentAsync(story, creator.User!, "Thanks for reading, all.");

        var response = await creator.Http.PostFormAsync("/settings/data?handler=Delete", new()
        {
            ["Deletion.Stories"] = "KeepAnonymously",
            ["Deletion.Password"] = Personas.Password,
        }, "/settings/data");

        Assert.Equal("/goodbye", response.Headers.Location?.OriginalString);
        var goodbye = await creator.Http.GetHtmlAsync("/goodbye");
        Assert.Contains("Your account is deleted", goodbye.QuerySelector("h1")?.TextContent);
        Assert.NotNull(goodbye.QuerySelector(".account-nav a[href='/signup']"));
        var page = await _app.GetPageAsync($"/{community.Slug}/{story.Slug}");
        Assert.Contains("Former member", page.QuerySelector("main")?.TextContent);
        Assert.DoesNotContain(creator.User!.DisplayName, page.QuerySelector("main")?.TextContent);
        Assert.Contains("Thanks for reading, all.", page.QuerySelector(".comment__body")?.TextContent);
        Assert.Null(await _app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == creator.User.Id)));
        await _app.GetPageAsync($"/authors/{creator.User.UserName}", HttpStatusCode.NotFound);
        var former = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "anonymous"));
        Assert.Null(former.PasswordHash);
        Assert.True(former.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
    }

    [Fact]
    public async Task DeletingTheAccountWithItsStoriesTakesThemOffline()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Gone With Me");
        var other = await _app.Data.PersonAsync();
        var theirs = await _app.Data.StoryAsync(community, other, "Someone Else's Story");
        var mine = await _app.Data.CommentAsync(theirs, creator.User!, "A comment someone answered.");
        await _app.Data.CommentAsync(theirs, other, "The answer stays.", parent: mine);
        await _app.Data.CommentAsync(theirs, creator.User!, "A comment nobody answered.");

        var response = await creator.Http.PostFormAsync("/settings/data?handler=Delete", new()
        {
            ["Deletion.Stories"] = "Delete",
            ["Deletion.Password"] = Personas.Password,
        }, "/settings/data");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await _app.GetPageAsync($"/{community.Slug}/{story.Slug}", HttpStatusCode.NotFound);
        var page = await _app.GetPageAsync($"/{community.Slug}/{theirs.Slug}");
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("The answer stays.", text);
        Assert.Contains("This comment was deleted.", text);
        Assert.DoesNotContain("A comment someone answered.", text);
        Assert.DoesNotContain("A comment nobody answered.", text);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Stories.CountAsync(s => s.Title == "Gone With Me")));
    }

    [Fact]
    public async Task DeletionNeedsThePasswordAndAChoiceAboutStories()
    {
        var community = await _app.Data.CommunityAsync();
        using var creator = await _app.ClientForAsync(Persona.Creator);
        await _app.Data.StoryAsync(community, creator.User!);

        var response = await creator.Http.PostFormAsync("/settings/data?handler=Delete", new()
        {
            ["Deletion.Password"] = "not the password",
        }, "/settings/data");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains("Choose whether your stories", page.QuerySelector("[data-valmsg-for='Deletion.Stories']")?.TextContent);
        var again = await (await creator.Http.PostFormAsync("/settings/data?handler=Delete", new()
        {
            ["Deletion.Stories"] = "Delete",
            ["Deletion.Password"] = "not the password",
        }, "/settings/data")).ReadHtmlAsync();
        Assert.Equal("That password is not right.", again.QuerySelector("[data-valmsg-for='Deletion.Password']")?.TextContent);
        Assert.True(again.QuerySelector("input[name='Deletion.Stories'][value='Delete']")?.HasAttribute("checked"));
        Assert.NotNull(await _app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == creator.User!.Id)));
        using var visitor = _app.NewBrowser();
        Assert.Equal("/", (await visitor.GetAsync("/goodbye")).Headers.Location?.OriginalString);
    }
}
