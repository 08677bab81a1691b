using System.Security.Cryptography;
using Folio.Data;

namespace Folio.Features.Settings;

/// <summary>Uploaded avatars live in the data directory under media/avatars and are served at /media/avatars.</summary>
public sealed class AvatarStore(DataDirectory dataDirectory)
{
    private const string UrlPrefix = "/media/avatars/";

    /// <summary>Re-encodes and stores the upload; returns its URL, or the message that says why it was refused.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > AvatarImage.MaxBytes)
        {
            return (null, AvatarImage.TooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var (png, error) = AvatarImage.ToSquarePng(buffer.ToArray());
        if (png is null)
        {
            return (null, error);
        }

        var folder = dataDirectory.File("media", "avatars");
        Directory.CreateDirectory(folder);
        var name = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.png";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), png, cancellationToken);
        return (UrlPrefix + name, null);
    }

    /// <summary>Deletes the file behind an uploaded avatar; other avatar URLs (demo pictures, external) are left alone.</summary>
    public void DeleteIfUploaded(string? url)
    {
        if (url is not null && url.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            File.Delete(dataDirectory.File("media", "avatars", Path.GetFileName(url)));
        }
    }
}
