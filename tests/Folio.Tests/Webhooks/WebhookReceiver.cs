using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Folio.Tests.Webhooks;

/// <summary>One POST as the receiver got it.</summary>
public sealed record ReceivedDelivery(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Event => Headers.GetValueOrDefault("X-Folio-Event", "");
    public string DeliveryId => Headers.GetValueOrDefault("X-Folio-Delivery", "");
    public string Text => Encoding.UTF8.GetString(Body);
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    public JsonElement Data(string name) => Json.GetProperty("data").GetProperty(name);

    /// <summary>Checks the signature the way the admin page tells receivers to, written here independently of Folio's code.</summary>
    public bool IsSignedWith(string secret)
    {
        var timestamp = Headers.GetValueOrDefault("X-Folio-Timestamp", "");
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(Body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Headers.GetValueOrDefault("X-Folio-Signature", "")));
    }
}

/// <summary>A webhook receiver on a loopback port that records every request and can be told to fail.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedDelivery> _received = new();
    private int _failuresLeft;

    /// <param name="start">False for a receiver that is down (connection refused) until <see cref="Start"/>.</param>
    public WebhookReceiver(bool start = true)
    {
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/hooks/folio";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        if (start)
        {
            Start();
        }
    }

    public string Url { get; }

    public IReadOnlyList<ReceivedDelivery> Received => [.. _received];

    public int FailureStatus { get; set; } = 500;

    public void FailNext(int times) => Interlocked.Exchange(ref _failuresLeft, times);

    public void Start()
    {
        _listener.Start();
        _ = Task.Run(ListenAsync);
    }

    /// <summary>Waits for the first request for an event, as the worker sends it in the background.</summary>
    public async Task<ReceivedDelivery> WaitForAsync(string eventName, int count = 1)
    {
        await Eventually.ValueAsync(() => Received.Select(r => r.Event).ToList(), events => events.Count(e => e == eventName) >= count,
            within: TimeSpan.FromSeconds(15), because: $"{eventName} delivery #{count} (observed: the events received)");
        return Received.Where(r => r.Event == eventName).ElementAt(count - 1);
    }

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
            _received.Enqueue(new ReceivedDelivery(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body.ToArray()));

            var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
            context.Response.StatusCode = fail ? FailureStatus : 204;
            if (fail)
            {
                await context.Response.OutputStream.WriteAsync("The receiver is failing on purpose"u8.ToArray());
            }

            context.Response.Close();
        }
    }
}
