using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Folio.Tests.Federation;

/// <summary>One POST as a remote inbox got it.</summary>
public sealed record ReceivedActivity(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>An inbox of another server on a loopback port: records every POST and answers as it is told.</summary>
public sealed class RemoteInbox : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedActivity> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> _answers = new();

    public RemoteInbox()
    {
        var port = LoopbackPort.Free();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{Origin}/");
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    public string Origin { get; }

    public string Url(string path) => Origin + path;

    public IReadOnlyList<ReceivedActivity> Received => [.. _received];

    /// <summary>The next request to the path is answered with this status (and Retry-After); after the queued answers, 202.</summary>
    public void AnswerNext(string path, int status, string? retryAfter = null) => _answers.GetOrAdd(path, _ => new()).Enqueue((status, retryAfter));

    public void Dispose() => _listener.Close();

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var path = context.Request.Url?.PathAndQuery ?? "";
            _received.Enqueue(new ReceivedActivity(path, headers, body.ToArray()));

            var (status, retryAfter) = _answers.TryGetValue(path, out var answers) && answers.TryDequeue(out var answer) ? answer : (202, null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers["Retry-After"] = retryAfter;
            }

            context.Response.Close();
        }
    }
}
