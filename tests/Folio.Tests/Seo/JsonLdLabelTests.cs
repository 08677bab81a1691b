using System.Text.Json;
using Folio.Features.Labels;
using Folio.Tests.Infrastructure;
using Folio.Tests.Labels;

namespace Folio.Tests.Seo;

/// <summary>A story page's JSON-LD states its labels with schema.org's own terms: contentRating and digitalSourceType.</summary>
public sealed class JsonLdLabelTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<JsonElement> ArticleAsync(string title, StoryMaking making, ContentWarnings warnings = ContentWarnings.None, string? note = null)
    {
        var community = await _app.Data.CommunityAsync("rivers", "Rivers");
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), title);
        await _app.LabelAsync(story, making, warnings, note);
        var page = await _app.GetPageAsync($"/rivers/{story.Slug}");
        return JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.Clone();
    }

    [Fact]
    public async Task AWarnedAiGeneratedStoryHasAContentRatingAndTheIptcSourceTypeForTrainedAlgorithmicMedia()
    {
        var article = await ArticleAsync("The Weir", StoryMaking.AiGenerated, ContentWarnings.Abuse | ContentWarnings.Spoilers, "A <hard> ending");

        Assert.Equal("Content warning: Abuse, Spoilers; A <hard> ending.", article.GetProperty("contentRating").GetString());
        Assert.Equal("https://schema.org/TrainedAlgorithmicMediaDigitalSource", article.GetProperty("digitalSourceType").GetString());
    }

    [Fact]
    public async Task AnAiAssistedStoryIsACompositeWithTrainedAlgorithmicMedia()
    {
        var article = await ArticleAsync("Helped", StoryMaking.AiAssistedEditing);

        Assert.Equal("https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource", article.GetProperty("digitalSourceType").GetString());
        Assert.False(article.TryGetProperty("contentRating", out _));
    }

    [Fact]
    public async Task AStoryWrittenByAPersonWithoutWarningsClaimsNeither()
    {
        var article = await ArticleAsync("Plain", StoryMaking.WrittenByAPerson);

        Assert.False(article.TryGetProperty("contentRating", out _));
        Assert.False(article.TryGetProperty("digitalSourceType", out _));
    }
}
