using System.Collections.Concurrent;
using Folio.Data;
using Folio.Shared.Images;

namespace Folio.Features.SharingCards;

/// <summary>
/// Cards drawn once and kept in the data directory, cards/{kind}/{id}/{version}.png. Requests that ask for the same new
/// card at once share one drawing, and a request draws at most the one card it asks for; a drawing is written to a temporary file and moved into place, so a file that
/// exists is whole (several servers sharing a data directory may each draw it once). Drawing a new version removes
/// the card's older ones. Drawing takes its pixels from the process's <see cref="PixelBudget"/>.
/// </summary>
public sealed class SharingCardStore(DataDirectory dataDirectory, PixelBudget budget, CardPictures pictures, ILogger<SharingCardStore> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]?>>> _drawing = new();

    /// <summary>The card as PNG, drawn first if needed; null only when too many pictures are being drawn to wait for a turn.</summary>
    public async Task<byte[]?> PngAsync(CardFace face, CancellationToken cancellationToken)
    {
        var folder = dataDirectory.File("cards", CardFace.Folder(face.Card.Kind), SafeName(face.Card.StoreKey));
        var path = Path.Combine(folder, $"{face.Version}.png");
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            // Not drawn yet, or removed by a newer version drawn since this request read the card's data.
        }

        var drawing = _drawing.GetOrAdd(path, _ => new Lazy<Task<byte[]?>>(() => DrawAsync(face, folder, path)));
        try
        {
            // Each waiter may give up; the drawing itself is not cancelled, since others may be waiting for it.
            return await drawing.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _drawing.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]?>>>(path, drawing));
        }
    }

    private async Task<byte[]?> DrawAsync(CardFace face, string folder, string path)
    {
        using var lease = await budget.TakeAsync(CardRenderer.Pixels + CardPictures.MaxPixels, CancellationToken.None);
        if (!lease.IsAcquired)
        {
            return null;
        }

        byte[] png;
        using (var picture = pictures.Load(face.PictureUrl))
        {
            png = CardRenderer.Render(face, picture);
        }

        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, png);
        File.Move(temporary, path, overwrite: true);
        RemoveOlderVersions(folder, path);
        return png;
    }

    private void RemoveOlderVersions(string folder, string current)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.png"))
        {
            if (file != current)
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException exception)
                {
                    logger.LogDebug(exception, "An old sharing card {File} was not removed; the next new version tries again.", file);
                }
            }
        }
    }

    /// <summary>Store keys are ids Folio made (numbers, GUIDs); anything else is reduced to letters, digits and hyphens.</summary>
    private static string SafeName(string key)
    {
        var safe = new string([.. key.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')]);
        return safe.Length == 0 ? "_" : safe;
    }
}
