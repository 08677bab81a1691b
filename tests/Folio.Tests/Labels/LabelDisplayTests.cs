using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Tests.Infrastructure;

namespace Folio.Tests.Labels;

public sealed class LabelDisplayTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Story> LabelledAsync(string title, StoryLabelSet labels)
    {
        var community = await _app.Data.CommunityAsync();
        var story = await _app.Data.StoryAsync(community, await _app.Data.PersonAsync(), title);
        await _app.WithDbAsync(async db =>
        {
            (await db.Stories.FindAsync(story.Id))!.Label(labels);
            await db.SaveChangesAsync();
        });
        story.Community = community;
        return story;
    }

    private Task CoverWarnedStoriesAsync(SignedInClient reader) => _app.WithDbAsync(async db =>
    {
        (await db.Users.FindAsync(reader.User!.Id))!.CoverWarnedStories = true;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task TheStoryPageShowsTheLabelsBeforeTheBody()
    {
        var story = await LabelledAsync("Made With Help", new(StoryMaking.AiGenerated, ContentWarnings.Violence | ContentWarnings.SelfHarm, "A shipwreck"));

        var page = await _app.GetPageAsync(StoryLinks.Path(story));

        var labels = page.QuerySelector("header .story-labels")!;
        Assert.Equal("ai-generated", labels.QuerySelector("[data-making]")?.GetAttribute("data-making"));
        Assert.Contains("AI-generated", labels.TextContent);
        Assert.Equal("Violence, Self-harm", labels.QuerySelector("[data-warnings]")?.TextContent);
        Assert.Equal("A shipwreck", labels.QuerySelector("[data-warning-note]")?.TextContent);
        Assert.True(labels.CompareDocumentPosition(page.QuerySelector(".story-body")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Null(page.QuerySelector("[data-story-cover]"));
    }

    [Fact]
    public async Task AStoryWrittenByAPersonWithoutWarningsShowsNoLabels()
    {
        var story = await LabelledAsync("Plainly Told", StoryLabelSet.None);

        var page = await _app.GetPageAsync(StoryLinks.Path(story));

        Assert.Null(page.QuerySelector("[data-labels]"));
    }

    [Fact]
    public async Task CardsCarryTheLabelsCompactly()
    {
        var ai = await LabelledAsync("Card Made By AI", new(StoryMaking.AiAssistedEditing, ContentWarnings.None, null));
        var warned = await LabelledAsync("Card With Warnings", new(StoryMaking.WrittenByAPerson, ContentWarnings.Abuse, "Grief"));
        var plain = await LabelledAsync("Card Without Labels", StoryLabelSet.None);

        var aiCard = await CardAsync(ai);
        Assert.Equal("AI-assisted editing", aiCard.QuerySelector("[data-making]")?.TextContent);
        Assert.Null(aiCard.QuerySelector("[data-warnings]"));

        var warnedCard = await CardAsync(warned);
        Assert.Null(warnedCard.QuerySelector("[data-making]"));
        Assert.Equal("Content warnings: Abuse, Grief", warnedCard.QuerySelector("[data-warnings]")?.TextContent.Trim());

        Assert.Null((await CardAsync(plain)).QuerySelector("[data-labels]"));
    }

    private async Task<AngleSharp.Dom.IElement> CardAsync(Story story)
    {
        var list = await _app.GetPageAsync($"/{story.Community.Slug}");
        return list.QuerySelectorAll(".story-card").Single(c => c.QuerySelector(".story-card__title")?.TextContent.Trim() == story.Title);
    }

    [Fact]
    public async Task AReaderWhoAskedFindsAWarnedStoryBehindShowStory()
    {
        var story = await LabelledAsync("Behind The Cover", new(StoryMaking.WrittenByAPerson, ContentWarnings.Spoilers, null));
        using var reader = await _app.ClientForAsync(Persona.Reader);
        await CoverWarnedStoriesAsync(reader);

        var page = await reader.Http.GetHtmlAsync(StoryLinks.Path(story));

        var cover = page.QuerySelector("details[data-story-cover]")!;
        Assert.Null(cover.GetAttribute("open"));
        Assert.Contains("Show story", cover.QuerySelector("summary")?.TextContent);
        Assert.NotNull(cover.QuerySelector(".story-body"));
        Assert.Contains("Spoilers", page.QuerySelector("header .story-labels")?.TextContent);
    }

    [Fact]
    public async Task OnlyWarnedStoriesAreCoveredAndOnlyForReadersWhoAsked()
    {
        var warned = await LabelledAsync("Warned For Some", new(StoryMaking.WrittenByAPerson, ContentWarnings.None, "Loud noises"));
        var ai = await LabelledAsync("Only Made With AI", new(StoryMaking.AiGenerated, ContentWarnings.None, null));
        using var asked = await _app.ClientForAsync(Persona.Reader);
        await CoverWarnedStoriesAsync(asked);
        using var didNotAsk = await _app.ClientForAsync(Persona.Reader);

        Assert.NotNull((await asked.Http.GetHtmlAsync(StoryLinks.Path(warned))).QuerySelector("[data-story-cover]"));
        Assert.Null((await asked.Http.GetHtmlAsync(StoryLinks.Path(ai))).QuerySelector("[data-story-cover]"));
        Assert.Null((await didNotAsk.Http.GetHtmlAsync(StoryLinks.Path(warned))).QuerySelector("[data-story-cover]"));

        // Signed out, after a covered reader's visit: the cached page shows everything, with the labels.
        var signedOut = await _app.GetPageAsync(StoryLinks.Path(warned));
        Assert.Null(signedOut.QuerySelector("[data-story-cover]"));
        Assert.NotNull(signedOut.QuerySelector(".story-body"));
        Assert.Contains("Loud noises", signedOut.QuerySelector("header .story-labels")?.TextContent);
    }
}
