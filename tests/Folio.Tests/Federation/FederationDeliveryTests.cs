using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Folio.Features.Federation;
using Folio.Features.Federation.Delivery;
using Folio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Folio.Tests.Federation;

/// <summary>Sending queued activities to remote inboxes, with the worker paused so the test runs each pass.</summary>
public sealed partial class FederationDeliveryTests : IDisposable
{
    private readonly RemoteInbox _remote = new();

    public void Dispose() => _remote.Dispose();

    [Fact]
    public async Task AQueuedActivityIsPostedOnceSignedWithItsActorsKeyAndMarkedDelivered()
    {
        using var app = await PausedAppAsync();
        var maya = await app.Data.PersonAsync();
        var inbox = _remote.Url("/inbox");

        var activity = await app.QueueAsync(maya, inbox);
        Assert.Equal(1, await app.DeliverDueAsync());

        var received = Assert.Single(_remote.Received);
        Assert.Equal("/inbox", received.Path);
        Assert.Equal(activity.GetProperty("id").GetString(), received.Json.GetProperty("id").GetString());
        Assert.StartsWith("application/activity+json", received.Headers["Content-Type"]);
        Assert.Equal("SHA-256=" + Convert.ToBase64String(SHA256.HashData(received.Body)), received.Headers["Digest"]);
        var key = await app.WithDbAsync(db => db.ActorKeys.SingleAsync(k => k.Kind == ActorKind.Person && k.OwnerId == maya.Id));
        Assert.True(IsSignedBy(received, key.PublicKeyPem, out var keyId));
        Assert.Equal(activity.GetProperty("actor").GetString() + "#main-key", keyId);

        var delivery = Assert.Single(await app.DeliveriesAsync());
        Assert.Equal((1, 202, null, null, app.Clock.UtcNow), (delivery.Attempts, delivery.LastStatusCode, delivery.LastError, delivery.NextAttemptAt, delivery.DeliveredAt));
        Assert.Equal(0, await app.DeliverDueAsync());
        Assert.Single(_remote.Received);
    }

    [Fact]
    public async Task AServerErrorIsTriedAgainAfterAPauseAndARefusalIsNot()
    {
        using var app = await PausedAppAsync();
        var maya = await app.Data.PersonAsync();
        _remote.AnswerNext("/flaky/inbox", 503);
        _remote.AnswerNext("/strict/inbox", 400);

        await app.QueueAsync(maya, _remote.Url("/flaky/inbox"));
        await app.QueueAsync(maya, _remote.Url("/strict/inbox"));
        Assert.Equal(0, await app.DeliverDueAsync());

        var (flaky, strict) = (await app.DeliveryToAsync(_remote.Url("/flaky/inbox")), await app.DeliveryToAsync(_remote.Url("/strict/inbox")));
        Assert.Equal((503, app.Clock.UtcNow.AddMinutes(1)), (flaky.LastStatusCode, flaky.NextAttemptAt));
        Assert.Equal((400, (DateTime?)null, (DateTime?)null), (strict.LastStatusCode, strict.NextAttemptAt, strict.DeliveredAt));
        Assert.Contains("400", strict.LastError);

        app.Clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(1, await app.DeliverDueAsync());
        Assert.Equal(3, _remote.Received.Count);
        Assert.NotNull((await app.DeliveryToAsync(_remote.Url("/flaky/inbox"))).DeliveredAt);
    }

    [Fact]
    public async Task TooManyRequestsWaitsAsLongAsTheServerAsksAndNoLessThanTheSchedule()
    {
        using var app = await PausedAppAsync();
        var maya = await app.Data.PersonAsync();
        _remote.AnswerNext("/slow/inbox", 429, retryAfter: "7200");
        _remote.AnswerNext("/brief/inbox", 429, retryAfter: "5");
        await app.QueueAsync(maya, _remote.Url("/slow/inbox"));
        await app.QueueAsync(maya, _remote.Url("/brief/inbox"));

        Assert.Equal(0, await app.DeliverDueAsync());

        Assert.Equal(app.Clock.UtcNow.AddHours(2), (await app.DeliveryToAsync(_remote.Url("/slow/inbox"))).NextAttemptAt);
        Assert.Equal(app.Clock.UtcNow.AddMinutes(1), (await app.DeliveryToAsync(_remote.Url("/brief/inbox"))).NextAttemptAt);
        app.Clock.Now += TimeSpan.FromMinutes(119);
        Assert.Equal(1, await app.DeliverDueAsync());
        app.Clock.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(1, await app.DeliverDueAsync());
        Assert.Equal(4, _remote.Received.Count);
    }

    [Fact]
    public async Task GoneRemovesTheFollowersThatInboxDeliveredForAndNoOneElse()
    {
        using var app = await PausedAppAsync();
        var maya = await app.Data.PersonAsync();
        var gone = await app.RemoteFollowerAsync(maya, _remote.Url("/users/gone"), sharedInbox: _remote.Url("/closed/inbox"));
        var sameServer = await app.RemoteFollowerAsync(maya, _remote.Url("/users/neighbour"), sharedInbox: _remote.Url("/closed/inbox"));
        var elsewhere = await app.RemoteFollowerAsync(maya, _remote.Url("/users/elsewhere"), sharedInbox: _remote.Url("/open/inbox"));
        _remote.AnswerNext("/closed/inbox", 410);

        await app.QueueAsync(maya, _remote.Url("/closed/inbox"));
        Assert.Equal(0, await app.DeliverDueAsync());

        var left = await app.WithDbAsync(db => db.RemoteFollowers.Select(f => f.RemoteActor.Uri).ToListAsync());
        Assert.Equal([_remote.Url("/users/elsewhere")], left);
        Assert.Null((await app.DeliveryToAsync(_remote.Url("/closed/inbox"))).NextAttemptAt);
        Assert.NotEqual(gone, elsewhere);
        Assert.NotEqual(sameServer, elsewhere);
    }

    [Fact]
    public async Task DeliveriesQueuedWhenTheSiteStopsAreSentAfterItStartsAgain()
    {
        var directory = Directory.CreateTempSubdirectory("folio-federation-").FullName;
        try
        {
            using (var before = InboxTestKit.App(directory))
            {
                await before.PauseFederationWorkerAsync();
                await before.QueueAsync(await before.Data.PersonAsync(), _remote.Url("/later/inbox"));
            }

            using var after = InboxTestKit.App(directory);
            _ = after.Services;
            await Eventually.ValueAsync(() => _remote.Received.Count, count => count == 1, within: TimeSpan.FromSeconds(20), because: "the delivery queued before the restart");
            Assert.Equal("/later/inbox", Assert.Single(_remote.Received).Path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<FolioApp> PausedAppAsync()
    {
        var app = InboxTestKit.App();
        await app.PauseFederationWorkerAsync();
        return app;
    }

    /// <summary>Checks a draft-cavage signature as a receiving server would, written here independently of Folio's code.</summary>
    private static bool IsSignedBy(ReceivedActivity received, string publicKeyPem, out string keyId)
    {
        var fields = SignatureField().Matches(received.Headers["Signature"]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        keyId = fields["keyId"];
        var signingString = string.Join('\n', fields["headers"].Split(' ').Select(name => name == "(request-target)"
            ? $"(request-target): post {received.Path}"
            : $"{name}: {received.Headers[name]}"));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return fields["algorithm"] == "rsa-sha256" && fields["headers"].Split(' ').ToHashSet().IsSupersetOf(["(request-target)", "host", "date", "digest"])
            && rsa.VerifyData(Encoding.UTF8.GetBytes(signingString), Convert.FromBase64String(fields["signature"]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    [GeneratedRegex("""(\w+)="([^"]*)"(?:,|$)""")]
    private static partial Regex SignatureField();
}
