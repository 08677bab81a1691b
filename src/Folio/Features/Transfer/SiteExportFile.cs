using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Win32.SafeHandles;

namespace Folio.Features.Transfer;

// Required members are those without a default: a file that lacks one is refused whole, before anything is imported.
public sealed record ExportedCommunity(string Slug, string Name, DateTime CreatedAt, string? Tagline = null, string? Description = null,
    string? AccentColor = null, string? LogoUrl = null, int? MinimumWords = null);

public sealed record ExportedLink(string Label, string Url);

/// <summary>A person's email choices; <see cref="NewStories"/> is a kebab-case <see cref="Newsletters.Delivery"/>, absent from older exports.</summary>
public sealed record ExportedNotifications(bool EmailOnReply = true, bool EmailOnReview = true, string? NewStories = null, bool EmailWholeStories = false);

/// <summary>What a person hides and covers; warnings as the API names them (<see cref="Labels.LabelNames"/>), absent from older exports.</summary>
public sealed record ExportedReadingChoices(bool HideAiGenerated = false, List<string>? HiddenWarnings = null, bool CoverWarnedStories = false);

public sealed record ExportedPerson(string Username, DateTime JoinedAt, string? Email = null, bool EmailConfirmed = false,
    string? DisplayName = null, string? Bio = null, string? AvatarUrl = null, List<ExportedLink>? Links = null, List<string>? Roles = null,
    DateTimeOffset? LockedUntil = null, ExportedNotifications? Notifications = null, string? TimeZone = null,
    ExportedReadingChoices? ReadingChoices = null);

public sealed record ExportedTag(string Slug, string Name);

public sealed record ExportedTopStory(DateTime At, string? Note = null, string? By = null);

/// <summary>A story; its labels are slugs ("ai-generated", "self-harm"), absent from exports made before labels.</summary>
public sealed record ExportedStory(int Id, string Community, string Author, string Title, string Slug, string Status, DateTime CreatedAt,
    DateTime UpdatedAt, string? Subtitle = null, List<string>? Tags = null, string? Markdown = null, string? HeroImageUrl = null,
    string? ImportKey = null, bool CommentsEnabled = true, DateTime? PublishedAt = null, DateTime? SubmittedAt = null, ExportedTopStory? TopStory = null,
    string? HeroAltText = null, string? HeroCaption = null, string? Making = null, List<string>? Warnings = null, string? WarningNote = null,
    DateTime? ProfilePinnedAt = null, DateTime? CommunityPinnedAt = null);

public sealed record ExportedSeriesSubscriber(string Person, DateTime CreatedAt);

// Parts are stories by their id in the file, in order.
public sealed record ExportedSeries(int Id, string Author, string Title, string Slug, DateTime CreatedAt, DateTime UpdatedAt, string? Description = null,
    string? CoverImageUrl = null, string? CoverAltText = null, List<int>? Parts = null, List<ExportedSeriesSubscriber>? Subscribers = null);

public sealed record ExportedComment(int Id, int Story, string Author, DateTime CreatedAt, int? Parent = null, string? Body = null,
    DateTime? EditedAt = null, DateTime? DeletedAt = null, DateTime? HiddenAt = null, DateTime? RemovedAt = null, string? RemovedBy = null,
    string? RemoteActor = null, string? RemoteNote = null, string? RemoteUrl = null);

public sealed record ExportedInsight(int Story, string Reader, string Quality, DateTime GivenAt);

public sealed record ExportedImpression(int Story, string Reader, string Impression, DateTime GivenAt);

public sealed record ExportedHeart(int Story, string Reader, DateTime GivenAt);

public sealed record ExportedRead(int Story, DateOnly Day, int Reads);

public sealed record ExportedSave(int Story, string Reader, DateTime SavedAt);

// Delivery: the follow's own email choice (kebab-case), null for the person's default and in older exports.
public sealed record ExportedSubscription(string Subscriber, string Creator, DateTime CreatedAt, string? Delivery = null);

public sealed record ExportedFollow(string Person, string Community, DateTime CreatedAt, string? Delivery = null);

public sealed record ExportedAuditEntry(DateTime At, string Actor, string Action, string SubjectType, string SubjectId, string Summary,
    string? ActorUsername = null, string? Before = null, string? After = null);

/// <summary>An actor on another server, as Folio last fetched it; absent from exports made before federation.</summary>
public sealed record ExportedRemoteActor(string Uri, string Inbox, string? SharedInbox = null, string? Type = null, string? Username = null,
    string? Name = null, string? ProfileUrl = null, string? IconUrl = null, string? PublicKeyId = null, string? PublicKeyPem = null, DateTime? FetchedAt = null);

/// <summary>A remote actor (by its uri) following a creator (by username) or a community (by slug).</summary>
public sealed record ExportedRemoteFollower(string Actor, string FollowActivityId, DateTime CreatedAt, string? Creator = null, string? Community = null);

/// <summary>What hangs on one exported story, read from the file when the story is imported.</summary>
public sealed record ExportedEngagement(
    List<ExportedComment> Comments, List<ExportedInsight> Insights, List<ExportedImpression> Impressions, List<ExportedHeart> Hearts, List<ExportedRead> Reads,
    List<ExportedSave> Saved);

/// <summary>
/// The file `export` writes, read in two passes over the file, one element at a time. The first checks every element,
/// keeps the site's communities, people, tags and follows, and notes where each story's comments, insights,
/// impressions, hearts, reads and saves are in the file; the second (<see cref="StoriesAsync"/>) hands out the stories one by
/// one, and <see cref="EngagementOf"/> reads a story's engagement back when it is imported. So neither a large site's
/// story text nor its hundreds of thousands of comments are ever in memory at once.
/// </summary>
public sealed class SiteExportFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private readonly string _path;

    /// <summary>For each exported story id, where its engagement elements are: a few bytes each instead of the elements.</summary>
    private readonly Dictionary<int, List<Placed>> _engagement = [];

    /// <summary>Where each challenge entry is, in the file's order: a large site has thousands.</summary>
    private readonly List<(long Offset, int Length)> _challengeEntries = [];

    private readonly record struct Placed(string Section, long Offset, int Length);

    private SiteExportFile(string path) => _path = path;

    public int StoryCount { get; private set; }
    public List<ExportedCommunity> Communities { get; } = [];
    public List<ExportedPerson> People { get; } = [];
    public List<ExportedTag> Tags { get; } = [];
    public List<ExportedSubscription> Subscriptions { get; } = [];
    public List<ExportedFollow> CommunityFollows { get; } = [];
    public List<ExportedAuditEntry> AuditLog { get; } = [];
    public List<ExportedRemoteActor> RemoteActors { get; } = [];
    public List<ExportedRemoteFollower> RemoteFollowers { get; } = [];
    public List<ExportedChallenge> Challenges { get; } = [];
    public List<ExportedSeries> Series { get; } = [];
    public int ChallengeEntryCount => _challengeEntries.Count;

    /// <summary>The export without its stories, or why the file isn't one this version of Folio reads.</summary>
    public static async Task<(SiteExportFile? File, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var file = new SiteExportFile(path);
        var (format, version) = ((string?)null, 0);
        try
        {
            await foreach (var member in JsonMembers.ReadAsync(path, cancellationToken))
            {
                switch (member.Name)
                {
                    case "format":
                        format = Read<string>(member);
                        break;
                    case "version":
                        version = JsonSerializer.Deserialize<int?>(member.Json, Json) ?? 0;
                        break;
                    case "stories":
                        // Checked now, so that a file with a broken story is refused before anything is imported.
                        file.StoryCount += Read<ExportedStory>(member) is null ? 0 : 1;
                        break;
                    default:
                        file.Keep(member);
                        break;
                }
            }
        }
        catch (JsonException invalid)
        {
            return (null, Problem(path, format, version) ?? $"{path} is not a Folio export: {invalid.Message}");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path} could not be read: {unreadable.Message}");
        }

        return Problem(path, format, version) is { } problem ? (null, problem) : (file, null);
    }

    /// <summary>The second pass: the stories, in the file's order. The file was checked by <see cref="ReadAsync"/>.</summary>
    public async IAsyncEnumerable<ExportedStory> StoriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var member in JsonMembers.ReadAsync(_path, cancellationToken))
        {
            if (member.Name == "stories" && Read<ExportedStory>(member) is { } story)
            {
                yield return story;
            }
        }
    }

    /// <summary>The story's comments (in the order they were written), insights, impressions, hearts, reads and saves.</summary>
    public ExportedEngagement EngagementOf(int storyId)
    {
        var engagement = new ExportedEngagement([], [], [], [], [], []);
        if (!_engagement.TryGetValue(storyId, out var placed))
        {
            return engagement;
        }

        using var file = File.OpenHandle(_path);
        var buffer = new byte[placed.Max(p => p.Length)];
        foreach (var (section, offset, length) in placed)
        {
            var json = buffer.AsSpan(0, length);
            RandomAccess.Read(file, json, offset);
            switch (section)
            {
                case "comments": engagement.Comments.Add(JsonSerializer.Deserialize<ExportedComment>(json, Json)!); break;
                case "insights": engagement.Insights.Add(JsonSerializer.Deserialize<ExportedInsight>(json, Json)!); break;
                case "impressions": engagement.Impressions.Add(JsonSerializer.Deserialize<ExportedImpression>(json, Json)!); break;
                case "hearts": engagement.Hearts.Add(JsonSerializer.Deserialize<ExportedHeart>(json, Json)!); break;
                case "reads": engagement.Reads.Add(JsonSerializer.Deserialize<ExportedRead>(json, Json)!); break;
                case "saved": engagement.Saved.Add(JsonSerializer.Deserialize<ExportedSave>(json, Json)!); break;
            }
        }

        engagement.Comments.Sort((a, b) => a.Id.CompareTo(b.Id));
        return engagement;
    }

    /// <summary>The challenge entries, read back one at a time from where the first pass found them.</summary>
    public IEnumerable<ExportedChallengeEntry> ChallengeEntries()
    {
        if (_challengeEntries.Count == 0)
        {
            yield break;
        }

        using var file = File.OpenHandle(_path);
        var buffer = new byte[_challengeEntries.Max(p => p.Length)];
        foreach (var (offset, length) in _challengeEntries)
        {
            yield return ReadAt<ExportedChallengeEntry>(file, buffer, offset, length);
        }
    }

    private static T ReadAt<T>(SafeFileHandle file, byte[] buffer, long offset, int length)
    {
        var json = buffer.AsSpan(0, length);
        RandomAccess.Read(file, json, offset);
        return JsonSerializer.Deserialize<T>(json, Json)!;
    }

    private static string? Problem(string path, string? format, int version) => (format, version) switch
    {
        (not SiteExporter.Format, _) => $"{path} is not a Folio export (it has no \"format\": \"{SiteExporter.Format}\").",
        (_, not SiteExporter.Version) => $"{path} is a version {version} export; this Folio reads version {SiteExporter.Version}.",
        _ => null,
    };

    private void Keep(JsonMember member)
    {
        switch (member.Name)
        {
            case "communities": Add(Communities, member); break;
            case "people": Add(People, member); break;
            case "tags": Add(Tags, member); break;
            case "comments": Place(member, Read<ExportedComment>(member)?.Story); break;
            case "insights": Place(member, Read<ExportedInsight>(member)?.Story); break;
            case "impressions": Place(member, Read<ExportedImpression>(member)?.Story); break;
            case "hearts": Place(member, Read<ExportedHeart>(member)?.Story); break;
            case "reads": Place(member, Read<ExportedRead>(member)?.Story); break;
            case "saved": Place(member, Read<ExportedSave>(member)?.Story); break;
            case "subscriptions": Add(Subscriptions, member); break;
            case "communityFollows": Add(CommunityFollows, member); break;
            case "auditLog": Add(AuditLog, member); break;
            case "remoteActors": Add(RemoteActors, member); break;
            case "remoteFollowers": Add(RemoteFollowers, member); break;
            case "challenges": Add(Challenges, member); break;
            case "series": Add(Series, member); break;
            case "challengeEntries":
                if (Read<ExportedChallengeEntry>(member) is not null)
                {
                    _challengeEntries.Add((member.Offset, member.Json.Length));
                }

                break;
        }
    }

    private void Place(JsonMember member, int? story)
    {
        if (story is { } id)
        {
            var placed = _engagement.TryGetValue(id, out var list) ? list : _engagement[id] = [];
            placed.Add(new Placed(member.Name, member.Offset, member.Json.Length));
        }
    }

    private static void Add<T>(List<T> list, JsonMember member) where T : class
    {
        if (Read<T>(member) is { } item)
        {
            list.Add(item);
        }
    }

    // A section that is null, or a null in an array, is nothing rather than an error.
    private static T? Read<T>(JsonMember member) where T : class => JsonSerializer.Deserialize<T>(member.Json, Json);
}
