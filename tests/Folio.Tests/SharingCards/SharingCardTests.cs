using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Folio.Features.Communities;
using Folio.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using SkiaSharp;

namespace Folio.Tests.SharingCards;

public sealed class SharingCardTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string? Meta(IHtmlDocument page, string key) =>
        page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

    private HttpClient Client() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Fetches a card and checks it is a PNG of 1200 × 630 that may be cached for good.</summary>
    private async Task<SKBitmap> CardAsync(string url)
    {
        using var client = Client();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
        return bitmap;
    }

    [Fact]
    public async Task StoryWithoutAHeroSharesAGeneratedCardOf1200By630()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        var story = await _app.Data.StoryAsync(community, author, "The Weir");

        var page = await _app.GetPageAsync("/rivers/the-weir");

        var image = Meta(page, "og:image");
        Assert.StartsWith($"http://localhost/cards/stories/{story.Id}-", image);
        Assert.EndsWith(".png", image);
        Assert.Equal(image, Meta(page, "twitter:image"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal("1200", Meta(page, "og:image:width"));
        Assert.Equal("630", Meta(page, "og:image:height"));
        Assert.Equal("“The Weir” by Wren Adeyemi, in Rivers, on Folio", Meta(page, "og:image:alt"));
        Assert.Equal(Meta(page, "og:image:alt"), Meta(page, "twitter:image:alt"));
        using var card = await CardAsync(image!);
        // The community's accent fills the card, and the title is drawn on it in white.
        Assert.Equal(SKColor.Parse("#2f6b45"), card.GetPixel(1150, 40));
        Assert.True(InkIn(card, SKRectI.Create(80, 190, 1040, 300), SKColors.White) > 2000, "the title should be drawn in white");
    }

    [Fact]
    public async Task StoryWithARasterHeroSharesTheHeroAndWithAnSvgHeroTheCard()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        var photographed = await _app.Data.StoryAsync(community, author, "Photographed");
        var drawn = await _app.Data.StoryAsync(community, author, "Drawn");
        await _app.WithDbAsync(async db =>
        {
            db.AttachRange(photographed, drawn);
            photographed.HeroImageUrl = "/media/heroes/0123456789abcdef0123456789abcdef.jpg";
            drawn.HeroImageUrl = "/demo/images/a-dry-beck.svg";
            await db.SaveChangesAsync();
        });

        var withPhoto = await _app.GetPageAsync("/rivers/photographed");
        var withDrawing = await _app.GetPageAsync("/rivers/drawn");

        Assert.Equal("http://localhost/media/heroes/0123456789abcdef0123456789abcdef.jpg", Meta(withPhoto, "og:image"));
        Assert.Equal("summary_large_image", Meta(withPhoto, "twitter:card"));
        Assert.Null(Meta(withPhoto, "og:image:width"));
        Assert.StartsWith($"http://localhost/cards/stories/{drawn.Id}-", Meta(withDrawing, "og:image"));
    }

    [Fact]
    public async Task EditingTheTitleGivesANewCardAddressAndTheOldOneRedirectsToIt()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Before the flood");
        var before = Meta(await _app.GetPageAsync($"/rivers/{story.Slug}"), "og:image")!;
        (await CardAsync(before)).Dispose();

        await _app.WithDbAsync(async db =>
        {
            db.Attach(story);
            story.Title = "After the flood";
            await db.SaveChangesAsync();
        });
        // The page was cached for anonymous readers; the edit evicted it, so it names the new card.
        var after = Meta(await _app.GetPageAsync($"/rivers/{story.Slug}"), "og:image")!;

        Assert.NotEqual(before, after);
        using var client = Client();
        using var stale = await client.GetAsync(before);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(new Uri(after).AbsolutePath, stale.Headers.Location?.OriginalString);
        (await CardAsync(after)).Dispose();
        // The old version's file is gone; only the current one is kept.
        var folder = Path.Combine(_app.DataDirectory, "cards", "stories", story.Id.ToString());
        Assert.Equal([Path.GetFileName(new Uri(after).AbsolutePath).Split('-')[^1]], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task RenamingACommunityGivesItsPagesAndItsStoriesNewCards()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "The Weir");
        var storyBefore = Meta(await _app.GetPageAsync("/rivers/the-weir"), "og:image");
        var communityBefore = Meta(await _app.GetPageAsync("/rivers"), "og:image");

        await _app.WithDbAsync(async db =>
        {
            db.Attach(community);
            community.Name = "Rivers and Streams";
            await db.SaveChangesAsync();
        });

        Assert.NotEqual(storyBefore, Meta(await _app.GetPageAsync("/rivers/the-weir"), "og:image"));
        Assert.NotEqual(communityBefore, Meta(await _app.GetPageAsync("/rivers"), "og:image"));
        Assert.StartsWith($"http://localhost/cards/stories/{story.Id}-", storyBefore);
    }

    [Fact]
    public async Task CommunityAuthorAndHomePagesShareARasterCard()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        await _app.Data.StoryAsync(community, author, "The Weir", tags: ["Rivers"]);

        var communityImage = Meta(await _app.GetPageAsync("/rivers"), "og:image");
        var authorImage = Meta(await _app.GetPageAsync("/authors/wren"), "og:image");
        var homeImage = Meta(await _app.GetPageAsync("/"), "og:image");

        Assert.StartsWith("http://localhost/cards/communities/rivers-", communityImage);
        Assert.StartsWith("http://localhost/cards/authors/wren-", authorImage);
        Assert.StartsWith("http://localhost/cards/site-", homeImage);
        Assert.StartsWith("Folio: ", Meta(await _app.GetPageAsync("/"), "og:image:alt"));
        foreach (var image in new[] { communityImage, authorImage, homeImage })
        {
            (await CardAsync(image!)).Dispose();
        }
    }

    [Fact]
    public async Task NoPageOffersAnSvgToLinkPreviews()
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var author = await _app.Data.PersonAsync("wren", "Wren Adeyemi");
        await _app.Data.StoryAsync(community, author, "The Weir", tags: ["Rivers"]);

        foreach (var url in new[] { "/", "/explore", "/rivers", "/authors/wren", "/rivers/the-weir", "/tags/rivers" })
        {
            var page = await _app.GetPageAsync(url);
            foreach (var key in new[] { "og:image", "twitter:image" })
            {
                var image = Meta(page, key);
                Assert.True(image is not null && image.EndsWith(".png", StringComparison.Ordinal), $"{url}: {key} is {image}");
            }

            if (page.QuerySelector("script[type='application/ld+json']") is { } script)
            {
                using var json = JsonDocument.Parse(script.TextContent);
                Assert.EndsWith(".png", json.RootElement.GetProperty("image").GetString());
            }
        }
    }

    [Theory]
    [InlineData("/cards/stories/999999-0123456789abcdef.png")]
    [InlineData("/cards/stories/abc-0123456789abcdef.png")]
    [InlineData("/cards/communities/nowhere-0123456789abcdef.png")]
    [InlineData("/cards/authors/nobody-0123456789abcdef.png")]
    [InlineData("/cards/communities/rivers.png")]
    [InlineData("/cards/communities/rivers-short.png")]
    [InlineData("/cards/communities/rivers-0123456789ABCDEF.png")]
    [InlineData("/cards/communities/rivers-0123456789abcdef.jpg")]
    [InlineData("/cards/site-xyz.png")]
    public async Task UnknownOrMalformedCardsAreNotFound(string url)
    {
        await _app.Data.CommunityAsync("rivers");
        using var client = Client();

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUnpublishedStoryHasNoCard()
    {
        var community = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        var draft = await _app.Data.StoryAsync(community, author, status: Features.Stories.StoryStatus.Draft);
        using var client = Client();

        using var response = await client.GetAsync($"/cards/stories/{draft.Id}-0123456789abcdef.png");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnotherVersionOfAKnownCardRedirectsToTheCurrentOne()
    {
        await _app.Data.CommunityAsync("rivers", "Rivers");
        var current = Meta(await _app.GetPageAsync("/rivers"), "og:image")!;
        using var client = Client();

        using var response = await client.GetAsync("/cards/communities/rivers-0123456789abcdef.png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(current).AbsolutePath, response.Headers.Location?.OriginalString);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task ManyFirstRequestsAtOnceAllGetTheSameCard()
    {
        var community = await _app.Data.CommunityAsync("rivers");
        var author = await _app.Data.PersonAsync();
        var story = await _app.Data.StoryAsync(community, author, "Everyone at once");
        var image = Meta(await _app.GetPageAsync($"/rivers/{story.Slug}"), "og:image")!;
        using var client = Client();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await client.GetAsync(image);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync();
        }));

        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        var folder = Path.Combine(_app.DataDirectory, "cards", "stories", story.Id.ToString());
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public async Task AnUploadedLogoIsDrawnAndAVectorOneGivesAMonogram()
    {
        var withLogo = await _app.Data.CommunityAsync("rivers", "Rivers");
        await _app.Data.CommunityAsync("lakes", "Lakes");
        var logo = "0123456789abcdef0123456789abcdef.png";
        var folder = Path.Combine(_app.DataDirectory, "media", "communities");
        Directory.CreateDirectory(folder);
        using (var red = new SKBitmap(256, 256))
        {
            red.Erase(SKColors.Red);
            using var png = red.Encode(SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(Path.Combine(folder, logo), png.ToArray());
        }

        await _app.WithDbAsync(async db =>
        {
            db.Attach(withLogo);
            withLogo.LogoUrl = $"/media/communities/{logo}";
            await db.SaveChangesAsync();
        });

        using var logoCard = await CardAsync(Meta(await _app.GetPageAsync("/rivers"), "og:image")!);
        using var monogramCard = await CardAsync(Meta(await _app.GetPageAsync("/lakes"), "og:image")!);

        Assert.Equal(SKColors.Red, logoCard.GetPixel(128, 112));
        Assert.NotEqual(SKColors.Red, monogramCard.GetPixel(128, 112));
        Assert.True(InkIn(monogramCard, SKRectI.Create(80, 64, 96, 96), SKColors.White) > 100, "the monogram's letter should be drawn");
    }

    [Fact]
    public async Task ALightAccentGetsDarkText()
    {
        var community = await _app.Data.CommunityAsync("sand", "Sand");
        await _app.WithDbAsync(async db =>
        {
            db.Attach(community);
            community.AccentColor = "#f4e9c8";
            await db.SaveChangesAsync();
        });

        using var card = await CardAsync(Meta(await _app.GetPageAsync("/sand"), "og:image")!);

        Assert.Equal(SKColor.Parse("#f4e9c8"), card.GetPixel(1150, 40));
        Assert.True(InkIn(card, SKRectI.Create(80, 190, 1040, 300), new SKColor(0x1b, 0x1e, 0x25)) > 1000, "the name should be drawn in dark ink");
    }

    [Fact]
    public void CommunitiesCannotTakeTheCardsAddress() => Assert.True(CommunitySlugRules.IsReserved("cards"));

    /// <summary>Pixels in the area within a small distance of the colour.</summary>
    private static int InkIn(SKBitmap card, SKRectI area, SKColor ink)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var pixel = card.GetPixel(x, y);
                if (Math.Abs(pixel.Red - ink.Red) + Math.Abs(pixel.Green - ink.Green) + Math.Abs(pixel.Blue - ink.Blue) < 30)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
