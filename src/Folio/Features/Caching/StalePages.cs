using Folio.Features.Challenges;
using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Federation.Blocks;
using Folio.Features.Federation.Inbox;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Series;
using Folio.Features.SiteAdmin;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Folio.Features.Caching;

/// <summary>
/// Which cached pages a save makes stale, as tags to evict. A story's page shows the story, its tags, hearts,
/// insights and comments; story cards in lists show the story and its comment count; nearly every page shows some
/// community's or person's name, so a change to a community, a tag's name or anything public about a person evicts
/// every page (rare, and always correct). Anything else (reads, follows, notifications, tokens, queues) shows on no
/// cached page. Hearts and insights move the home page's and Explore's rankings too; those may lag until the copy expires.
/// </summary>
public static class StalePages
{
    // What Identity keeps for itself, and settings only their owner sees; any other change to a person may show publicly.
    private static readonly HashSet<string> PrivateUserProperties =
    [
        nameof(FolioUser.Email), nameof(FolioUser.NormalizedEmail), nameof(FolioUser.EmailConfirmed), nameof(FolioUser.PasswordHash),
        nameof(FolioUser.SecurityStamp), nameof(FolioUser.ConcurrencyStamp), nameof(FolioUser.PhoneNumber), nameof(FolioUser.PhoneNumberConfirmed),
        nameof(FolioUser.TwoFactorEnabled), nameof(FolioUser.LockoutEnd), nameof(FolioUser.LockoutEnabled), nameof(FolioUser.AccessFailedCount),
        nameof(FolioUser.EmailOnReply), nameof(FolioUser.EmailOnReview), nameof(FolioUser.EmailOnChallengeResults),
        nameof(FolioUser.EmailOnSeriesParts),
        nameof(FolioUser.HideAiGenerated), nameof(FolioUser.HiddenWarnings), nameof(FolioUser.CoverWarnedStories),
    ];

    private static readonly HashSet<string> NothingIgnored = [];

    public static IReadOnlySet<string> TagsFor(ChangeTracker tracker)
    {
        var tags = new HashSet<string>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                AddTags(entry, tags);
            }
        }

        var retagged = StoryTagRows.RetaggedStories(tracker);
        if (retagged.Count > 0)
        {
            tags.Add(PageCacheTags.Lists);
            tags.UnionWith(retagged.Select(PageCacheTags.Story));
        }

        return tags.Contains(PageCacheTags.AllPages) ? new HashSet<string> { PageCacheTags.AllPages } : tags;
    }

    private static void AddTags(EntityEntry entry, HashSet<string> tags)
    {
        switch (entry.Entity)
        {
            case Story story when IsOrWasPublic(entry, story):
                tags.Add(PageCacheTags.Lists);
                if (entry.State != EntityState.Added)
                {
                    tags.Add(PageCacheTags.Story(story.Id));
                    tags.Add(PageCacheTags.Listed(story.Id));
                }

                AddSeriesPages(entry, tags);
                break;
            case StorySeries series:
                tags.Add(PageCacheTags.Lists);
                tags.Add(PageCacheTags.Series(series.Id));
                break;
            case Comment:
                tags.Add(PageCacheTags.Lists);
                AddStoryPage(entry, tags);
                break;
            case Heart or ReaderInsight or ReaderImpression or RemoteReaction:
                AddStoryPage(entry, tags);
                break;
            case Community when entry.State == EntityState.Added:
                tags.Add(PageCacheTags.Lists);
                break;
            case Community or Tag when entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && ChangesValues(entry, NothingIgnored)):
            case FolioUser when entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && ChangesValues(entry, PrivateUserProperties)):
            case SocialLink when entry.State != EntityState.Modified || ChangesValues(entry, NothingIgnored):
            case StoredSiteSettings or SiteImage:
                tags.Add(PageCacheTags.AllPages);
                break;
            // Published results put badges on the placed stories' pages, their cards and their creators' profiles.
            case Challenge when entry.State == EntityState.Modified && entry.Property(nameof(Challenge.ResultsPublishedAt)).IsModified:
                tags.Add(PageCacheTags.AllPages);
                break;
            case Challenge or ChallengeCriterion or ChallengeJudge or ChallengeEntry:
                tags.Add(PageCacheTags.Challenges);
                break;
            case FederationBlock:
                tags.Add(PageCacheTags.FederationBlocks);
                break;
        }
    }

    /// <summary>
    /// A draft's autosaves change no cached page. Status counts as changed when it is marked modified, which is also
    /// how an entity attached with Update() looks, so a story made public or private that way is never missed.
    /// </summary>
    private static bool IsOrWasPublic(EntityEntry entry, Story story)
    {
        var status = entry.Property(nameof(Story.Status));
        return story.Status == StoryStatus.Published
            || (entry.State != EntityState.Added && (status.IsModified || Equals(status.OriginalValue, StoryStatus.Published)));
    }

    /// <summary>
    /// Compares values rather than trusting IsModified: Update() marks every property of an entity and of what it
    /// reaches modified, and Identity's user store saves that way at every sign-in step and password change. Pages and
    /// services change the rows they loaded, so the original values are the stored ones.
    /// </summary>
    private static bool ChangesValues(EntityEntry entry, IReadOnlySet<string> ignored) =>
        entry.Properties.Any(p => p.IsModified && !ignored.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue));

    /// <summary>The contents of the series a story joins or leaves, shown on each of its parts' pages.</summary>
    private static void AddSeriesPages(EntityEntry entry, HashSet<string> tags)
    {
        var series = entry.Property(nameof(Story.SeriesId));
        foreach (var id in new[] { series.CurrentValue, entry.State == EntityState.Added ? null : series.OriginalValue })
        {
            if (id is int seriesId)
            {
                tags.Add(PageCacheTags.Series(seriesId));
            }
        }
    }

    /// <summary>A comment, heart, insight or impression: each names its story in a StoryId.</summary>
    private static void AddStoryPage(EntityEntry entry, HashSet<string> tags)
    {
        var storyId = entry.Property(nameof(Comment.StoryId));
        // A temporary id means the story is new in this save: it has no cached page yet.
        if (!storyId.IsTemporary && storyId.CurrentValue is int id)
        {
            tags.Add(PageCacheTags.Story(id));
        }
    }
}
