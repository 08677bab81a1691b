using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Folio.Features.Creators;
using Folio.Tests.Infrastructure;
using Folio.Tests.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Folio.Tests.MultiNode;

/// <summary>
/// Two Folio processes on different loopback ports sharing one PostgreSQL database, as DESIGN.md's scale-out describes:
/// with Redis, whatever one node does the other sees at once; without it, a change reaches the other's cache within seconds.
/// </summary>
public sealed class TwoNodeTests
{
    private const string BrowserAgent = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";

    [MultiNodeFact]
    public async Task NodesShareSignInsCachedPagesRateLimitsAndReads()
    {
        using var redis = RedisServer.Start();
        var database = "folio_nodes_" + Guid.NewGuid().ToString("N")[..12];
        PostgresCluster.Shared.CreateDatabase(database);
        try
        {
            var connectionString = PostgresCluster.Shared.ConnectionString(database);
            var settings = new Dictionary<string, string?>
            {
                ["Folio:Database"] = "postgres",
                ["ConnectionStrings:Folio"] = connectionString,
                ["ConnectionStrings:Redis"] = redis.ConnectionString,
                ["Folio:Api:AnonymousRequestsPerMinute"] = "4",
                ["Folio:Comments:PerMinute"] = "2",
            };
            using var nodeA = await FolioProcess.StartAsync(settings);
            var cookies = new CookieContainer();
            using var browserA = Browser(nodeA, cookies);

            // Node A migrated the database; its first form made the data-protection key that every node shares.
            Assert.Equal(HttpStatusCode.OK, (await browserA.GetAsync("/signin")).StatusCode);
            var startingB = FolioProcess.StartAsync(settings);
            var (username, password, token) = await WriterAsync(connectionString);
            using var nodeB = await startingB;
            using var browserB = Browser(nodeB, cookies);
            using var anonymousA = Browser(nodeA, new CookieContainer());
            using var anonymousB = Browser(nodeB, new CookieContainer());
            using var apiA = Api(nodeA, token);

            var created = await apiA.PostAsJsonAsync("/api/v1/stories", new
            {
                community = "harbour",
                title = "Lights on the water",
                subtitle = "A late ferry, and a harbour that turned to look.",
                body = string.Join(' ', Enumerable.Repeat("The ferry came in late, and the whole harbour turned to look.", 12)),
                status = "published",
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            using var story = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            var id = story.RootElement.GetProperty("id").GetInt32();
            var path = $"/harbour/{story.RootElement.GetProperty("slug").GetString()}";

            // B serves the page from the shared cache; an edit on A evicts it for B at once.
            Assert.Equal("Lights on the water", await TitleAsync(anonymousB, path));
            using var again = await anonymousB.GetAsync(path);
            Assert.True(again.Headers.Age is not null, $"node B's second anonymous view was not served from the cache:\n{again.Headers}");
            using var edited = await apiA.PatchAsJsonAsync($"/api/v1/stories/{id}", new { title = "Lights on the night water" });
            Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
            Assert.Equal("Lights on the night water", await TitleAsync(anonymousB, path));

            // A read token spent on A is spent on B too.
            var readToken = await ReadTokenAsync(anonymousB, id);
            Assert.Equal(HttpStatusCode.NoContent, (await CountReadAsync(anonymousA, id, readToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await CountReadAsync(anonymousB, id, readToken)).StatusCode);
            Assert.Equal(1, await ReadsAsync(connectionString, id));

            // Signed in on A; B takes the same cookie, and A's antiforgery cookie, as its own.
            await browserA.SignInAsync(username, password);
            await StayWithinOneMinuteAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(browserB, id, "Posted through node B.")).StatusCode);
            Assert.Contains("Posted through node B.", (await browserA.GetHtmlAsync(path)).QuerySelector("#comments")?.TextContent);

            // Limits are counted across both nodes: comments (2 a minute per reader) and anonymous API calls (4 a minute per address).
            Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(browserA, id, "And one through node A.")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await CommentAsync(browserB, id, "One too many, through B.")).StatusCode);
            foreach (var client in new[] { anonymousA, anonymousA, anonymousB, anonymousB })
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/communities")).StatusCode);
            }

            foreach (var client in new[] { anonymousA, anonymousB })
            {
                using var limited = await client.GetAsync("/api/v1/communities");
                Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
                Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.ToString());
            }
        }
        finally
        {
            PostgresCluster.Shared.DropDatabase(database);
        }
    }

    [PostgresFact]
    public async Task WithoutRedisAChangeMadeThroughOneNodeOrACommandReachesTheOtherNodesCachedPagesWithinSeconds()
    {
        var database = "folio_nodes_" + Guid.NewGuid().ToString("N")[..12];
        PostgresCluster.Shared.CreateDatabase(database);
        try
        {
            var connectionString = PostgresCluster.Shared.ConnectionString(database);
            var settings = new Dictionary<string, string?> { ["Folio:Database"] = "postgres", ["ConnectionStrings:Folio"] = connectionString };
            using var nodeA = await FolioProcess.StartAsync(settings);
            var startingB = FolioProcess.StartAsync(settings);
            var (_, _, token) = await WriterAsync(connectionString);
            using var nodeB = await startingB;
            using var anonymousB = Browser(nodeB, new CookieContainer());
            using var apiA = Api(nodeA, token);
            await anonymousB.CachedAsync("/harbour");
            await anonymousB.CachedAsync("/explore");

            using var created = await apiA.PostAsJsonAsync("/api/v1/stories", new
            {
                community = "harbour",
                title = "Lights on the water",
                subtitle = "A late ferry, and a harbour that turned to look.",
                body = string.Join(' ', Enumerable.Repeat("The ferry came in late, and the whole harbour turned to look.", 12)),
                status = "published",
            });
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            await anonymousB.ShowsSoonAsync("/harbour", "Lights on the water", DateTime.UtcNow);

            using var story = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            var path = $"/harbour/{story.RootElement.GetProperty("slug").GetString()}";
            await anonymousB.CachedAsync(path);
            using var edited = await apiA.PatchAsJsonAsync($"/api/v1/stories/{story.RootElement.GetProperty("id").GetInt32()}", new { title = "Lights on the night water" });
            Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
            await anonymousB.ShowsSoonAsync(path, "Lights on the night water", DateTime.UtcNow);

            await nodeA.SucceedsAsync(["community", "add", "--slug", "night-owls", "--name", "Night Owls"]);
            await anonymousB.ShowsSoonAsync("/explore", "Night Owls", DateTime.UtcNow);
        }
        finally
        {
            PostgresCluster.Shared.DropDatabase(database);
        }
    }

    /// <summary>
    /// A trusted writer with a password and a token, and the community "harbour", written straight into the shared
    /// database by the test's own copy of Folio: much quicker than a command-line process per item on a busy machine.
    /// </summary>
    private static async Task<(string Username, string Password, string Token)> WriterAsync(string connectionString)
    {
        using var seeding = new FolioApp(settings: new Dictionary<string, string?>
        {
            ["Folio:Database"] = "postgres",
            ["ConnectionStrings:Folio"] = connectionString,
        });
        await seeding.Data.CommunityAsync("harbour", "Harbour");
        using var writer = await seeding.ApiClientForAsync(Persona.Trusted, "maya");
        await using var scope = seeding.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<FolioUser>>();
        var maya = await users.FindByIdAsync(writer.User!.Id) ?? throw new InvalidOperationException("maya is gone.");
        Assert.True((await users.AddPasswordAsync(maya, Personas.Password)).Succeeded);
        return ("maya", Personas.Password, writer.Token!);
    }

    private static HttpClient Browser(FolioProcess node, CookieContainer cookies)
    {
        // Cookies ignore ports, so one container serves both nodes on 127.0.0.1: exactly one browser's cookie jar.
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserAgent);
        return client;
    }

    private static HttpClient Api(FolioProcess node, string token)
    {
        var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task<HttpResponseMessage> CommentAsync(HttpClient browser, int storyId, string body) =>
        browser.PostFormAsync($"/stories/{storyId}/comments", [new("Body", body), new("ParentId", ""), new("Website", "")], $"/stories/{storyId}/comments");

    private static async Task<string?> TitleAsync(HttpClient browser, string path) =>
        (await browser.GetHtmlAsync(path)).QuerySelector("h1")?.TextContent.Trim();

    private static async Task<string> ReadTokenAsync(HttpClient browser, int storyId)
    {
        using var response = await browser.PostAsync($"/stories/{storyId}/read-token", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"no read token: {(int)response.StatusCode}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> CountReadAsync(HttpClient browser, int storyId, string token) =>
        browser.PostAsync($"/stories/{storyId}/read", new FormUrlEncodedContent([new("token", token)]));

    private static async Task<long> ReadsAsync(string connectionString, int storyId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT COALESCE(SUM("Reads"), 0) FROM "StoryReadDays" WHERE "StoryId" = @id""", connection);
        command.Parameters.AddWithValue("id", storyId);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Limits are counted per clock minute; a check that straddled two minutes would start counting afresh halfway.</summary>
    private static async Task StayWithinOneMinuteAsync()
    {
        var left = TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(DateTimeOffset.UtcNow.UtcTicks % TimeSpan.TicksPerMinute);
        if (left < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(200));
        }
    }
}
