using Folio.Data;
using Folio.Features.Caching;
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
public sealed class ExploreModel(FolioDb db, StoryRankings rankings, PageHead head) : PageModel
{
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
            .Select(c => new CommunitySummary(c.Slug, c.Name, c.Tagline, c.LogoUrl, c.StoryCount))
            .ToPagedListAsync(PageNumber, CommunitiesPerPage, cancellationToken);
        if (Communities.IsPastEnd && Communities.TotalCount > 0)
        {
            return NotFound();
        }

        Latest = await db.Stories.Published().NewestFirst().ToCards().Take(6).ToListAsync(cancellationToken);
        Trending = await db.Stories.CardsInOrderAsync((await rankings.GetAsync(cancellationToken)).Trending, cancellationToken);
        TopStories = (await TopStoryList.LoadAsync(db, 1, 3, cancellationToken)).Items;
        return Page();
    }
}
