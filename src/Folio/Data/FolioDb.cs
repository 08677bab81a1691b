using Folio.Features.Audit;
using Folio.Features.Caching;
using Folio.Features.Challenges;
using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Mail;
using Folio.Features.Moderation;
using Folio.Features.Notifications;
using Folio.Features.People;
using Folio.Features.Reads;
using Folio.Features.Saved;
using Folio.Features.SiteAdmin;
using Folio.Features.Subscriptions;
using Folio.Features.Tokens;
using Folio.Features.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Folio.Features.Stories;
using Folio.Features.Tags;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Folio.Data;

/// <summary>
/// The one DbContext. As itself it is the SQLite database (migrations in Migrations/Sqlite); PostgresFolioDb is the
/// same model on PostgreSQL with its own migrations, because EF Core keys a migration set to a context type.
/// </summary>
public class FolioDb : IdentityDbContext<FolioUser>, IDataProtectionKeyContext
{
    public FolioDb(DbContextOptions<FolioDb> options)
        : base(options)
    {
    }

    protected FolioDb(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<ReaderInsight> ReaderInsights => Set<ReaderInsight>();
    public DbSet<Heart> Hearts => Set<Heart>();
    public DbSet<SavedStory> SavedStories => Set<SavedStory>();
    public DbSet<Folio.Features.Writing.StoryImage> StoryImages => Set<Folio.Features.Writing.StoryImage>();
    public DbSet<ReaderImpression> ReaderImpressions => Set<ReaderImpression>();
    public DbSet<CommentReport> CommentReports => Set<CommentReport>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<CommunityFollow> CommunityFollows => Set<CommunityFollow>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<QueuedEmail> QueuedEmails => Set<QueuedEmail>();
    public DbSet<EmailContent> EmailContents => Set<EmailContent>();
    public DbSet<Folio.Features.Newsletters.StoryAnnouncement> StoryAnnouncements => Set<Folio.Features.Newsletters.StoryAnnouncement>();
    public DbSet<StoryReadDay> StoryReadDays => Set<StoryReadDay>();
    public DbSet<StoryRevision> StoryRevisions => Set<StoryRevision>();
    public DbSet<StoryReview> StoryReviews => Set<StoryReview>();
    public DbSet<StoryReport> StoryReports => Set<StoryReport>();
    public DbSet<UsernameRedirect> UsernameRedirects => Set<UsernameRedirect>();
    public DbSet<CommunitySlugRedirect> CommunitySlugRedirects => Set<CommunitySlugRedirect>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<Folio.Features.Federation.ActorKey> ActorKeys => Set<Folio.Features.Federation.ActorKey>();
    public DbSet<Folio.Features.Federation.RemoteActor> RemoteActors => Set<Folio.Features.Federation.RemoteActor>();
    public DbSet<Folio.Features.Federation.RemoteFollower> RemoteFollowers => Set<Folio.Features.Federation.RemoteFollower>();
    public DbSet<Folio.Features.Federation.FederationDelivery> FederationDeliveries => Set<Folio.Features.Federation.FederationDelivery>();
    public DbSet<Folio.Features.Federation.Publishing.StoryActivity> StoryActivities => Set<Folio.Features.Federation.Publishing.StoryActivity>();
    public DbSet<Folio.Features.Federation.Inbox.ReceivedActivity> ReceivedActivities => Set<Folio.Features.Federation.Inbox.ReceivedActivity>();
    public DbSet<Folio.Features.Federation.Inbox.RemoteReaction> RemoteReactions => Set<Folio.Features.Federation.Inbox.RemoteReaction>();
    public DbSet<Folio.Features.Federation.Blocks.FederationBlock> FederationBlocks => Set<Folio.Features.Federation.Blocks.FederationBlock>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Challenge> Challenges => Set<Challenge>();
    public DbSet<ChallengeEntry> ChallengeEntries => Set<ChallengeEntry>();
    public DbSet<ChallengeAssignment> ChallengeAssignments => Set<ChallengeAssignment>();
    public DbSet<ChallengeScore> ChallengeScores => Set<ChallengeScore>();
    public DbSet<Folio.Features.Series.StorySeries> Series => Set<Folio.Features.Series.StorySeries>();
    public DbSet<Folio.Features.Series.SeriesSubscription> SeriesSubscriptions => Set<Folio.Features.Series.SeriesSubscription>();
    public DbSet<CacheEviction> CacheEvictions => Set<CacheEviction>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<StoredSiteSettings> SiteSettings => Set<StoredSiteSettings>();
    public DbSet<SiteImage> SiteImages => Set<SiteImage>();
    public DbSet<SiteInvite> SiteInvites => Set<SiteInvite>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();

    /// <summary>Shared by every node, so a cookie issued by one is accepted by another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(FolioDb).Assembly);
    }
}
