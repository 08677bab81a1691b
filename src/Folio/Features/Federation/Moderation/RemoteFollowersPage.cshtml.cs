using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Moderation;
using Folio.Pages.Shared;
using Folio.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Federation.Moderation;

/// <summary>One remote follower as the moderators' list shows it.</summary>
public sealed record RemoteFollowerRow(string ActorUri, string? Username, string Host, string? ProfileUrl, DateTime Since)
{
    public string Handle => $"@{Username ?? "?"}@{Host}";
}

/// <summary>Who on the fediverse follows one creator or community, newest first, each with a way to block them or their server.</summary>
[Authorize(Policy = Policies.Moderate)]
public sealed class RemoteFollowersPageModel(FolioDb db, FollowedActors followed, PageHead head) : PageModel
{
    private const int PageSize = 50;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public FollowedActor Owner { get; private set; } = null!;
    public PagedList<RemoteFollowerRow> Followers { get; private set; } = null!;
    public ModerationTabs Tabs { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string ownerId, CancellationToken cancellationToken)
    {
        if (FollowedActors.KindOf(kind) is not { } actorKind || await followed.FindAsync(actorKind, ownerId, cancellationToken) is not { } owner)
        {
            return NotFound();
        }

        Owner = owner;
        head.Title = $"Remote followers of {owner.Name}";
        Followers = await db.RemoteFollowers.AsNoTracking()
            .Where(f => f.Kind == actorKind && f.OwnerId == ownerId)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Select(f => new RemoteFollowerRow(f.RemoteActor.Uri, f.RemoteActor.PreferredUsername, f.RemoteActor.Host, f.RemoteActor.ProfileUrl, f.CreatedAt))
            .ToPagedListOfCountAsync(PageNumber, owner.RemoteFollowers, PageSize, cancellationToken);
        if (Followers.IsPastEnd)
        {
            return NotFound();
        }

        Tabs = await ModerationTabs.LoadAsync(db, "fediverse", cancellationToken);
        return Page();
    }
}
