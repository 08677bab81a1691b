using System.Security.Cryptography;
using Folio.Shared.Images;
using Microsoft.AspNetCore.DataProtection;

namespace Folio.Features.Writing;

/// <summary>
/// A hero uploaded with an editor form that came back with errors is stored at once and carried in the re-rendered form
/// as a protected token, so the author need not choose the picture again. The token names its author and lasts a day:
/// a hand-made one can't make a story adopt (and later delete) someone else's hero.
/// </summary>
public sealed class KeptHeroes(IDataProtectionProvider protection, HeroImages heroes)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Folio.Writing.KeptHero").ToTimeLimitedDataProtector();

    public string Protect(string userId, string url) => _protector.Protect($"{userId}\n{url}", Lifetime);

    public void Discard(string? url) => heroes.DeleteIfUploaded(url);

    /// <summary>Stores the upload now; its URL, or why it was refused.</summary>
    public Task<(string? Url, string? Error)> KeepAsync(IFormFile upload, CancellationToken cancellationToken) =>
        heroes.SaveAsync(upload, cancellationToken);

    /// <summary>The stored hero's URL, or null for a token that is missing, stale, someone else's or not a hero.</summary>
    public string? Unprotect(string userId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            return parts.Length == 2 && parts[0] == userId && ResponsiveImage.Parse(parts[1]) is { Folder: "heroes" } ? parts[1] : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
