namespace Folio.Features.Federation.Documents;

/// <summary>The media type of a stored picture, from its file name: Folio stores PNG, JPEG, WebP, GIF and (demo) SVG.</summary>
public static class ImageTypes
{
    public static string Of(string url)
    {
        var path = url.Split('?', '#')[0];
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            ".svg" => "image/svg+xml",
            ".avif" => "image/avif",
            _ => "image/jpeg",
        };
    }
}
