namespace Folio.Pages.Shared;

/// <summary>What a page tells the layout about itself: title, description, canonical path and sharing image.</summary>
public sealed class PageHead
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    public string OpenGraphType { get; set; } = "website";
    public DateTime? PublishedAt { get; set; }
    public string? AuthorName { get; set; }
}
