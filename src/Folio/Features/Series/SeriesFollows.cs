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

        if (await db.Series.AnyAsync(s => s.Id == seriesId && s.AuthorId == me, cancellationToken))
        {
            var count = await db.SeriesSubscriptions.CountAsync(s => s.SeriesId == seriesId, cancellationToken);
            return new FollowButton(FollowTarget.Series, key, title, FollowButtonState.Own, false, count, pagePath);
        }

        var subscribed = await db.SeriesSubscriptions.AnyAsync(s => s.SeriesId == seriesId && s.UserId == me, cancellationToken);
        return new FollowButton(FollowTarget.Series, key, title, FollowButtonState.CanFollow, subscribed, null, pagePath);
    }

    /// <summary>Idempotent both ways; false when there is no such series or it is the reader's own.</summary>
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
