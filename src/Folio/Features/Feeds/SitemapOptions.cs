using System.ComponentModel.DataAnnotations;

namespace Folio.Features.Feeds;

/// <summary>
/// Folio:Sitemap:PartSize: addresses per sitemap file. The protocol allows 50,000, but a part that full is 7 MB of XML
/// and a third of a second to write; 10,000 keeps each part cheap for the crawler that asks. Tests use a few.
/// </summary>
public sealed class SitemapOptions
{
    public const string Section = "Folio:Sitemap";

    [Range(1, 50_000)]
    public int PartSize { get; set; } = 10_000;
}
