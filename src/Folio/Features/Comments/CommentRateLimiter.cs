using Folio.Features.Scaling;
using Microsoft.Extensions.Options;

namespace Folio.Features.Comments;

/// <summary>
/// Each reader's comments per minute and per hour, counted across every node. Taken by the posting itself rather
/// than by middleware, so that only comments that would be saved count, and so that the refusal is the comment page
/// with its 429 message and the reader's text still in the box.
/// </summary>
public sealed class CommentRateLimiter(IRateLimitCounter counter, IOptions<CommentOptions> options)
{
    /// <summary>Takes one comment from the reader's minute and hour; refused when either is used up.</summary>
    public async Task<RateDecision> TryTakeAsync(string userId, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var minute = await counter.TryTakeAsync("comments:" + userId, limits.PerMinute, TimeSpan.FromMinutes(1), cancellationToken);
        return minute.Allowed
            ? await counter.TryTakeAsync("comments:" + userId, limits.PerHour, TimeSpan.FromHours(1), cancellationToken)
            : minute;
    }
}
