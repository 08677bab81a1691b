using Folio.Features.Federation.Remote;
using System.Text.Json;
using Folio.Data;
using Folio.Features.Labels;
using Microsoft.EntityFrameworkCore;

namespace Folio.Features.Transfer;

/// <summary>The export's site arrays: communities, people, tags and stories.</summary>
internal sealed class ExportSections(FolioDb db, Utf8JsonWriter json, ExportWriter writer, ILookup<string, string> roles, TransferProgress progress)
{
    private const int Batch = 200;

    public Task<int> CommunitiesAsync() => writer.ArrayAsync("communities", db.Communities.AsNoTracking().OrderBy(c => c.Id), c =>
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

    public Task<int> PeopleAsync() => writer.ArrayAsync("people", db.Users.AsNoTracking().Where(u => u.Id != FediverseAccount.Id).Include(u => u.Links).OrderBy(u => u.JoinedAt).ThenBy(u => u.Id), u =>
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

        json.WriteString("timeZone", u.TimeZone);
        json.WriteStartObject("notifications");
        json.WriteBoolean("emailOnReply", u.EmailOnReply);
        json.WriteBoolean("emailOnReview", u.EmailOnReview);
        json.WriteString("newStories", ExportWriter.Kebab(u.NewsletterDelivery));
        json.WriteBoolean("emailWholeStories", u.EmailWholeStories);
        json.WriteEndObject();
        json.WriteStartObject("readingChoices");
        json.WriteBoolean("hideAiGenerated", u.HideAiGenerated);
        json.WriteStartArray("hiddenWarnings");
        foreach (var warning in LabelNames.Slugs(u.HiddenWarnings))
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteBoolean("coverWarnedStories", u.CoverWarnedStories);
        json.WriteEndObject();
    });

    public async Task<int> TagsThenStoriesAsync()
    {
        await writer.ArrayAsync("tags", db.Tags.AsNoTracking().OrderBy(t => t.Slug), t =>
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
                .ToListAsync(writer.CancellationToken);
            foreach (var row in batch)
            {
                var s = row.Story;
                json.WriteStartObject();
                json.WriteNumber("id", s.Id);
                json.WriteString("community", row.Community);
                json.WriteString("author", writer.Username(s.AuthorId));
                json.WriteString("title", s.Title);
                json.WriteString("subtitle", s.Subtitle);
                json.WriteString("slug", s.Slug);
                json.WriteString("status", ExportWriter.Kebab(s.Status));
                json.WriteStartArray("tags");
                row.Tags.ForEach(json.WriteStringValue);
                json.WriteEndArray();
                json.WriteString("markdown", s.BodyMarkdown);
                json.WriteString("heroImageUrl", s.HeroImageUrl);
                json.WriteString("heroAltText", s.HeroAltText);
                json.WriteString("heroCaption", s.HeroCaption);
                json.WriteString("importKey", s.ImportKey);
                json.WriteBoolean("commentsEnabled", s.CommentsEnabled);
                json.WriteString("making", LabelNames.Slug(s.Making));
                json.WriteStartArray("warnings");
                foreach (var warning in LabelNames.Slugs(s.Warnings))
                {
                    json.WriteStringValue(warning);
                }

                json.WriteEndArray();
                json.WriteString("warningNote", s.WarningNote);
                json.WriteString("createdAt", s.CreatedAt);
                json.WriteString("updatedAt", s.UpdatedAt);
                writer.WriteDate("publishedAt", s.PublishedAt);
                writer.WriteDate("submittedAt", s.SubmittedAt);
                writer.WriteDate("profilePinnedAt", s.ProfilePinnedAt);
                writer.WriteDate("communityPinnedAt", s.CommunityPinnedAt);
                if (s.TopStoryAt is { } topStoryAt)
                {
                    json.WriteStartObject("topStory");
                    json.WriteString("at", topStoryAt);
                    json.WriteString("note", s.TopStoryNote);
                    json.WriteString("by", s.TopStoryById is { } by ? writer.Username(by) : null);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                progress.Advance();
            }

            count += batch.Count;
            await writer.FlushIfFullAsync();
            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Story.Id;
        }

        json.WriteEndArray();
        return count;
    }


}
