using System.Security.Cryptography;
using Folio.Data;

namespace Folio.Shared.Images;

/// <summary>
/// One folder of uploaded pictures in the data directory, media/{name}, served at /media/{name}/: each file named
/// by random bytes, so a name says nothing and cannot be guessed.
/// </summary>
public sealed class MediaFolder(DataDirectory dataDirectory, string name)
{
    private string UrlPrefix => $"/media/{name}/";

    /// <summary>Writes the encoded picture; returns its URL.</summary>
    public async Task<string> SaveAsync(byte[] encoded, string extension, CancellationToken cancellationToken)
    {
        var folder = dataDirectory.File("media", name);
        Directory.CreateDirectory(folder);
        var file = $"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.{extension}";
        await File.WriteAllBytesAsync(Path.Combine(folder, file), encoded, cancellationToken);
        return UrlPrefix + file;
    }

    /// <summary>Deletes the file behind a URL of this folder; other URLs (demo pictures, external ones) are left alone.</summary>
    public void DeleteIfUploaded(string? url)
    {
        if (url is not null && url.StartsWith(UrlPrefix, StringComparison.Ordinal))
        {
            File.Delete(dataDirectory.File("media", name, Path.GetFileName(url)));
        }
    }
}
