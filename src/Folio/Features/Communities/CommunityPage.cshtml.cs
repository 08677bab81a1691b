using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Federation;
using Folio.Features.Labels;
using Folio.Features.Pins;
using Folio.Features.SharingCards;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Communities;

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class CommunityPageModel(FolioDb db, PageHead head, FederationUrls ids, CurrentReadingChoices readers) : PageModel
{
    public Community Community { get; private set; } = null!;
    public PagedList<StoryCard> Stories { get; private set; } = null!;

    /// <summary>On the first page only; they stay in the list below too, so its counts and pages are unchanged.</summary>
    public IReadOnlyList<StoryCard> Pinned { get; private set; } = [];

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    // Model binding gives null for a blank segment ("/%20").
    public async Task<IActionResult> OnGetAsync(string? community, CancellationToken cancellationToken)
    {
        if (community is null)
        {
            return NotFound();
        }

        var found = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == community.ToLowerInvariant(), cancellationToken);
        if (found is null)
        {
            return await db.MovedToAsync(community, cancellationToken) is { } movedTo
                ? RedirectPermanent(CommunitySlugRedirects.MovedPath(Request, movedTo))
                : NotFound();
        }

        Community = found;
        var choices = await readers.ForAsync(User, cancellationToken);
        Stories = await db.Stories.Published().Where(s => s.CommunityId == found.Id).VisibleTo(choices)
            .NewestFirst().ToCards().ToPagedListForAsync(choices, PageNumber, found.StoryCount, cancellationToken);
        if (Stories.IsPastEnd)
        {
            return NotFound();
        }

        if (Stories.Page == 1)
        {
            Pinned = await PinnedStories.ForCommunityAsync(db, found.Id, cancellationToken);
        }

        head.Title = found.Name;
        head.ActivityPubId = ids.Group(found.Id);
        head.Description = string.IsNullOrEmpty(found.Tagline) ? found.Description : found.Tagline;
        head.Card = SharingCard.ForCommunity(found.Id, found.Slug, found.Name, found.Tagline, found.AccentColor, found.LogoUrl);
        head.AddFeeds(found.Name, $"/{found.Slug}");
        return Page();
    }
}
