using Folio.Data;
using Folio.Shared.Images;

namespace Folio.Features.Settings;

/// <summary>Uploaded avatars live in the data directory under media/avatars and are served at /media/avatars.</summary>
public sealed class AvatarStore(DataDirectory dataDirectory, UploadedImages images)
{
    private readonly MediaFolder _folder = new(dataDirectory, "avatars");

    /// <summary>Re-encodes and stores the upload; returns its URL, or the message that says why it was refused.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > AvatarImage.MaxBytes)
        {
            return (null, UploadedImages.TooLarge(AvatarImage.MaxBytes));
        }

        var (decoded, error) = await images.DecodeAsync(
            await UploadedImages.ReadAsync(file, AvatarImage.MaxBytes, cancellationToken), AvatarImage.MaxBytes, AvatarImage.Needed, cancellationToken);
        if (decoded is null)
        {
            return (null, error);
        }

        byte[] png;
        using (decoded)
        {
            png = AvatarImage.CropAndEncode(decoded.Picture);
        }

        return (await _folder.SaveAsync(png, "png", cancellationToken), null);
    }

    /// <summary>Deletes the file behind an uploaded picture; other URLs (demo pictures) are left alone.</summary>
    public void DeleteIfUploaded(string? url) => _folder.DeleteIfUploaded(url);
}
