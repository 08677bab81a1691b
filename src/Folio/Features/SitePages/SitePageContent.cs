using System.Reflection;
using Folio.Data;
using Folio.Shared.Markdown;
using Markdig;

namespace Folio.Features.SitePages;

public sealed record SitePage(string Title, string Html);

/// <summary>
/// Contact, privacy, terms and support: Folio's own text, unless the operator put
/// pages/{name}.md into the data directory.
/// </summary>
public sealed class SitePageContent(DataDirectory dataDirectory)
{
    public static readonly string[] Names = ["contact", "privacy", "terms", "support"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks().UsePipeTables().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();

    public async Task<SitePage?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        var markdown = await ReadOverrideAsync(name, cancellationToken) ?? await ReadBuiltInAsync(name);
        var (title, body) = SplitTitle(markdown, name);
        return new SitePage(title, SafeHtml.Sanitize(Markdown.ToHtml(body, Pipeline)));
    }

    private async Task<string?> ReadOverrideAsync(string name, CancellationToken cancellationToken)
    {
        var path = dataDirectory.File("pages", name + ".md");
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    private static async Task<string> ReadBuiltInAsync(string name)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"pages/{name}.md")
            ?? throw new InvalidOperationException($"The built-in page {name}.md is missing from the build.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    // The first "# Title" line becomes the page's h1, so the Markdown must not render a second one.
    private static (string Title, string Body) SplitTitle(string markdown, string name)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var titleIndex = Array.FindIndex(lines, line => line.StartsWith("# ", StringComparison.Ordinal));
        if (titleIndex < 0)
        {
            return (char.ToUpperInvariant(name[0]) + name[1..], markdown);
        }

        return (lines[titleIndex][2..].Trim(), string.Join('\n', lines.Where((_, index) => index != titleIndex)));
    }
}
