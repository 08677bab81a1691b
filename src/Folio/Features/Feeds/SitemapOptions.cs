using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Feeds;

/// <summary>Folio:Sitemap:PartSize: addresses per sitemap file. The protocol allows 50,000; tests use a few.</summary>
public sealed class SitemapOptions
{
    public const string Section = "Folio:Sitemap";

    [Range(1, 50_000)]
    public int PartSize { get; set; } = 50_000;
}
