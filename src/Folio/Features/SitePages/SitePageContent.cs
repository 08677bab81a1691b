using System.Reflection;
using Folio.Data;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;

namespace Folio.Features.SitePages;

public sealed record SitePage(string Title, string Html);

/// <summary>
/// Contact, privacy, terms and support: the text an admin wrote at /admin/site/pages, else pages/{name}.md in the
/// data directory if the operator put one there, else Folio's own. Rendered as stories are (<see cref="StoryRenderer"/>).
/// </summary>
public sealed class SitePageContent(DataDirectory dataDirectory, CurrentSite current)
{
    public static readonly string[] Names = ["contact", "privacy", "terms", "support"];

    public async Task<SitePage?> LoadAsync(string name, CancellationToken cancellationToken)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        var markdown = (await current.GetAsync(cancellationToken)).MarkdownFor(name) ?? await DefaultMarkdownAsync(name, cancellationToken);
        return Render(markdown, name);
    }

    /// <summary>The text a page shows when no admin has written one: the data directory's, else Folio's own.</summary>
    public async Task<string> DefaultMarkdownAsync(string name, CancellationToken cancellationToken) =>
        await ReadOverrideAsync(name, cancellationToken) ?? await ReadBuiltInAsync(name);

    public static SitePage Render(string markdown, string name)
    {
        var (title, body) = SplitTitle(markdown, name);
        return new SitePage(title, StoryRenderer.Render(body).Html);
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
