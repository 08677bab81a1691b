using Markdig;
using Microsoft.AspNetCore.Html;

namespace Folio.Features.Developers;

/// <summary>OpenAPI descriptions are CommonMark (`field` names in backticks); raw HTML in them is shown as text.</summary>
public static class ApiText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent Html(string markdown) => new HtmlString(Markdown.ToHtml(markdown, Pipeline));
}
