using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Stories;

/// <summary>How a hero reaches readers: a picture of WebP and JPEG widths on the story page and on cards, or one img for a legacy URL.</summary>
public sealed class HeroPictureTests : IDisposable
{
    private const string Stored = "/media/heroes/0123456789abcdef0123456789abcdef-1600x900.jpg";

    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Story> StoryWithHeroAsync(string community, string title, string hero, string? alt = null, string? caption = null)
    {
        var place = await _app.Data.CommunityAsync(community);
        var story = await _app.Data.StoryAsync(place, await _app.Data.PersonAsync(), title);
        await _app.WithDbAsync(async db =>
        {
            var stored = await db.Stories.FindAsync(story.Id);
            stored!.HeroImageUrl = hero;
            stored.HeroAltText = alt;
            stored.HeroCaption = caption;
            await db.SaveChangesAsync();
        });
        return story;
    }

    [Fact]
    public async Task TheStoryPageServesTheHeroInEveryWidthWithItsAltTextAndCaption()
    {
        var story = await StoryWithHeroAsync("pictures", "Heron Morning", Stored, "A heron standing in a misty river", "The Wye at dawn");

        var page = await _app.GetPageAsync(StoryLinks.Path("pictures", story.Slug));

        var figure = page.QuerySelector("figure.story-hero")!;
        var webp = figure.QuerySelector("picture > source[type='image/webp']")!;
        Assert.Equal(
            "/media/heroes/0123456789abcdef0123456789abcdef-1600x900-480.webp 480w, /media/heroes/0123456789abcdef0123456789abcdef-1600x900-800.webp 800w, "
            + "/media/heroes/0123456789abcdef0123456789abcdef-1600x900-1200.webp 1200w, /media/heroes/0123456789abcdef0123456789abcdef-1600x900.webp 1600w",
            webp.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(webp.GetAttribute("sizes")));
        var img = figure.QuerySelector("picture > img")!;
        Assert.Equal(Stored, img.GetAttribute("src"));
        Assert.Contains("-480.jpg 480w", img.GetAttribute("srcset"));
        Assert.Equal(webp.GetAttribute("sizes"), img.GetAttribute("sizes"));
        Assert.Equal(("1600", "900"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("A heron standing in a misty river", img.GetAttribute("alt"));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("The Wye at dawn", figure.QuerySelector("figcaption")?.TextContent);
    }

    [Fact]
    public async Task CardsLoadTheHeroLazilyWithItsWidthsAndSize()
    {
        await StoryWithHeroAsync("card-pictures", "Heron Evening", Stored);

        var page = await _app.GetPageAsync("/card-pictures");

        var img = page.QuerySelector(".story-card__image picture > img")!;
        Assert.Equal(("lazy", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
        Assert.Equal(("1600", "900"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains("800w", img.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        Assert.Contains("-800.webp 800w", page.QuerySelector(".story-card__image picture > source[type='image/webp']")?.GetAttribute("srcset"));
    }

    [Fact]
    public async Task AHeroStoredBeforeVariantsIsOneImageWithASize()
    {
        var story = await StoryWithHeroAsync("legacy-pictures", "Old Heron", "/media/heroes/0123456789abcdef0123456789abcdef.jpg");

        var page = await _app.GetPageAsync(StoryLinks.Path("legacy-pictures", story.Slug));

        Assert.Null(page.QuerySelector("figure.story-hero picture"));
        var img = page.QuerySelector("figure.story-hero > img")!;
        Assert.Equal("/media/heroes/0123456789abcdef0123456789abcdef.jpg", img.GetAttribute("src"));
        Assert.Null(img.GetAttribute("srcset"));
        Assert.Equal(("1200", "675"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("", img.GetAttribute("alt"));
        Assert.Null(page.QuerySelector("figure.story-hero figcaption"));
        var card = (await _app.GetPageAsync("/legacy-pictures")).QuerySelector(".story-card__image > img")!;
        Assert.Equal(("lazy", "1200", "675"), (card.GetAttribute("loading"), card.GetAttribute("width"), card.GetAttribute("height")));
    }

    [Fact]
    public async Task PicturesFolioStoredInABodyGetTheirSizeAndWidths()
    {
        var rendered = StoryRenderer.Render("![A kingfisher](/media/images/0123456789abcdef0123456789abcdef-1200x800.jpg)\n\n![Elsewhere](https://example.org/x.jpg)");

        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(rendered.Html);
        var images = document.QuerySelectorAll("img");
        Assert.Equal(("1200", "800", "lazy", "async"), (images[0].GetAttribute("width"), images[0].GetAttribute("height"), images[0].GetAttribute("loading"), images[0].GetAttribute("decoding")));
        Assert.Contains("0123456789abcdef0123456789abcdef-1200x800-480.jpg 480w", images[0].GetAttribute("srcset"));
        Assert.Equal(("lazy", "async"), (images[1].GetAttribute("loading"), images[1].GetAttribute("decoding")));
        Assert.Null(images[1].GetAttribute("width"));
    }
}
