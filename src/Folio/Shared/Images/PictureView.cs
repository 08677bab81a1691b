namespace Folio.Shared.Images;

/// <summary>
/// What _Picture renders: a <see cref="ResponsiveImage"/> as a picture with WebP and JPEG sources, or any other URL as
/// one img of the given fallback size. Lazy pictures are below the fold; the others are fetched first.
/// </summary>
public sealed record PictureView(string Url, string Alt, string Sizes, bool Lazy, int FallbackWidth = 1200, int FallbackHeight = 675);
