using Folio.Features.Mail;
using Folio.Tests.Infrastructure;
using Folio.Tests.Notifications;
using Folio.Tests.Operations;
using Xunit.Abstractions;

namespace Folio.Tests.Mail;

public sealed class MailCrashTests(ITestOutputHelper output)
{
    private const int Emails = 300;

    [Fact]
    public async Task AProcessKilledMidBatchLosesNoEmailAndSendsNoneUnderTwoMessageIds()
    {
        await using var smtp = await SmtpServer.StartAsync();
        using var folio = new FolioProcess(new Dictionary<string, string?>(smtp.FolioSettings)
        {
            // A killed process's claimed emails come due again in seconds, not the default ten minutes.
            ["Folio:Mail:ClaimLease"] = "00:00:02",
            ["Folio:Mail:PollInterval"] = "00:00:01",
            // Held to 50 a second, the kill lands mid-batch on any machine.
            ["Folio:Mail:MaxPerMinute"] = "3000",
        }, migrateTemplate: FolioApp.MigrateTemplate);
        var addresses = await QueueAsync(folio.DataDirectory);

        await folio.ServeAsync();
        var before = await Eventually.ValueAsync(async () => (await smtp.AllMessagesAsync()).Count, count => count >= 20, FolioProcess.Timeout,
            "the first emails at smtp4dev");
        folio.Crash();
        var atCrash = (await smtp.AllMessagesAsync()).Count;
        Assert.True(atCrash < Emails, $"all {atCrash} emails were sent before the kill; it did not land mid-batch");

        await folio.ServeAsync();
        var database = new SiteDatabase(folio.DataDirectory);
        await Eventually.TrueAsync(async () => await database.CountAsync("""SELECT count(*) FROM "EmailQueue" WHERE "SentAt" IS NULL""") == 0,
            within: FolioProcess.Timeout, because: "the restarted Folio to send every queued email");

        var received = await Task.WhenAll((await smtp.AllMessagesAsync()).Select(m => smtp.RawAsync(m.Id)));
        var byAddress = received.GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Select(m => m.MessageId).ToList());
        Assert.All(addresses, address => Assert.True(byAddress.ContainsKey(address), $"no email arrived for {address}"));
        Assert.All(byAddress, sent => Assert.True(sent.Value.Distinct().Count() == 1, $"{sent.Key} got {string.Join(", ", sent.Value.Distinct())}"));
        Assert.Equal(Emails, byAddress.Count);
        output.WriteLine($"{before} received when polled, {atCrash} at the kill; {received.Length - Emails} sent again under the same Message-ID");
    }

    /// <summary>The emails, queued with the worker paused, so the served process is the first to send any.</summary>
    private static async Task<List<string>> QueueAsync(string dataDirectory)
    {
        using var app = new FolioApp(dataDirectory: dataDirectory);
        await app.PauseMailAsync();
        var addresses = Enumerable.Range(1, Emails).Select(n => SmtpServer.NewAddress($"crash{n}")).ToList();
        await app.QueueAsync(MailSteps.Content("Survives a crash"), addresses.Select(a => new EmailRecipient(a, "Reader")));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return addresses;
    }
}
