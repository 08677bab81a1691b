using Folio.Data;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Shared;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Curation;

public sealed record TopStory(StoryCard Card, string Note, DateTime MarkedAt);

/// <summary>Published Top stories, the newest pick first, each with its curator's note.</summary>
public static class TopStoryList
{
    public static async Task<PagedList<TopStory>> LoadAsync(FolioDb db, ReadingChoices choices, int page, int pageSize, CancellationToken cancellationToken)
    {
        var picks = await db.Stories.Published().Where(s => s.TopStoryAt != null).VisibleTo(choices)
            .OrderByDescending(s => s.TopStoryAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, Note = s.TopStoryNote ?? "", MarkedAt = s.TopStoryAt!.Value })
            .ToPagedListAsync(page, pageSize, cancellationToken);
        var ids = picks.Items.Select(p => p.Id).ToList();
        var cards = await db.Stories.Where(s => ids.Contains(s.Id)).ToCards().ToDictionaryAsync(c => c.Id, cancellationToken);
        var items = picks.Items.Select(p => new TopStory(cards[p.Id], p.Note, p.MarkedAt)).ToList();
        return picks.WithItems(items);
    }
}
