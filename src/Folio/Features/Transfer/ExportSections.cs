using System.Text.Json;
using Folio.Data;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's arrays, one method each; every row is written as it is read.</summary>
internal sealed class ExportSections(FolioDb db, Utf8JsonWriter json, Dictionary<string, string> usernames, ILookup<string, string> roles,
    TransferProgress progress, CancellationToken cancellationToken)
{
    private const int Batch = 200;

    public Task<int> CommunitiesAsync() => ArrayAsync("communities", db.Communities.AsNoTracking().OrderBy(c => c.Id), c =>
    {
        json.WriteNumber("id", c.Id);
        json.WriteString("slug", c.Slug);
        json.WriteString("name", c.Name);
        json.WriteString("tagline", c.Tagline);
        json.WriteString("description", c.Description);
        json.WriteString("accentColor", c.AccentColor);
        json.WriteString("logoUrl", c.LogoUrl);
        json.WriteNumber("minimumWords", c.MinimumWords);
        json.WriteString("createdAt", c.CreatedAt);
    });

    public Task<int> PeopleAsync() => ArrayAsync("people", db.Users.AsNoTracking().Include(u => u.Links).OrderBy(u => u.JoinedAt).ThenBy(u => u.Id), u =>
    {
        progress.Advance();
        json.WriteString("username", u.UserName);
        json.WriteString("email", u.Email);
        json.WriteBoolean("emailConfirmed", u.EmailConfirmed);
        json.WriteString("displayName", u.DisplayName);
        json.WriteString("bio", u.Bio);
        json.WriteString("avatarUrl", u.AvatarUrl);
        json.WriteStartArray("links");
        foreach (var link in u.Links)
        {
            json.WriteStartObject();
            json.WriteString("label", link.Label);
            json.WriteString("url", link.Url);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("roles");
        foreach (var role in roles[u.Id].Order(StringComparer.Ordinal))
        {
            json.WriteStringValue(role);
        }

        json.WriteEndArray();
        json.WriteString("joinedAt", u.JoinedAt);
        if (u.LockoutEnd is { } lockedUntil && lockedUntil > DateTimeOffset.UtcNow)
        {
            json.WriteString("lockedUntil", lockedUntil);
        }

        json.WriteStartObject("notifications");
        json.WriteBoolean("emailOnReply", u.EmailOnReply);
        json.WriteBoolean("emailOnReview", u.EmailOnReview);
        json.WriteEndObject();
    });

    public async Task<int> TagsThenStoriesAsync()
    {
        await ArrayAsync("tags", db.Tags.AsNoTracking().OrderBy(t => t.Slug), t =>
        {
            json.WriteString("slug", t.Slug);
            json.WriteString("name", t.Name);
        });

        json.WriteStartArray("stories");
        var count = 0;
        for (var after = 0; ;)
        {
            var batch = await db.Stories.AsNoTracking().Where(s => s.Id > after).OrderBy(s => s.Id).Take(Batch)
                .Select(s => new { Story = s, Community = s.Community.Slug, Tags = s.Tags.Select(t => t.Slug).ToList() })
                .ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                var s = row.Story;
                json.WriteStartObject();
                json.WriteNumber("id", s.Id);
                json.WriteString("community", row.Community);
                json.WriteString("author", Username(s.AuthorId));
                json.WriteString("title", s.Title);
                json.WriteString("subtitle", s.Subtitle);
                json.WriteString("slug", s.Slug);
                json.WriteString("status", Kebab(s.Status));
                json.WriteStartArray("tags");
                row.Tags.ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteString("markdown", s.BodyMarkdown);
                json.WriteString("heroImageUrl", s.HeroImageUrl);
                json.WriteString("importKey", s.ImportKey);
                json.WriteBoolean("commentsEnabled", s.CommentsEnabled);
                json.WriteString("createdAt", s.CreatedAt);
                json.WriteString("updatedAt", s.UpdatedAt);
                WriteDate("publishedAt", s.PublishedAt);
                WriteDate("submittedAt", s.SubmittedAt);
                if (s.TopStoryAt is { } topStoryAt)
                {
                    json.WriteStartObject("topStory");
                    json.WriteString("at", topStoryAt);
                    json.WriteString("note", s.TopStoryNote);
                    json.WriteString("by", s.TopStoryById is { } by ? Username(by) : null);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                progress.Advance();
            }

            count += batch.Count;
            await FlushIfFullAsync();
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Story.Id;
        }

        json.WriteEndArray();
        return count;
    }

    public Task<int> CommentsAsync() => ArrayAsync("comments", db.Comments.AsNoTracking().OrderBy(c => c.Id), c =>
    {
        json.WriteNumber("id", c.Id);
        json.WriteNumber("story", c.StoryId);
        if (c.ParentId is { } parent)
        {
            json.WriteNumber("parent", parent);
        }
        else
        {
            json.WriteNull("parent");
        }

        json.WriteString("author", Username(c.AuthorId));
        json.WriteString("body", c.Body);
        json.WriteString("createdAt", c.CreatedAt);
        WriteDate("editedAt", c.EditedAt);
        WriteDate("deletedAt", c.DeletedAt);
        WriteDate("hiddenAt", c.HiddenAt);
        WriteDate("removedAt", c.RemovedAt);
        json.WriteString("removedBy", c.RemovedById is { } by ? Username(by) : null);
    });

    public Task<int> InsightsAsync() => ArrayAsync("insights", db.ReaderInsights.AsNoTracking().OrderBy(i => i.Id), i =>
    {
        json.WriteNumber("story", i.StoryId);
        json.WriteString("reader", Username(i.ReaderId));
        json.WriteString("quality", Kebab(i.Quality));
        json.WriteString("givenAt", i.GivenAt);
    });

    public Task<int> ImpressionsAsync() => ArrayAsync("impressions", db.ReaderImpressions.AsNoTracking().OrderBy(i => i.Id), i =>
    {
        json.WriteNumber("story", i.StoryId);
        json.WriteString("reader", Username(i.ReaderId));
        json.WriteString("impression", Kebab(i.Impression));
        json.WriteString("givenAt", i.GivenAt);
    });

    public Task<int> HeartsAsync() => ArrayAsync("hearts", db.Hearts.AsNoTracking().OrderBy(h => h.StoryId).ThenBy(h => h.GivenAt), h =>
    {
        json.WriteNumber("story", h.StoryId);
        json.WriteString("reader", Username(h.ReaderId));
        json.WriteString("givenAt", h.GivenAt);
    });

    public Task<int> SubscriptionsAsync() => ArrayAsync("subscriptions", db.Subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt), s =>
    {
        json.WriteString("subscriber", Username(s.SubscriberId));
        json.WriteString("creator", Username(s.CreatorId));
        json.WriteString("createdAt", s.CreatedAt);
    });

    public Task<int> CommunityFollowsAsync() => ArrayAsync("communityFollows",
        db.CommunityFollows.AsNoTracking().OrderBy(f => f.CreatedAt).Select(f => new { f.UserId, Community = f.Community.Slug, f.CreatedAt }), f =>
        {
            json.WriteString("person", Username(f.UserId));
            json.WriteString("community", f.Community);
            json.WriteString("createdAt", f.CreatedAt);
        });

    /// <summary>Daily read counts, the history behind each creator's reads chart.</summary>
    public Task<int> ReadsAsync() => ArrayAsync("reads", db.StoryReadDays.AsNoTracking().OrderBy(r => r.StoryId).ThenBy(r => r.Day), r =>
    {
        json.WriteNumber("story", r.StoryId);
        json.WriteString("day", r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteNumber("reads", r.Reads);
    });

    private async Task<int> ArrayAsync<T>(string name, IQueryable<T> rows, Action<T> writeFields)
    {
        json.WriteStartArray(name);
        var count = 0;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            json.WriteStartObject();
            writeFields(row);
            json.WriteEndObject();
            count++;
            await FlushIfFullAsync();
        }

        json.WriteEndArray();
        return count;
    }

    private async Task FlushIfFullAsync()
    {
        if (json.BytesPending > 64 * 1024)
        {
            await json.FlushAsync(cancellationToken);
        }
    }

    private void WriteDate(string name, DateTime? value)
    {
        if (value is { } date)
        {
            json.WriteString(name, date);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private string Username(string userId) => usernames.GetValueOrDefault(userId, userId);

    private static string Kebab<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
