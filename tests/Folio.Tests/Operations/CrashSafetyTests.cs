using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Folio.Tests.Infrastructure;
using MimeKit;

namespace Folio.Tests.Operations;

public sealed partial class CrashSafetyTests
{
    private const int Rounds = 3;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Folio:Api:RequestsPerMinute"] = "100000",
        ["Folio:Comments:PerMinute"] = "1000",
        ["Folio:Comments:PerHour"] = "10000",
        // A killed process's claimed emails come due again in seconds, not the default ten minutes.
        ["Folio:Mail:ClaimLease"] = "00:00:02",
        ["Folio:Mail:PollInterval"] = "00:00:01",
    };

    [Fact]
    public async Task EveryAcknowledgedWriteAndEmailSurvivesSigkillMidStreamAndNoEmailIsSentTwice()
    {
        using var folio = new FolioProcess(Settings, migrateTemplate: FolioApp.MigrateTemplate);
        var (writes, tokens) = await SeedAsync(folio.DataDirectory);

        for (var round = 1; round <= Rounds; round++)
        {
            await folio.ServeAsync();
            using var stop = new CancellationTokenSource();
            var before = writes.Count;
            var writers = writes.Start(folio.Address, tokens, stop.Token);
            await Eventually.TrueAsync(() => writes.Count >= before + 15 || !writes.Refusals.IsEmpty, within: FolioProcess.Timeout * 2,
                because: $"round {round}'s writers to have fifteen writes acknowledged");
            folio.Crash();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.True(writes.Refusals.IsEmpty, string.Join('\n', writes.Refusals));
        }

        await folio.ServeAsync();
        var database = new SiteDatabase(folio.DataDirectory);
        Assert.Empty(await database.IntegrityProblemsAsync());
        await AssertEveryAcknowledgedWriteIsThereAsync(folio.Address, writes, tokens.Insights);
        await Eventually.TrueAsync(async () => await database.CountAsync("""SELECT count(*) FROM "EmailQueue" WHERE "SentAt" IS NULL""") == 0,
            within: FolioProcess.Timeout, because: "the restarted Folio to send every queued email");
        var sent = await SentRepliesAsync(folio.DataDirectory);
        Assert.All(writes.Replies, reply => Assert.True(sent.ContainsKey(reply), $"no email for acknowledged reply {reply}"));
        Assert.All(sent, email => Assert.True(email.Value.Count == 1, $"reply {email.Key} was emailed as {email.Value.Count} different messages"));
        Assert.Equal(await database.CountAsync("""SELECT count(*) FROM "EmailQueue" """), sent.Count);
    }

    private static async Task<(AcknowledgedWrites, (string Stories, string Replies, string Insights))> SeedAsync(string dataDirectory)
    {
        using var app = new FolioApp(dataDirectory: dataDirectory);
        var community = await app.Data.CommunityAsync();
        using var writer = await app.ApiClientForAsync(Persona.Trusted);
        using var replier = await app.ApiClientForAsync(Persona.Reader);
        using var reader = await app.ApiClientForAsync(Persona.Reader);
        var story = await app.Data.StoryAsync(community, writer.User!);
        var commenter = await app.Data.PersonAsync();
        var parent = await app.Data.CommentAsync(story, commenter, "Reply to me; I want every email, once.");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (new AcknowledgedWrites(community.Slug, story.Id, parent.Id), (writer.Token!, replier.Token!, reader.Token!));
    }

    private static async Task AssertEveryAcknowledgedWriteIsThereAsync(Uri server, AcknowledgedWrites writes, string readerToken)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new("Bearer", readerToken);
        Assert.True(writes.Stories.Count >= Rounds && writes.Replies.Count >= Rounds, "every kind of write was acknowledged before the crashes");
        foreach (var story in writes.Stories)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/stories/{story}")).StatusCode);
        }

        foreach (var reply in writes.Replies)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/stories/{writes.StoryId}/comments/{reply}")).StatusCode);
        }

        foreach (var story in writes.Insights)
        {
            using var insights = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/stories/{story}/insights"));
            Assert.Equal(1, insights.RootElement.GetProperty("readers").GetInt32());
            Assert.Equal("nice-work", insights.RootElement.GetProperty("mine").GetProperty("impression").GetString());
        }
    }

    /// <summary>The reply emails in the outbox, by the reply they link to, as the Message-IDs they were sent with.</summary>
    private static async Task<Dictionary<int, HashSet<string>>> SentRepliesAsync(string dataDirectory)
    {
        var sent = new Dictionary<int, HashSet<string>>();
        foreach (var file in Directory.GetFiles(Path.Combine(dataDirectory, "outbox"), "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            var reply = int.Parse(CommentLink().Match(message.TextBody ?? "").Groups[1].Value);
            (sent.TryGetValue(reply, out var ids) ? ids : sent[reply] = []).Add(message.MessageId ?? "");
        }

        return sent;
    }

    [GeneratedRegex(@"#comment-(\d+)")]
    private static partial Regex CommentLink();
}
