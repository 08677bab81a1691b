using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Folio.Tests.Notifications;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Folio.Tests.Security.Xss;

/// <summary>Every payload, in every field a user controls, read back from every page, feed, email and API answer that shows it.</summary>
public sealed class XssCorpusTests(XssCorpus corpus) : IClassFixture<XssCorpus>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";

    private HttpClient Anonymous => corpus.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public void TheCorpusHoldsAtLeast150DistinctPayloads() => Assert.True(XssCorpus.Payloads.Count >= 150, $"{XssCorpus.Payloads.Count} payloads");

    [Fact]
    public async Task EveryPayloadReachesItsPagesAsTheTextTyped()
    {
        var anonymous = Anonymous;
        var wrong = new ConcurrentBag<string>();
        await ForEachSeedAsync(async seed =>
        {
            var story = await GetHtmlAsync(anonymous, seed.StoryPath);
            var author = await GetHtmlAsync(anonymous, $"/authors/{seed.Username}");
            var shown = new[]
            {
                (story.QuerySelector("h1")?.TextContent, XssCorpus.Fit(seed.Payload, 120), "story title"),
                (author.QuerySelector("h1")?.TextContent, XssCorpus.Fit(seed.Payload, 80), "display name"),
                (author.QuerySelector(".profile-header__bio")?.TextContent, seed.Payload, "bio"),
            };
            foreach (var (text, typed, field) in shown)
            {
                if (Collapse(text) != Collapse(typed))
                {
                    wrong.Add($"{field} of payload {seed.Payload}: shown as {text}");
                }
            }
        });

        Assert.True(wrong.IsEmpty, string.Join("\n", wrong));
    }

    [Fact]
    public async Task NoPayloadRunsOnAPublicPageThatShowsIt()
    {
        var anonymous = Anonymous;
        var live = new ConcurrentBag<string>();
        foreach (var url in new[] { "/", "/explore", "/top", "/search?q=alert" })
        {
            await ScanAsync(anonymous, url, live);
        }

        await ForEachSeedAsync(async seed =>
        {
            var urls = new List<string>
            {
                seed.StoryPath, $"/{seed.Community}", $"/authors/{seed.Username}", $"/comments/{seed.ReplyId}",
                "/search?q=" + Uri.EscapeDataString(seed.Payload),
            };
            if (seed.Tag is not null)
            {
                urls.Add($"/tags/{seed.Tag}");
            }

            foreach (var url in urls)
            {
                await ScanAsync(anonymous, url, live);
            }
        });

        Assert.True(live.IsEmpty, string.Join("\n", live));
    }

    [Fact]
    public async Task NoPayloadRunsOnThePagesOfTheSignedInVictimOrAModerator()
    {
        var live = new ConcurrentBag<string>();
        foreach (var url in new[] { "/", "/me/stories", "/notifications", "/settings", "/settings/account", "/following", $"/authors/{corpus.Victim.User!.UserName}" })
        {
            await ScanAsync(corpus.Victim.Http, url, live);
        }

        foreach (var url in new[] { "/moderation", "/moderation/comments" })
        {
            await ScanAsync(corpus.Moderator.Http, url, live);
        }

        await ForEachSeedAsync(async seed =>
        {
            await ScanAsync(corpus.Victim.Http, $"/stories/{seed.DraftId}/edit", live);
            await ScanAsync(corpus.Victim.Http, seed.StoryPath, live);
            await ScanAsync(corpus.Moderator.Http, $"/moderation/stories/{seed.DraftId}", live);
        });

        Assert.True(live.IsEmpty, string.Join("\n", live));
    }

    [Fact]
    public async Task NoPayloadRunsInAFeedReader()
    {
        var anonymous = Anonymous;
        var live = new ConcurrentBag<string>();
        await ScanFeedsAsync(anonymous, "", live);
        await ForEachSeedAsync(async seed =>
        {
            await ScanFeedsAsync(anonymous, $"/{seed.Community}", live);
            await ScanFeedsAsync(anonymous, $"/authors/{seed.Username}", live);
            if (seed.Tag is not null)
            {
                await ScanFeedsAsync(anonymous, $"/tags/{seed.Tag}", live);
            }
        });

        Assert.True(live.IsEmpty, string.Join("\n", live));
    }

    [Fact]
    public async Task NotificationEmailsCarryPayloadsAsPlainTextOnly()
    {
        var worker = corpus.App.Services.GetRequiredService<Folio.Features.Mail.MailQueueWorker>();
        while (await worker.ProcessDueAsync(CancellationToken.None) > 0)
        {
        }

        var outbox = corpus.App.Outbox();
        Assert.True(outbox.Length >= XssCorpus.Payloads.Count, $"{outbox.Length} emails for {XssCorpus.Payloads.Count} replies");
        foreach (var file in outbox)
        {
            var message = await MimeMessage.LoadAsync(file);
            Assert.All(message.BodyParts, part => Assert.Equal("text/plain", part.ContentType.MimeType));
        }
    }

    [Fact]
    public async Task TheApiAnswersPayloadsAsJsonThatKeepsThemIntact()
    {
        var anonymous = Anonymous;
        var wrong = new ConcurrentBag<string>();
        await ForEachSeedAsync(async seed =>
        {
            foreach (var (url, field, typed) in new[]
            {
                ($"/api/v1/stories/{seed.StoryId}", "title", XssCorpus.Fit(seed.Payload, 120)),
                ($"/api/v1/authors/{seed.Username}", "name", XssCorpus.Fit(seed.Payload, 80)),
                ($"/api/v1/communities/{seed.Community}", "name", XssCorpus.Fit(seed.Payload, 80)),
            })
            {
                using var response = await anonymous.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    wrong.Add($"{url}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                    continue;
                }

                using var json = JsonDocument.Parse(body);
                if (json.RootElement.GetProperty(field).GetString() != typed)
                {
                    wrong.Add($"{url}: {field} is {json.RootElement.GetProperty(field)}, typed {typed}");
                }
            }
        });

        Assert.True(wrong.IsEmpty, string.Join("\n", wrong));
    }

    private async Task ScanFeedsAsync(HttpClient client, string prefix, ConcurrentBag<string> live)
    {
        foreach (var url in new[] { $"{prefix}/feed.xml", $"{prefix}/feed.atom" })
        {
            using var response = await client.GetAsync(url);
            var raw = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                live.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }

            var feed = XDocument.Parse(raw);
            // What readers show as HTML: every RSS description and content:encoded, every Atom field typed html.
            var html = feed.Descendants("description").Concat(feed.Descendants(Content + "encoded"))
                .Concat(feed.Descendants().Where(e => e.Name.Namespace == Atom && (string?)e.Attribute("type") == "html"));
            foreach (var field in html)
            {
                foreach (var problem in LiveScript.InFragment(field.Value))
                {
                    live.Add($"{url} <{field.Name.LocalName}>: {problem}");
                }
            }
        }
    }

    private static async Task ScanAsync(HttpClient client, string url, ConcurrentBag<string> live)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            live.Add($"{url}: {(int)response.StatusCode}");
            return;
        }

        foreach (var problem in LiveScript.In(await new HtmlParser().ParseDocumentAsync(html)))
        {
            live.Add($"{url}: {problem}");
        }
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> GetHtmlAsync(HttpClient client, string url) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(url));

    private Task ForEachSeedAsync(Func<Seeded, Task> action) =>
        Parallel.ForEachAsync(corpus.Seeds, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (seed, _) => await action(seed));

    private static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
