using System.Net;
using Folio.Features.Creators;
using Folio.Tests.Infrastructure;
using Folio.Tests.Writing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Folio.Tests.Newsletters;

/// <summary>A new-story email from publishing to a real SMTP server (smtp4dev), and one-click unsubscribe from its header.</summary>
public sealed class NewsletterOverSmtpTests
{
    [Fact]
    public async Task APublishedStoryArrivesWithItsHeadersAndPartsAndTheHeadersOneClickStopsTheNextOne()
    {
        var smtp = await SmtpServer.SharedAsync();
        using var app = new FolioApp(settings: smtp.FolioSettings);
        var community = await app.Data.CommunityAsync(name: "Rivers");
        using var creator = await app.ClientForAsync(Persona.Trusted);
        var leaving = await ReaderAtAsync(app, "Lee Leaving");
        var staying = await ReaderAtAsync(app, "Sol Staying");
        await app.SubscribeAsync(leaving, creator.User!);
        await app.SubscribeAsync(staying, creator.User!);

        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "First Light", subtitle: "Morning on the water", handler: "Publish"));

        var message = Assert.Single(await smtp.ReceivedAsync(leaving.Email!));
        Assert.Equal("First Light", message.Subject);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.NotNull(message.Headers[HeaderId.Date]);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.UnsubscribeUrl();
        Assert.StartsWith("http://localhost/unsubscribe/", unsubscribe);
        Assert.Contains(unsubscribe, message.TextBody);
        Assert.Contains($"href=\"{unsubscribe}\"", message.HtmlBody);

        var storyUrl = $"http://localhost/{community.Slug}/first-light";
        Assert.Contains($"Read it on Folio: {storyUrl}", message.TextBody);
        Assert.Contains($"href=\"{storyUrl}\"", message.HtmlBody);
        using var mailProvider = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var story = await mailProvider.GetHtmlAsync(storyUrl);
        Assert.Equal("First Light", story.QuerySelector("h1")?.TextContent.Trim());

        // RFC 8058: the provider POSTs List-Unsubscribe=One-Click to the header's address, with no cookie.
        var stopped = await mailProvider.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);

        await creator.Http.PostStoryAsync(StoryForms.Fields(community.Slug, "Second Light", handler: "Publish"));

        Assert.Equal(["First Light", "Second Light"], (await smtp.ReceivedAsync(staying.Email!, count: 2)).Select(m => m.Subject).Order());
        await Eventually.TrueAsync(async () => await app.WithDbAsync(db => db.QueuedEmails.AllAsync(e => e.SentAt != null)),
            SmtpServer.Timeout, "every queued email to be sent");
        Assert.Equal(["First Light"], (await smtp.MessagesToAsync(leaving.Email!)).Select(m => m.Subject));
    }

    /// <summary>A reader whose address the run's smtp4dev receives for and nobody else uses.</summary>
    private static async Task<FolioUser> ReaderAtAsync(FolioApp app, string displayName)
    {
        var address = SmtpServer.NewAddress(displayName.Split(' ')[0].ToLowerInvariant());
        var reader = await app.ReaderAsync(displayName, stored => (stored.Email, stored.NormalizedEmail) = (address, address.ToUpperInvariant()));
        return await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == reader.Id));
    }
}
