using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Folio.Shared.Images;

/// <summary>
/// The decoded pixels the whole process holds at once, shared by every upload: one that would exceed it waits
/// (in arrival order) until earlier ones finish, so many uploads at once take turns instead of taking all the memory.
/// </summary>
public sealed class PixelBudget(IOptions<ImageOptions> options) : IDisposable
{
    private readonly int _pixels = options.Value.DecodedPixelBudget;

    // The limiter adds queued permits as ints; this queue limit keeps that sum from overflowing.
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.DecodedPixelBudget,
        QueueLimit = int.MaxValue - options.Value.DecodedPixelBudget,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>
    /// A lease on as many pixels, once free; dispose it to give them back. A picture larger than the whole budget takes
    /// all of it and so is decoded alone. Not acquired only when a queue of billions of pixels is already waiting.
    /// </summary>
    public async Task<RateLimitLease> TakeAsync(long pixels, CancellationToken cancellationToken) =>
        await _limiter.AcquireAsync((int)Math.Clamp(pixels, 1, _pixels), cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
