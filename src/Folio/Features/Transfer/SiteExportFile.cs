using System.Text.Json;
using System.Text.Json.Serialization;

namespace Folio.Features.Transfer;

// Required members are those without a default: a file that lacks one is refused whole, before anything is imported.
public sealed record ExportedCommunity(string Slug, string Name, DateTime CreatedAt, string? Tagline = null, string? Description = null,
    string? AccentColor = null, string? LogoUrl = null, int? MinimumWords = null);

public sealed record ExportedLink(string Label, string Url);

public sealed record ExportedNotifications(bool EmailOnReply = true, bool EmailOnReview = true);

public sealed record ExportedPerson(string Username, DateTime JoinedAt, string? Email = null, bool EmailConfirmed = false,
    string? DisplayName = null, string? Bio = null, string? AvatarUrl = null, List<ExportedLink>? Links = null, List<string>? Roles = null,
    DateTimeOffset? LockedUntil = null, ExportedNotifications? Notifications = null);

public sealed record ExportedTag(string Slug, string Name);

public sealed record ExportedTopStory(DateTime At, string? Note = null, string? By = null);

public sealed record ExportedStory(int Id, string Community, string Author, string Title, string Slug, string Status, DateTime CreatedAt,
    DateTime UpdatedAt, string? Subtitle = null, List<string>? Tags = null, string? Markdown = null, string? HeroImageUrl = null,
    string? ImportKey = null, bool CommentsEnabled = true, DateTime? PublishedAt = null, DateTime? SubmittedAt = null, ExportedTopStory? TopStory = null);

public sealed record ExportedComment(int Id, int Story, string Author, DateTime CreatedAt, int? Parent = null, string? Body = null,
    DateTime? EditedAt = null, DateTime? DeletedAt = null, DateTime? HiddenAt = null, DateTime? RemovedAt = null, string? RemovedBy = null);

public sealed record ExportedInsight(int Story, string Reader, string Quality, DateTime GivenAt);

public sealed record ExportedImpression(int Story, string Reader, string Impression, DateTime GivenAt);

public sealed record ExportedHeart(int Story, string Reader, DateTime GivenAt);

public sealed record ExportedRead(int Story, DateOnly Day, int Reads);

public sealed record ExportedSubscription(string Subscriber, string Creator, DateTime CreatedAt);

public sealed record ExportedFollow(string Person, string Community, DateTime CreatedAt);

/// <summary>The file `export` writes, read back whole for `import folio`.</summary>
public sealed record SiteExportFile(string? Format = null, int Version = 0, List<ExportedCommunity>? Communities = null,
    List<ExportedPerson>? People = null, List<ExportedTag>? Tags = null, List<ExportedStory>? Stories = null, List<ExportedComment>? Comments = null,
    List<ExportedInsight>? Insights = null, List<ExportedImpression>? Impressions = null, List<ExportedHeart>? Hearts = null,
    List<ExportedRead>? Reads = null, List<ExportedSubscription>? Subscriptions = null, List<ExportedFollow>? CommunityFollows = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The export, or why the file isn't one this version of Folio reads.</summary>
    public static async Task<(SiteExportFile? File, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var file = await JsonSerializer.DeserializeAsync<SiteExportFile>(stream, Json, cancellationToken);
            return file switch
            {
                null or { Format: not SiteExporter.Format } => (null, $"{path} is not a Folio export (it has no \"format\": \"{SiteExporter.Format}\")."),
                { Version: not SiteExporter.Version } => (null, $"{path} is a version {file.Version} export; this Folio reads version {SiteExporter.Version}."),
                _ => (file, null),
            };
        }
        catch (JsonException invalid)
        {
            return (null, $"{path} is not a Folio export: {invalid.Message}");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path} could not be read: {unreadable.Message}");
        }
    }
}
