using System.Text.RegularExpressions;
using Folio.Features.Stories;
using Folio.Shared.Images;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Folio.Features.Writing;

/// <summary>
/// A picture Folio stored (a <see cref="ResponsiveImage"/> under media/heroes or media/images) that a story uses: as its
/// hero or in its Markdown, or in the revision waiting for review (<see cref="InRevision"/>). Kept by
/// <see cref="StoryImageSync"/> with every save, so that "is this file still used?" is one indexed look-up, whether a
/// story is deleted (<see cref="StoryImageFiles"/>) or an upload nobody used is swept away (<see cref="UploadSweep"/>).
/// </summary>
public sealed class StoryImage
{
    public int StoryId { get; set; }
    public Story Story { get; set; } = null!;

    /// <summary>The URL of the picture's largest JPEG, from which every stored variant is named.</summary>
    public required string Url { get; set; }

    public bool InRevision { get; set; }
}

internal sealed class StoryImageConfiguration : IEntityTypeConfiguration<StoryImage>
{
    public void Configure(EntityTypeBuilder<StoryImage> image)
    {
        image.HasKey(i => new { i.StoryId, i.InRevision, i.Url });
        image.Property(i => i.Url).HasMaxLength(StoryImages.MaxUrlLength);
        image.HasIndex(i => i.Url);
        image.HasOne(i => i.Story).WithMany().HasForeignKey(i => i.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Which stored pictures a story's text and hero use.</summary>
public static partial class StoryImages
{
    public const int MaxUrlLength = 100;

    /// <summary>
    /// The stored pictures <paramref name="markdown"/> and <paramref name="heroUrl"/> use, each by its largest JPEG's URL:
    /// a Markdown image or link may name any width or format (copied from a page, with the site's address or without).
    /// </summary>
    public static HashSet<string> In(string? markdown, string? heroUrl)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        if (ResponsiveImage.Parse(heroUrl) is { } hero)
        {
            urls.Add(hero.Url);
        }

        foreach (Match match in StoredFile().Matches(markdown ?? ""))
        {
            if (ResponsiveImage.Parse($"/media/{match.Groups["folder"].Value}/{match.Groups["base"].Value}.jpg") is { } image)
            {
                urls.Add(image.Url);
            }
        }

        return urls;
    }

    [GeneratedRegex(@"/media/(?<folder>heroes|images)/(?<base>[0-9a-f]{32}-[0-9]{1,5}x[0-9]{1,6})(?:-[0-9]{1,5})?\.(?:jpg|webp)")]
    private static partial Regex StoredFile();
}
