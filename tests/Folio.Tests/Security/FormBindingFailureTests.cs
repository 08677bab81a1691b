using System.Net;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;

namespace Folio.Tests.Security;

/// <summary>A form value that isn't of the field's type (a checkbox sent "abc", no follow=true|false) is a 400 that says so, never a 500.</summary>
public sealed class FormBindingFailureTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("creators", "abc")]
    [InlineData("creators", null)]
    [InlineData("communities", "abc")]
    [InlineData("communities", null)]
    public async Task AFollowFormWithoutTrueOrFalseIsABadRequest(string target, string? follow)
    {
        await _app.Data.PersonAsync("followed");
        await _app.Data.CommunityAsync("followed");
        using var reader = await _app.ClientForAsync(Persona.Reader);
        var fields = follow is null ? new List<KeyValuePair<string, string>>() : [new("follow", follow)];

        var response = await reader.Http.PostFormAsync($"/following/{target}/followed", fields, "/authors/followed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("follow", (await response.ReadHtmlAsync()).QuerySelector("main")?.TextContent);
    }

    [Fact]
    public async Task SignInWithANonBooleanRememberMeShowsTheFormAgain()
    {
        using var browser = _app.NewBrowser();

        var response = await browser.PostFormAsync("/signin", new() { ["Input.Login"] = "someone", ["Input.Password"] = "x", ["Input.RememberMe"] = "abc" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("someone", page.QuerySelector("input[name='Input.Login']")?.GetAttribute("value"));
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.RememberMe']")?.TextContent ?? "");
    }

    [Fact]
    public async Task TheEditorWithANonBooleanCheckboxKeepsTheStory()
    {
        await _app.Data.CommunityAsync("binding");
        using var writer = await _app.ClientForAsync(Persona.Creator);
        var fields = StoryForms.Fields("binding", "Kept title");
        fields["Input.CommentsEnabled"] = "abc";

        var created = await writer.Http.PostStoryAsync(fields);
        var story = await _app.Data.StoryAsync(await _app.Data.CommunityAsync(), writer.User!, title: "Existing");
        var edited = await writer.Http.PostStoryAsync(fields, story.Id);

        foreach (var response in new[] { created, edited })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.ReadHtmlAsync();
            Assert.Equal("Kept title", page.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
            Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.CommentsEnabled']")?.TextContent ?? "");
        }
    }

    [Fact]
    public async Task EmailChoicesWithANonBooleanValueAreRefused()
    {
        using var reader = await _app.ClientForAsync(Persona.Reader);

        var response = await reader.Http.PostFormAsync("/settings/email",
            new() { ["Input.Delivery"] = "Immediately", ["Input.EmailOnReply"] = "abc", ["Input.EmailOnReview"] = "true" }, "/settings/email");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.NotEmpty(page.QuerySelector("[data-valmsg-for='Input.EmailOnReply']")?.TextContent ?? "");
    }
}
