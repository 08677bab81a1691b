using Folio.Data;
using Folio.Features.Caching;
using Folio.Features.Challenges.Awards;
using Folio.Features.Federation;
using Folio.Features.Federation.Remote;
using Folio.Features.Labels;
using Folio.Features.Pins;
using Folio.Features.Series;
using Folio.Features.SharingCards;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Creators;

public sealed record CommunityFilter(string Slug, string Name, int StoryCount);

[OutputCache(PolicyName = PageCachePolicies.Listing)]
public sealed class ProfileModel(FolioDb db, PageHead head, FederationUrls ids, CurrentReadingChoices readers) : PageModel
{
    public FolioUser Creator { get; private set; } = null!;
    public IReadOnlyList<CommunityFilter> Communities { get; private set; } = [];
    public PagedList<StoryCard> Stories { get; private set; } = null!;
    public int TotalStories { get; private set; }
    public IReadOnlyList<ChallengeAward> Awards { get; private set; } = [];
    public IReadOnlyList<SeriesLink> Series { get; private set; } = [];

    /// <summary>On the first page of all their stories only; they stay in the list below too, so its counts and pages are unchanged.</summary>
    public IReadOnlyList<StoryCard> Pinned { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "community")]
    public string? CommunitySlug { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string username, CancellationToken cancellationToken)
    {
        var normalized = username.ToUpperInvariant();
        var creator = await db.Users.AsNoTracking().Include(u => u.Links)
            .FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (creator?.Id == FediverseAccount.Id)
        {
            // It stands in for people on other servers; their replies link to their own profiles.
            return NotFound();
        }

        if (creator is null)
        {
            // A creator who changed username keeps every old link working.
            var movedTo = await db.UsernameRedirects.Where(r => r.NormalizedOldUserName == normalized)
                .Select(r => r.User.UserName).FirstOrDefaultAsync(cancellationToken);
            return movedTo is null ? NotFound() : RedirectPermanent($"/authors/{movedTo}{Request.QueryString}");
        }

        Creator = creator;
        // Left out before the counting pass, so the community chips and the pager count what this reader sees.
        var published = db.Stories.Published().Where(s => s.AuthorId == creator.Id).VisibleTo(await readers.ForAsync(User, cancellationToken));
        // One pass over the creator's own stories, read from their index alone, grouped by community id before the
        // communities are joined: joined first, each of a prolific creator's thousands of stories looked its community up.
        Communities = await published.GroupBy(s => s.CommunityId).Select(g => new { CommunityId = g.Key, Count = g.Count() })
            .Join(db.Communities, g => g.CommunityId, c => c.Id, (g, c) => new { c.Slug, c.Name, g.Count })
            .OrderBy(f => f.Name)
            .Select(f => new CommunityFilter(f.Slug, f.Name, f.Count))
            .ToListAsync(cancellationToken);
        TotalStories = Communities.Sum(c => c.StoryCount);

        var shown = TotalStories;
        if (CommunitySlug is not null)
        {
            CommunitySlug = CommunitySlug.ToLowerInvariant();
            published = published.Where(s => s.Community.Slug == CommunitySlug);
            shown = Communities.FirstOrDefault(c => c.Slug == CommunitySlug)?.StoryCount ?? 0;
        }

        // The pass above counted the list already.
        Stories = await published.NewestFirst().ToCards().ToPagedListOfCountAsync(PageNumber, shown, cancellationToken: cancellationToken);
        if (Stories.IsPastEnd)
        {
            return NotFound();
        }

        if (CommunitySlug is null && Stories.Page == 1)
        {
            Pinned = await PinnedStories.ForProfileAsync(db, creator.Id, cancellationToken);
        }

        Awards = await ChallengeAwards.ForCreatorAsync(db, creator.Id, cancellationToken);
        Series = await SeriesLink.OfCreatorAsync(db, creator.Id, creator.UserName!, cancellationToken);
        head.Title = creator.DisplayName;
        head.ActivityPubId = ids.Person(creator.Id);
        head.Description = string.IsNullOrEmpty(creator.Bio) ? $"Stories by {creator.DisplayName}." : creator.Bio;
        head.Card = SharingCard.ForAuthor(creator.Id, creator.UserName!, creator.DisplayName, creator.Bio, creator.AvatarUrl);
        head.OpenGraphType = "profile";
        head.AddFeeds(creator.DisplayName, $"/authors/{creator.UserName}");
        return Page();
    }
}
