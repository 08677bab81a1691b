using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Folio.Tests.Operations;

/// <summary>
/// Writers that stream stories, replies and insights into a served Folio through its API, each with its own token, and
/// keep what the server acknowledged (a 2xx with the new id). A request the server never answered (it was killed, or
/// was too slow) may or may not have been saved, and nothing about it is promised.
/// </summary>
public sealed class AcknowledgedWrites(string community, int storyId, int parentCommentId)
{
    private static readonly string Body = string.Concat(Enumerable.Repeat("Every word of this story was acknowledged before the crash. ", 20));

    private readonly ConcurrentQueue<int> _awaitingInsights = new();

    /// <summary>The story every reply is written on.</summary>
    public int StoryId => storyId;

    public ConcurrentBag<int> Stories { get; } = [];

    public ConcurrentBag<int> Replies { get; } = [];

    public ConcurrentBag<int> Insights { get; } = [];

    /// <summary>Answers that were neither a success nor the server going away: each one is a failure of the test.</summary>
    public ConcurrentBag<string> Refusals { get; } = [];

    public int Count => Stories.Count + Replies.Count + Insights.Count;

    public Task[] Start(Uri server, (string Stories, string Replies, string Insights) tokens, CancellationToken stop) =>
    [
        Task.Run(() => WriteAsync(server, tokens.Stories, stop, WriteStoryAsync), stop),
        Task.Run(() => WriteAsync(server, tokens.Replies, stop, WriteReplyAsync), stop),
        Task.Run(() => WriteAsync(server, tokens.Insights, stop, WriteInsightAsync), stop),
    ];

    private async Task WriteAsync(Uri server, string token, CancellationToken stop, Func<HttpClient, int, Task> write)
    {
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var number = 1; !stop.IsCancellationRequested; number++)
        {
            try
            {
                await write(http, number);
            }
            catch (Exception unanswered) when (unanswered is HttpRequestException or TaskCanceledException or IOException or SocketException)
            {
                // Killed mid-request, or too slow on a busy machine: not acknowledged, so nothing is promised. A server killed
                // between accepting a connection and the client reading its address surfaces as a bare SocketException.
            }
        }
    }

    private async Task WriteStoryAsync(HttpClient http, int number)
    {
        var id = await CreatedIdAsync(http, "/api/v1/stories", new
        {
            community, title = $"Written before the crash {Guid.NewGuid():N}", subtitle = "Acknowledged", body = Body, status = "published",
        });
        if (id is { } story)
        {
            Stories.Add(story);
            _awaitingInsights.Enqueue(story);
        }
    }

    private async Task WriteReplyAsync(HttpClient http, int number)
    {
        if (await CreatedIdAsync(http, $"/api/v1/stories/{storyId}/comments", new { body = $"Reply {number}, acknowledged.", parentId = parentCommentId }) is { } reply)
        {
            Replies.Add(reply);
        }
    }

    private async Task WriteInsightAsync(HttpClient http, int number)
    {
        if (!_awaitingInsights.TryDequeue(out var story))
        {
            await Task.Delay(50);
            return;
        }

        using var response = await http.PostAsJsonAsync($"/api/v1/stories/{story}/insights", new { impression = "nice-work", qualities = new[] { "eye-opening" } });
        if (await AcknowledgedAsync(response))
        {
            Insights.Add(story);
        }
    }

    private async Task<int?> CreatedIdAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        if (!await AcknowledgedAsync(response))
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt32();
    }

    private async Task<bool> AcknowledgedAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        Refusals.Add($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return false;
    }
}
