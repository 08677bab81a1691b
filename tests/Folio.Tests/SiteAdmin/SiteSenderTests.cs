using System.Net;
using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Folio.Tests.SiteAdmin;

public sealed class SiteSenderTests : IDisposable
{
    private readonly FolioApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheSenderAnAdminChoosesSendsTheTestEmailQueuedToTheAdmin()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = await admin.Http.ShownAsync();
        fields["Input.SenderName"] = "Night Owls";
        fields["Input.SenderAddress"] = "owls@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Http.SaveGeneralAsync(fields)).StatusCode);

        var sent = await admin.Http.PostFormAsync("/admin/site?handler=TestEmail", new(), "/admin/site");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var page = await admin.Http.GetHtmlAsync("/admin/site");
        Assert.Contains($"A test email is on its way to {admin.User!.Email}", page.QuerySelector(".notice--success")?.TextContent);
        Assert.Equal("Night Owls", page.QuerySelector("input[name='Input.SenderName']")?.GetAttribute("value"));
        var queued = await _app.WithDbAsync(db => db.QueuedEmails.AsNoTracking().SingleAsync());
        Assert.Equal((EmailKind.Test, admin.User.Id), (queued.Kind, queued.RecipientId));
        var message = MimeMessage.Load(Assert.Single(await _app.OutboxAsync()));
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Night Owls", "owls@example.org"), (from.Name, from.Address));
        Assert.Equal(admin.User.Email, Assert.Single(message.To.Mailboxes).Address);
        // The Message-ID keeps the configured domain, so an email sent again after the sender changed is still one email.
        Assert.EndsWith("@localhost", message.MessageId);
    }

    [Fact]
    public async Task ABadSenderIsShownAgainWithWhatToFixAndNothingIsStored()
    {
        using var admin = await _app.ClientForAsync(Persona.Admin);
        var fields = await admin.Http.ShownAsync();
        fields["Input.SenderName"] = "Night\nOwls";
        fields["Input.SenderAddress"] = "owls at example.org";

        var response = await admin.Http.SaveGeneralAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("Write the sender name on one line.", page.QuerySelector("[data-valmsg-for='Input.SenderName']")?.TextContent);
        Assert.Equal("Enter an email address, like stories@example.org.", page.QuerySelector("[data-valmsg-for='Input.SenderAddress']")?.TextContent);
        Assert.Equal("owls at example.org", page.QuerySelector("input[name='Input.SenderAddress']")?.GetAttribute("value"));
        Assert.Equal(0, await _app.WithDbAsync(db => db.SiteSettings.CountAsync(s => s.SenderAddress != null || s.SenderName != null)));
    }
}
