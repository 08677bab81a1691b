using System.Security.Claims;
using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Series;

/// <summary>Who subscribes to a series, and the subscribe button on its page and in its parts' series box.</summary>
public sealed class SeriesFollows(FolioDb db, TimeProvider clock)
{
    public async Task<FollowButton> ButtonAsync(ClaimsPrincipal user, int seriesId, string title, string pagePath, CancellationToken cancellationToken)
    {
        var key = seriesId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var me = user.Identity?.IsAuthenticated == true ? user.UserId() : null;
        if (me is null)
        {
            return new FollowButton(FollowTarget.Series, key, title, FollowButtonState.SignedOut, false, null, pagePath);
        }

        // One command: whose series it is, and the count for its creator or whether this reader subscribes.
        var state = await db.Series.Where(s => s.Id == seriesId)
            .Select(s => new
            {
                Own = s.AuthorId == me,
                Count = s.AuthorId == me ? db.SeriesSubscriptions.Count(x => x.SeriesId == seriesId) : 0,
                Subscribed = db.SeriesSubscriptions.Any(x => x.SeriesId == seriesId && x.UserId == me),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return state is { Own: true }
            ? new FollowButton(FollowTarget.Series, key, title, FollowButtonState.Own, false, state.Count, pagePath)
            : new FollowButton(FollowTarget.Series, key, title, FollowButtonState.CanFollow, state?.Subscribed == true, null, pagePath);
    }

    /// <summary>Idempotent both ways; not found when there is no such series, refused (in words) when it is the reader's own.</summary>
    public async Task<(bool Found, string? Refusal, string? PagePath)> SetSubscribedAsync(string userId, int seriesId, bool subscribed, CancellationToken cancellationToken)
    {
        var series = await db.Series.Where(s => s.Id == seriesId).Select(s => new { s.AuthorId, s.Slug, s.Author.UserName }).FirstOrDefaultAsync(cancellationToken);
        if (series is null)
        {
            return (false, null, null);
        }

        var path = SeriesLinks.Path(series.UserName!, series.Slug);
        if (series.AuthorId == userId)
        {
            return (true, "You can’t subscribe to your own series.", path);
        }

        var existing = db.SeriesSubscriptions.Where(s => s.SeriesId == seriesId && s.UserId == userId);
        if (!subscribed)
        {
            await existing.ExecuteDeleteAsync(cancellationToken);
        }
        else if (!await existing.AnyAsync(cancellationToken))
        {
            db.SeriesSubscriptions.Add(new SeriesSubscription { UserId = userId, SeriesId = seriesId, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The same click arrived twice at once and the other request stored it.
                db.ChangeTracker.Clear();
            }
        }

        return (true, null, path);
    }
}
