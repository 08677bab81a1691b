using Folio.Shared.Markdown;
using Markdig;
using Markdig.Parsers;

namespace Folio.Features.Comments;

/// <summary>Markdown-lite for comments: paragraphs, emphasis, links, code and quotes; no headings, images or HTML.</summary>
public static class CommentRenderer
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    public static string Render(string body) => SafeHtml.SanitizeComment(Markdown.ToHtml(body, Pipeline));

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks();
        builder.BlockParsers.TryRemove<HeadingBlockParser>();
        builder.BlockParsers.TryRemove<ThematicBreakParser>();
        builder.BlockParsers.TryRemove<ListBlockParser>();
        builder.BlockParsers.TryRemove<IndentedCodeBlockParser>();
        return builder.Build();
    }
}
