using System.Net.Http.Json;
using System.Net;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Writing;

public sealed class WritingFlowTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ANewUserWritesIsSentBackFixesAndIsPublished()
    {
        await _app.Data.CommunityAsync("brooks", "Brooks");
        using var author = _app.NewBrowser();
        var signUp = await author.PostFormAsync("/signup", new()
        {
            ["Input.Email"] = "wren@example.org", ["Input.UserName"] = "wren", ["Input.DisplayName"] = "Wren", ["Input.Password"] = "a long enough password",
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);

        // A validation error: too short for the community, and no subtitle. What was typed comes back.
        var tooShort = await author.PostStoryAsync(StoryForms.Fields("brooks", "Where the Brook Bends", subtitle: "", body: "**Unclosed bold and only a few words", handler: "Submit"));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var form = await tooShort.ReadHtmlAsync();
        Assert.StartsWith("Brooks asks for at least 100 words; this story has 7. Add 93 more.", form.QuerySelector("[data-valmsg-for='Input.Body']")?.TextContent);
        Assert.Contains("Add a subtitle", form.QuerySelector("[data-valmsg-for='Input.Subtitle']")?.TextContent);
        Assert.Equal("**Unclosed bold and only a few words", form.QuerySelector("textarea[name='Input.Body']")?.TextContent);
        Assert.Equal("Where the Brook Bends", form.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));

        // The formatting mistake shows in the preview the editor uses: the asterisks stay literal.
        var preview = await author.PostPreviewAsync("/write", "**Unclosed bold");
        Assert.Contains("**Unclosed bold", preview);

        var draft = await author.PostStoryAsync(StoryForms.Fields("brooks", "Where the Brook Bends", body: "**Fixed bold** " + StoryForms.Words(120), handler: "Submit"));
        var id = draft.StoryId();
        var inReview = await author.GetHtmlAsync("/me/stories");
        Assert.Contains("Number 1 in the review queue.", inReview.QuerySelector("[data-status=Pending]")?.TextContent);
        await _app.GetPageAsync("/brooks/where-the-brook-bends", HttpStatusCode.NotFound);

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        var queue = await moderator.Http.GetHtmlAsync("/moderation");
        Assert.Equal("Where the Brook Bends", queue.QuerySelector(".queue-item__title")?.TextContent);
        var sentBack = await moderator.Http.PostFormAsync($"/moderation/stories/{id}?handler=SendBack",
            [new("Reasons", "BelowQualityStandards"), new("Reasons", "OffTopic"), new("Note", "Tell us more about the brook itself.")],
            $"/moderation/stories/{id}");
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);

        var dashboard = await author.GetHtmlAsync("/me/stories");
        var item = dashboard.QuerySelector("[data-status=SentBack]")!;
        Assert.Contains("Below quality standards; Off-topic for the community", item.TextContent);
        Assert.Contains("Tell us more about the brook itself.", item.TextContent);
        var editor = await author.GetHtmlAsync($"/stories/{id}/edit");
        Assert.Contains("A moderator sent this story back.", editor.QuerySelector(".review-feedback")?.TextContent);

        var resubmitted = await author.PostStoryAsync(StoryForms.Fields("brooks", "Where the Brook Bends", body: StoryForms.Words(200, "brook"), handler: "Submit"), id);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        var approved = await moderator.Http.PostFormAsync($"/moderation/stories/{id}?handler=Approve", new(), $"/moderation/stories/{id}");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var community = await _app.GetPageAsync("/brooks");
        Assert.Equal("Where the Brook Bends", community.QuerySelector(".story-card__title")?.TextContent);
        var story = await _app.GetPageAsync("/brooks/where-the-brook-bends");
        Assert.Equal("Wren", story.QuerySelector(".byline a[rel=author]")?.TextContent);
        Assert.True(await _app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.RoleId == db.Roles.Single(x => x.Name == "creator").Id
            && r.UserId == db.Users.Single(u => u.UserName == "wren").Id)), "a published author becomes a creator");
    }

    [Fact]
    public async Task TrustedCreatorsPublishWithoutReview()
    {
        await _app.Data.CommunityAsync("trusty");
        using var trusted = await _app.ClientForAsync(Persona.Trusted);

        var response = await trusted.Http.PostStoryAsync(StoryForms.Fields("trusty", "Straight to Readers", handler: "Publish"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await _app.GetPageAsync("/trusty/straight-to-readers");
        var editor = await trusted.Http.GetHtmlAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Published. Your story is live.", editor.QuerySelector(".notice--success")?.TextContent);
    }

    [Fact]
    public async Task ReadersCannotSkipReview()
    {
        await _app.Data.CommunityAsync("gate");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostStoryAsync(StoryForms.Fields("gate", "Sneaking Past", handler: "Publish"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403", response.Headers.Location?.AbsolutePath);
        await _app.GetPageAsync("/gate/sneaking-past", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EditingAPublishedStoryKeepsItLiveAndUnpublishingHidesIt()
    {
        var community = await _app.Data.CommunityAsync("live");
        // Trusted: their edits go live at once; a reviewed creator's edits wait for a moderator (StoryRevisionTests).
        using var creator = await _app.ClientForAsync(Persona.Trusted);
        var story = await _app.Data.StoryAsync(community, creator.User!, "Live Wire", StoryForms.Words(150));

        var edited = await creator.Http.PostStoryAsync(StoryForms.Fields("live", "Live Wire, Revised", body: StoryForms.Words(160, "current")), story.Id);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var page = await _app.GetPageAsync("/live/live-wire");
        Assert.Equal("Live Wire, Revised", page.QuerySelector("h1")?.TextContent);
        Assert.Contains("current current", page.QuerySelector(".story-body")?.TextContent);

        var tooShort = await creator.Http.PostStoryAsync(StoryForms.Fields("live", "Live Wire", body: "tiny"), story.Id);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("current current", (await _app.GetPageAsync("/live/live-wire")).QuerySelector(".story-body")?.TextContent);

        await creator.Http.PostFormAsync($"/stories/{story.Id}/edit?handler=Unpublish", new(), $"/stories/{story.Id}/edit");
        await _app.GetPageAsync("/live/live-wire", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DraftsNeedOnlyATitleAndACommunity()
    {
        await _app.Data.CommunityAsync("drafty");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var missing = await (await reader.Http.PostStoryAsync(StoryForms.Fields("", "", subtitle: "", body: ""))).ReadHtmlAsync();
        Assert.Equal("Choose the community this story belongs to.", missing.QuerySelector("[data-valmsg-for='Input.Community']")?.TextContent);
        Assert.Contains("Give your story a title", missing.QuerySelector("[data-valmsg-for='Input.Title']")?.TextContent);

        var saved = await reader.Http.PostStoryAsync(StoryForms.Fields("drafty", "Half an Idea", subtitle: "", body: "just a start"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var dashboard = await reader.Http.GetHtmlAsync("/me/stories");
        Assert.Equal("Half an Idea", dashboard.QuerySelector("[data-status=Draft] .dashboard-item__title")?.TextContent);
    }

    [Theory]
    [InlineData("A, B, C, D, E, F", "at most 5 tags")]
    [InlineData("This tag is far far far too long to be a tag at all", "can’t be a tag")]
    public async Task BadTagsAreExplained(string tags, string message)
    {
        await _app.Data.CommunityAsync("tagged");
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var page = await (await reader.Http.PostStoryAsync(StoryForms.Fields("tagged", "Tag Soup", tags: tags))).ReadHtmlAsync();

        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.Tags']")?.TextContent);
        Assert.Equal(tags, page.QuerySelector("input[name='Input.Tags']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task SlugsStayUniqueWithinACommunity()
    {
        var community = await _app.Data.CommunityAsync("twins");
        await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), "Same Name");
        using var trusted = await _app.ClientForAsync(Persona.Trusted);

        await trusted.Http.PostStoryAsync(StoryForms.Fields("twins", "Same Name", handler: "Publish"));

        await _app.GetPageAsync("/twins/same-name-2");
    }

    [Fact]
    public async Task AutosaveKeepsADraftCurrentButNeverTouchesALiveStory()
    {
        await _app.Data.CommunityAsync("auto");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var id = (await reader.Http.PostStoryAsync(StoryForms.Fields("auto", "Autosaved"))).StoryId();

        var saved = await reader.Http.PostAutosaveAsync(id, new { title = "Autosaved Again", subtitle = "s", body = "Typed a moment ago", tags = "" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var editor = await reader.Http.GetHtmlAsync($"/stories/{id}/edit");
        Assert.Equal("Typed a moment ago", editor.QuerySelector("textarea[name='Input.Body']")?.TextContent);

        var noTitle = await reader.Http.PostAutosaveAsync(id, new { title = "", body = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.StatusCode);
        Assert.Equal("application/problem+json", noTitle.Content.Headers.ContentType?.MediaType);

        using var other = await _app.ClientForAsync(Persona.Reader);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAutosaveAsync(id, new { title = "Hijack", body = "x" })).StatusCode);

        var community = await _app.WithDbAsync(db => db.Communities.SingleAsync(c => c.Slug == "auto"));
        var live = await _app.Data.StoryAsync(community, reader.User!, "Already Live");
        Assert.Equal(HttpStatusCode.Conflict, (await reader.Http.PostAutosaveAsync(live.Id, new { title = "Changed", body = "x" })).StatusCode);
    }

    [Fact]
    public async Task AnExpiredSessionGetsAStatusNotASignInPage()
    {
        using var anonymous = _app.NewBrowser();
        var request = new HttpRequestMessage(HttpMethod.Post, "/write/autosave/1") { Content = JsonContent.Create(new { title = "x" }) };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
