using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Labels;
using Folio.Features.Stories;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Subscriptions;

public sealed record FollowedCreator(string Username, string DisplayName, string? AvatarUrl);

public sealed record FollowedCommunity(string Slug, string Name, string? LogoUrl);

/// <summary>/following: the newest stories from the creators someone subscribes to and the communities they follow.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FollowingModel(FolioDb db, PageHead head, CurrentReadingChoices readers) : PageModel
{
    public PagedList<StoryCard> Stories { get; private set; } = null!;
    public IReadOnlyList<FollowedCreator> Creators { get; private set; } = [];
    public IReadOnlyList<FollowedCommunity> Communities { get; private set; } = [];
    public bool FollowsAnything => Creators.Count > 0 || Communities.Count > 0;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.RequiredUserId();

        // One query over stories, so a story both by a subscribed creator and in a followed community shows once.
        Stories = await db.Stories.Published().VisibleTo(await readers.ForAsync(User, cancellationToken))
            .Where(s => s.AuthorId != me
                && (db.Subscriptions.Any(x => x.SubscriberId == me && x.CreatorId == s.AuthorId)
                    || db.CommunityFollows.Any(f => f.UserId == me && f.CommunityId == s.CommunityId)))
            .NewestFirst().ToCards().ToPagedListAsync(PageNumber, cancellationToken: cancellationToken);
        if (Stories.IsPastEnd)
        {
            return NotFound();
        }

        Creators = await db.Subscriptions.Where(s => s.SubscriberId == me)
            .OrderBy(s => s.Creator.DisplayName)
            .Select(s => new FollowedCreator(s.Creator.UserName!, s.Creator.DisplayName, s.Creator.AvatarUrl))
            .ToListAsync(cancellationToken);
        Communities = await db.CommunityFollows.Where(f => f.UserId == me)
            .OrderBy(f => f.Community.Name)
            .Select(f => new FollowedCommunity(f.Community.Slug, f.Community.Name, f.Community.LogoUrl))
            .ToListAsync(cancellationToken);

        head.Title = "Following";
        head.Description = "New stories from the creators and communities you follow.";
        return Page();
    }
}
