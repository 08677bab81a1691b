using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;

namespace Folio.Testing;

/// <summary>
/// An independent ActivityPub server on loopback: tests/fediverse-peer/peer.mjs, Fedify (pinned in its
/// package-lock.json, installed with `npm ci` once per run when missing) with one Person, alice, on plain http. It
/// trusts a <see cref="TlsLoopback"/> CA, so it can resolve Folio's handles over https; the test drives it through its
/// control API. Disposing it kills it.
/// </summary>
public sealed class FediversePeer : IAsyncDisposable
{
    /// <summary>Installing it the first time downloads it; generating its key takes seconds on a busy two-core machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    public static readonly string Folder = typeof(FediversePeer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FolioFediversePeer").Value ?? throw new InvalidOperationException("Folio.Testing was built without FolioFediversePeer.");

    private static readonly SemaphoreSlim Install = new(1, 1);

    private readonly Process _process;
    private readonly ProcessOutput _output = new();
    private readonly HttpClient _control;

    private FediversePeer(Process process, int port)
    {
        (_process, Port) = (process, port);
        _control = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }

    /// <summary>alice's actor id, as Folio sees it in what she sends.</summary>
    public Uri ActorId => new($"http://127.0.0.1:{Port}/users/alice");

    public string Handle => $"@alice@127.0.0.1:{Port}";

    public string Log => _output.ToString();

    /// <summary>Why the peer cannot run here, or null when it can.</summary>
    public static string? Missing =>
        QualityTools.FindOnPath("node") is null || QualityTools.FindOnPath("npm") is null
            ? "Needs Node.js 20 and npm for the Fedify peer: apt-get install nodejs npm (.ci/run does it)."
            : null;

    public static async Task<FediversePeer> StartAsync(TlsLoopback trusting)
    {
        await InstallAsync();
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add("peer.mjs");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["NODE_EXTRA_CA_CERTS"] = trusting.CaPath;
        var process = Process.Start(start) ?? throw new InvalidOperationException("node peer.mjs did not start.");
        var peer = new FediversePeer(process, port);
        peer._output.Follow(process);
        try
        {
            await Eventually.TrueAsync(() => peer.AnswersAsync(), Timeout, $"the Fedify peer to answer on port {port}");
        }
        catch (Exception notReady) when (notReady is TimeoutException or InvalidOperationException)
        {
            await peer.DisposeAsync();
            throw new InvalidOperationException($"The Fedify peer did not start: {notReady.Message}\n{peer.Log}", notReady);
        }

        return peer;
    }

    /// <summary>Resolves a handle (@name@host) or URL through WebFinger and the actor's document, as Fedify sees it.</summary>
    public Task<PeerActor> LookupAsync(string handle) => CallAsync<PeerActor>("lookup", new { handle });

    public Task<PeerActor> FollowAsync(string handle) => CallAsync<PeerActor>("follow", new { handle });

    public Task UndoFollowAsync(string handle) => CallAsync<JsonElement>("undo-follow", new { handle });

    public Task LikeAsync(Uri @object) => CallAsync<JsonElement>("like", new { @object });

    public Task AnnounceAsync(Uri @object) => CallAsync<JsonElement>("announce", new { @object });

    /// <summary>alice replies to a story or comment (its ActivityPub id); returns her note's id.</summary>
    public async Task<Uri> ReplyAsync(Uri inReplyTo, string content) =>
        new((await CallAsync<JsonElement>("reply", new { inReplyTo, content })).GetProperty("id").GetString()!);

    /// <summary>alice deletes her reply: Delete with a Tombstone, to the story's creator.</summary>
    public Task DeleteReplyAsync(Uri note) => CallAsync<JsonElement>("delete-reply", new { id = note });

    /// <summary>Every activity alice's inboxes received, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedActivity>> ReceivedAsync() =>
        await _control.GetFromJsonAsync<List<ReceivedActivity>>("/control/received", Json) ?? [];

    /// <summary>Waits until alice has received an activity that <paramref name="matches"/>.</summary>
    public async Task<ReceivedActivity> ReceivedAsync(Func<ReceivedActivity, bool> matches, string because) =>
        (await Eventually.ValueAsync(ReceivedAsync, received => received.Any(matches), Timeout, because)).First(matches);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<T> CallAsync<T>(string action, object body)
    {
        using var response = await _control.PostAsJsonAsync("/control/" + action, body, Json);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The Fedify peer's {action} failed ({(int)response.StatusCode}): {text}\n{Log}");
        }

        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    private async Task<bool> AnswersAsync()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"node peer.mjs exited with {_process.ExitCode}.");
        }

        try
        {
            using var response = await _control.GetAsync("/control/received");
            return response.IsSuccessStatusCode;
        }
        catch (Exception notYet) when (notYet is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _control.Dispose();
    }

    private static async Task InstallAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "@fedify", "fedify")))
            {
                return;
            }

            var run = await QualityTools.RunAsync("npm", ["ci", "--prefix", Folder, "--no-audit", "--no-fund", "--loglevel=error"], Timeout);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed ({run.ExitCode}) in {Folder}:\n{run}");
            }
        }
        finally
        {
            Install.Release();
        }
    }
}

/// <summary>An actor as the Fedify peer resolved it.</summary>
public sealed record PeerActor(string Id, string Type, string? PreferredUsername, string? Inbox, string? SharedInbox);

/// <summary>An activity the Fedify peer received: its type (Accept, Create…), who sent it, the id of its object, and all of it.</summary>
public sealed record ReceivedActivity(string? Id, string Type, string? Actor, string? Object, JsonElement Json);
