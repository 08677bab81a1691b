using System.ComponentModel.DataAnnotations;

namespace Folio.Shared.Images;

public sealed class ImageOptions
{
    public const string Section = "Folio:Images";

    /// <summary>
    /// Decoded pixels the whole process may hold at once, four bytes each: 24 million is 96 MB, two 1600-pixel-wide heroes
    /// of the largest pictures or dozens of avatars. Uploads beyond it wait their turn.
    /// </summary>
    [Range(1_000_000, 500_000_000)]
    public int DecodedPixelBudget { get; set; } = 24_000_000;
}
