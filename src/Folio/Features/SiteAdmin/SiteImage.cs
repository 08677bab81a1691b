namespace Folio.Features.SiteAdmin;

/// <summary>The site's uploaded logo or favicon, re-encoded as PNG; kept in the database so every node serves it.</summary>
public sealed class SiteImage
{
    public const string Logo = "logo";
    public const string Favicon = "favicon";

    /// <summary><see cref="Logo"/> or <see cref="Favicon"/>.</summary>
    public required string Name { get; init; }

    public required byte[] Png { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public string Version { get; set; } = "";
}
