using AngleSharp.Html.Parser;
using Folio.Features.Stories;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Search;

/// <summary>What the index holds for one published story, as plain text with no highlight markers in it.</summary>
public sealed record SearchDocument(int StoryId, string Title, string Subtitle, string Body, string Tags, string Author)
{
    public static async Task<List<SearchDocument>> LoadAsync(IQueryable<Story> stories, CancellationToken cancellationToken)
    {
        var rows = await stories.Published().AsNoTracking()
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.Subtitle,
                s.BodyHtml,
                Tags = s.Tags.Select(t => t.Name).ToList(),
                Author = s.Author.DisplayName + " " + s.Author.UserName,
            })
            .ToListAsync(cancellationToken);
        // Reading a body's text means parsing its HTML: the costly part of indexing, so spread over the cores.
        return rows.AsParallel().AsOrdered().Select(r => new SearchDocument(
                r.Id,
                SearchMarkup.Clean(r.Title),
                SearchMarkup.Clean(r.Subtitle),
                SearchMarkup.Clean(new HtmlParser().ParseDocument(r.BodyHtml).Body?.TextContent ?? ""),
                SearchMarkup.Clean(string.Join(", ", r.Tags)),
                SearchMarkup.Clean(r.Author)))
            .ToList();
    }
}
