using System.Net;
using System.Net.Http.Headers;
using Folio.Shared.Images;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Writing;

/// <summary>Pictures leave the disk with the stories that used them, unless another story still does.</summary>
public sealed class StoryImageCleanupTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>Uploads a picture as the editor does (POST /write/images) and returns its URL.</summary>
    internal static async Task<string> UploadAsync(HttpClient browser, int width = 1000, int height = 750)
    {
        var editor = await browser.GetHtmlAsync("/write");
        var token = editor.QuerySelector("form[data-editor] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(SettingsForms.Picture(width, height));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(part, "file", "picture.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/write/images") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("url").GetString()!;
    }

    internal static string BodyWith(string url) => $"{StoryForms.Words(60)}\n\n![A heron on the weir]({url})\n\n{StoryForms.Words(90)}";

    /// <summary>Every stored file of the picture: each width, JPEG and WebP.</summary>
    internal static string[] FilesOf(FolioApp app, string url)
    {
        var folder = Path.Combine(app.DataDirectory, "media", url.Split('/')[2]);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(url) + "*") : [];
    }

    internal static async Task AssertGoneAsync(FolioApp app, HttpClient browser, string url)
    {
        Assert.Empty(FilesOf(app, url));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(url.Replace(".jpg", "-480.webp"))).StatusCode);
    }

    internal static async Task AssertKeptAsync(FolioApp app, HttpClient browser, string url)
    {
        // Each stored width (480, 800… and its own), as JPEG and WebP.
        Assert.Equal(ResponsiveImage.Parse(url)!.FileNames().Count(), FilesOf(app, url).Length);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AnInlinePictureIsDeletedWithItsStoryOnceNoOtherStoryUsesIt()
    {
        await _app.Data.CommunityAsync("pictures");
        using var writer = await _app.ClientForAsync(Persona.Reader);
        var url = await UploadAsync(writer.Http);
        var first = (await writer.Http.PostStoryAsync(StoryForms.Fields("pictures", "First Heron", body: BodyWith(url)))).StoryId();
        // The second names a smaller width of the same picture, with the site's address, as a copied link would.
        var second = (await writer.Http.PostStoryAsync(StoryForms.Fields("pictures", "Second Heron",
            body: BodyWith("http://localhost" + url.Replace(".jpg", "-480.jpg"))))).StoryId();
        using var moderator = await _app.ApiClientForAsync(Persona.Moderator);
        await AssertKeptAsync(_app, writer.Http, url);

        Assert.Equal(HttpStatusCode.NoContent, (await moderator.DeleteAsync($"/api/v1/stories/{first}")).StatusCode);
        await AssertKeptAsync(_app, writer.Http, url);

        Assert.Equal(HttpStatusCode.NoContent, (await moderator.DeleteAsync($"/api/v1/stories/{second}")).StatusCode);
        await AssertGoneAsync(_app, writer.Http, url);
        Assert.Equal(0, await _app.WithDbAsync(db => db.StoryImages.CountAsync()));
    }

    [Fact]
    public async Task AnEditThatDropsThePictureStopsCountingItAsUsed()
    {
        await _app.Data.CommunityAsync("edits");
        using var writer = await _app.ClientForAsync(Persona.Reader);
        var url = await UploadAsync(writer.Http);
        var id = (await writer.Http.PostStoryAsync(StoryForms.Fields("edits", "Heron Then None", body: BodyWith(url)))).StoryId();
        Assert.Equal([url], await _app.WithDbAsync(db => db.StoryImages.Where(i => i.StoryId == id).Select(i => i.Url).ToListAsync()));

        await writer.Http.PostStoryAsync(StoryForms.Fields("edits", "Heron Then None", body: StoryForms.Words(150)), id);

        Assert.Empty(await _app.WithDbAsync(db => db.StoryImages.Where(i => i.StoryId == id).ToListAsync()));
    }

    [Fact]
    public async Task DeletingAnAccountWithItsStoriesDeletesTheirHeroesAndInlinePictures()
    {
        await _app.Data.CommunityAsync("leaving");
        using var writer = await _app.ClientForAsync(Persona.Reader);
        var inline = await UploadAsync(writer.Http);
        var withHero = await writer.Http.PostMultipartStoryAsync(StoryForms.Fields("leaving", "Hero And Heron", body: BodyWith(inline)), SettingsForms.Picture(900, 450));
        Assert.Equal(HttpStatusCode.Redirect, withHero.StatusCode);
        var hero = await _app.WithDbAsync(db => db.Stories.Select(s => s.HeroImageUrl).SingleAsync());
        Assert.NotNull(hero);
        await AssertKeptAsync(_app, writer.Http, hero);

        var deleted = await writer.Http.PostFormAsync("/settings/data?handler=Delete", new()
        {
            ["Deletion.Stories"] = "Delete",
            ["Deletion.Password"] = Personas.Password,
        }, "/settings/data");

        Assert.Equal("/goodbye", deleted.Headers.Location?.OriginalString);
        using var visitor = _app.NewBrowser();
        await AssertGoneAsync(_app, visitor, inline);
        await AssertGoneAsync(_app, visitor, hero);
    }
}
