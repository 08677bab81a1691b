using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Stories;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Pins;

/// <summary>
/// Pins and unpins stories, for the pages and the API alike. A creator pins their own published stories to their
/// profile; an admin (Folio has no per-community moderators; admins look after communities) pins a community's.
/// The pin is a time on the story, so a save of it evicts the cached pages that list it (StalePages).
/// </summary>
public sealed class StoryPins(FolioDb db, IAuthorizationService authorization, TimeProvider clock)
{
    public const int Limit = 3;

    public async Task<PinOutcome> PinAsync(int storyId, PinPlace place, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null)
        {
            return PinOutcome.NoSuchStory;
        }

        if (!await MayPinAsync(story, place, user))
        {
            return PinOutcome.NotAllowed;
        }

        if (story.Status != StoryStatus.Published)
        {
            return PinOutcome.NotPublished;
        }

        if (PinnedAt(story, place) is not null)
        {
            return PinOutcome.Pinned;
        }

        if (await CountAsync(story, place, cancellationToken) >= Limit)
        {
            return PinOutcome.Full;
        }

        SetPinnedAt(story, place, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return PinOutcome.Pinned;
    }

    public async Task<PinOutcome> UnpinAsync(int storyId, PinPlace place, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var story = await db.Stories.FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        if (story is null)
        {
            return PinOutcome.NoSuchStory;
        }

        if (!await MayPinAsync(story, place, user))
        {
            return PinOutcome.NotAllowed;
        }

        if (PinnedAt(story, place) is not null)
        {
            SetPinnedAt(story, place, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        return PinOutcome.Unpinned;
    }

    public async Task<bool> MayPinAsync(Story story, PinPlace place, ClaimsPrincipal user) => place == PinPlace.Profile
        ? user.UserId() == story.AuthorId && (await authorization.AuthorizeAsync(user, Policies.Write)).Succeeded
        : (await authorization.AuthorizeAsync(user, Policies.Moderate)).Succeeded;

    private Task<int> CountAsync(Story story, PinPlace place, CancellationToken cancellationToken) => place == PinPlace.Profile
        ? db.Stories.Published().CountAsync(s => s.AuthorId == story.AuthorId && s.ProfilePinnedAt != null, cancellationToken)
        : db.Stories.Published().CountAsync(s => s.CommunityId == story.CommunityId && s.CommunityPinnedAt != null, cancellationToken);

    public static DateTime? PinnedAt(Story story, PinPlace place) =>
        place == PinPlace.Profile ? story.ProfilePinnedAt : story.CommunityPinnedAt;

    private static void SetPinnedAt(Story story, PinPlace place, DateTime? at)
    {
        if (place == PinPlace.Profile)
        {
            story.ProfilePinnedAt = at;
        }
        else
        {
            story.CommunityPinnedAt = at;
        }
    }
}
