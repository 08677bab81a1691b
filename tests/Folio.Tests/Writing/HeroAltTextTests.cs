using System.Net;
using System.Text.Json;
using Folio.Features.Stories;
using Folio.Features.Transfer;
using Folio.Tests.Infrastructure;
using Folio.Tests.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Writing;

/// <summary>A hero's alt text and caption: required alt text before readers see it, shown on the page, in the API and the export.</summary>
public sealed class HeroAltTextTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static Dictionary<string, string> WithHeroText(Dictionary<string, string> fields, string alt, string caption = "")
    {
        fields["Input.HeroAltText"] = alt;
        fields["Input.HeroCaption"] = caption;
        return fields;
    }

    [Fact]
    public async Task SubmittingAStoryWithAHeroButNoAltTextIsRefusedKeepingTheTextAndThePicture()
    {
        await _app.Data.CommunityAsync("no-alt");
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var refused = await writer.Http.PostMultipartStoryAsync(
            WithHeroText(StoryForms.Fields("no-alt", "Misty River", handler: "Submit"), "", "The Wye at dawn"), SettingsForms.Picture(1200, 600));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var form = await refused.ReadHtmlAsync();
        Assert.Equal(HeroText.AltTextRequired, form.QuerySelector("[data-valmsg-for='Input.HeroAltText']")?.TextContent);
        Assert.Equal("Misty River", form.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
        Assert.Equal("The Wye at dawn", form.QuerySelector("input[name='Input.HeroCaption']")?.GetAttribute("value"));
        Assert.Matches("^/media/heroes/[0-9a-f]{32}-1200x600\\.jpg$", form.QuerySelector(".editor__hero-preview")?.GetAttribute("src"));
        var kept = form.QuerySelector("input[name='Input.KeptHero']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(kept));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Stories.CountAsync()));

        // The author adds the alt text and submits again without choosing the picture again.
        var fields = WithHeroText(StoryForms.Fields("no-alt", "Misty River", handler: "Submit"), "A heron in a misty river", "The Wye at dawn");
        fields["Input.KeptHero"] = kept!;
        var submitted = await writer.Http.PostMultipartStoryAsync(fields);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var story = await _app.WithDbAsync(db => db.Stories.SingleAsync());
        Assert.Equal(form.QuerySelector(".editor__hero-preview")?.GetAttribute("src"), story.HeroImageUrl);
        Assert.Equal(("A heron in a misty river", "The Wye at dawn"), (story.HeroAltText, story.HeroCaption));
    }

    [Fact]
    public async Task AKeptHeroTokenFromAnotherAuthorIsIgnored()
    {
        await _app.Data.CommunityAsync("borrowed");
        using var owner = await _app.ClientForAsync(Persona.Reader);
        using var other = await _app.ClientForAsync(Persona.Reader);
        var refused = await owner.Http.PostMultipartStoryAsync(StoryForms.Fields("borrowed", "Mine", handler: "Submit"), SettingsForms.Picture(800, 400));
        var kept = (await refused.ReadHtmlAsync()).QuerySelector("input[name='Input.KeptHero']")!.GetAttribute("value")!;

        var fields = WithHeroText(StoryForms.Fields("borrowed", "Theirs"), "Alt");
        fields["Input.KeptHero"] = kept;
        var saved = await other.Http.PostMultipartStoryAsync(fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(await _app.WithDbAsync(db => db.Stories.Select(s => s.HeroImageUrl).SingleAsync()));
    }

    [Fact]
    public async Task ADraftWithAHeroSavesWithoutAltText()
    {
        await _app.Data.CommunityAsync("drafts-alt");
        using var writer = await _app.ClientForAsync(Persona.Reader);

        var saved = await writer.Http.PostMultipartStoryAsync(StoryForms.Fields("drafts-alt", "Unfinished River"), SettingsForms.Picture(800, 400));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotNull(await _app.WithDbAsync(db => db.Stories.Select(s => s.HeroImageUrl).SingleAsync()));
    }

    [Fact]
    public async Task AltTextAndCaptionAreShownOnThePageAndCarriedByTheApiAndTheExport()
    {
        await _app.Data.CommunityAsync("captions");
        using var writer = await _app.ClientForAsync(Persona.Trusted);
        var published = await writer.Http.PostMultipartStoryAsync(
            WithHeroText(StoryForms.Fields("captions", "Kingfisher Bend", handler: "Publish"), "A kingfisher on a branch", "Photo: the author"),
            SettingsForms.Picture(1000, 500));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var page = await _app.GetPageAsync("/captions/kingfisher-bend");
        Assert.Equal("A kingfisher on a branch", page.QuerySelector("figure.story-hero img")?.GetAttribute("alt"));
        Assert.Equal("Photo: the author", page.QuerySelector("figure.story-hero figcaption")?.TextContent);

        var id = published.StoryId();
        using var api = await _app.ApiClientForAsync(Persona.Admin);
        var read = await (await api.GetAsync($"/api/v1/stories/{id}")).ReadJsonAsync();
        Assert.Equal("A kingfisher on a branch", read.GetProperty("heroAltText").GetString());
        Assert.Equal("Photo: the author", read.GetProperty("heroCaption").GetString());

        var changed = await api.PatchJsonAsync($"/api/v1/stories/{id}", new { heroCaption = "Photo: Wren" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("Photo: Wren", (await changed.ReadJsonAsync()).GetProperty("heroCaption").GetString());
        var refused = await api.PatchJsonAsync($"/api/v1/stories/{id}", new { heroAltText = "" });
        var problem = await refused.ReadProblemAsync(400);
        Assert.Equal(HeroText.AltTextRequired, problem.GetProperty("errors").GetProperty("heroAltText")[0].GetString());

        await using var scope = _app.Services.CreateAsyncScope();
        using var output = new MemoryStream();
        await ActivatorUtilities.CreateInstance<SiteExporter>(scope.ServiceProvider).ExportAsync(output, TransferProgress.None, CancellationToken.None);
        var exported = JsonDocument.Parse(output.ToArray()).RootElement.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == id);
        Assert.Equal("A kingfisher on a branch", exported.GetProperty("heroAltText").GetString());
        Assert.Equal("Photo: Wren", exported.GetProperty("heroCaption").GetString());
    }
}
