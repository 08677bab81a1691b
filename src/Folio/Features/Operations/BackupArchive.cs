using System.Text.Json;

namespace Folio.Features.Operations;

/// <summary>
/// A Folio backup is one .zip: `folio-backup.json` (this manifest), `folio.db` (the SQLite database) and the data
/// directory's `media/` (uploaded avatars and hero images) and `pages/` (the operator's own site pages).
/// </summary>
public sealed record BackupManifest(string Format, int Version, DateTime CreatedAt, string FolioVersion, string Database, string? Migration, int Files)
{
    public const string FormatName = "folio-backup";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Null when the text is not a manifest this version of Folio can restore.</summary>
    public static BackupManifest? Read(Stream json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Format: FormatName, Version: CurrentVersion } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public static class BackupArchive
{
    public const string ManifestEntry = "folio-backup.json";
    public const string DatabaseEntry = "folio.db";

    /// <summary>The data directory's folders that belong in a backup; `outbox/` (emails written instead of sent) does not.</summary>
    public static readonly string[] Folders = ["media", "pages"];
}
