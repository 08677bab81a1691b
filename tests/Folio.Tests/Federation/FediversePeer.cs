using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Folio.Tests.Federation;

/// <summary>One request the peer received, as it arrived.</summary>
public sealed record PeerRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
    public string? Header(string name) => Headers.GetValueOrDefault(name);
}

/// <summary>
/// Another fediverse server for tests: a real Kestrel server on a loopback port that publishes its actors' documents
/// (each with its own RSA key) at /users/{name} and their handles at WebFinger, takes POSTs to their inboxes and to /inbox, and records every request.
/// Give Folio Folio:Federation:AllowHttp=true to talk to it.
/// </summary>
public sealed class FediversePeer : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly ConcurrentDictionary<string, PeerActor> _actors = new();
    private readonly ConcurrentQueue<PeerRequest> _requests = new();

    private FediversePeer(WebApplication server, int port)
    {
        _server = server;
        Origin = $"http://127.0.0.1:{port}";
    }

    public string Origin { get; }
    public string SharedInbox => Origin + "/inbox";

    public IReadOnlyList<PeerRequest> Requests => [.. _requests];

    /// <summary>The GETs of one actor's document, e.g. to count how often Folio fetched it.</summary>
    public IReadOnlyList<PeerRequest> FetchesOf(PeerActor actor) =>
        [.. Requests.Where(r => r.Method == "GET" && r.Path == new Uri(actor.Id).AbsolutePath)];

    public IReadOnlyList<PeerRequest> PostsTo(string inbox) =>
        [.. Requests.Where(r => r.Method == "POST" && r.Path == new Uri(inbox).AbsolutePath)];

    /// <summary>The actor called <paramref name="name"/>, made with a fresh key the first time it is asked for.</summary>
    public PeerActor Actor(string name) => _actors.GetOrAdd(name, n => new PeerActor(this, n));

    public static async Task<FediversePeer> StartAsync()
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var peer = new FediversePeer(server, port);
        server.Use(async (context, next) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            peer._requests.Enqueue(new PeerRequest(context.Request.Method, context.Request.Path.Value ?? "", headers, body.ToArray()));
            await next(context);
        });
        server.MapGet("/users/{name}", (string name) => !peer._actors.TryGetValue(name, out var actor) ? Results.NotFound()
            : actor.Gone ? Results.StatusCode(StatusCodes.Status410Gone)
            : Results.Text(actor.Document().ToJsonString(), "application/activity+json; charset=utf-8", Encoding.UTF8));
        server.MapGet("/.well-known/webfinger", (string resource) =>
            resource.StartsWith("acct:", StringComparison.Ordinal) && resource.IndexOf('@') is var at and > 5
            && peer._actors.TryGetValue(resource[5..at], out var actor)
                ? Results.Text(new JsonObject
                {
                    ["subject"] = resource,
                    ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["type"] = "application/activity+json", ["href"] = actor.Id }),
                }.ToJsonString(), "application/jrd+json", Encoding.UTF8)
                : Results.NotFound());
        server.MapPost("/users/{name}/inbox", () => Results.Accepted());
        server.MapPost("/inbox", () => Results.Accepted());
        await server.StartAsync();
        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        foreach (var actor in _actors.Values)
        {
            actor.Dispose();
        }
    }
}
