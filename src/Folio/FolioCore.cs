using Folio.Data;
using Folio.Features.Accounts;
using Folio.Features.Audit;
using Folio.Features.Caching;
using Folio.Features.ChallengeAdmin;
using Folio.Features.Challenges;
using Folio.Features.Challenges.Entering;
using Folio.Features.Challenges.Judging;
using Folio.Features.Communities;
using Folio.Features.Federation;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Features.People;
using Folio.Features.Scaling;
using Folio.Features.SiteAdmin;
using Folio.Features.Series;
using Folio.Features.Stories;
using Folio.Features.Webhooks;
using Folio.Pages.Shared;
using Folio.Shared.Images;

namespace Folio;

public static class FolioCore
{
    /// <summary>
    /// What every Folio process runs on, the site and the admin commands alike, so a command changes data exactly as a
    /// request would: the same database and accounts, the same side effects on every save (search index, webhook
    /// deliveries, page-cache evictions that reach every running server), the same story workflow and notifications, the
    /// same shared stores and links.
    /// </summary>
    public static WebApplicationBuilder AddFolioCore(this WebApplicationBuilder builder)
    {
        builder.AddFolioData();
        builder.AddAccounts();
        builder.AddSiteUrls();
        builder.AddSiteSettings();
        builder.AddMail();
        builder.AddStoryAnnouncements();
        builder.AddWebhookEvents();
        builder.AddStoryActivities();
        builder.AddNotifications();
        builder.AddUploadedImages();
        builder.AddAuditLog();
        builder.AddPeople();
        builder.AddCommunityAdministration();
        builder.AddStoryWorkflow();
        builder.AddSeries();
        builder.AddChallengeEntering();
        builder.AddChallenges();
        builder.AddChallengeJudging();
        builder.AddChallengeAdministration();
        builder.AddPageCacheEviction();
        builder.AddSaveHooks();
        builder.AddScaling();
        return builder;
    }
}
