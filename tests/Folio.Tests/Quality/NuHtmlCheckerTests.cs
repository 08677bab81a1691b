using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Folio.Features.Challenges;
using Folio.Features.Communities;
using Folio.Features.Creators;
using Folio.Features.Mail;
using Folio.Features.Newsletters;
using Folio.Features.Stories;
using Folio.Features.Webhooks;
using Folio.Tests.Challenges;
using Folio.Tests.Challenges.Entering;
using Folio.Tests.Federation;
using Folio.Tests.Infrastructure;
using Folio.Tests.Newsletters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Folio.Tests.Quality;

/// <summary>
/// DESIGN.md's quality bar: every page type, signed out and signed in, has 0 Nu Html Checker errors. The pages are
/// fetched over HTTP from the demo site, written to a folder, and checked by one run of the checker.
/// </summary>
public sealed partial class NuHtmlCheckerTests : IDisposable
{
    private readonly FolioApp _app = new(seedDemo: true);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "folio-nu", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _pages = [];
    private readonly Dictionary<string, string> _html = [];

    public void Dispose()
    {
        _app.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Never created, or still held for a moment; the OS temp cleaner takes it later.
        }
    }

    [NuHtmlCheckerFact]
    public async Task EveryPageTypeHasNoNuHtmlCheckerErrors()
    {
        Directory.CreateDirectory(_folder);
        var site = await SiteAsync();

        using var anonymous = _app.NewBrowser();
        foreach (var url in new[]
        {
            "/", "/?page=2", "/explore", "/top", "/earth", $"/{site.Paged}?page=2", $"/tags/{site.Tag}", "/authors/maya",
            site.Story, $"/comments/{site.Comment}", $"/search?q={site.SearchWord}", "/search?q=zzqxnothingmatches", "/search",
            "/signin", "/signup", "/forgot-password", "/reset-password?email=nobody%40example.org&code=x", "/confirm-email",
            "/insights", "/contact", "/privacy", "/terms", "/support", "/developers",
        })
        {
            await SaveAsync(anonymous, "anonymous", url);
        }

        Assert.Contains($"href=\"{site.Story}\"", _html[$"/search?q={site.SearchWord}"]);
        // The demo's open challenge in Earth, on its community page.
        Assert.Contains("data-challenge-banner", _html["/earth"]);
        await SaveAsync(anonymous, "anonymous", "/no-such-community", HttpStatusCode.NotFound);
        await SaveAsync(anonymous, "anonymous", "/earth/no-such-story", HttpStatusCode.NotFound);
        await SaveAsync(anonymous, "anonymous", "/error/500", HttpStatusCode.InternalServerError);

        // A form sent back with what to fix.
        await SavePostAsync(anonymous, "anonymous", "/signup",
            new() { ["Input.Email"] = "not an email", ["Input.UserName"] = "", ["Input.DisplayName"] = "", ["Input.Password"] = "short" });
        await SavePostAsync(anonymous, "anonymous", "/signin", new() { ["Input.Login"] = "maya", ["Input.Password"] = "not her password" });

        using var reader = await _app.ClientForAsync(Persona.Reader);

        foreach (var url in new[]
        {
            "/", site.Story, "/check-inbox", "/settings", "/settings/account", "/settings/email", "/settings/reading", "/settings/data", "/settings/tokens", "/following",
            "/notifications", "/me/stories", $"/stories/{site.StoryId}/report", $"/comments/{site.Comment}/report",
        })
        {
            await SaveAsync(reader.Http, "reader", url);
        }

        // A story with labels, signed out and for a reader who keeps warned stories behind "Show story"; a moderator's
        // correction refused for want of a reason comes back below with the moderator's pages.
        const string labelled = "/lives/nine-keys-to-a-house-in-achrafieh";
        await SaveAsync(anonymous, "anonymous", labelled);
        Assert.Contains("story-labels", _html[labelled]);
        using (var covered = await _app.ClientForAsync(Persona.Reader))
        {
            await _app.WithDbAsync(async db =>
            {
                (await db.Users.FindAsync(covered.User!.Id))!.CoverWarnedStories = true;
                await db.SaveChangesAsync();
            });
            await SaveAsync(covered.Http, "covered-reader", labelled);
            Assert.Contains("data-story-cover", _html[labelled]);
        }

        // The reading choices sent back with a warning that is not one.
        await SavePostAsync(reader.Http, "reader", "/settings/reading", new() { ["Input.HiddenWarnings"] = "ghosts" });

        // The email choices and the Following page with a follow of each kind, and an unsubscribe link's pages: asked,
        // done, and not genuine.
        var maya = await _app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "maya"));
        await _app.SubscribeAsync(reader.User!, maya);
        await _app.FollowAsync(reader.User!, await _app.WithDbAsync(db => db.Communities.SingleAsync(c => c.Slug == "earth")), Delivery.Weekly);
        var unsubscribe = _app.Services.GetRequiredService<UnsubscribeTokens>().Url("", Unsubscription.FromCreator(reader.User!.Id, maya.Id));
        await SaveAsync(reader.Http, "reader", "/settings/email");
        await SaveAsync(reader.Http, "reader", "/following");
        Assert.Contains("story-card__title", _html["/following"]);
        await SaveAsync(anonymous, "anonymous", unsubscribe);
        using (var done = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            await KeepAsync(done, "anonymous", "POST", unsubscribe, HttpStatusCode.OK);
        }

        await SaveAsync(anonymous, "anonymous", "/unsubscribe/not-a-token", HttpStatusCode.BadRequest);

        // Where a forbidden request is sent (the cookie's AccessDeniedPath).
        await SaveAsync(reader.Http, "reader", "/error/403", HttpStatusCode.Forbidden);

        // The notice of an address the mail server kept refusing, with what it said and the button to try again.
        using var refused = await _app.ClientForAsync(Persona.Reader);
        await _app.WithDbAsync(db => db.Users.Where(u => u.Id == refused.User!.Id).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.EmailStoppedAt, _app.Clock.UtcNow).SetProperty(u => u.EmailFailures, 3)
            .SetProperty(u => u.LastEmailFailure, "550 5.1.1 <gone@example.org>: Recipient address rejected")));
        await SaveAsync(refused.Http, "refused-reader", "/settings/account");
        Assert.Contains("id=\"email-stopped\"", _html["/settings/account"]);

        using var creator = await _app.ClientForAsync(Persona.Creator);
        var earth = await _app.WithDbAsync(db => db.Communities.SingleAsync(c => c.Slug == "earth"));
        var draft = await _app.Data.StoryAsync(earth, creator.User!, "A draft about the tide", status: StoryStatus.Draft);
        var pending = await _app.Data.StoryAsync(earth, creator.User!, "A story waiting for review", status: StoryStatus.Pending);
        var comment = await _app.Data.CommentAsync(await _app.WithDbAsync(db => db.Stories.SingleAsync(s => s.Id == site.StoryId)),
            creator.User!, "A comment its writer may still edit.");
        await CreatorsNewsletterAsync(creator.User!, reader.User!, earth);
        // The editor with a challenge chosen and its rules, and a held entry on the editor and the dashboard.
        var challenge = await _app.ChallengeAsync(configure: c => c.RequiredTags = ["tides"]);
        var held = await _app.Data.StoryAsync(earth, creator.User!, "An entry held for its challenge", status: StoryStatus.Draft);
        await _app.WithDbAsync(async db =>
        {
            await db.Stories.Where(s => s.Id == held.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, StoryStatus.Held));
            db.ChallengeEntries.Add(new() { ChallengeId = challenge.Id, StoryId = held.Id, AuthorId = creator.User!.Id, EnteredAt = _app.Clock.UtcNow });
            await db.SaveChangesAsync();
        });
        foreach (var url in new[]
        {
            "/write", $"/write?challenge={challenge.Slug}", $"/stories/{held.Id}/edit", $"/stories/{draft.Id}/edit", "/me/stories", "/earth", site.Story, $"/stories/{site.StoryId}/insights",
            $"/stories/{site.StoryId}/comments", $"/comments/{comment.Id}/edit",
        })
        {
            await SaveAsync(creator.Http, "creator", url);
        }

        Assert.Contains("subscribers-table", _html["/me/stories"]);
        Assert.Contains("data-emails-failed", _html["/me/stories"]);
        Assert.Contains("data-open-entries", _html["/me/stories"]);
        Assert.Contains("challenge-banner__enter", _html["/earth"]);

        using var moderator = await _app.ClientForAsync(Persona.Moderator);
        await _app.RemoteFollowerAsync(creator.User!, "https://mastodon.example/users/ana");
        await moderator.Http.PostFormAsync("/moderation/fediverse", new() { ["Input.Target"] = "spam.example", ["Input.Reason"] = "Sends spam." });
        await SavePostAsync(moderator.Http, "moderator", "/moderation/fediverse", new() { ["Input.Target"] = "not a domain", ["Input.Reason"] = "" });
        await SavePostAsync(moderator.Http, "moderator", $"/moderation/stories/{pending.Id}?handler=Labels",
            new() { ["LabelsMaking"] = "ai-generated", ["LabelsWarnings"] = "violence", ["LabelsReason"] = "" });
        Assert.Contains("Say why you changed the labels", _html[$"/moderation/stories/{pending.Id}?handler=Labels"]);
        foreach (var url in new[]
        {
            "/moderation", "/moderation/reports", "/moderation/comments", $"/moderation/stories/{pending.Id}",
            "/moderation/fediverse", "/moderation/fediverse/followers", $"/moderation/fediverse/followers/creator/{creator.User!.Id}",
            $"/stories/{site.StoryId}/top", site.Story, "/admin", "/admin/audit",
        })
        {
            await SaveAsync(moderator.Http, "moderator", url);
        }

        // A series: its page and a part with the series box, signed out and signed in; the creator's list and management
        // pages with parts to move; and the new-series form sent back with what to fix.
        var seriesPart = await _app.WithDbAsync(db => db.Stories.Where(s => s.Series!.Slug == "recipes-from-home" && s.SeriesPosition == 2)
            .Select(s => "/" + s.Community.Slug + "/" + s.Slug).SingleAsync());
        await SaveAsync(anonymous, "anonymous", "/authors/priya/series/recipes-from-home");
        await SaveAsync(anonymous, "anonymous", seriesPart);
        await SaveAsync(reader.Http, "reader", "/authors/priya/series/recipes-from-home");
        await SaveAsync(reader.Http, "reader", seriesPart);
        var creatorsSeries = await Folio.Tests.Series.SeriesSteps.CreateSeriesAsync(creator, "Nu Series", "A series the checker reads.");
        var seriesParts = new[] { await _app.Data.StoryAsync(earth, creator.User!, "Nu part one"), await _app.Data.StoryAsync(earth, creator.User!, "Nu part two") };
        await Folio.Tests.Series.SeriesSteps.AddPartsAsync(creator, creatorsSeries, [.. seriesParts.Select(p => p.Id)]);
        await SaveAsync(creator.Http, "creator", "/me/series");
        await SaveAsync(creator.Http, "creator", $"/me/series/{creatorsSeries}");
        await SavePostAsync(creator.Http, "creator", "/me/series", new() { ["Input.Title"] = "", ["Input.Description"] = "Kept." });
        // The editor's series choice, with the story's series chosen, and refused someone else's; /me/stories with its
        // pinned stories and the message refusing a fourth pin.
        await SaveAsync(creator.Http, "creator", $"/stories/{seriesParts[0].Id}/edit");
        Assert.Contains("data-series-choice", _html[$"/stories/{seriesParts[0].Id}/edit"]);
        await SavePostAsync(creator.Http, "creator", "/write?handler=Save", new() { ["Input.Title"] = "Kept", ["SeriesOffered"] = "true", ["Series"] = "999999" });
        Assert.Contains("data-series-error", _html["/write?handler=Save"]);
        var third = await _app.Data.StoryAsync(earth, creator.User!, "Nu pin three");
        var fourth = await _app.Data.StoryAsync(earth, creator.User!, "Nu pin four");
        foreach (var id in new[] { seriesParts[0].Id, seriesParts[1].Id, third.Id, fourth.Id })
        {
            await creator.Http.PostFormAsync($"/me/stories?handler=Pin&id={id}", [], "/me/stories");
        }

        await SaveAsync(creator.Http, "creator", "/me/stories?refused");
        Assert.Contains("data-pinned-mark", _html["/me/stories?refused"]);
        Assert.Contains("role=\"alert\" data-status-message", _html["/me/stories?refused"]);

        var challengeCommunity = await _app.WithDbAsync(db => db.Communities.SingleAsync(c => c.Slug == "earth"));
        var openChallenge = await _app.ChallengeAsync(_app.Clock.UtcNow.AddDays(-1), _app.Clock.UtcNow.AddDays(3), challengeCommunity, "Open Nu Challenge",
            c => c.EntriesVisibleBeforeClose = true);
        await _app.EntryAsync(openChallenge, challengeCommunity, "An entry");
        foreach (var url in new[] { "/challenges", "/challenges/open-nu-challenge" })
        {
            await SaveAsync(anonymous, "anonymous", url);
        }

        using var admin = await _app.ClientForAsync(Persona.Admin);
        await SavePostAsync(admin.Http, "admin", "/admin/challenges/new", new() { ["Input.Title"] = "", ["Input.Criteria[0].Weight"] = "30" });

        // Judging, as the lead judge of a closed challenge: the list, an entry with a refused score, the results form;
        // and a challenge whose results are out, as a reader sees it.
        var judged = await _app.ChallengeAsync(_app.Clock.UtcNow.AddDays(-10), _app.Clock.UtcNow.AddHours(-1), challengeCommunity, "Judged Nu Challenge",
            c => { c.Judges = [new() { UserId = admin.User!.Id, IsLead = true }]; c.BlindJudging = true; });
        var judgedStory = await _app.EntryAsync(judged, challengeCommunity, "A judged entry");
        await _app.RunChallengePassAsync();
        var judgedEntry = await _app.WithDbAsync(db => db.ChallengeEntries.Where(e => e.StoryId == judgedStory.Id).Select(e => e.Id).SingleAsync());
        await SavePostAsync(admin.Http, "admin", $"/challenges/judged-nu-challenge/judging/{judgedEntry}", new() { ["Note"] = "No scores." });
        await SavePostAsync(admin.Http, "admin", "/challenges/judged-nu-challenge/judging/results", new() { ["Picks[0].Note"] = "" });
        foreach (var url in new[] { "/challenges/judged-nu-challenge/judging", $"/challenges/judged-nu-challenge/judging/{judgedEntry}", "/challenges/judged-nu-challenge/judging/results" })
        {
            await SaveAsync(admin.Http, "admin", url);
        }

        var over = await _app.ChallengeAsync(_app.Clock.UtcNow.AddDays(-30), _app.Clock.UtcNow.AddDays(-20), challengeCommunity, "Finished Nu Challenge",
            c => c.ResultsPublishedAt = _app.Clock.UtcNow.AddDays(-1));
        var winner = await _app.EntryAsync(over, challengeCommunity, "A winning entry");
        await _app.WithDbAsync(db => db.ChallengeEntries.Where(e => e.StoryId == winner.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Placement, ChallengePlacement.Winner).SetProperty(e => e.PlacementNote, "Clear and kind.")));
        await SaveAsync(anonymous, "anonymous", "/challenges/finished-nu-challenge");
        // The winner's badges, and an entrant's private scores page.
        var winnerAuthor = await _app.WithDbAsync(db => db.Users.Where(u => u.Id == winner.AuthorId).Select(u => u.UserName).SingleAsync());
        await SaveAsync(anonymous, "anonymous", $"/earth/{winner.Slug}");
        await SaveAsync(anonymous, "anonymous", $"/authors/{winnerAuthor}");
        var adminEntry = await _app.Data.StoryAsync(challengeCommunity, admin.User!, "The admin's entry");
        await _app.WithDbAsync(async db =>
        {
            db.ChallengeEntries.Add(new ChallengeEntry { ChallengeId = over.Id, StoryId = adminEntry.Id, AuthorId = admin.User!.Id, EnteredAt = _app.Clock.UtcNow.AddDays(-25) });
            await db.SaveChangesAsync();
        });
        await SaveAsync(admin.Http, "admin", "/challenges/finished-nu-challenge/my-scores");
        foreach (var url in new[]
        {
            "/admin/challenges", "/admin/challenges/new", $"/admin/challenges/{openChallenge.Id}/edit",
            "/admin", "/admin/audit", "/admin/communities", "/admin/communities/new", "/admin/communities/earth", "/admin/people",
            "/admin/people/maya", "/admin/site", "/admin/site/invites", "/admin/site/pages", "/admin/webhooks",
            "/admin/webhooks/new", $"/admin/webhooks/{site.Webhook}", $"/admin/webhooks/{site.Webhook}/deliveries", site.Story, "/",
        })
        {
            await SaveAsync(admin.Http, "admin", url);
        }

        var errors = await CheckAsync();

        Assert.True(errors.Count == 0,
            $"The Nu Html Checker found {errors.Count} errors in {_pages.Count} pages:\n" + string.Join('\n', errors));
    }

    /// <summary>What the demo site does not have on its own: a community with a second page, a webhook.</summary>
    private async Task<Site> SiteAsync()
    {
        var paged = await _app.Data.CommunityAsync();
        var author = await _app.Data.PersonAsync();
        for (var i = 1; i <= 13; i++)
        {
            await _app.Data.StoryAsync(paged, author, $"Paged story {i}", publishedAt: _app.Clock.UtcNow.AddDays(-i));
        }

        return await _app.WithDbAsync(async db =>
        {
            var webhook = new Webhook { Url = "https://example.org/hook", Secret = "secret", Events = ["story.published"], CreatedAt = _app.Clock.UtcNow };
            db.Webhooks.Add(webhook);
            await db.SaveChangesAsync();
            // A demo story with comments and reader insights, the richest story page there is.
            var story = await db.Stories.Published()
                .Where(s => db.Comments.Any(c => c.StoryId == s.Id) && db.ReaderInsights.Any(i => i.StoryId == s.Id))
                .OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.Title, Path = "/" + s.Community.Slug + "/" + s.Slug })
                .FirstAsync();
            var comment = await db.Comments.Where(c => c.StoryId == story.Id && c.ParentId == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var tag = await db.Tags.Where(t => t.StoryCount > 0).OrderBy(t => t.Id).Select(t => t.Slug).FirstAsync();
            var word = story.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!.Trim(',', '.', ':', '?', '!');
            return new Site(story.Path, story.Id, comment, tag, paged.Slug, word, webhook.Id);
        });
    }

    /// <summary>A subscriber and a published story whose emails were sent, are still to send, and were given up on: /me/stories shows them all.</summary>
    private async Task CreatorsNewsletterAsync(FolioUser creator, FolioUser subscriber, Community community)
    {
        await _app.SubscribeAsync(subscriber, creator, Delivery.Daily);
        var story = await _app.Data.StoryAsync(community, creator, "A story its subscribers were emailed");
        var now = _app.Clock.UtcNow;
        await _app.WithDbAsync(async db =>
        {
            var content = new EmailContent { Subject = story.Title, Text = "A new story." };
            db.QueuedEmails.AddRange(
                new QueuedEmail { ToAddress = "sent@test.example", Content = content, Kind = EmailKind.NewStory, StoryId = story.Id, CreatedAt = now, NextAttemptAt = now, SentAt = now },
                new QueuedEmail { ToAddress = "later@test.example", Content = content, Kind = EmailKind.NewStory, StoryId = story.Id, CreatedAt = now, NextAttemptAt = now.AddYears(1) },
                new QueuedEmail { ToAddress = "gone@test.example", Content = content, Kind = EmailKind.NewStory, StoryId = story.Id, CreatedAt = now, NextAttemptAt = now, Attempts = 20 });
            await db.SaveChangesAsync();
        });
    }

    private async Task SaveAsync(HttpClient client, string who, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        await KeepAsync(response, who, "GET", url, expected);
    }

    private async Task SavePostAsync(HttpClient client, string who, string url, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(url, fields);
        // Whatever the status (400 for a field that could not be read, 200 for a rule the page checks), the form comes back.
        await KeepAsync(response, who, "POST", url, response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.BadRequest);
    }

    private async Task KeepAsync(HttpResponseMessage response, string who, string method, string url, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected,
            $"{method} {url} as {who}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        // Cut short for an unsubscribe link's long token; the leading count keeps the names apart.
        var name = NotAFileName().Replace(url, "-");
        var file = $"{_pages.Count:000}-{who}-{method.ToLowerInvariant()}{name[..Math.Min(name.Length, 120)]}.html";
        await File.WriteAllTextAsync(Path.Combine(_folder, file), html);
        _pages[file] = $"{method} {url} as {who}";
        _html[url] = html;
    }

    /// <summary>One run of the checker over every saved page: each error as "page, line: message (extract)".</summary>
    private async Task<List<string>> CheckAsync()
    {
        var files = _pages.Keys.Select(file => Path.Combine(_folder, file)).ToList();
        var run = await Folio.Testing.QualityTools.RunAsync("java",
            ["-Xss4m", "-jar", Folio.Testing.QualityTools.VnuJar, "--errors-only", "--format", "json", "--stdout", "--exit-zero-always", .. files],
            TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0 && run.Out.TrimStart().StartsWith('{'), $"The Nu Html Checker did not run: {run}");

        using var report = JsonDocument.Parse(run.Out);
        var errors = new List<string>();
        foreach (var message in report.RootElement.GetProperty("messages").EnumerateArray())
        {
            var type = message.GetProperty("type").GetString();
            if (type is "info")
            {
                continue;
            }

            var url = message.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            var page = _pages.GetValueOrDefault(Path.GetFileName(url), url);
            var line = message.TryGetProperty("lastLine", out var l) ? $", line {l.GetInt32()}" : "";
            var extract = message.TryGetProperty("extract", out var e) ? $" ({e.GetString()?.ReplaceLineEndings(" ").Trim()})" : "";
            errors.Add($"{page}{line}: {message.GetProperty("message").GetString()}{extract}");
        }

        return errors;
    }

    private sealed record Site(string Story, int StoryId, int Comment, string Tag, string Paged, string SearchWord, int Webhook);

    [GeneratedRegex("[^a-zA-Z0-9]+")]
    private static partial Regex NotAFileName();
}

/// <summary>Needs Java and the npm package vnu-jar: skipped, with the reason, where they are missing (never on CI).</summary>
public sealed class NuHtmlCheckerFactAttribute : FactAttribute
{
    public NuHtmlCheckerFactAttribute() => Skip = Prerequisites.SkipUnlessRequired(Folio.Testing.QualityTools.NuCheckerMissing);
}
