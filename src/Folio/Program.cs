using Folio;
using Folio.Data;
using Folio.Features.Admin;
using Folio.Features.Api;
using Folio.Features.Caching;
using Folio.Features.Challenges;
using Folio.Features.Challenges.Entering;
using Folio.Features.Comments;
using Folio.Features.Communities;
using Folio.Features.Compression;
using Folio.Features.Demo;
using Folio.Features.Developers;
using Folio.Features.Errors;
using Folio.Features.Federation;
using Folio.Features.Federation.Discovery;
using Folio.Features.Federation.Documents;
using Folio.Features.Federation.Inbox;
using Folio.Features.Feeds;
using Folio.Features.Hearts;
using Folio.Features.Insights;
using Folio.Features.Labels;
using Folio.Features.Newsletters;
using Folio.Features.Notifications;
using Folio.Features.Operations;
using Folio.Features.Reads;
using Folio.Features.Pins;
using Folio.Features.Saved;
using Folio.Features.Settings;
using Folio.Features.SharingCards;
using Folio.Features.SiteAdmin;
using Folio.Features.SitePages;
using Folio.Features.Subscriptions;
using Folio.Features.Webhooks;
using Folio.Features.Writing;
using Folio.Pages.Shared;
using Folio.Shared;

if (AdminCli.IsCommand(args))
{
    return await AdminCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(PublishedContentRoot.For(args));

builder.AddFolioCore();
builder.AddFolioPages();
builder.AddSecurityHeaders();
builder.AddSettings();
builder.AddLabels();
builder.AddWriting();
builder.AddChallengePhaseWorker();
builder.AddComments();
builder.AddInsights();
builder.AddWebhooks();
builder.AddFederation();
builder.AddSubscriptions();
builder.AddNewsletters();
builder.AddSaved();
builder.AddPins();
builder.AddReads();
builder.AddSitePages();
builder.AddFeeds();
builder.AddSharingCards();
builder.AddCompression();
builder.AddPageCaching();
builder.AddApi();
builder.AddDevelopers();
builder.AddDemoContent();
builder.AddOperations();

var app = builder.Build();

app.UseSlowRequestLog();
app.UseCompression();
app.UseFolioErrorPages();
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseMediaFiles();
app.UseActivityPubNegotiation();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
// After routing (a page's cache policy is endpoint metadata), authentication (a signed-in request is never served
// from or stored in the cache) and authorization (a cached copy must not skip a check); before the endpoints it caches.
app.UsePageCaching();

app.MapHealthEndpoints();
app.MapCommunityTheme();
app.MapSiteAssets();
app.MapEditorEndpoints();
app.MapSubscriptions();
app.MapNotifications();
app.MapHeartEndpoints();
app.MapSaveEndpoints();
app.MapReads();
app.MapFeedsAndSeo();
app.MapChallengeFeed();
app.MapSharingCards();
app.MapApi();
app.MapFederationDiscovery();
app.MapFederationInbox();
app.MapRazorPages();

await app.InitializeDatabaseAsync();
await app.RunAsync();
return 0;

public partial class Program;
