using Folio.Shared.Markdown;
using Markdig;

namespace Folio.Features.Stories;

public sealed record RenderedStory(string Html, int WordCount, int ImageCount, int ReadingMinutes);

/// <summary>Markdown to stored, sanitised HTML with its word count and reading time; runs once, when a story is saved.</summary>
public static class StoryRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseFigures()
        .Build();

    public static RenderedStory Render(string markdown)
    {
        // One parse: the sanitised document gives the stored markup, the words and the images.
        using var document = SafeHtml.SanitizeDom(Markdown.ToHtml(markdown, Pipeline));
        var html = SafeHtml.BodyHtml(document);
        var words = CountWords(document.Body?.TextContent ?? "");
        var images = document.Images.Length;
        return new RenderedStory(html, words, images, ReadingTime.Minutes(words, images));
    }

    /// <summary>Many bodies at once (an import's batch), rendered in parallel over the cores.</summary>
    public static RenderedStory[] RenderAll(IReadOnlyList<string> markdown)
    {
        var rendered = new RenderedStory[markdown.Count];
        Parallel.For(0, markdown.Count, i => rendered[i] = Render(markdown[i]));
        return rendered;
    }

    public static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
}
