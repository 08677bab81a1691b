using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Comments;
using Folio.Features.Curation;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Explore;

public sealed record CommunitySummary(string Slug, string Name, string Tagline, string? LogoUrl, int StoryCount);

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class ExploreModel(FolioDb db, TimeProvider clock, PageHead head) : PageModel
{
    private const int TrendingWindowDays = 60;

    private const int CommunitiesPerPage = 24;

    public PagedList<CommunitySummary> Communities { get; private set; } = null!;
    public IReadOnlyList<StoryCard> Trending { get; private set; } = [];
    public IReadOnlyList<StoryCard> Latest { get; private set; } = [];
    public IReadOnlyList<TopStory> TopStories { get; private set; } = [];

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        head.Title = "Explore";
        head.Description = "Every community on this site, the stories readers are talking about, and the newest ones.";

        Communities = await db.Communities
            .OrderBy(c => c.Name)
            .Select(c => new CommunitySummary(c.Slug, c.Name, c.Tagline, c.LogoUrl,
                db.Stories.Published().Count(s => s.CommunityId == c.Id)))
            .ToPagedListAsync(PageNumber, CommunitiesPerPage, cancellationToken);
        if (Communities.IsPastEnd && Communities.TotalCount > 0)
        {
            return NotFound();
        }

        Latest = await db.Stories.Published().NewestFirst().ToCards().Take(6).ToListAsync(cancellationToken);
        Trending = await TrendingAsync(cancellationToken);
        TopStories = (await TopStoryList.LoadAsync(db, 1, 3, cancellationToken)).Items;
        return Page();
    }

    private async Task<IReadOnlyList<StoryCard>> TrendingAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-TrendingWindowDays);
        var candidates = await db.Stories.Published()
            .Where(s => s.PublishedAt >= since)
            .Select(s => new
            {
                s.Id,
                PublishedAt = s.PublishedAt!.Value,
                Hearts = s.Hearts.Count,
                InsightReaders = s.Insights.Select(i => i.ReaderId).Distinct().Count(),
                Comments = s.Comments.AsQueryable().Count(CommentQueries.IsShown),
                Reads = db.StoryReadDays.Where(d => d.StoryId == s.Id).Sum(d => d.Reads),
            })
            .ToListAsync(cancellationToken);

        var top = candidates
            .OrderByDescending(c => Explore.Trending.Score(c.Hearts, c.InsightReaders, c.Comments, c.Reads, (now - c.PublishedAt).TotalHours))
            .Take(6)
            .Select(c => c.Id)
            .ToList();

        var cards = await db.Stories.Where(s => top.Contains(s.Id)).ToCards().ToListAsync(cancellationToken);
        return cards.OrderBy(card => top.IndexOf(card.Id)).ToList();
    }
}
