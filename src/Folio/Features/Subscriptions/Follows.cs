using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Subscriptions;

/// <summary>
/// Who follows whom, and who may see the numbers: a creator sees their own subscriber count, moderators see a
/// community's follower count (a community has no owner), and nobody else sees either.
/// </summary>
public sealed class Follows(FolioDb db, IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<FollowButton> ForCreatorAsync(ClaimsPrincipal user, FolioUser creator, CancellationToken cancellationToken = default)
    {
        var pageUrl = $"/authors/{creator.UserName}";
        var me = UserId(user);
        if (me is null)
        {
            return new FollowButton(FollowTarget.Creator, creator.UserName!, creator.DisplayName, FollowButtonState.SignedOut, false, null, pageUrl);
        }

        if (me == creator.Id)
        {
            var count = await db.Subscriptions.CountAsync(s => s.CreatorId == creator.Id, cancellationToken);
            return new FollowButton(FollowTarget.Creator, creator.UserName!, creator.DisplayName, FollowButtonState.Own, false, count, pageUrl);
        }

        var following = await IsSubscribedAsync(me, creator.Id, cancellationToken);
        return new FollowButton(FollowTarget.Creator, creator.UserName!, creator.DisplayName, FollowButtonState.CanFollow, following, null, pageUrl);
    }

    public async Task<FollowButton> ForCommunityAsync(ClaimsPrincipal user, Community community, CancellationToken cancellationToken = default)
    {
        var pageUrl = $"/{community.Slug}";
        var me = UserId(user);
        if (me is null)
        {
            return new FollowButton(FollowTarget.Community, community.Slug, community.Name, FollowButtonState.SignedOut, false, null, pageUrl);
        }

        var following = await IsFollowingAsync(me, community.Id, cancellationToken);
        var count = await CommunityCountVisibleToAsync(user, community.Id, cancellationToken);
        return new FollowButton(FollowTarget.Community, community.Slug, community.Name, FollowButtonState.CanFollow, following, count, pageUrl);
    }

    public Task<bool> IsSubscribedAsync(string subscriberId, string creatorId, CancellationToken cancellationToken = default) =>
        db.Subscriptions.AnyAsync(s => s.SubscriberId == subscriberId && s.CreatorId == creatorId, cancellationToken);

    public Task<bool> IsFollowingAsync(string userId, int communityId, CancellationToken cancellationToken = default) =>
        db.CommunityFollows.AnyAsync(f => f.UserId == userId && f.CommunityId == communityId, cancellationToken);

    public async Task<int?> CommunityCountVisibleToAsync(ClaimsPrincipal user, int communityId, CancellationToken cancellationToken = default) =>
        (await authorization.AuthorizeAsync(user, Policies.Moderate)).Succeeded
            ? await db.CommunityFollows.CountAsync(f => f.CommunityId == communityId, cancellationToken)
            : null;

    /// <summary>Idempotent both ways: a double click or a second tab never fails or flips the answer back.</summary>
    public async Task SetSubscribedAsync(string subscriberId, string creatorId, bool subscribed, CancellationToken cancellationToken = default)
    {
        if (!subscribed)
        {
            await db.Subscriptions.Where(s => s.SubscriberId == subscriberId && s.CreatorId == creatorId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (!await IsSubscribedAsync(subscriberId, creatorId, cancellationToken))
        {
            db.Subscriptions.Add(new Subscription { SubscriberId = subscriberId, CreatorId = creatorId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await SaveIgnoringDuplicateAsync(cancellationToken);
        }
    }

    public async Task SetFollowingAsync(string userId, int communityId, bool following, CancellationToken cancellationToken = default)
    {
        if (!following)
        {
            await db.CommunityFollows.Where(f => f.UserId == userId && f.CommunityId == communityId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (!await IsFollowingAsync(userId, communityId, cancellationToken))
        {
            db.CommunityFollows.Add(new CommunityFollow { UserId = userId, CommunityId = communityId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            await SaveIgnoringDuplicateAsync(cancellationToken);
        }
    }

    private async Task SaveIgnoringDuplicateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same click arrived twice at once and the other request stored it: the outcome is what was asked.
            db.ChangeTracker.Clear();
        }
    }

    private static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.UserId() : null;
}
