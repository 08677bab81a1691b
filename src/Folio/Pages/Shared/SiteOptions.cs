using System.ComponentModel.DataAnnotations;

namespace Folio.Pages.Shared;

/// <summary>What the operator calls the site and where it lives elsewhere (footer social links).</summary>
public sealed class SiteOptions
{
    public const string Section = "Folio:Site";

    [Required]
    public string Name { get; set; } = "Folio";

    public string Description { get; set; } = "Stories from communities of writers and readers.";

    public string Owner { get; set; } = "The people who run this site";

    /// <summary>The public address, e.g. https://stories.example.org, for links in emails; unset, the request's own address is used.</summary>
    public string? BaseUrl { get; set; }

    public List<FooterLink> SocialLinks { get; set; } = [];

    /// <summary>Whether accounts must confirm their email before they write, comment, heart or give insights, until an admin chooses at /admin/site.</summary>
    public bool RequireConfirmedEmail { get; set; }
}

public sealed class FooterLink
{
    public string Label { get; set; } = "";
    public string Url { get; set; } = "";
}
