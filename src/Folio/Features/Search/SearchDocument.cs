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
        var parser = new HtmlParser();
        return rows.Select(r => new SearchDocument(
                r.Id,
                SearchMarkup.Clean(r.Title),
                SearchMarkup.Clean(r.Subtitle),
                SearchMarkup.Clean(parser.ParseDocument(r.BodyHtml).Body?.TextContent ?? ""),
                SearchMarkup.Clean(string.Join(", ", r.Tags)),
                SearchMarkup.Clean(r.Author)))
            .ToList();
    }
}
