using System.Threading.RateLimiting;
using SkiaSharp;

namespace Folio.Shared.Images;

/// <summary>An upright decoded picture and its share of the <see cref="PixelBudget"/>; disposing it gives both back.</summary>
public sealed class DecodedImage(SKImage picture, RateLimitLease lease) : IDisposable
{
    public SKImage Picture { get; } = picture;

    public void Dispose()
    {
        Picture.Dispose();
        lease.Dispose();
    }
}
