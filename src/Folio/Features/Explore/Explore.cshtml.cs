using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Curation;
using Folio.Features.Labels;
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
public sealed class ExploreModel(FolioDb db, StoryRankings rankings, PageHead head, CurrentReadingChoices readers) : PageModel
{
    public const int TrendingShown = 6;
    private const int CommunitiesPerPage = 24;
    private const int TopStoriesShown = 3;
    private const int LatestShown = 6;

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
        if (Communities.IsPastEnd)
        {
            return NotFound();
        }

        // Each story once on the page: Top stories are the moderators' picks, Trending leaves them out, and Latest
        // leaves out both, each still taking a full list where the site has enough stories.
        var choices = await readers.ForAsync(User, cancellationToken);
        TopStories = (await TopStoryList.LoadAsync(db, choices, 1, TopStoriesShown, cancellationToken)).Items;
        var shown = TopStories.Select(pick => pick.Card.Id).ToList();
        // Every ranked story is asked for, so a list that leaves out what the reader hides still fills from those below.
        var trending = (await rankings.GetAsync(cancellationToken)).Trending.Except(shown).ToList();
        Trending = (await db.Stories.VisibleTo(choices).CardsInOrderAsync(trending, cancellationToken)).Take(TrendingShown).ToList();
        shown.AddRange(Trending.Select(card => card.Id));
        Latest = await db.Stories.Published().VisibleTo(choices).Where(s => !shown.Contains(s.Id)).NewestFirst().ToCards().Take(LatestShown).ToListAsync(cancellationToken);
        return Page();
    }
}
