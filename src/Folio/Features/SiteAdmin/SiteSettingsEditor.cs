using System.Security.Cryptography;
using Folio.Data;
using Folio.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.SiteAdmin;

/// <summary>
/// Stores what an admin changed at /admin/site, with its audit entry in the same save. Only values that differ from
/// what is in effect are stored, so a value left alone keeps following the configuration.
/// </summary>
public sealed class SiteSettingsEditor(FolioDb db, AuditLog audit, CurrentSite current)
{
    /// <summary>Saves the general form; returns the names of the values that changed (none: nothing saved).</summary>
    public Task<IReadOnlyList<string>> SaveAsync(SiteSettingsInput input, CancellationToken cancellationToken) =>
        // The settings row is made by the first save that needs it: a save refused by the row another made at the same
        // moment (two admins, a double submit) is done again from what is stored now; so is a picture's row.
        RacedSaves.RetryAsync(db, () => SaveOnceAsync(input, cancellationToken));

    private async Task<IReadOnlyList<string>> SaveOnceAsync(SiteSettingsInput input, CancellationToken cancellationToken)
    {
        var site = await current.GetAsync(cancellationToken);
        var stored = await RowAsync(cancellationToken);
        var changes = new Changes();
        if (changes.Note("name", site.Name, input.TrimmedName()))
        {
            stored.Name = input.TrimmedName();
        }

        if (changes.Note("description", site.Description, input.TrimmedDescription()))
        {
            stored.Description = input.TrimmedDescription();
        }

        if (changes.Note("accentColour", site.AccentColour, input.Colour()))
        {
            stored.AccentColour = input.Colour();
        }

        var links = SiteSettings.WriteLinks(input.CleanLinks());
        if (changes.Note("socialLinks", SiteSettings.WriteLinks(site.SocialLinks), links))
        {
            stored.SocialLinksJson = links;
        }

        if (changes.Note("signUpMode", site.SignUpMode.ToString(), input.SignUpMode.ToString()))
        {
            stored.SignUpMode = input.SignUpMode;
        }

        if (changes.Note("requireConfirmedEmail", site.RequireConfirmedEmail, input.RequireConfirmedEmail))
        {
            stored.RequireConfirmedEmail = input.RequireConfirmedEmail;
        }

        if (changes.Note("senderName", site.SenderName, input.Sender()))
        {
            stored.SenderName = input.Sender();
        }

        if (changes.Note("senderAddress", site.SenderAddress, input.SenderEmail()))
        {
            stored.SenderAddress = input.SenderEmail();
        }

        if (changes.Note("digestHour", site.DigestHour, input.Hour()!.Value))
        {
            stored.DigestHour = input.Hour();
        }

        if (changes.Note("weeklyDigestDay", site.WeeklyDigestDay.ToString(), input.Day()!.Value.ToString()))
        {
            stored.WeeklyDigestDay = input.Day();
        }

        return await SaveAsync(stored, changes, cancellationToken);
    }

    /// <summary>Saves the footer pages; a page left empty, or as its default text, goes back to following the default.</summary>
    public Task<IReadOnlyList<string>> SavePagesAsync(IReadOnlyDictionary<string, string?> typed, IReadOnlyDictionary<string, string> defaults,
        CancellationToken cancellationToken) =>
        RacedSaves.RetryAsync(db, () => SavePagesOnceAsync(typed, defaults, cancellationToken));

    private async Task<IReadOnlyList<string>> SavePagesOnceAsync(IReadOnlyDictionary<string, string?> typed, IReadOnlyDictionary<string, string> defaults,
        CancellationToken cancellationToken)
    {
        var stored = await RowAsync(cancellationToken);
        var changes = new Changes();
        foreach (var (name, before) in SiteSettings.StoredPages(stored).ToList())
        {
            var text = typed.GetValueOrDefault(name)?.ReplaceLineEndings("\n").Trim();
            var after = string.IsNullOrEmpty(text) || text == defaults.GetValueOrDefault(name)?.ReplaceLineEndings("\n").Trim() ? null : text;
            if (changes.Note($"{name}Page", before, after))
            {
                SetPage(stored, name, after);
            }
        }

        return await SaveAsync(stored, changes, cancellationToken);
    }

    public Task SavePictureAsync(string name, SitePicture picture, CancellationToken cancellationToken) =>
        RacedSaves.RetryAsync(db, async () =>
        {
            await SavePictureOnceAsync(name, picture, cancellationToken);
            return true;
        });

    private async Task SavePictureOnceAsync(string name, SitePicture picture, CancellationToken cancellationToken)
    {
        var image = await db.SiteImages.FirstOrDefaultAsync(i => i.Name == name, cancellationToken);
        if (image is null)
        {
            image = new SiteImage { Name = name, Png = picture.Png };
            db.SiteImages.Add(image);
        }

        (image.Png, image.Width, image.Height, image.Version) = (picture.Png, picture.Width, picture.Height, NewVersion());
        await audit.RecordAsync(AuditActions.SettingsChange, "site", "site", $"Uploaded a new {name} ({picture.Width}×{picture.Height} pixels).",
            null, new Dictionary<string, object> { [name] = $"{picture.Width}×{picture.Height} PNG" }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> RemovePictureAsync(string name, CancellationToken cancellationToken)
    {
        var image = await db.SiteImages.FirstOrDefaultAsync(i => i.Name == name, cancellationToken);
        if (image is null)
        {
            return false;
        }

        db.SiteImages.Remove(image);
        await audit.RecordAsync(AuditActions.SettingsChange, "site", "site", $"Removed the site’s {name}.",
            new Dictionary<string, object> { [name] = $"{image.Width}×{image.Height} PNG" }, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<IReadOnlyList<string>> SaveAsync(StoredSiteSettings stored, Changes changes, CancellationToken cancellationToken)
    {
        if (changes.Names.Count == 0)
        {
            return [];
        }

        stored.Version = NewVersion();
        await audit.RecordAsync(AuditActions.SettingsChange, "site", "site", $"Changed the site’s {string.Join(", ", changes.Names)}.",
            changes.Before, changes.After, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return changes.Names;
    }

    private async Task<StoredSiteSettings> RowAsync(CancellationToken cancellationToken)
    {
        var stored = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == StoredSiteSettings.SingleId, cancellationToken);
        if (stored is null)
        {
            stored = new StoredSiteSettings();
            db.SiteSettings.Add(stored);
        }

        return stored;
    }

    private static void SetPage(StoredSiteSettings stored, string name, string? markdown)
    {
        switch (name)
        {
            case "contact": stored.ContactMarkdown = markdown; break;
            case "privacy": stored.PrivacyMarkdown = markdown; break;
            case "terms": stored.TermsMarkdown = markdown; break;
            case "support": stored.SupportMarkdown = markdown; break;
        }
    }

    private static string NewVersion() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>The values a save changes, as they were and as they become: what the audit entry keeps.</summary>
    private sealed class Changes
    {
        public List<string> Names { get; } = [];
        public Dictionary<string, object?> Before { get; } = [];
        public Dictionary<string, object?> After { get; } = [];

        public bool Note<T>(string name, T before, T after)
        {
            if (EqualityComparer<T>.Default.Equals(before, after))
            {
                return false;
            }

            Names.Add(name);
            Before[name] = before;
            After[name] = after;
            return true;
        }
    }
}
